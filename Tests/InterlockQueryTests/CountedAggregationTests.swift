@testable import InterlockQuery
import Testing

/// The counted MATCH tail: a MATCH followed by a counting aggregation counts its final steps
/// instead of enumerating them. Each query is checked three ways: the rows it gives (exact,
/// worked out by hand), the rows of the same query with `WITH *` after the MATCH (which
/// enumerates every match row by row), and how many steps the planner counts, so that a
/// change which silently stops counting, or counts where it must not, fails here.
@Suite struct CountedAggregationTests {
    /// Initiatives i1..i4, data sources d1 (domain crm), d2 (no domain), d3 (unused),
    /// capabilities c1, c2:
    ///
    ///     i1 -WRITES-> d1, i1 -READS-> d1      (writer and reader of one source)
    ///     i2 -READS-> d1 twice                  (two relationships between the same nodes)
    ///     i3 -WRITES-> d1, i3 -WRITES-> d2, i4 -WRITES-> d2, i4 -READS-> d2
    ///     i1 -DEPENDS_ON-> i1                   (a self-loop), i1 -> i2, i2 -> i1, i3 -> i1
    ///     i1, i2, i3 -DELIVERS-> c1;  i4 -DELIVERS-> c2
    static let graph: TestGraph = {
        func node(_ label: String, _ id: String, _ properties: [String: QueryValue] = [:]) -> TestGraph.Node {
            TestGraph.Node(label: label, properties: properties.merging(["id": .string(id)]) { $1 })
        }
        let nodes = [
            node("Initiative", "i1", ["v": 1]), node("Initiative", "i2", ["v": 2]), node("Initiative", "i3", ["v": 1]),
            node("Initiative", "i4"), node("DataSource", "d1", ["domain": "crm"]), node("DataSource", "d2"),
            node("DataSource", "d3", ["domain": "hr"]), node("Capability", "c1"), node("Capability", "c2"),
        ]
        let edges: [(Int, Int, String)] = [
            (0, 4, "WRITES"), (0, 4, "READS"), (1, 4, "READS"), (1, 4, "READS"), (2, 4, "WRITES"), (2, 5, "WRITES"),
            (3, 5, "WRITES"), (3, 5, "READS"), (0, 0, "DEPENDS_ON"), (0, 1, "DEPENDS_ON"), (1, 0, "DEPENDS_ON"),
            (2, 0, "DEPENDS_ON"), (0, 7, "DELIVERS"), (1, 7, "DELIVERS"), (2, 7, "DELIVERS"), (3, 8, "DELIVERS"),
        ]
        return TestGraph(nodes: nodes, relationships: edges.map { .init(source: $0, target: $1, type: $2) })
    }()

    /// How many steps the planner counts rather than enumerates in the MATCH clauses that
    /// open the query.
    static func countedSteps(_ text: String, on graph: TestGraph = graph) throws -> Int {
        let clauses = try QueryEngine<TestGraph>.prepare(text).parts[0].clauses
        let context = ExecutionContext(graph: graph, parameters: [:], procedures: [], limits: .query)
        var scope = Scope()
        var counted = 0
        for (index, clause) in clauses.enumerated() {
            guard case .match(let match) = clause else { break }
            let live = match.liveVariablesForCounting(then: clauses.indices.contains(index + 1) ? clauses[index + 1] : nil)
            let plan = try MatchPlanner(context: context, inputScope: scope)
                .plan(match.patterns, predicate: match.predicate, counting: live)
            counted += plan.steps.count - plan.countedFrom
            scope = plan.scope
        }
        return counted
    }

    /// The query with `WITH *` before its first WITH or RETURN, which makes the MATCH before
    /// it enumerate every match.
    static func enumerating(_ text: String) -> String {
        let projections = [" RETURN ", " WITH "].compactMap { text.range(of: $0)?.lowerBound }
        guard let first = projections.min() else { return text }
        return text[..<first] + " WITH *" + text[first...]
    }

    struct Example: CustomTestStringConvertible {
        var query: String
        var rows: [[QueryValue]]
        var counted: Int
        var testDescription: String { query }
    }

