import Foundation
import InterlockAnalysis
import InterlockCore
import InterlockGenerator
@testable import InterlockQuery
import Testing

/// The portfolio graph as queries see it (DESIGN.md's contract), the formats of results,
/// and custom rules, on a small portfolio written here.
@Suite struct PortfolioGraphTests {
    static let yaml = """
        portfolio: Test
        units: [{id: sales, name: Sales}]
        people:
          - {id: ann, name: Ann, unit: sales}
          - {id: bob, name: Bob, active: false}
        teams: [{id: core, name: "Core, team", members: [ann]}]
        goals: [{id: growth, name: Growth, description: "More \\"revenue\\""}]
        capabilities: [{id: crm, name: CRM}, {id: crm-leads, name: Leads, parent: crm}]
        technologies:
          - {id: java, name: Java, category: runtime, lifecycle: adopt, owner: core}
          - {id: cobol, name: COBOL, lifecycle: retired, endOfLife: 2020-12-31, incompatibleWith: [java]}
        dataSources:
          - {id: customers, name: Customers, domain: customer, classification: pii, technology: java}
        initiatives:
          - id: crm-revamp
            name: CRM revamp
            unit: sales
            owner: ann
            status: in-progress
            budget: 1200000
            start: 2026-01-01
            end: 2026-12-31
            capabilities: [crm-leads]
            technologies: [java@17, cobol]
            data: [{source: customers, access: write}]
            goals: [growth]
            tags: [gdpr, flagship]
          - id: reporting
            name: Reporting
            owner: bob
            budget: 2500.5
            dependsOn: [crm-revamp, ghost]
            data: [{source: customers, access: read}]
        """

    static let graph: PortfolioGraph = {
        (try? PortfolioLoader.load(text: yaml, file: "test.yaml")).map(PortfolioGraph.init) ?? PortfolioGraph(Portfolio())
    }()

    static func run(_ query: String) -> [[QueryValue]] {
        do {
            return try QueryEngine(portfolio: graph).run(query).rows
        } catch {
            Issue.record("\(error.rendered(in: query))")
            return []
        }
    }

