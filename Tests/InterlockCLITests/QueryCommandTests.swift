import Foundation
import Testing

@Suite("interlock query and check --rules, end to end")
struct QueryCommandTests {
    static let query = "MATCH (t:Technology) WHERE t.lifecycle IN ['hold', 'retired'] RETURN t.id AS id, t.name AS name, t.endOfLife ORDER BY id"

    @Test func tableIsAligned() throws {
        let result = try CommandRunner.run(["query", "Samples/acme", Self.query])
        #expect(result.status == 0)
        #expect(result.standardOutput == """
            id        | name          | t.endOfLife
            ----------+---------------+------------
            angularjs | AngularJS 1.x | 2021-12-31
            magento-1 | Magento 1     | 2020-06-30
            sap-ecc   | SAP ECC 6.0   | 2027-12-31
            (3 rows)

            """)
    }

    @Test func jsonAndCSV() throws {
        let json = try CommandRunner.run(["query", "Samples/acme", Self.query, "--format", "json"])
        #expect(json.standardOutput == """
            [
              {"id": "angularjs", "name": "AngularJS 1.x", "t.endOfLife": "2021-12-31"},
              {"id": "magento-1", "name": "Magento 1", "t.endOfLife": "2020-06-30"},
              {"id": "sap-ecc", "name": "SAP ECC 6.0", "t.endOfLife": "2027-12-31"}
            ]

            """)
        let csv = try CommandRunner.run(["query", "Samples/acme", Self.query, "--format", "csv"])
        #expect(csv.standardOutput == "id,name,t.endOfLife\r\nangularjs,AngularJS 1.x,2021-12-31\r\nmagento-1,Magento 1,2020-06-30\r\nsap-ecc,SAP ECC 6.0,2027-12-31\r\n")
    }

    @Test func parametersAndQueryFiles() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("interlock-query-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let file = folder.appendingPathComponent("q.cypher")
        try "MATCH (i:Initiative) WHERE i.budget >= $min AND i.status IN $states\nRETURN count(*) AS n".write(to: file, atomically: true, encoding: .utf8)
        let result = try CommandRunner.run([
            "query", "Samples/acme", "--file", file.path, "--param", "min=2000000", "--param", "states=['live', 'planned']",
            "--format", "csv",
        ])
        #expect(result.status == 0, "\(result.standardError)")
        #expect(result.standardOutput.hasPrefix("n\r\n"))
        let broken = folder.appendingPathComponent("broken.cypher")
        try "MATCH (i:Initiative)\nRETURN i.id,, i.name".write(to: broken, atomically: true, encoding: .utf8)
        let failure = try CommandRunner.run(["query", "Samples/acme", "--file", broken.path])
        #expect(failure.status == 2)
        #expect(failure.standardError == "interlock: \(broken.path):2:13: syntax error: expected an expression but found ','\nRETURN i.id,, i.name\n            ^\n")
    }

    @Test func timingsGoToStandardError() throws {
        let result = try CommandRunner.run(["query", "Samples/minimal.yaml", "RETURN 1 AS one", "--timings", "--format", "csv"])
        #expect(result.status == 0)
        #expect(result.standardOutput == "one\r\n1\r\n")
        #expect(result.standardError.split(separator: "\n").map { $0.prefix(6) } == ["load  ", "build ", "column", "query "])
    }

    @Test func badQueriesExitTwo() throws {
        let unknown = try CommandRunner.run(["query", "Samples/acme", "MATCH (n) RETURN m"])
        #expect(unknown.status == 2)
        #expect(unknown.standardError == "interlock: 1:18: semantic error: variable 'm' is not defined\nMATCH (n) RETURN m\n                 ^\n")
        let write = try CommandRunner.run(["query", "Samples/acme", "CREATE (n)"])
        #expect(write.status == 2)
        #expect(write.standardError.contains("CREATE is not supported: Interlock queries are read-only"))
        #expect(try CommandRunner.run(["query", "Samples/acme"]).status == 2, "no query")
        #expect(try CommandRunner.run(["query", "Samples/acme", "RETURN 1", "--param", "novalue"]).status == 2)
    }

    @Test func checkRunsRuleFiles() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("interlock-rules-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let rules = folder.appendingPathComponent("rules.yaml")
        try """
            rules:
              - id: hold-technology-in-use
                severity: error
                message: "{i.name} uses {t.name}, which is on hold."
                query: |
                  MATCH (i:Initiative)-[:USES]->(t:Technology {lifecycle: 'hold'})
                  WHERE i.status IN ['planned', 'in-progress', 'live']
                  RETURN i, t, i.name, t.name ORDER BY i.id
            """.write(to: rules, atomically: true, encoding: .utf8)
        let result = try CommandRunner.run(["check", "Samples/acme", "--rules", rules.path, "--only", "hold-technology-in-use", "--format", "json"])
        #expect(result.status == 1)
        let document = try JSONSerialization.jsonObject(with: Data(result.standardOutput.utf8)) as? [String: Any]
        let findings = document?["findings"] as? [[String: Any]] ?? []
        #expect(findings.count > 0)
        #expect(findings.allSatisfy { $0["rule"] as? String == "hold-technology-in-use" })
        #expect(findings.allSatisfy { ($0["message"] as? String)?.hasSuffix(", which is on hold.") == true })
        #expect(findings.allSatisfy { ($0["nodes"] as? [String])?.count == 2 })

        let broken = folder.appendingPathComponent("broken.yaml")
        try "rules:\n  - id: broken\n    severity: info\n    message: m\n    query: MATCH (n RETURN n\n".write(to: broken, atomically: true, encoding: .utf8)
        let failure = try CommandRunner.run(["check", "Samples/acme", "--rules", broken.path])
        #expect(failure.status == 2)
        #expect(failure.standardError.hasPrefix("interlock: error: \(broken.path):2:5: rule broken: 1:10: syntax error: expected ')' but found 'RETURN'"),
                "\(failure.standardError)")
    }
}