    static let examples: [Example] = [
        // d1: writers i1, i3 times readers i1, i2, i2 (pairs of distinct relationships, i1 with itself included).
        Example(
            query: "MATCH (a:Initiative)-[:WRITES]->(d:DataSource)<-[:READS]-(b:Initiative) RETURN d.id, count(*) AS pairs ORDER BY pairs DESC, d.id LIMIT 10",
            rows: [["d1", 6], ["d2", 2]], counted: 2),
        Example(
            query: "MATCH (i:Initiative)-[:DELIVERS]->(c:Capability) WITH c, count(i) AS n WHERE n > 1 RETURN c.id, n",
            rows: [["c1", 3]], counted: 1),
        // The same written as two patterns: the check that d is bound is counted too.
        Example(
            query: "MATCH (a:Initiative)-[:WRITES]->(d:DataSource), (d)<-[:READS]-(b:Initiative) RETURN d.id, count(*) ORDER BY d.id",
            rows: [["d1", 6], ["d2", 2]], counted: 3),
        Example(
            query: "MATCH (a)-[:WRITES]->(d:DataSource), (d {domain: 'crm'})<-[:READS]-(b) RETURN count(*)",
            rows: [[6]], counted: 3),
        // The same type twice: the second hop is counted, the first enumerated, so that the two
        // never take the same relationship (i1 has 3 incoming DEPENDS_ON, so 3 x 2 ordered pairs).
        Example(
            query: "MATCH (a)-[:DEPENDS_ON]->(x:Initiative)<-[:DEPENDS_ON]-(b) RETURN x.id, count(*)",
            rows: [["i1", 6]], counted: 1),
        // Undirected: the self-loop counts once.
        Example(
            query: "MATCH (a:Initiative)-[:DEPENDS_ON]-(b) RETURN a.id, count(b) ORDER BY a.id",
            rows: [["i1", 4], ["i2", 2], ["i3", 1]], counted: 1),
        // A null grouping key is a group of its own.
        Example(
            query: "MATCH (d:DataSource)<-[:WRITES]-(a) RETURN d.domain, count(*) ORDER BY d.domain",
            rows: [["crm", 2], [nil, 2]], counted: 1),
        // count(expression) reads the grouped node, null for d2's readers.
        Example(query: "MATCH (d:DataSource)<-[:READS]-(b) RETURN count(d.domain), count(*)", rows: [[3, 4]], counted: 1),
        // A WHERE on the grouped node is checked before the counted hops.
        Example(
            query: "MATCH (a)-[:WRITES]->(d:DataSource)<-[:READS]-(b) WHERE d.domain = 'crm' RETURN d.id, count(*)",
            rows: [["d1", 6]], counted: 2),
        // A WHERE reading the hops' ends must see every match: nothing is counted.
        Example(
            query: "MATCH (a)-[:WRITES]->(d:DataSource)<-[:READS]-(b) WHERE a <> b RETURN d.id, count(*) ORDER BY d.id",
            rows: [["d1", 5], ["d2", 1]], counted: 0),
        // A property constraint on a counted node is part of its check.
        Example(
            query: "MATCH (d:DataSource)<-[:WRITES]-(a {v: 1}) RETURN d.id, count(*) ORDER BY d.id",
            rows: [["d1", 2], ["d2", 1]], counted: 1),
        // A MATCH after an aggregation counts too (d, written by j, is counted).
        Example(
            query: "MATCH (c:Capability)<-[:DELIVERS]-(i) WITH c, count(i) AS n MATCH (c)<-[:DELIVERS]-(j)-[:WRITES]->(d) RETURN c.id, n, count(d) ORDER BY c.id",
            rows: [["c1", 3, 3], ["c2", 1, 1]], counted: 1),
        // Disconnected parts multiply, grouped or not.
        Example(query: "MATCH (a:Initiative), (c:Capability) RETURN count(*)", rows: [[8]], counted: 2),
        Example(query: "MATCH (a:Initiative), (c:Capability) RETURN c.id, count(a)", rows: [["c1", 4], ["c2", 4]], counted: 1),
        // No match at all still gives count 0 without grouping keys.
        Example(query: "MATCH (d:DataSource {id: 'd3'})<-[:READS]-(b) RETURN count(*)", rows: [[0]], counted: 1),
        // A variable from before the MATCH may be null: count(x) reads it.
        Example(
            query: "OPTIONAL MATCH (x:Capability {id: 'none'}) MATCH (d:DataSource)<-[:READS]-(b) RETURN count(x), count(*)",
            rows: [[0, 4]], counted: 1),
        // Grouping by a counted hop's node keeps it enumerated.
        Example(
            query: "MATCH (i:Initiative)-[:DELIVERS]->(c:Capability) RETURN i.v, count(*) ORDER BY i.v",
            rows: [[1, 2], [2, 1], [nil, 1]], counted: 0),
        // A DISTINCT count enumerates; an OPTIONAL MATCH is counted, each miss kept as one row
        // that count(*) counts and count(b) does not.
        Example(
            query: "MATCH (a)-[:WRITES]->(d:DataSource)<-[:READS]-(b) RETURN d.id, count(DISTINCT b) ORDER BY d.id",
            rows: [["d1", 2], ["d2", 1]], counted: 0),
        Example(
            query: "MATCH (d:DataSource) OPTIONAL MATCH (d)<-[:READS]-(b) RETURN d.id, count(b), count(*) ORDER BY d.id",
            rows: [["d1", 3, 3], ["d2", 1, 1], ["d3", 0, 1]], counted: 2),
        // Its WHERE is part of the pattern: d2 and d3 fail it and are kept once, with nulls.
        Example(
            query: "MATCH (d:DataSource) OPTIONAL MATCH (d)<-[:READS]-(b) WHERE d.domain = 'crm' RETURN d.id, count(b), count(*) ORDER BY d.id",
            rows: [["d1", 3, 3], ["d2", 0, 1], ["d3", 0, 1]], counted: 2),
        // A variable it takes from before is not a count of its matches: count(d) sees d3's row.
        Example(
            query: "MATCH (d:DataSource) OPTIONAL MATCH (d)<-[:WRITES]-(a) RETURN count(d), count(a), count(*)",
            rows: [[5, 4, 5]], counted: 2),
        // ... and is null when an earlier OPTIONAL MATCH found nothing: one row of nulls.
        Example(
            query: "OPTIONAL MATCH (x:Capability {id: 'none'}) OPTIONAL MATCH (x)<-[:DELIVERS]-(i) RETURN count(x), count(i), count(*)",
            rows: [[0, 0, 1]], counted: 2),
        // No input row: only the aggregate of nothing; no node at all: one row of nulls.
        Example(
            query: "MATCH (d:DataSource {id: 'none'}) OPTIONAL MATCH (d)<-[:READS]-(b) RETURN count(b), count(*)",
            rows: [[0, 0]], counted: 2),
        Example(query: "OPTIONAL MATCH (g:Goal) RETURN count(g), count(*)", rows: [[0, 1]], counted: 1),
        Example(
            query: "MATCH (c:Capability) OPTIONAL MATCH (c)<-[:DELIVERS]-(i)-[:WRITES]->(d) RETURN c.id, count(d), count(*) ORDER BY c.id",
            rows: [["c1", 3, 3], ["c2", 1, 1]], counted: 1),
        // Other aggregates enumerate.
        Example(query: "MATCH (c:Capability)<-[:DELIVERS]-(i) RETURN c.id, collect(i.id)[0], count(*) ORDER BY c.id",
                rows: [["c1", "i1", 3], ["c2", "i4", 1]], counted: 0),
    ]