    @Test func propertiesFollowTheContract() {
        let properties: QueryValue = [
            "id": "crm-revamp", "name": "CRM revamp", "status": "in-progress", "budget": 1_200_000,
            "start": "2026-01-01", "end": "2026-12-31", "tags": ["gdpr", "flagship"],
        ]
        #expect(Self.run("MATCH (i:Initiative {id: 'crm-revamp'}) RETURN properties(i)") == [[properties]])
        #expect(Self.run("MATCH (i:Initiative {id: 'reporting'}) RETURN i.status, i.budget, i.start, i.tags")
            == [["planned", 2500.5, nil, []]])
        let technologies: [[QueryValue]] = [
            ["java", "runtime", "adopt", nil, ["category", "id", "lifecycle", "name"]],
            ["cobol", nil, "retired", "2020-12-31", ["endOfLife", "id", "lifecycle", "name"]],
        ]
        #expect(Self.run("MATCH (t:Technology) RETURN t.id, t.category, t.lifecycle, t.endOfLife, keys(t)") == technologies)
        #expect(Self.run("MATCH (d:DataSource) RETURN d.domain, d.classification, d.systemOfRecord") == [["customer", "pii", false]])
        #expect(Self.run("MATCH (p:Person) RETURN p.id, p.active") == [["ann", true], ["bob", false]])
        #expect(Self.run("MATCH (g:Goal) RETURN g.description") == [["More \"revenue\""]])
        let counts: [[QueryValue]] = [
            ["Initiative", 2], ["Technology", 2], ["DataSource", 1], ["Capability", 2], ["Goal", 1], ["Unit", 1],
            ["Person", 2], ["Team", 1],
        ]
        #expect(Self.run("MATCH (n) RETURN labels(n)[0], count(*)") == counts)
    }

    @Test func relationshipsFollowTheContract() {
        let expected: [[QueryValue]] = [
            ["ann", "IN_UNIT", "sales", nil], ["ann", "MEMBER_OF", "core", nil],
            ["cobol", "INCOMPATIBLE_WITH", "java", nil],
            ["crm-leads", "PART_OF", "crm", nil],
            ["crm-revamp", "DELIVERS", "crm-leads", nil], ["crm-revamp", "IN_UNIT", "sales", nil],
            ["crm-revamp", "OWNED_BY", "ann", nil], ["crm-revamp", "SUPPORTS", "growth", nil],
            ["crm-revamp", "USES", "cobol", nil], ["crm-revamp", "USES", "java", "17"],
            ["crm-revamp", "WRITES", "customers", nil],
            ["customers", "HOSTED_ON", "java", nil],
            ["java", "OWNED_BY", "core", nil],
            ["reporting", "DEPENDS_ON", "crm-revamp", nil], ["reporting", "OWNED_BY", "bob", nil],
            ["reporting", "READS", "customers", nil],
        ]
        #expect(Self.run("MATCH (a)-[r]->(b) RETURN a.id, type(r), b.id, r.version ORDER BY a.id, type(r), b.id") == expected)
    }

    @Test func proceduresOverThePortfolio() {
        #expect(Self.run("CALL interlock.blastRadius('java') YIELD node, distance RETURN node.id, distance")
            == [["crm-revamp", 1], ["customers", 1], ["reporting", 2]])
        let findings = Self.run("CALL interlock.findings() YIELD rule, node WHERE rule = 'dangling-reference' RETURN node.id")
        #expect(findings == [["reporting"]])
        let expected = Analyzer.analyze(Self.graph).count
        let distinct = Self.run("CALL interlock.findings() YIELD rule, message, nodes RETURN count(DISTINCT [rule, message, nodes])")
        #expect(distinct == [[.integer(expected)]])
    }

    @Test("interlock.findings() reports what check reports: the policy's severities, off and exceptions applied")
    func findingsFollowThePolicy() throws {
        let text = """
            initiatives:
              - {id: a, name: A, status: live, dependsOn: [b]}
              - {id: b, name: B, status: live, dependsOn: [a]}
              - {id: c, name: C, status: live}
            policy:
              severity: {dependency-cycle: info, unaligned-initiative: off}
            """
        let portfolio = try PortfolioLoader.load(text: text, file: "p.yaml")
        let engine = QueryEngine(portfolio: PortfolioGraph(portfolio))
        let rows = try engine.run("CALL interlock.findings() YIELD rule, severity RETURN DISTINCT rule, severity ORDER BY rule").rows
        let checked = try PortfolioAnalysis(portfolio: portfolio).findings
        let expected = Set(checked.map { [QueryValue.string($0.rule.rawValue), .string($0.severity.rawValue)] })
        #expect(Set(rows) == expected)
        #expect(rows.contains([.string("dependency-cycle"), .string("info")]))
        #expect(!rows.contains { $0.first == .string("unaligned-initiative") })

        let broken = try PortfolioLoader.load(text: text + "\n  exceptions: [{rule: no-such-rule, nodes: [a], reason: r}]\n", file: "p.yaml")
        #expect(throws: QueryError.self) {
            try QueryEngine(portfolio: PortfolioGraph(broken)).run("CALL interlock.findings() YIELD rule RETURN rule")
        }
    }

    @Test("a property reader gives what property(_:ofNode:) gives, for every key of every label on every node")
    func propertyReadersAgree() throws {
        let graph = PortfolioQueryGraph(try PortfolioAnalysis(paths: [Self.acme], selection: .none).graph)
        let keys = Set(PortfolioQueryGraph.propertyKeys.values.joined()).union(["no-such-key"])
        for key in keys.sorted() {
            let read = graph.propertyReader(key)
            for node in 0..<graph.graph.nodeCount {
                #expect(read(node) == graph.property(key, ofNode: node), "\(key) of node \(node)")
            }
        }
    }

    /// An OPTIONAL MATCH read only by counts is counted without making its rows; a row it does
    /// not extend still counts once for count(*) and count of the kept variables, never for
    /// count(v) of its own variables. Each answer is compared with the same query made
    /// uncountable (a collect() beside the counts), on a portfolio with a technology nobody uses
    /// and an initiative with no unit.
    @Test("counted OPTIONAL MATCH gives the rows of the enumerated one", arguments: [
        "MATCH (t:Technology) OPTIONAL MATCH (t)<-[:USES]-(i:Initiative) RETURN t.id, count(i) AS n",
        "MATCH (t:Technology) OPTIONAL MATCH (t)<-[:USES]-(i:Initiative) RETURN t.id, count(*) AS n, count(i) AS m, count(t) AS k",
        "MATCH (t:Technology) OPTIONAL MATCH (t)<-[:USES]-(i:Initiative)-[:IN_UNIT]->(u:Unit) RETURN t.id, count(u) AS n, count(*) AS s",
        "MATCH (t:Technology) OPTIONAL MATCH (t)<-[:USES]-(i:Initiative) WHERE i.status = 'in-progress' RETURN t.id, count(i) AS n",
        "MATCH (t:Technology) OPTIONAL MATCH (t)<-[:USES]-(i:Initiative) RETURN i.status AS st, count(*) AS n",
        "MATCH (d:DataSource) OPTIONAL MATCH (d)<-[:WRITES]-(w), (d)<-[:READS]-(r) RETURN d.id, count(*) AS n, count(w) AS cw",
        "OPTIONAL MATCH (g:Goal)<-[:SUPPORTS]-(i) RETURN count(i) AS n, count(*) AS s",
        "MATCH (t:Technology {id: 'no-such'}) OPTIONAL MATCH (t)<-[:USES]-(i) RETURN count(i) AS n, count(*) AS s",
    ])
    func countedOptionalMatch(query: String) {
        let counted = Self.run(query)
        let enumerated = Self.run(query + ", collect(null) AS uncountable").map { Array($0.dropLast()) }
        #expect(Set(counted) == Set(enumerated), "\(query)")
        #expect(counted.count == enumerated.count)
        #expect(!counted.isEmpty)
    }

    /// In a portfolio ids tell nodes apart, so grouping by `t.id` groups by the node; the rows
    /// must be those of the same key computed by a WITH first (no shortcut), null keys included.
    @Test("grouping by a node's id gives the rows of grouping by its value", arguments: [
        "MATCH (i:Initiative)-[:USES]->(t:Technology) RETURN t.id, count(*) AS n, collect(i.id) AS users",
        "MATCH (t:Technology) OPTIONAL MATCH (t)<-[:USES]-(i:Initiative) RETURN i.id, count(*) AS n",
        "MATCH (i:Initiative) OPTIONAL MATCH (i)-[:USES]->(t:Technology {id: 'no-such'}) RETURN t.id, count(*) AS n",
        "MATCH (i:Initiative)-[r]->(x) RETURN r.id, count(*) AS n",
    ])
    func groupingByNodeID(query: String) throws {
        let graph = PortfolioQueryGraph(try PortfolioAnalysis(paths: [Self.acme], selection: .none).graph)
        #expect(graph.nodeKeyProperty == "id")
        let projection = try #require(query.range(of: " RETURN "))
        let key = query[projection.upperBound...].prefix { $0 != "," }
        let plain = query[..<projection.lowerBound] + " WITH *, \(key) AS key" + " RETURN key" + query[query.index(projection.upperBound, offsetBy: key.count)...]
        let engine = QueryEngine(graph: graph)
        let grouped = try engine.run(query).rows
        #expect(grouped.count > 0)
        #expect(grouped == (try engine.run(String(plain)).rows), "\(plain)")
    }

    @Test("a technology nobody uses counts 0 users and 1 row after OPTIONAL MATCH")
    func unusedTechnologyCountsZero() {
        let rows = Self.run("MATCH (t:Technology) OPTIONAL MATCH (t)<-[:USES]-(i:Initiative) RETURN t.id, count(i), count(*) ORDER BY t.id")
        #expect(rows == [["cobol", 1, 1], ["java", 1, 1]])
        let none = Self.run("MATCH (d:DataSource) OPTIONAL MATCH (d)<-[:HOSTED_ON]-(x) RETURN d.id, count(x), count(*)")
        #expect(none == [["customers", 0, 1]])
    }

    private static let acme = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../Samples/acme").standardizedFileURL.path

    @Test func formatsShowGraphElements() throws {
        let engine = QueryEngine(portfolio: Self.graph)
        let result = try engine.run("""
            MATCH p = (i:Initiative {id: 'crm-revamp'})-[u:USES {version: '17'}]->(t)<-[:HOSTED_ON]-(d)
            RETURN i, u, p, t.name + ', the "runtime"' AS note, null AS nothing
            """)
        let formatter = ResultFormatter(graph: engine.graph)
        #expect(formatter.table(result) == """
            i                       | u                                            | p                                                                      | note                | nothing
            ------------------------+----------------------------------------------+------------------------------------------------------------------------+---------------------+--------
            (crm-revamp:Initiative) | (crm-revamp)-[:USES {version: '17'}]->(java) | (crm-revamp)-[:USES {version: '17'}]->(java)<-[:HOSTED_ON]-(customers) | Java, the "runtime" | null
            (1 row)

            """)
        #expect(formatter.csv(result) == """
            i,u,p,note,nothing\r
            (crm-revamp:Initiative),(crm-revamp)-[:USES {version: '17'}]->(java),(crm-revamp)-[:USES {version: '17'}]->(java)<-[:HOSTED_ON]-(customers),"Java, the ""runtime\""",\r

            """)
        let json = formatter.json(try engine.run("MATCH (t:Technology {id: 'cobol'})-[r]->(j) RETURN t, r, 1.5 AS f, [true] AS l"))
        #expect(json == """
            [
              {"t": {"label": "Technology", "properties": {"endOfLife": "2020-12-31", "id": "cobol", "lifecycle": "retired", "name": "COBOL"}}, "r": {"type": "INCOMPATIBLE_WITH", "start": "cobol", "end": "java", "properties": {}}, "f": 1.5, "l": [true]}
            ]

            """)
        #expect(formatter.json(QueryResult(columns: ["x"], rows: [])) == "[]\n")
        #expect(formatter.table(QueryResult(columns: ["a\nb"], rows: [["x\ty"]])) == "a\\nb\n----\nx\\ty\n(1 row)\n")
    }

    @Test func customRulesBecomeFindings() throws {
        let rule = CustomRule(
            id: "retired-tech", severity: .warning, message: "{i.name} uses {tech}; see {unknown} ({n})",
            query: "MATCH (i:Initiative)-[:USES]->(t:Technology {lifecycle: 'retired'}) RETURN i.name, [t] AS tech, i, 1 AS n",
            location: SourceLocation(file: "rules.yaml", line: 3, column: 5))
        let findings = try QueryRule(rule).findings(on: Self.graph)
        #expect(findings == [Finding(
            rule: "retired-tech", severity: .warning, nodes: ["cobol", "crm-revamp"],
            message: "CRM revamp uses [(cobol:Technology)]; see {unknown} (1)",
            action: "Review \"COBOL\" and \"CRM revamp\" with their owners against this check.", owners: ["ann"])])
    }

    @Test func invalidRulesAreReported() {
        let rule = CustomRule(id: "r", severity: .info, message: "m", query: "MATCH (n) RETURN m",
                              location: SourceLocation(file: "rules.yaml", line: 3, column: 5))
        #expect(throws: QueryRuleError.self) { try QueryRule(rule) }
        do {
            _ = try QueryRule(rule)
        } catch {
            #expect(error.description == "rules.yaml:3:5: rule r: 1:18: semantic error: variable 'm' is not defined\nMATCH (n) RETURN m\n                 ^")
        }
    }

    @Test func ruleIdsCannotShadowBuiltInRules() {
        let rule = CustomRule(id: "dependency-cycle", severity: .info, message: "m", query: "RETURN 1",
                              location: SourceLocation(file: "f", line: 1, column: 1))
        do {
            _ = try QueryRule(rule)
            Issue.record("expected an error")
        } catch {
            #expect(error.detail == "the id 'dependency-cycle' is a built-in rule; choose another")
        }
    }

    @Test func parametersFromTheCommandLine() {
        #expect(QueryValue.parameter(from: "42") == 42)
        #expect(QueryValue.parameter(from: "-2.5") == -2.5)
        #expect(QueryValue.parameter(from: "'java'") == "java")
        #expect(QueryValue.parameter(from: "java") == "java")
        #expect(QueryValue.parameter(from: "['a', 1, null]") == ["a", 1, nil])
        #expect(QueryValue.parameter(from: "{k: true}") == ["k": true])
        #expect(QueryValue.parameter(from: "1 + 1") == "1 + 1")
        #expect(QueryValue.parameter(from: "") == "")
    }
}

@Suite struct JSONStringLiteralTests {
    @Test func escapesWhatJSONAndJavaScriptNeed() {
        #expect(JSONStringLiteral.quoted("a\"b\\c\nd\te\u{1}f\u{7F}g\u{2028}h é") == "\"a\\\"b\\\\c\\nd\\te\\u0001f\\u007fg\\u2028h é\"")
    }

    @Test(arguments: [
        ("", #""""#),
        ("\"", #""\"""#),
        ("\u{2029}…€\r", #""\u2029…€\r""#),
        ("ends in €", #""ends in €""#),
        ("\u{2028}\u{2028}", #""\u2028\u2028""#),
    ])
    func escapesAtTheEdges(_ value: String, _ literal: String) {
        #expect(JSONStringLiteral.quoted(value) == literal)
    }

    @Test("a JSON parser reads back every string", arguments: 0..<20)
    func roundTrips(seed: UInt64) throws {
        var random = SeededRandom(seed: seed)
        let alphabet: [Character] = ["a", "\"", "\\", "\n", "\u{0}", "\u{1F}", "\u{7F}", "\u{2028}", "\u{2029}", "…", "€", "é", "😀", "/"]
        let value = String((0..<Int.random(in: 0...40, using: &random)).map { _ in alphabet.randomElement(using: &random) ?? "a" })
        let data = Data(("[" + JSONStringLiteral.quoted(value) + "]").utf8)
        #expect(try JSONSerialization.jsonObject(with: data) as? [String] == [value])
    }
}
