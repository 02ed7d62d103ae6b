@testable import InterlockQuery
import Testing

/// A pattern predicate or subquery that is one hop from a bound node with only labels, types
/// and a bound end to check (`NOT EXISTS { (i)-[:SUPPORTS]->(:Goal) }`) walks the node's
/// relationships directly (`MatchPlan.matches(extending:firstOnly:)`). Its answers must be the
/// search's: the same subquery with a `WHERE true`, which the plan keeps as a filter and
/// therefore searches, gives the same counts and existence on random graphs.
@Suite struct SingleHopSubqueryTests {
    struct RandomHop {
        let graph: TestGraph
        let pattern: String

        init(seed: Int) {
            var random = DifferentialTests.Random(state: UInt64(seed) &* 0x2545_F491_4F6C_DD1D &+ 3)
            graph = DifferentialTests.randomGraph(&random)
            let type = ["", ":R", ":S", ":R|S"][random.next(4)]
            let end = ["()", "(:A)", "(:B)", "(c)", "(c:C)"][random.next(5)]
            let start = random.chance(30) ? "(a:A)" : "(a)"
            pattern = [
                "\(start)-[\(type)]->\(end)", "\(start)<-[\(type)]-\(end)", "\(start)-[\(type)]-\(end)",
            ][random.next(3)]
        }

        func query(filtered: Bool) -> String {
            let filter = filtered ? " WHERE true" : ""
            return "MATCH (a), (c) RETURN a.id, c.id, COUNT { \(pattern)\(filter) } AS n, EXISTS { \(pattern)\(filter) } AS e, "
                + "\(filtered ? "EXISTS { \(pattern) WHERE true }" : pattern) AS p ORDER BY a.id, c.id"
        }
    }

    @Test(arguments: 0..<150)
    func oneHopAnswersAsTheSearch(seed: Int) {
        let random = RandomHop(seed: seed)
        #expect(rows(random.query(filtered: false), on: random.graph) == rows(random.query(filtered: true), on: random.graph),
                "\(random.pattern)")
    }

    /// By hand, on a self-loop and a pair of parallel relationships: every relationship counts
    /// once, a self-loop once even undirected, and a start that is not a node is an error.
    @Test func examples() throws {
        let graph = CountedAggregationTests.graph
        #expect(rows("MATCH (i:Initiative {id: 'i1'}) RETURN COUNT { (i)-[:DEPENDS_ON]-() } AS n", on: graph) == [[4]])
        #expect(rows("MATCH (i:Initiative {id: 'i2'}) RETURN COUNT { (i)-[:READS]->(:DataSource) } AS n", on: graph) == [[2]])
        #expect(rows("MATCH (i:Initiative) WHERE NOT EXISTS { (i)-[:READS]->() } RETURN i.id ORDER BY i.id", on: graph) == [["i3"]])
        #expect(throws: QueryError.self) { try QueryEngine(graph: graph).run("WITH 1 AS a RETURN EXISTS { (a)-->() } AS e") }
    }
}
