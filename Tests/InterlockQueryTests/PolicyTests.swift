import InterlockAnalysis
import InterlockCore
import InterlockQuery
import Testing

/// The policy per rule and per item: severities, exceptions with an end, and thresholds.
@Suite("Policy: severity per rule, exceptions, thresholds")
struct PolicyTests {
    /// Two schedule conflicts (a needs b, c needs d, each starting before the other ends) and 20
    /// active initiatives, 4 of which use one platform.
    static func portfolio(policy: String) -> String {
        let conflicts = """
          - {id: a, name: A, start: 2026-01-01, end: 2026-12-31, dependsOn: [b]}
          - {id: b, name: B, start: 2026-01-01, end: 2026-06-30}
          - {id: c, name: C, start: 2026-01-01, end: 2026-12-31, dependsOn: [d]}
          - {id: d, name: D, start: 2026-01-01, end: 2026-06-30}
        """
        let users = (1...4).map { "  - {id: u\($0), name: U\($0), dependsOn: [platform]}" }.joined(separator: "\n")
        let others = (1...12).map { "  - {id: o\($0), name: O\($0)}" }.joined(separator: "\n")
        return """
        technologies:
          - {id: platform, name: Platform}
        initiatives:
        \(conflicts)
        \(users)
        \(others)
        policy:
        \(policy)
        """
    }

    static func findings(policy: String, today: String = "2026-12-05") throws -> [Finding] {
        let portfolio = try PortfolioLoader.load(text: portfolio(policy: policy), file: "p.yaml")
        return try PortfolioAnalysis(portfolio: portfolio, selection: .only([.scheduleConflict, .singlePointOfFailure, .policyExceptionExpired]),
                                     today: try #require(Day(today))).findings
    }

    static func summary(_ findings: [Finding]) -> [String] {
        findings.map { "\($0.severity) \($0.rule) \($0.nodes.prefix(2).joined(separator: ","))" }
    }

    @Test("without a policy: two schedule conflicts, and 4 of 20 initiatives on one platform is below the small-portfolio share")
    func defaults() throws {
        #expect(Self.summary(try Self.findings(policy: "  failOn: error")) == ["warning schedule-conflict a,b", "warning schedule-conflict c,d"])
    }

    @Test("a rule set to info keeps its findings at that level; off drops them")
    func severities() throws {
        #expect(Self.summary(try Self.findings(policy: "  severity: {schedule-conflict: info}")) == ["info schedule-conflict a,b", "info schedule-conflict c,d"])
        #expect(try Self.findings(policy: "  severity: {schedule-conflict: off}").isEmpty)
    }

    @Test("an exception hides exactly its finding until its day, then the finding is back with a warning naming where the exception is")
    func exceptions() throws {
        let policy = """
          exceptions:
            - {rule: schedule-conflict, nodes: [a, b], reason: B is late on purpose., until: 2027-03-31}
        """
        #expect(Self.summary(try Self.findings(policy: policy)) == ["warning schedule-conflict c,d"])
        #expect(Self.summary(try Self.findings(policy: policy, today: "2027-03-31")) == ["warning schedule-conflict c,d"], "the last day still holds")
        let expired = try Self.findings(policy: policy, today: "2027-04-01")
        #expect(Self.summary(expired) == ["warning policy-exception-expired a,b", "warning schedule-conflict a,b", "warning schedule-conflict c,d"])
        #expect(expired[0].message == "The exception for schedule-conflict on a, b (p.yaml:26:7) expired on 2027-03-31; it said: B is late on purpose.")
    }

    @Test("the single point of failure's thresholds come from the policy")
    func thresholds() throws {
        let found = try Self.findings(policy: "  thresholds: {singlePointOfFailure: {smallPortfolioShare: 0.2}}")
        #expect(Self.summary(found).contains("warning single-point-of-failure platform,u1"))
        let strict = try Self.findings(policy: "  thresholds: {singlePointOfFailure: {minimumBlastRadius: 5, smallPortfolioShare: 0.5}}")
        #expect(!Self.summary(strict).contains { $0.contains("single-point-of-failure") })
    }

    @Test("a rule the policy names must exist; levels, days and shares are checked where they are written", arguments: [
        ("  severity: {schedule-conflit: off}", "p.yaml:25:14: the policy's severity names the rule 'schedule-conflit', which does not exist"),
        ("  severity: {schedule-conflict: critical}", "p.yaml:25:14: expected error, warning, info or off for the rule 'schedule-conflict', found \"critical\""),
        ("  exceptions: [{rule: schedule-conflict, nodes: [a], reason: r, until: 2027-02-30}]", "p.yaml:25:72: expected a date YYYY-MM-DD for 'until'"),
        ("  exceptions: [{rule: schedule-conflict, nodes: [], reason: r}]", "an exception needs 'nodes'"),
        ("  thresholds: {singlePointOfFailure: {minimumShare: 2}}", "expected a share above 0 and at most 1 for 'minimumShare', found 2.0"),
    ])
    func mistakes(policy: String, expected: String) throws {
        do {
            _ = try Self.findings(policy: policy)
            Issue.record("\(policy) was accepted")
        } catch {
            #expect("\(error)".contains(expected), "\(error)")
        }
    }
}
