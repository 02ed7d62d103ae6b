@testable import InterlockQuery
import Testing

/// Shortcuts of aggregation must give the rows the plain evaluation gives: a single grouping
/// key that is a property of a node is looked up by the node (`AggregateSink.keyNodeSlot`,
/// given up when nodes seldom repeat), and DISTINCT remembers nodes by index.
@Suite struct GroupingShortcutTests {
    /// 6,000 initiatives with `v` from 0 to 4 (some without), each reading one of 7 sources,
    /// some of the sources more than once.
    static let graph: TestGraph = {
        var nodes: [TestGraph.Node] = []
        for index in 0..<6_000 {
            var properties: [String: QueryValue] = ["id": .string("i\(index)")]
            if index % 11 != 0 { properties["v"] = .integer(index % 5) }
            nodes.append(.init(label: "Initiative", properties: properties))
        }
        for index in 0..<7 {
            nodes.append(.init(label: "DataSource", properties: ["id": .string("d\(index)"), "v": .integer(index % 3)]))
        }
        var relationships: [TestGraph.Relationship] = []
        for index in 0..<6_000 {
            relationships.append(TestGraph.Relationship(source: index, target: 6_000 + index % 7, type: "READS"))
            if index % 4 == 0 {
                relationships.append(TestGraph.Relationship(source: index, target: 6_000 + (index / 4) % 7, type: "READS"))
            }
        }
        return TestGraph(nodes: nodes, relationships: relationships)
    }()

    /// The same aggregation with its key computed by a WITH first, which takes no shortcut.
    @Test(arguments: [
        // Every initiative once: the remembered groups are given up after the trial. (The
        // UNWIND keeps the MATCH from running inside the aggregation, `LabelAggregationTests`.)
        ("UNWIND [1] AS x MATCH (i:Initiative) RETURN i.v, count(*) AS n, sum(i.v) AS total",
         "MATCH (i:Initiative) WITH i.v AS key, i RETURN key, count(*) AS n, sum(i.v) AS total"),
        // Seven sources read 7,500 times: remembered.
        ("MATCH (i:Initiative)-[:READS]->(d) RETURN d.v, count(DISTINCT i) AS readers, count(*) AS reads",
         "MATCH (i:Initiative)-[:READS]->(d) WITH d.v AS key, i RETURN key, count(DISTINCT i) AS readers, count(*) AS reads"),
        ("MATCH (i:Initiative)-[:READS]->(d) RETURN d.id, count(DISTINCT i.v) AS values, collect(DISTINCT d)[0].id AS first",
         "MATCH (i:Initiative)-[:READS]->(d) WITH d.id AS key, i, d RETURN key, count(DISTINCT i.v) AS values, collect(DISTINCT d)[0].id AS first"),
    ])
    func shortcutsGiveThePlainRows(query: String, plain: String) {
        let shortcut = rows(query, on: Self.graph)
        #expect(!shortcut.isEmpty)
        #expect(shortcut == rows(plain, on: Self.graph), "\(query)")
    }

    /// Aggregates of one property share its read; `rand()` is drawn for each call.
    @Test func sharedArgumentsAreVariablesAndProperties() {
        let graph = CountedAggregationTests.graph
        #expect(rows("MATCH (i:Initiative) RETURN sum(i.v) AS s, min(i.v) AS low, max(i.v) AS high, count(i.v) AS n", on: graph)
            == [[4, 1, 2, 3]])
        #expect(rows("UNWIND [1] AS x RETURN min(rand()) = max(rand()) AS same", on: graph) == [[false]])
    }

    /// Nodes and other values in one DISTINCT: a node never equals a number or a string, and
    /// each is counted once.
    @Test func distinctMixesNodesAndValues() {
        let graph = CountedAggregationTests.graph
        #expect(rows("MATCH (i:Initiative {id: 'i1'}), (d:DataSource {id: 'd1'}) "
                     + "UNWIND [i, 1, i, 'i1', d, 1.0, d, null] AS x RETURN count(DISTINCT x) AS n", on: graph) == [[4]])
        #expect(rows("MATCH (i:Initiative)-[:READS]->(d) RETURN count(DISTINCT d) AS sources, count(DISTINCT i) AS readers", on: graph)
            == [[2, 3]])
    }
}
