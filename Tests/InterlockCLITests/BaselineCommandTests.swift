import Foundation
import Testing
#if canImport(FoundationXML)
import FoundationXML
#endif

/// A CI gate people can adopt on a messy portfolio: a baseline of known findings, and JUnit output.
@Suite("interlock baseline, check --baseline and --format junit")
struct BaselineCommandTests {
    /// A copy of the sample in a new folder, to change.
    private func sampleCopy() throws -> URL {
        let folder = try CommandRunner.temporaryFolder("interlock-baseline")
        let copy = folder.appendingPathComponent("acme")
        try FileManager.default.copyItem(at: CommandRunner.packageRoot.appendingPathComponent("Samples/acme"), to: copy)
        return copy
    }

    @Test func knownFindingsPassAfterRewordingAndMovingNewOnesFail() throws {
        let portfolio = try sampleCopy()
        defer { try? FileManager.default.removeItem(at: portfolio.deletingLastPathComponent()) }
        let baseline = portfolio.deletingLastPathComponent().appendingPathComponent("baseline.json").path
        let recorded = try CommandRunner.run(["baseline", portfolio.path, "-o", baseline])
        #expect(recorded.status == 0, "\(recorded.standardError)")
        let text = try String(contentsOfFile: baseline, encoding: .utf8)
        #expect(text.hasPrefix("{\n  \"interlockBaseline\": 1,\n  \"findings\": [\n"))
        let keys = text.split(separator: "\n").compactMap { line in line.range(of: "\"key\":\"").map { line[$0.upperBound...].prefix { $0 != "\"" } } }
        #expect(keys.count == 31 && keys == keys.sorted(), "sorted, one a line")

        // Re-worded: the custom rule's message; moved: the finance initiatives to another file.
        let policy = portfolio.appendingPathComponent("policy.yaml")
        try (try String(contentsOf: policy, encoding: .utf8)).replacingOccurrences(of: "must be owned by a team", with: "need a team as owner")
            .write(to: policy, atomically: true, encoding: .utf8)
        try FileManager.default.createDirectory(at: portfolio.appendingPathComponent("finance"), withIntermediateDirectories: true)
        try FileManager.default.moveItem(at: portfolio.appendingPathComponent("initiatives-finance.yaml"),
                                         to: portfolio.appendingPathComponent("finance/all.yaml"))
        let same = try CommandRunner.run(["check", portfolio.path, "--baseline", baseline])
        #expect(same.status == 0, "\(same.standardOutput)")
        #expect(same.standardError.contains("0 new findings; 31 known ones"))

        // A new unowned initiative fails the check, and is the only finding reported.
        try "initiatives:\n  - {id: newcomer, name: Newcomer, goals: [customer-360]}\n"
            .write(to: portfolio.appendingPathComponent("new.yaml"), atomically: true, encoding: .utf8)
        let new = try CommandRunner.run(["check", portfolio.path, "--baseline", baseline, "--format", "json"])
        #expect(new.status == 1)
        let report = try #require(try JSONSerialization.jsonObject(with: Data(new.standardOutput.utf8)) as? [String: Any])
        let findings = try #require(report["findings"] as? [[String: Any]])
        #expect(findings.map { $0["rule"] as? String } == ["unowned-initiative"])
        #expect(new.standardError.contains("1 new findings; 31 known ones"))

        // Fixed: the new initiative's owner named; the old baseline lists nothing stale, a
        // baseline taken with it lists it as fixed, and --update-baseline shrinks it.
        let withNewcomer = portfolio.deletingLastPathComponent().appendingPathComponent("with-newcomer.json").path
        #expect(try CommandRunner.run(["baseline", portfolio.path, "-o", withNewcomer]).status == 0)
        try "initiatives:\n  - {id: newcomer, name: Newcomer, owner: sarah-chen, goals: [customer-360]}\n"
            .write(to: portfolio.appendingPathComponent("new.yaml"), atomically: true, encoding: .utf8)
        let stale = try CommandRunner.run(["check", portfolio.path, "--baseline", withNewcomer, "--update-baseline"])
        #expect(stale.status == 0)
        #expect(stale.standardError.contains("1 baseline entries are fixed (stale)"))
        #expect(stale.standardError.contains("unowned-initiative|newcomer"))
        #expect(!(try String(contentsOfFile: withNewcomer, encoding: .utf8)).contains("newcomer"), "rewritten without the fixed finding")
        #expect(try CommandRunner.run(["check", portfolio.path, "--update-baseline"]).status == 2, "--update-baseline needs --baseline")
    }

    @Test func aFileThatIsNotABaselineIsRefused() throws {
        let folder = try CommandRunner.temporaryFolder("interlock-baseline-bad")
        defer { try? FileManager.default.removeItem(at: folder) }
        let bad = folder.appendingPathComponent("baseline.json")
        try "{\"findings\": 3}".write(to: bad, atomically: true, encoding: .utf8)
        let result = try CommandRunner.run(["check", "Samples/acme", "--baseline", bad.path])
        #expect(result.status == 2 && result.standardError.contains("baseline.json") && result.standardError.contains("expected an Interlock baseline"))
    }

    @Test func junitHasOneTestCasePerRuleAndAFailurePerFinding() throws {
        let result = try CommandRunner.run(["check", "Samples/acme", "--format", "junit", "--fail-on", "never"])
        #expect(result.status == 0, "\(result.standardError)")
        let document = try XMLDocument(data: Data(result.standardOutput.utf8), options: [])
        let cases = try document.nodes(forXPath: "/testsuites/testsuite/testcase")
        let failures = try document.nodes(forXPath: "/testsuites/testsuite/testcase/failure")
        #expect(cases.count == 17, "16 built-in rules (policy-exception-expired included) and the sample's custom rule: a rule without findings passes")
        #expect(failures.count == 31)
        let suite = try #require(try document.nodes(forXPath: "/testsuites/testsuite").first as? XMLElement)
        #expect(suite.attribute(forName: "tests")?.stringValue == "17" && suite.attribute(forName: "failures")?.stringValue == "31")
        let cycle = try #require(cases.first as? XMLElement)
        #expect(cycle.attribute(forName: "name")?.stringValue == "dependency-cycle")
        #expect(try cycle.nodes(forXPath: "failure").count == 2)
        #expect(try document.nodes(forXPath: "//testcase[@name='unaligned-initiative']/failure[@type='warning']").count == 2)
    }
}