    @Test(arguments: examples)
    func countedMatchesGiveTheRowsOfEnumeration(example: Example) throws {
        #expect(rows(example.query, on: Self.graph) == example.rows)
        #expect(rows(Self.enumerating(example.query), on: Self.graph) == example.rows)
        #expect(try Self.countedSteps(example.query) == example.counted)
    }

    /// A relationship property constraint is checked on each counted relationship.
    @Test func countedHopsCheckRelationshipProperties() throws {
        let query = "MATCH (i)-[:USES {version: '17'}]->(t:Technology) RETURN t.id, count(*)"
        #expect(rows(query) == [["java", 1]])
        #expect(rows(Self.enumerating(query)) == [["java", 1]])
        #expect(try Self.countedSteps(query, on: .sample) == 1)
    }

    /// Counting candidates is work for the time limit: 300 rows before the counted scan stay
    /// under the 1024 units between two looks at the clock, the 90,000 candidates do not.
    @Test func countedTailsTimeOut() throws {
        let nodes = (0..<300).map { TestGraph.Node(label: "A", properties: ["id": .string("a\($0)")]) }
        let graph = TestGraph(nodes: nodes, relationships: [])
        let query = "MATCH (a), (b) RETURN a, count(*)"
        #expect(try Self.countedSteps(query, on: graph) == 1)
        #expect(throws: QueryError.self) { try QueryEngine(graph: graph).run(query, limits: QueryLimits(timeout: .zero)) }
        #expect(rows(query, on: graph).count == 300)
    }

