import Foundation
import Testing

/// Issue #16, items 3, 4 and 6 through the command line: time limits that cannot trap, a
/// cancelled streamed query that fails the command and leaves no file, rules that stop.
@Suite("Hostile queries on the command line")
struct HostileQueryCommandTests {
    /// Far more rows than half a second can produce: the cartesian product of every node, four times.
    static let endless = "MATCH (a), (b), (c), (d) RETURN a.id, b.id, c.id, d.id"

    @Test(arguments: ["inf", "1e300", "-1", "0", "nan", "604801"])
    func anImpossibleTimeoutIsAUsageError(_ timeout: String) throws {
        let result = try CommandRunner.run(["query", "Samples/acme", "RETURN 1", "--timeout", timeout])
        #expect(result.status == 64 || result.status == 2, "\(timeout): \(result.status) \(result.standardError)")
        #expect(result.standardError.contains("--timeout"), "\(timeout): \(result.standardError)")
        let check = try CommandRunner.run(["check", "Samples/acme", "--rule-timeout", timeout])
        #expect(check.status == 64 || check.status == 2, "\(timeout): \(check.status) \(check.standardError)")
        #expect(check.standardError.contains("--rule-timeout"), "\(timeout): \(check.standardError)")
    }

    @Test(arguments: ["csv", "json"])
    func aStreamedQueryPastItsTimeLimitFailsAndLeavesNoFile(_ format: String) throws {
        let folder = try CommandRunner.temporaryFolder("interlock-timeout")
        defer { try? FileManager.default.removeItem(at: folder) }
        let output = folder.appendingPathComponent("rows.\(format)").path
        let result = try CommandRunner.run(
            ["query", "Samples/acme", Self.endless, "--format", format, "--timeout", "0.5", "-o", output])
        #expect(result.status == 2)
        #expect(result.standardError.contains("timeout error"), "\(result.standardError)")
        #expect(result.standardError.contains("--timeout"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty, "a partial file was left")
    }

    @Test func aStreamedQueryToStandardOutputPastItsTimeLimitExitsTwo() throws {
        let result = try CommandRunner.run(["query", "Samples/acme", Self.endless, "--format", "csv", "--timeout", "0.5"])
        #expect(result.status == 2)
        // Rows go out in chunks: how much was written before the limit depends on the machine's speed.
        #expect(result.standardOutput.isEmpty || result.standardOutput.hasPrefix("a.id,b.id,c.id,d.id\r\n"))
        #expect(result.standardError.contains("timeout error"))
    }

    @Test func aTimeoutFromAQueryFileNamesTheFile() throws {
        let folder = try CommandRunner.temporaryFolder("interlock-timeout-file")
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("slow.cypher")
        try Self.endless.write(to: file, atomically: true, encoding: .utf8)
        let result = try CommandRunner.run(["query", "Samples/acme", "--file", file.path, "--timeout", "0.5", "--format", "csv"])
        #expect(result.status == 2)
        #expect(result.standardError.contains("slow.cypher:1:1: timeout error"), "\(result.standardError)")
        #expect(result.standardError.contains("\n\(Self.endless)\n^"), "the caret under the clause: \(result.standardError)")
    }

    @Test func aRuleReportingTooManyFindingsOrRunningTooLongReportsItsLimit() throws {
        let folder = try CommandRunner.temporaryFolder("interlock-rule-limits")
        defer { try? FileManager.default.removeItem(at: folder) }
        let rules = folder.appendingPathComponent("rules.yaml")
        try """
            rules:
              - {id: every-pair, severity: warning, message: "{a} {b}", query: "MATCH (a), (b) RETURN a, b LIMIT 1000000000"}
              - {id: slow, severity: info, message: "{a}", query: "MATCH (a), (b), (c), (d) RETURN a ORDER BY d.id LIMIT 1"}
            """.write(to: rules, atomically: true, encoding: .utf8)
        let result = try CommandRunner.run(
            ["check", "Samples/acme", "--rules", rules.path, "--rule-max-findings", "5", "--rule-timeout", "0.5",
             "--only", "every-pair,slow"])
        #expect(result.status == 1, "\(result.standardError)")
        #expect(result.standardOutput.contains("more than 5 findings"), "\(result.standardOutput)")
        #expect(result.standardOutput.contains("--rule-max-findings"))
        #expect(result.standardOutput.contains("raise it with --rule-timeout"), "\(result.standardOutput)")
    }
}
