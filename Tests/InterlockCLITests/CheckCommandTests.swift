import Foundation
import Testing

@Suite("interlock check and stats, end to end")
struct CheckCommandTests {
    @Test func sampleFindingsMatchTheGoldenJSON() throws {
        let result = try CommandRunner.run(["check", "Samples/acme", "--format", "json"])
        #expect(result.status == 1)
        #expect(try CommandRunner.matchesGolden(result.standardOutput, "acme-check.json"),
                "run with UPDATE_GOLDEN=1 to accept a deliberate change")
        let document = try JSONSerialization.jsonObject(with: Data(result.standardOutput.utf8)) as? [String: Any]
        let findings = document?["findings"] as? [[String: Any]] ?? []
        let rules = Set(findings.compactMap { $0["rule"] as? String })
        for rule in ["dependency-cycle", "duplicated-capability", "incompatible-stack", "obsolete-technology",
                     "version-conflict", "unowned-initiative", "unowned-data-source", "unowned-technology",
                     "dangling-reference"] {
            #expect(rules.contains(rule), "no \(rule) finding on the sample")
        }
    }

    @Test func outputIsByteIdenticalAcrossRuns() throws {
        let first = try CommandRunner.run(["check", "Samples/acme", "--format", "json"])
        let second = try CommandRunner.run(["check", "Samples/acme", "--format", "json"])
        #expect(first.standardOutput == second.standardOutput)
        let text = try CommandRunner.run(["check", "Samples/acme"])
        #expect(text.standardOutput == (try CommandRunner.run(["check", "Samples/acme"])).standardOutput)
        #expect(!text.standardOutput.contains("\u{1B}["), "no colour when not writing to a terminal")
    }

    @Test func exitCodesFollowTheFailLevel() throws {
        #expect(try CommandRunner.run(["check", "Samples/minimal.yaml"]).status == 0)
        #expect(try CommandRunner.run(["check", "Samples/acme", "--fail-on", "never"]).status == 0)
        #expect(try CommandRunner.run(["check", "Samples/acme", "--only", "dangling-reference"]).status == 0)
        #expect(try CommandRunner.run(["check", "Samples/acme", "--only", "dangling-reference", "--fail-on", "warning"]).status == 1)
    }

    @Test func badInputExitsTwoWithALocatedMessage() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("interlock-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let broken = folder.appendingPathComponent("broken.yaml")
        try "initiatives:\n  - id: a\n    budget: [1\n".write(to: broken, atomically: true, encoding: .utf8)
        let output = folder.appendingPathComponent("findings.json")
        try "previous".write(to: output, atomically: true, encoding: .utf8)
        let result = try CommandRunner.run(["check", broken.path, "--format", "json", "-o", output.path])
        #expect(result.status == 2)
        #expect(result.standardOutput.isEmpty)
        #expect(result.standardError.hasPrefix("interlock: error: \(broken.path):4:1: invalid YAML"), "\(result.standardError)")
        #expect(try String(contentsOf: output, encoding: .utf8) == "previous", "a failed run must not touch the output")
    }

    @Test func usageErrorsExitTwo() throws {
        let unknownRule = try CommandRunner.run(["check", "Samples/acme", "--only", "no-such-rule"])
        #expect(unknownRule.status == 2)
        #expect(unknownRule.standardError.contains("Unknown rule no-such-rule"))
        #expect(try CommandRunner.run(["check"]).status == 2)
        #expect(try CommandRunner.run(["check", "Samples/acme", "--format", "xml"]).status == 2)
        #expect(try CommandRunner.run(["no-such-command"]).status == 2)
        #expect(try CommandRunner.run(["check", "does/not/exist.yaml"]).standardError == "interlock: error: does/not/exist.yaml: no such file or folder\n")
    }

    @Test func outputFileIsWritten() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("interlock-\(UUID().uuidString).json").path
        let result = try CommandRunner.run(["check", "Samples/acme", "--format", "json", "-o", path])
        #expect(result.status == 1)
        #expect(result.standardOutput.isEmpty)
        let stdout = try CommandRunner.run(["check", "Samples/acme", "--format", "json"]).standardOutput
        #expect(try String(contentsOfFile: path, encoding: .utf8) == stdout)
    }

    @Test func timingsGoToStandardError() throws {
        let result = try CommandRunner.run(["check", "Samples/minimal.yaml", "--timings", "--format", "json"])
        #expect(result.standardError.contains("load "))
        #expect(result.standardError.contains("dependency-cycle "))
        #expect(result.standardOutput.hasPrefix("{"))
    }

    @Test func statsCountsNodesAndEdges() throws {
        let result = try CommandRunner.run(["stats", "Samples/minimal.yaml", "--format", "json"])
        #expect(result.status == 0)
        #expect(try CommandRunner.matchesGolden(result.standardOutput, "minimal-stats.json"))
    }

    @Test func versionIsPrinted() throws {
        let result = try CommandRunner.run(["--version"])
        #expect(result.status == 0)
        #expect(result.standardOutput == "0.1.0\n")
    }
}