    /// An OPTIONAL MATCH is counted too: the row it keeps without a match is added once, and a
    /// count of its own variable counts nothing for it (`CountedMatchSink`).
    @Test func onlyPlainCountsAfterAMatchAreCounted() throws {
        func live(_ text: String) throws -> Set<String>? {
            let clauses = try QueryEngine<TestGraph>.prepare(text).parts[0].clauses
            guard case .match(let match) = clauses[0] else { return nil }
            return match.liveVariablesForCounting(then: clauses.dropFirst().first)
        }
        #expect(try live("MATCH (a)-[:W]->(d)<-[:R]-(b) RETURN d.id, count(*)") == ["d"])
        #expect(try live("MATCH (i)-->(c) WITH c, count(i) AS n RETURN c, n") == ["c"])
        #expect(try live("MATCH (i)-->(c) RETURN count(c.name) + 1, count(i)") == ["c"])
        #expect(try live("MATCH (i)-->(c) RETURN [x IN c.tags | x + i.id] AS t, count(*)") == ["c", "i"])
        #expect(try live("OPTIONAL MATCH (i)-->(c) RETURN c, count(i)") == ["c"])
        #expect(try live("MATCH (i)-->(c) RETURN c, count(DISTINCT i)") == nil)
        #expect(try live("MATCH (i)-->(c) RETURN c, sum(i.budget)") == nil)
        #expect(try live("MATCH (i)-->(c) RETURN c, i") == nil)
        #expect(try live("MATCH (i)-->(c) WITH *, count(*) AS n RETURN n") == nil)
        #expect(try live("MATCH (i)-->(c) UNWIND [1] AS x RETURN count(*)") == nil)
    }

    /// A random counting query on a random graph (self-loops, parallel relationships, every
    /// direction): its patterns (the differential tests' chains, or a star of one to three
    /// hops around a labelled centre, the shape whose hops get counted), the nodes it groups
    /// by and its WHERE `n.v = value`, if any.
    struct RandomCount {
        var graph: TestGraph
        var parts: [DifferentialTests.PartSpec]
        var nodeNames: [String]
        var grouped: [Int]
        var filter: (node: Int, value: Int)?
        var query: String

        init(seed: Int) {
            var random = DifferentialTests.Random(state: UInt64(seed) &* 104_729 &+ 17)
            graph = DifferentialTests.randomGraph(&random)
            if random.chance(50) {
                parts = Self.star(&random)
            } else {
                var counter = 0
                parts = [DifferentialTests.randomPart(&random, names: &counter, reuse: nil)]
                if random.chance(35) {
                    let shared = random.chance(70) ? parts[0].nodes[random.next(parts[0].nodes.count)].name : nil
                    parts.append(DifferentialTests.randomPart(&random, names: &counter, reuse: shared))
                }
            }
            let names = parts.flatMap(\.nodes).map(\.name).reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }
            nodeNames = names
            grouped = names.indices.filter { _ in random.chance(25) }
            filter = random.chance(30) ? (random.next(names.count), random.next(3)) : nil
            let counted = random.chance(50) ? "count(*)" : "count(\(names[random.next(names.count)]))"
            query = "MATCH " + parts.map(DifferentialTests.cypher).joined(separator: ", ")
            if let filter { query += " WHERE \(names[filter.node]).v = \(filter.value)" }
            query += " RETURN " + (grouped.map { "id(\(names[$0]))" } + [counted]).joined(separator: ", ")
        }

