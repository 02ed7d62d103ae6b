import Foundation
import Testing
import InterlockTestSupport
import InterlockAnalysis
import InterlockCore
@testable import InterlockReports

@Suite("SARIF and Markdown reporters")
struct SARIFReporterTests {
    /// Validates with python3's jsonschema against the shipped SARIF 2.1.0 subset schema.
    private func validate(_ sarif: String) throws -> (status: Int32, output: String) {
        let document = try temporaryFile("log.sarif", sarif)
        return try run("python3", [
            repositoryRoot.appendingPathComponent("Tests/InterlockReportsTests/Fixtures/validate-json-schema.py").path,
            repositoryRoot.appendingPathComponent("Tests/InterlockReportsTests/Fixtures/sarif-2.1.0-subset.schema.json").path,
            document,
        ])
    }

    @Test func acmeSARIFIsValidAndComplete() throws {
        let report = try acmeReport()
        let sarif = SARIFReporter.render(report)
        let validation = try validate(sarif)
        #expect(validation.status == 0, "\(validation.output)")

        let log = try #require(try JSONSerialization.jsonObject(with: Data(sarif.utf8)) as? [String: Any])
        let run = try #require((log["runs"] as? [[String: Any]])?.first)
        let driver = try #require((run["tool"] as? [String: Any])?["driver"] as? [String: Any])
        let rules = try #require(driver["rules"] as? [[String: Any]])
        #expect(rules.compactMap { $0["id"] as? String } == Detectors.builtIn.map(\.id.rawValue))
        #expect(rules.first?["name"] as? String == "DependencyCycle")
        let results = try #require(run["results"] as? [[String: Any]])
        #expect(results.count == report.findings.count)

        // The unowned initiative "treasury-cash-forecast" is defined in initiatives-finance.yaml.
        let unowned = try #require(results.first {
            ($0["properties"] as? [String: Any])?["nodes"] as? [String] == ["treasury-cash-forecast"]
        })
        let physical = try #require(((unowned["locations"] as? [[String: Any]])?.first)?["physicalLocation"] as? [String: Any])
        let uri = try #require((physical["artifactLocation"] as? [String: Any])?["uri"] as? String)
        let node = try #require(report.graph.node(withID: "treasury-cash-forecast"))
        let location = report.graph.location(of: node)
        #expect(uri.hasSuffix("Samples/acme/initiatives-finance.yaml"))
        #expect((physical["region"] as? [String: Any])?["startLine"] as? Int == location.line)
        #expect(unowned["level"] as? String == "error")
        #expect(unowned["ruleIndex"] as? Int == Detectors.builtIn.firstIndex { $0.id == "unowned-initiative" })
    }

    /// The validator is not vacuous: a level SARIF does not know and a missing message are rejected.
    @Test func schemaRejectsInvalidLogs() throws {
        let broken = """
        {"version": "2.1.0", "runs": [{"tool": {"driver": {"name": "x"}}, "results": [{"ruleId": "r", "level": "fatal"}]}]}
        """
        let validation = try validate(broken)
        #expect(validation.status == 1)
        #expect(validation.output.contains("'fatal' is not one of"))
        #expect(validation.output.contains("'message' is a required property"))
    }

    @Test func uriOfPaths() {
        #expect(SARIFReporter.uri(forPath: "Samples/acme/data.yaml") == "Samples/acme/data.yaml")
        #expect(SARIFReporter.uri(forPath: "/tmp/my portfolio/a#b.yaml") == "file:///tmp/my%20portfolio/a%23b.yaml")
        #expect(SARIFReporter.uri(forPath: "c:odd.yaml") == "c%3Aodd.yaml")
    }

    @Test func markdownEscapesPortfolioText() throws {
        let report = try report(ofYAML: """
        portfolio: "Evil | <b>Co</b>"
        initiatives:
          - {id: x, name: "@everyone | **bold** <script>alert(1)</script>", goals: [g]}
        goals: [{id: g}]
        """)
        let markdown = MarkdownReporter.render(report)
        #expect(markdown.hasPrefix("### Interlock: Evil \\| &lt;b&gt;Co&lt;/b&gt;\n"))
        #expect(!markdown.contains("<script>"))
        #expect(!markdown.contains("@everyone"))
        #expect(markdown.contains("&#64;everyone \\| \\*\\*bold\\*\\* &lt;script&gt;alert(1)&lt;/script&gt;"))
        // Every table row has exactly the six cells of the header: no name adds a column.
        let rows = markdown.split(separator: "\n").filter { $0.hasPrefix("| ") }
        for row in rows {
            let unescapedPipes = row.replacingOccurrences(of: "\\|", with: "").filter { $0 == "|" }.count
            #expect(unescapedPipes == 7, "\(row)")
        }
    }

    @Test func markdownOfAcme() throws {
        let report = try acmeReport()
        let markdown = MarkdownReporter.render(report)
        let lines = markdown.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.prefix(5) == ["### Interlock: Acme Group", "", "**14 errors, 16 warnings, 0 infos** in 52 initiatives.", "", "#### Errors (14)"])
        #expect(lines.contains("<details><summary>Warnings (16)</summary>"))
        #expect(lines.filter { $0.hasPrefix("| ") && !$0.hasPrefix("| Rule ") && !$0.hasPrefix("| ---") }.count == report.findings.count)
    }

    @Test("the counts agree with their numbers: 1 error, 2 warnings, 0 infos")
    func countSummaryAgrees() throws {
        let graph = PortfolioGraph(try PortfolioLoader.load(text: "initiatives: [{id: a}]", file: "p.yaml"))
        let findings = [(Severity.error, "a"), (.warning, "b"), (.warning, "c")].map { severity, node in
            Finding(rule: "r", severity: severity, nodes: [node], message: "m", action: "a")
        }
        let report = CheckReport(graph: graph, findings: findings)
        #expect(report.countSummary == "1 error, 2 warnings, 0 infos")
        #expect(TextReporter.render(report, colour: false).contains("1 error, 2 warnings, 0 infos"))
        #expect(MarkdownReporter.render(report).contains("**1 error, 2 warnings, 0 infos**"))
        #expect(CheckReport(graph: graph, findings: []).countSummary == "0 errors, 0 warnings, 0 infos")
    }
}
