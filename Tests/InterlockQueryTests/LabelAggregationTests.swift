import InterlockCore
import InterlockGenerator
@testable import InterlockQuery
import Testing

/// `MATCH (v:Label) … RETURN v.key, count(*), sum(v.x) …` runs as one scan
/// (`LabelAggregateSink`), and the portfolio engine reads numbers and choices from columns
/// (`PortfolioColumns`): both must give exactly the rows, in the order, and the errors of the
/// plain evaluation, which a `WITH v` between the MATCH and the aggregation forces.
@Suite struct LabelAggregationTests {
    /// 3,000 initiatives whose `k` is a string, an integer, a float, a boolean or null, `j`
    /// one of three strings, and `x` an integer, a float or null; and two data sources.
    static func graph(seed: UInt64) -> TestGraph {
        var random = SeededRandom(seed: seed)
        let keys: [QueryValue] = [.string("a"), .string("b"), .integer(1), .float(1.0), .boolean(true), .null, .integer(2)]
        var nodes: [TestGraph.Node] = []
        for index in 0..<3_000 {
            var properties: [String: QueryValue] = ["id": .string("i\(index)")]
            properties["k"] = keys[random.int(below: keys.count)]
            properties["j"] = .string(["x", "y", "z"][random.int(below: 3)])
            switch random.int(below: 4) {
            case 0: properties["x"] = .float(Double(random.int(below: 1_000)) / 8)
            case 1: break
            default: properties["x"] = .integer(random.int(below: 2_000) - 1_000)
            }
            nodes.append(.init(label: "Initiative", properties: properties))
        }
        nodes.append(.init(label: "DataSource", properties: ["id": .string("d0"), "x": .integer(5)]))
        nodes.append(.init(label: "DataSource", properties: ["id": .string("d1"), "x": .string("five")]))
        return TestGraph(nodes: nodes, relationships: [])
    }

    /// Each query, and the same with `WITH i` (or `WITH d`) after its MATCH.
    static let queries = [
        "MATCH (i:Initiative) RETURN i.k, count(*) AS n, sum(i.x) AS s, min(i.x) AS low, max(i.x) AS high, avg(i.x) AS mean, count(i.x) AS c",
        "MATCH (i:Initiative) RETURN i.k, i.j, count(i) AS n, sum(i.x) AS s",
        "MATCH (i:Initiative) RETURN count(*) AS n, sum(i.x) AS s, min(i.k) AS low, max(i.k) AS high",
        "MATCH (i:Initiative) WHERE i.x > 100 OR i.k = 'a' RETURN i.j AS j, sum(i.x) * 2 + count(*) AS score ORDER BY score DESC",
        "MATCH (i:Initiative) RETURN i.j, count(*) AS n ORDER BY n DESC, i.j LIMIT 2",
        "MATCH (i:Initiative) WHERE i.x > 100000 RETURN count(*) AS n, sum(i.x) AS s, min(i.x) AS low",
        "MATCH (i:Initiative) WHERE i.x > 100000 RETURN i.k, count(*) AS n",
        "MATCH (i:Initiative) RETURN i.j, count(DISTINCT i.k) AS kinds, collect(i.id)[0] AS first",
        "MATCH (i:Initiative) RETURN i.id, i.x + 1 AS next, count(*) AS n ORDER BY i.id LIMIT 3",
        "MATCH (d:DataSource) RETURN d.id, sum(d.x) AS s",
    ]

