import Foundation
import Testing
#if canImport(FoundationXML)
import FoundationXML
#endif

@Suite("interlock render, end to end")
struct RenderCommandTests {
    /// A fresh folder for output files.
    private func temporaryFolder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("interlock-render-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    @Test func svgGoesToStandardOutputAsWellFormedXMLWithTitleAndNodeIDs() throws {
        let result = try CommandRunner.run(["render", "Samples/acme", "--view", "risks"])
        #expect(result.status == 0, "\(result.standardError)")
        let document = try XMLDocument(data: Data(result.standardOutput.utf8), options: [])
        let title = try document.nodes(forXPath: "//*[@id='graph0']//*[local-name()='text']").first?.stringValue
        #expect(title == "Acme Group — risks")
        let ids = Set(try document.nodes(forXPath: "//*[@class='node' or @class='cluster']/@id").compactMap(\.stringValue))
        #expect(ids.isSuperset(of: ["field-service-platform", "salesforce", "oracle-db", "interlock:legend", "interlock:legend:1"]))
    }

    /// `render` runs the same analysis as `check` and `report`: a custom rule's finding is on the risk map.
    @Test func theRiskMapShowsCustomRuleFindings() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let portfolio = folder.appendingPathComponent("portfolio.yaml")
        try """
        goals: [{id: g}]
        people: [{id: ann}]
        initiatives:
          - {id: quiet, owner: ann, goals: [g], budget: 10}
          - {id: lavish, name: Lavish programme, owner: ann, goals: [g], budget: 5000000}
        rules:
          - id: lavish-spending
            severity: warning
            message: "{i.name} spends more than a million"
            query: "MATCH (i:Initiative) WHERE i.budget > 1000000 RETURN i, i.name"
        """.write(to: portfolio, atomically: true, encoding: .utf8)
        let result = try CommandRunner.run(["render", portfolio.path, "--view", "risks", "--format", "dot"])
        #expect(result.status == 0, "\(result.standardError)")
        #expect(result.standardOutput.contains("Lavish programme spends more than a million"), "the custom finding is the node's tooltip")
        #expect(result.standardOutput.contains("1 finding (1 warning)"))
        #expect(!result.standardOutput.contains("quiet"), "a node no finding touches is not on the risk map")
    }

    /// `--lang fr` (or the portfolio's `language:`) writes the drawing's words in French.
    @Test func theDrawingSpeaksFrenchWhenAsked() throws {
        let result = try CommandRunner.run(["render", "Samples/acme", "--view", "units", "--lang", "fr", "--format", "dot"])
        #expect(result.status == 0, "\(result.standardError)")
        #expect(result.standardOutput.contains("Acme Group — unités métier"))
        #expect(result.standardOutput.contains("Légende"))
        #expect(!result.standardOutput.contains("business units"))
    }

    /// One finding of each rule of the sample, drawn small: its nodes are on the picture, the
    /// title names the risk, and nothing else the portfolio holds is (one hop of context at most).
    @Test func aPicturePerRisk() throws {
        let check = try CommandRunner.run(["check", "Samples/acme", "--format", "json", "--fail-on", "never"])
        let report = try #require(try JSONSerialization.jsonObject(with: Data(check.standardOutput.utf8)) as? [String: Any])
        let findings = try #require(report["findings"] as? [[String: Any]])
        var seen: Set<String> = []
        for (offset, finding) in findings.enumerated() {
            let rule = try #require(finding["rule"] as? String)
            guard seen.insert(rule).inserted, let nodes = finding["nodes"] as? [String] else { continue }
            // By number, as check lists them, and by key, which survives renumbering: the same picture.
            let byNumber = try CommandRunner.run(["render", "Samples/acme", "--view", "finding", "--finding", "\(offset + 1)", "--format", "dot"])
            let key = ([rule] + nodes).joined(separator: "|")
            let byKey = try CommandRunner.run(["render", "Samples/acme", "--view", "finding", "--finding", key, "--format", "dot"])
            #expect(byNumber.status == 0 && byKey.status == 0, "\(rule): \(byNumber.standardError)\(byKey.standardError)")
            #expect(byNumber.standardOutput == byKey.standardOutput, "\(rule)")
            // A single point of failure counts its dependents by unit instead of drawing each.
            let drawn = rule == "single-point-of-failure" ? Array(nodes.prefix(1)) : Array(nodes.prefix(24))
            for node in drawn { #expect(byNumber.standardOutput.contains("id=\"\(node)\"") || byNumber.standardOutput.contains("id=\(node),"), "\(rule): \(node) missing") }
            if rule == "single-point-of-failure" { #expect(byNumber.standardOutput.contains("\"units:digital\"")) }
            let nodeCount = byNumber.standardOutput.components(separatedBy: "\tshape=").count - 1
            #expect(nodeCount <= 24 + 12 + 1 + 12, "\(rule): \(nodeCount) nodes is not small")
        }
        #expect(seen.count >= 13, "the sample has a finding of every built-in rule and its custom one: \(seen.sorted())")
        let unknown = try CommandRunner.run(["render", "Samples/acme", "--view", "finding", "--finding", "999"])
        #expect(unknown.status == 2 && unknown.standardError.contains("no finding is '999'"))
        #expect(try CommandRunner.run(["render", "Samples/acme", "--view", "finding"]).status == 2)
    }

    @Test func binaryFormatsAreWrittenToTheOutputFile() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        for (format, signature) in [("png", [UInt8]([0x89, 0x50, 0x4E, 0x47])), ("pdf", Array("%PDF-".utf8))] {
            let file = folder.appendingPathComponent("units.\(format)")
            let result = try CommandRunner.run(["render", "Samples/acme", "--view", "units", "--format", format, "-o", file.path])
            #expect(result.status == 0, "\(result.standardError)")
            #expect(result.standardOutput.isEmpty)
            let data = try Data(contentsOf: file)
            #expect(Array(data.prefix(signature.count)) == signature)
            #expect(data.count > 5_000)
        }
    }

    @Test func rendersWithoutTheDotProgram() throws {
        let result = try CommandRunner.run(["render", "Samples/acme", "--view", "overview", "--format", "dot"], environment: ["PATH": "/nonexistent"])
        #expect(result.status == 0, "\(result.standardError)")
        #expect(result.standardOutput.hasPrefix("digraph interlock {"))
        #expect(result.standardOutput.contains("pos=\""))
    }

    @Test func largeViewsSayWhatTheyLeftOut() throws {
        let result = try CommandRunner.run(["render", "Samples/acme", "--view", "risks", "--max-nodes", "10"])
        #expect(result.status == 0)
        let document = try XMLDocument(data: Data(result.standardOutput.utf8), options: [])
        let nodes = try document.nodes(forXPath: "//*[@class='node']/@id").compactMap(\.stringValue)
        #expect(nodes.filter { !$0.hasPrefix("interlock:legend") }.count == 10)
        let texts = try document.nodes(forXPath: "//*[@id='graph0']/*[local-name()='text']").compactMap(\.stringValue)
        #expect(texts.contains { $0.hasPrefix("Showing 10 of ") && $0.hasSuffix("with the lowest risk are left out.") })
    }

    @Test func focusFollowsDepthAndDirection() throws {
        let result = try CommandRunner.run([
            "render", "Samples/acme", "--view", "focus", "--node", "field-service-platform", "--depth", "1", "--direction", "up", "--format", "dot",
        ])
        #expect(result.status == 0, "\(result.standardError)")
        #expect(result.standardOutput.contains("\"field-service-platform\"\t["))
    }

    @Test func usageErrorsExitTwoAndLeaveTheOutputAlone() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let output = folder.appendingPathComponent("focus.svg")
        try "previous".write(to: output, atomically: true, encoding: .utf8)

        let unknown = try CommandRunner.run(["render", "Samples/acme", "--view", "focus", "--node", "nope", "-o", output.path])
        #expect(unknown.status == 2)
        #expect(unknown.standardError == "interlock: error: no node has the id 'nope'\n")
        #expect(try String(contentsOf: output, encoding: .utf8) == "previous")

        let binary = try CommandRunner.run(["render", "Samples/acme", "--view", "units", "--format", "png"])
        #expect(binary.status == 2)
        #expect(binary.standardError.contains("--format png writes binary data; give -o FILE."))
        let noCentre = try CommandRunner.run(["render", "Samples/acme", "--view", "focus"])
        #expect(noCentre.status == 2)
        #expect(noCentre.standardError.contains("--view focus needs --node ID."))
        #expect(try CommandRunner.run(["render", "Samples/acme", "--view", "risks", "--node", "x"]).status == 2)
        #expect(try CommandRunner.run(["render", "Samples/acme", "--view", "nope"]).status == 2)
        #expect(try CommandRunner.run(["render", "Samples/acme", "--view", "risks", "--max-nodes", "0"]).status == 2)
    }
}
