import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing

/// `interlock trend`: one point per commit, each equal to `check` of what that commit holds.
@Suite("interlock trend")
struct TrendCommandTests {
    /// Three commits: an owned initiative; a second one without owner (an error); its owner added.
    static let steps = [
        "people: [{id: ana, name: Ana}]\ninitiatives:\n  - {id: a, name: A, owner: ana, budget: 100}\n",
        "people: [{id: ana, name: Ana}]\ninitiatives:\n  - {id: a, name: A, owner: ana, budget: 100}\n  - {id: b, name: B, budget: 40}\n",
        "people: [{id: ana, name: Ana}]\ninitiatives:\n  - {id: a, name: A, owner: ana, budget: 100}\n  - {id: b, name: B, owner: ana, budget: 40}\n",
    ]

    @Test func eachCommitIsMeasuredAsCheckMeasuresItsFiles() throws {
        let root = try CommandRunner.temporaryFolder("trend")
        defer { try? FileManager.default.removeItem(at: root) }
        let portfolio = root.appendingPathComponent("portfolio")
        try FileManager.default.createDirectory(at: portfolio, withIntermediateDirectories: true)
        try DiffGitTests.git(["init", "-q"], in: root)
        var expected: [(errors: Int, warnings: Int)] = []
        for (index, text) in Self.steps.enumerated() {
            try text.write(to: portfolio.appendingPathComponent("p.yaml"), atomically: true, encoding: .utf8)
            try DiffGitTests.git(["add", "-A"], in: root)
            try DiffGitTests.git(["-c", "user.email=t@t", "-c", "user.name=t", "commit", "-qm", "step \(index + 1)"], in: root)
            let check = try CommandRunner.run(["check", portfolio.path, "--format", "json", "--fail-on", "never"])
            let findings = try #require((try JSONSerialization.jsonObject(with: Data(check.standardOutput.utf8)) as? [String: Any])?["findings"] as? [[String: Any]])
            expected.append((findings.count { $0["severity"] as? String == "error" }, findings.count { $0["severity"] as? String == "warning" }))
        }
        #expect(expected.map(\.errors) == [0, 1, 0], "the steps are what they claim")
        let chart = root.appendingPathComponent("trend.svg")
        let result = try CommandRunner.run(["trend", portfolio.path, "--git", "--format", "json", "--chart", chart.path])
        #expect(result.status == 0, "\(result.standardError)")
        let points = try #require(try JSONSerialization.jsonObject(with: Data(result.standardOutput.utf8)) as? [[String: Any]])
        #expect(points.map { $0["subject"] as? String } == ["step 1", "step 2", "step 3"], "oldest first")
        #expect(points.map { $0["errors"] as? Int } == expected.map(\.errors))
        #expect(points.map { $0["warnings"] as? Int } == expected.map(\.warnings))
        #expect(points.map { $0["budgetAtRisk"] as? Double } == [0, 40, 0], "B's budget while nobody owns it")
        let svg = try XMLDocument(contentsOf: chart, options: [])
        #expect(try svg.nodes(forXPath: "//*[local-name()='polyline']").count == 2)
        let last = try CommandRunner.run(["trend", portfolio.path, "--git", "--last", "1", "--format", "csv"])
        #expect(last.standardOutput.hasPrefix("point,health,errors,warnings,info,budgetAtRisk,subject\n\""))
        #expect(last.standardOutput.split(separator: "\n").count == 2)
    }

    @Test func outsideAWorkTreeTheHistoryIsRefused() throws {
        let folder = try CommandRunner.temporaryFolder("trend-no-git")
        defer { try? FileManager.default.removeItem(at: folder) }
        try "initiatives: [{id: a, name: A}]\n".write(to: folder.appendingPathComponent("p.yaml"), atomically: true, encoding: .utf8)
        let result = try CommandRunner.run(["trend", folder.path, "--git"])
        #expect(result.status == 2 && result.standardError.contains("not inside a git work tree"), "\(result.standardError)")
    }
}