    @Test(arguments: [UInt64(1), 2, 3])
    func theScanGivesThePlainRows(seed: UInt64) {
        let graph = Self.graph(seed: seed)
        for query in Self.queries {
            let plain = query.replacingOccurrences(of: "RETURN", with: "WITH \(query.contains("(d:") ? "d" : "i") RETURN")
            // The same error, at a column `WITH i ` further in the plain query.
            let scanned = outcome(query, on: graph), expected = outcome(plain, on: graph).shifted(by: -7)
            #expect(scanned == expected, "\(query)")
        }
    }

    /// Only a first MATCH of one labelled node, aggregated right after over its properties
    /// with plain count, sum, avg, min and max, runs inside the aggregation.
    @Test(arguments: [
        ("MATCH (i:Initiative) RETURN i.k, count(*) AS n, sum(i.x) AS s", true),
        ("MATCH (i:Initiative) WHERE i.x > 1 RETURN count(i) AS n, avg(i.x) AS mean ORDER BY n", true),
        ("MATCH (i:Initiative) WITH i.j AS j, max(i.x) AS high RETURN j", true),
        ("MATCH (i:Initiative) RETURN i.k, collect(i.x) AS xs", false),
        ("MATCH (i:Initiative) RETURN i.k, count(DISTINCT i.x) AS n", false),
        ("MATCH (i:Initiative) RETURN toUpper(i.j), count(*) AS n", false),
        ("MATCH (i:Initiative {j: 'x'}) RETURN i.k, count(*) AS n", false),
        ("OPTIONAL MATCH (i:Initiative) RETURN i.k, count(*) AS n", false),
        ("UNWIND [1] AS x MATCH (i:Initiative) RETURN i.k, count(*) AS n", false),
        ("MATCH (i:Initiative) RETURN i.k, i.j", false),
    ])
    func whichMatchesRunInsideTheAggregation(query: String, fused: Bool) throws {
        let graph = Self.graph(seed: 1)
        let context = ExecutionContext(graph: graph, parameters: [:], procedures: [], limits: .query)
        let plan = try QueryPlanner(context: context).plan(try #require(QueryEngine<TestGraph>.prepare(query).parts.first))
        var sinks: [RowSink] = []
        var sink: RowSink? = plan.chain(into: EmitSink(distinct: false, holding: false, budget: context.budget) { _ in })
        while let current = sink, sinks.count < 3 {
            sinks.append(current)
            sink = (current as? LocatedSink)?.inner
        }
        #expect(sinks.contains { $0 is LabelAggregateSink } == fused, "\(query)")
        #expect(try QueryEngine(graph: graph).run(query).rows.count > 0)
    }

    /// The variable of a `reduce`, a comprehension or a quantifier in an aggregating item has a
    /// slot of its own, after the aggregates' results (`reduce` read `count(*)` as its
    /// accumulator: `RETURN reduce(a = 0, x IN [1, 2] | a + x), count(*)` gave 5 for 3), with
    /// the MATCH scanned inside the aggregation or not.
    @Test(arguments: ["", "UNWIND [1] AS y "])
    func itemVariablesDoNotTakeTheAggregatesSlots(prefix: String) {
        let graph = CountedAggregationTests.graph
        #expect(rows(prefix + "MATCH (i:Initiative) RETURN reduce(a = 0, x IN [1, 2] | a + x) AS r, count(*) AS n", on: graph)
            == [[3, 4]])
        #expect(rows(prefix + "MATCH (i:Initiative) RETURN i.v, count(*) AS n, reduce(a = 10, x IN [1, i.v] | a + x) AS r, "
                     + "[x IN [5] | x + i.v] AS l, any(x IN [2] WHERE x = i.v) AS two, sum(i.v) AS s ORDER BY i.v", on: graph)
            == [[1, 2, 12, [6], false, 2], [2, 1, 13, [7], true, 2], [.null, 1, .null, [.null], .null, 0]])
        // i4 has no v: its reduce is null, which sum() skips.
        #expect(rows(prefix + "MATCH (i:Initiative) RETURN sum(reduce(a = 0, x IN [i.v, 1] | a + x)) AS s, count(*) AS n", on: graph)
            == [[7, 4]])
    }

    /// The scan stops at the first node whose value the aggregate refuses, with the error the
    /// plain evaluation raises there; a MATCH of no label or of a label no node has still
    /// gives the one row of an empty aggregation.
    @Test func errorsAndEmptyScans() {
        let graph = Self.graph(seed: 1)
        #expect(outcome("MATCH (d:DataSource) RETURN sum(d.x) AS s", on: graph)
            == .failure("1:29: runtime error: sum() expects numbers but got String"))
        #expect(outcome("MATCH (n:Nothing) RETURN count(*) AS n, sum(n.x) AS s", on: graph) == .rows([[0, 0]]))
        #expect(outcome("MATCH (n:Nothing) RETURN n.k, count(*) AS n", on: graph) == .rows([]))
        #expect(outcome("MATCH (i:Initiative) WHERE i.id = 'i7' RETURN i.id, count(*) AS n", on: graph) == .rows([["i7", 1]]))
    }

    static let yaml = """
        portfolio: Columns
        technologies:
          - {id: java, name: Java, lifecycle: adopt}
          - {id: cobol, name: COBOL, lifecycle: retired}
          - {id: rust, name: Rust}
          - {id: go, name: Go, lifecycle: adopt}
        initiatives:
          - {id: a, name: A, status: live, budget: 1200000}
          - {id: b, name: B, budget: 2500.5}
          - {id: c, name: C, status: live}
          - {id: d, name: D, status: retired, budget: 300}
          - {id: e, name: E, status: live, budget: 100}
        """

    /// On a portfolio, grouping by a choice goes by its position; an absent lifecycle is a
    /// null group, an absent budget a null argument, a budget with cents a float.
    @Test func choicesAndNumbersOfAPortfolio() throws {
        let engine = QueryEngine(portfolio: PortfolioGraph(try PortfolioLoader.load(text: Self.yaml, file: "columns.yaml")))
        #expect(try engine.run("MATCH (i:Initiative) RETURN i.status, count(*) AS n, sum(i.budget) AS s, min(i.budget) AS low").rows
            == [["live", 3, 1_200_100, 100], ["planned", 1, 2500.5, 2500.5], ["retired", 1, 300, 300]])
        #expect(try engine.run("MATCH (t:Technology) RETURN t.lifecycle, count(*) AS n, count(t.lifecycle) AS named").rows
            == [["adopt", 2, 2], ["retired", 1, 1], [.null, 1, 0]])
        #expect(try engine.run("MATCH (i:Initiative) WHERE i.budget >= 300 RETURN i.status, avg(i.budget) AS mean").rows
            == [["live", 1_200_000.0], ["planned", 2500.5], ["retired", 300.0]])
        // `id` tells nodes apart: every initiative is a group of its own, in scan order.
        #expect(try engine.run("MATCH (i:Initiative) RETURN i.id, i.status, count(*) AS n, sum(i.budget) AS s").rows
            == [["a", "live", 1, 1_200_000], ["b", "planned", 1, 2500.5], ["c", "live", 1, 0], ["d", "retired", 1, 300],
                ["e", "live", 1, 100]])
    }

    /// The columns read what the entities hold: every property of every node of a generated
    /// portfolio, through the engine's graph (columns) and a graph without them.
    @Test func columnsReadWhatTheEntitiesHold() throws {
        let text = String(decoding: PortfolioGenerator(initiatives: 400, seed: 5).text(.json), as: UTF8.self)
        let graph = PortfolioGraph(try PortfolioLoader.load(text: text, file: "generated.json"))
        let (columnar, plain) = (PortfolioQueryGraph(graph, keepingColumns: true), PortfolioQueryGraph(graph))
        var compared = 0
        for kind in NodeKind.allCases {
            for key in PortfolioQueryGraph.propertyKeys[kind] ?? [] {
                let (reader, column) = (columnar.propertyReader(key), columnar.propertyColumn(key, labelIndex: Int(kind.rawValue)).reader)
                for node in graph.nodes(ofKind: kind) {
                    let expected = plain.property(key, ofNode: node)
                    #expect(reader(node) == expected && column(node) == expected, "\(key) of \(graph.id(of: node))")
                    compared += 1
                }
            }
        }
        #expect(compared > 3_000)
        let query = "MATCH (i:Initiative) RETURN i.status, count(*) AS n, sum(i.budget) AS s, max(i.budget) AS high ORDER BY i.status"
        #expect(try QueryEngine(graph: columnar).run(query).rows == QueryEngine(graph: plain).run(query.replacingOccurrences(
            of: "RETURN", with: "WITH i RETURN")).rows)
    }

    /// Rows or the rendered error.
    enum Outcome: Equatable {
        case rows([[QueryValue]])
        case failure(String)

        /// The error moved `columns` along its line (`1:42: …` by -7 is `1:35: …`).
        func shifted(by columns: Int) -> Outcome {
            guard case .failure(let message) = self else { return self }
            let parts = message.split(separator: ":", maxSplits: 2)
            guard parts.count == 3, let column = Int(parts[1]) else { return self }
            return .failure("\(parts[0]):\(column + columns):\(parts[2])")
        }
    }

    private func outcome(_ query: String, on graph: TestGraph) -> Outcome {
        do {
            return .rows(try QueryEngine(graph: graph).run(query).rows)
        } catch {
            return .failure(error.description)
        }
    }
}