        /// `(n1)-[r1]-(m)-[r2]-(n2), (m)-[r3]-(n3)` cut to one to three hops, mostly typed R
        /// and S in turn (hops of different types are counted together).
        static func star(_ random: inout DifferentialTests.Random) -> [DifferentialTests.PartSpec] {
            func label(_ percent: Int) -> String? { random.chance(percent) ? ["A", "B", "C"][random.next(3)] : nil }
            func hop(_ index: Int) -> DifferentialTests.RelationshipSpec {
                DifferentialTests.RelationshipSpec(
                    name: "r\(index)", type: random.chance(80) ? ["R", "S"][(index + random.next(5) / 4) % 2] : nil,
                    direction: [.outgoing, .incoming, .either][random.next(3)], hops: random.chance(5) ? 1...2 : nil)
            }
            func leaf(_ index: Int) -> DifferentialTests.NodeSpec {
                DifferentialTests.NodeSpec(name: "n\(index)", label: label(15), value: random.chance(25) ? random.next(3) : nil, id: nil)
            }
            let centre = DifferentialTests.NodeSpec(name: "m", label: label(100), value: nil, id: random.chance(15) ? random.next(6) : nil)
            let hops = 1 + random.next(3)
            var parts = [DifferentialTests.PartSpec(nodes: [leaf(1), centre], relationships: [hop(1)])]
            if hops >= 2 {
                parts[0].nodes.append(leaf(2))
                parts[0].relationships.append(hop(2))
            }
            if hops == 3 {
                let again = DifferentialTests.NodeSpec(name: "m", label: nil, value: nil, id: nil)
                parts.append(DifferentialTests.PartSpec(nodes: [again, leaf(3)], relationships: [hop(3)]))
            }
            return parts
        }

        /// The rows the query must give, by counting the brute-force matches.
        var expected: [[QueryValue]] {
            var counts: [[QueryValue]: Int] = [:]
            for match in DifferentialTests.bruteForce(parts, in: graph) {
                if let filter, case .integer(let node) = match[filter.node],
                   graph.nodes[node].properties["v"] != .integer(filter.value) { continue }
                counts[grouped.map { match[$0] }, default: 0] += 1
            }
            if grouped.isEmpty, counts.isEmpty { counts[[]] = 0 }
            return counts.map { $0 + [.integer($1)] }
        }
    }

    /// Random grouped counts equal a brute-force count of every match, and the rows of the
    /// enumerating query, in the same order.
    @Test(arguments: 0..<200)
    func countsAgreeWithBruteForce(seed: Int) throws {
        let random = RandomCount(seed: seed)
        let order: ([QueryValue], [QueryValue]) -> Bool = { $0.lexicographicallyPrecedes($1) { $0.sortsBefore($1) } }
        let actual = rows(random.query, on: random.graph)
        #expect(actual.sorted(by: order) == random.expected.sorted(by: order), "\(random.query)")
        #expect(actual == rows(Self.enumerating(random.query), on: random.graph), "\(random.query)")
    }

    /// The random counting queries as an OPTIONAL MATCH after a MATCH of every node: counted,
    /// they give the rows of the same query enumerated (rows kept without a match included,
    /// grouped by the anchor too), and some of them do count steps.
    @Test(arguments: 0..<200)
    func optionalCountsAgreeWithEnumeration(seed: Int) throws {
        let random = RandomCount(seed: seed)
        let query = "MATCH (anchor) OPTIONAL " + random.query + ", id(anchor) AS anchor"
        let order: ([QueryValue], [QueryValue]) -> Bool = { $0.lexicographicallyPrecedes($1) { $0.sortsBefore($1) } }
        let counted = rows(query, on: random.graph)
        #expect(counted.sorted(by: order) == rows(Self.enumerating(query), on: random.graph).sorted(by: order), "\(query)")
    }

    @Test func randomOptionalQueriesCountSteps() throws {
        let counting = (0..<200).filter { seed in
            let random = RandomCount(seed: seed)
            return (try? Self.countedSteps("MATCH (anchor) OPTIONAL " + random.query + ", id(anchor) AS anchor", on: random.graph)) ?? 0 > 0
        }
        #expect(counting.count >= 40)
    }

    /// The random queries above do exercise counted tails, of one step and of several.
    @Test func randomQueriesCountSteps() throws {
        var counted: [Int: Int] = [:]
        for seed in 0..<200 {
            let random = RandomCount(seed: seed)
            counted[try Self.countedSteps(random.query, on: random.graph), default: 0] += 1
        }
        #expect(counted[0, default: 0] >= 40)
        #expect(counted[1, default: 0] >= 40)
        #expect(counted.filter { $0.key >= 2 }.values.reduce(0, +) >= 20)
    }
}
