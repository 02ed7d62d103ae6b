@testable import InterlockQuery
import Testing

/// `ORDER BY … LIMIT k` after a projection that cannot fail sorts the rows first and projects
/// only the k kept (`QueryPlanner.topBeforeProjection`). The answer must be the one the whole
/// sort gives: the first k rows of the same query without SKIP and LIMIT, in the same order,
/// ties kept in arrival order.
@Suite struct TopBeforeProjectionTests {
    /// A random top-k query over a random graph, and the same query without SKIP and LIMIT.
    struct RandomTop {
        let graph: TestGraph
        let query: String
        let whole: String
        let skip: Int
        let limit: Int

        init(seed: Int) {
            var random = DifferentialTests.Random(state: UInt64(seed) &* 0x9E37_79B9_7F4A_7C15 &+ 7)
            graph = DifferentialTests.randomGraph(&random)
            let matches = ["MATCH (a)", "MATCH (a:A)", "MATCH (a)-[r]->(b)", "MATCH (a)-[r:R]-(b) WHERE a.v >= 1", "MATCH (a) OPTIONAL MATCH (a)-[r]->(b)"]
            let match = matches[random.next(matches.count)]
            let binds = match.contains("(b)")
            var items = ["a.id AS id", "a.v AS value"]
            if binds { items += ["b.id AS other", "r"] }
            if random.chance(30) { items.append("a") }
            if random.chance(30) { items.append("$threshold AS threshold") }
            var keys = ["value", "a.v", "id", "a.id", "a.name"]
            if binds { keys += ["other", "b.v"] }
            let chosen = (0..<(1 + random.next(3))).map { _ in keys[random.next(keys.count)] + (random.chance(50) ? " DESC" : "") }
            whole = "\(match) RETURN \(items.joined(separator: ", ")) ORDER BY \(chosen.joined(separator: ", "))"
            skip = random.chance(30) ? random.next(4) : 0
            limit = random.next(6)
            query = whole + (skip > 0 ? " SKIP \(skip)" : "") + " LIMIT \(limit)"
        }
    }

    @Test(arguments: 0..<200)
    func topRowsAreTheFirstRowsOfTheWholeSort(seed: Int) throws {
        let random = RandomTop(seed: seed)
        let parameters: [String: QueryValue] = ["threshold": .integer(2)]
        let whole = rows(random.whole, on: random.graph, parameters: parameters)
        let expected = Array(whole.dropFirst(random.skip).prefix(random.limit))
        #expect(rows(random.query, on: random.graph, parameters: parameters) == expected, "\(random.query)")
    }

    /// By hand: ties on the value keep the order the rows came in, an alias and the item it
    /// names sort alike, and a WITH … WHERE after the top keeps filtering the projected rows.
    @Test func examples() throws {
        let graph = CountedAggregationTests.graph
        #expect(rows("MATCH (i:Initiative) RETURN i.id AS id, i.v AS v ORDER BY v DESC, id LIMIT 3", on: graph) == [
            ["i4", .null], ["i2", 2], ["i1", 1],
        ])
        #expect(rows("MATCH (i:Initiative) RETURN i.id AS id ORDER BY i.v SKIP 1 LIMIT 2", on: graph) == [["i3"], ["i2"]])
        #expect(rows("MATCH (i:Initiative) WITH i.id AS id, i.v AS v ORDER BY v LIMIT 3 WHERE v > 1 RETURN id", on: graph) == [["i2"]])
    }

    /// A projection that can fail is computed for every row first, as openCypher does: the
    /// error is raised even when the row that raises it would not be returned.
    @Test func itemsThatCanFailAreComputedForEveryRow() {
        let graph = CountedAggregationTests.graph
        #expect(throws: QueryError.self) {
            try QueryEngine(graph: graph).run("MATCH (i:Initiative) RETURN i.id, 1 / (i.v - 1) AS x ORDER BY i.id LIMIT 1")
        }
        #expect(throws: QueryError.self) {
            try QueryEngine(graph: graph).run("MATCH (i:Initiative) RETURN i.id, 1 / (i.v - i.v) AS x ORDER BY i.id LIMIT 0")
        }
        #expect(throws: QueryError.self) {
            try QueryEngine(graph: graph).run("UNWIND [1, 'a'] AS x RETURN x.key ORDER BY x LIMIT 0")
        }
    }
}
