import InterlockAnalysis
import InterlockCore
import InterlockQuery
import Testing

/// `interlock whatif`: changes tried on a copy, and what they break, bring and resolve.
@Suite("What-if scenarios")
struct WhatIfTests {
    /// p is a platform a and b depend on, c depends on a; a and d wait for each other; a uses t1
    /// and t2, which the policy says must not meet; x needs y, and starts after y ends.
    static let text = """
    technologies:
      - {id: p, name: Platform}
      - {id: t1, name: T1, lifecycle: adopt}
      - {id: t2, name: T2}
      - {id: t3, name: T3}
    initiatives:
      - {id: a, name: A, status: live, dependsOn: [p, d], technologies: [t1, t2]}
      - {id: b, name: B, status: live, dependsOn: [p]}
      - {id: c, name: C, status: live, dependsOn: [a]}
      - {id: d, name: D, status: live, dependsOn: [a]}
      - {id: x, name: X, status: planned, start: 2026-09-01, end: 2027-03-31, dependsOn: [y]}
      - {id: y, name: Y, status: in-progress, start: 2026-01-05, end: 2026-06-30}
    policy:
      incompatible: [[t1, t2]]
    """

    static func whatIf(_ changes: [Scenario.Change]) throws -> WhatIf {
        let today = try #require(Day("2026-01-01"))
        let before = try PortfolioAnalysis(portfolio: try PortfolioLoader.load(text: text, file: "p.yaml"), today: today)
        return try WhatIf(Scenario(name: "test", changes: changes), on: before, today: today)
    }

    @Test("from the portfolio, both analyses side by side give what today's analysis and the copy's give one after the other")
    func sideBySide() throws {
        let today = try #require(Day("2026-01-01"))
        let portfolio = try PortfolioLoader.load(text: Self.text, file: "p.yaml")
        for changes: [Scenario.Change] in [[.remove("p")], [.retire("a")], [.replace("t1", with: "t3")], [.delay("y", days: 120)]] {
            let scenario = Scenario(name: "test", changes: changes)
            let sequential = try WhatIf(scenario, on: try PortfolioAnalysis(portfolio: portfolio, today: today), today: today)
            let parallel = try WhatIf(scenario, on: portfolio, today: today)
            #expect(parallel.before.findings == sequential.before.findings)
            #expect(parallel.after.findings == sequential.after.findings)
            #expect(parallel.diff.findings.new == sequential.diff.findings.new)
            #expect(parallel.diff.findings.resolved == sequential.diff.findings.resolved)
            #expect(parallel.diff.changed == sequential.diff.changed)
            #expect(parallel.losses.map(\.dependents) == sequential.losses.map(\.dependents))
        }
    }

    @Test("a portfolio whose own rule does not parse is refused as today's, not as the changed copy's")
    func todayCannotBeAnalysed() throws {
        let broken = try PortfolioLoader.load(text: Self.text + "\nrules:\n  - {id: r, severity: warning, message: m, action: a, query: 'MATCH (n RETURN n'}\n", file: "p.yaml")
        #expect {
            try WhatIf(Scenario(name: "test", changes: [.retire("a")]), on: broken)
        } throws: { error in
            guard let whatIf = error as? WhatIfError, case .today = whatIf else { return false }
            return !whatIf.description.contains("changed portfolio")
        }
    }

    static func rules(_ findings: [Finding]) -> [String] {
        findings.map { "\($0.rule) \($0.nodes.prefix(2).joined(separator: ","))" }.sorted()
    }

    @Test("removing a platform lists every active initiative that needs it, with the way, nearest first")
    func removal() throws {
        let result = try Self.whatIf([.remove("p")])
        let loss = try #require(result.losses.first)
        #expect(loss.dependents.map(\.path) == [["a", "p"], ["b", "p"], ["c", "a", "p"], ["d", "a", "p"]])
        #expect(loss.dependents.map(\.isDirect) == [true, true, false, false])
        #expect(result.diff.removed.map(\.id) == ["p"])
        #expect(result.after.portfolio.initiatives.allSatisfy { !$0.dependsOn.contains("p") }, "references to it go too")
    }

    @Test("delaying what an initiative waits for creates exactly that schedule conflict")
    func delay() throws {
        let result = try Self.whatIf([.delay("y", days: 120)])
        #expect(Self.rules(result.diff.findings.new) == ["schedule-conflict x,y"])
        #expect(result.diff.findings.resolved.isEmpty)
        #expect(result.after.portfolio.initiatives.first { $0.id == "y" }?.end == Day("2026-10-28"))
    }

    @Test("replacing one of two clashing technologies resolves the clash")
    func replacement() throws {
        let result = try Self.whatIf([.replace("t2", with: "t3")])
        #expect(Self.rules(result.diff.findings.resolved).contains { $0.hasPrefix("incompatible-stack") })
        #expect(!Self.rules(result.diff.findings.new).contains { $0.hasPrefix("incompatible-stack") })
    }

    @Test("retiring a technology a cycle member uses: the member and all that needs it lose it, and the use becomes a finding")
    func retirement() throws {
        let result = try Self.whatIf([.retire("t1")])
        #expect(try #require(result.losses.first).dependents.map(\.initiative) == ["a", "c", "d"])
        #expect(Self.rules(result.diff.findings.new).contains("obsolete-technology a,t1"))
    }

    @Test("a change naming what is not there is refused with the change and the reason", arguments: [
        (Scenario.Change.retire("nope"), "--retire nope: no initiative or technology has the id 'nope'"),
        (.delay("p", days: 3), "--delay p:3d: no initiative has the id 'p'"),
        (.replace("t1", with: "t9"), "--replace t1:t9: no technology has the id 't9'; add it to the portfolio first"),
    ])
    func refusals(change: Scenario.Change, message: String) throws {
        #expect(throws: Error.self) { try Self.whatIf([change]) }
        do { _ = try Self.whatIf([change]) } catch { #expect("\(error)" == message) }
    }

    @Test("days and their ordinals are inverse across leap years and centuries")
    func ordinals() throws {
        for text in ["1970-01-01", "2000-02-29", "1900-03-01", "2026-12-31", "0001-01-01", "9999-12-31", "1969-12-31"] {
            let day = try #require(Day(text))
            #expect(Day(ordinal: day.ordinal) == day, "\(text)")
        }
        #expect(Day(ordinal: try #require(Day("2026-06-30")).ordinal + 120) == Day("2026-10-28"))
    }
}

/// Scenario files.
@Suite("Scenario files")
struct ScenarioFileTests {
    @Test("a scenario file gives its name and changes in order")
    func reads() throws {
        let scenario = try Scenario.load(text: """
            name: Retire SAP ECC in Q3
            changes:
              - retire: sap-ecc
              - delay: s4hana-migration
                days: -30
              - replace: oracle-db
                with: postgresql
              - remove: legacy-ftp
            """, file: "plan.yaml")
        #expect(scenario == Scenario(name: "Retire SAP ECC in Q3", changes: [
            .retire("sap-ecc"), .delay("s4hana-migration", days: -30), .replace("oracle-db", with: "postgresql"), .remove("legacy-ftp"),
        ]))
    }

    @Test("mistakes are located", arguments: [
        ("name: x\nchanges:\n  - delay: a\n", "plan.yaml:3:5: a delay needs 'days'"),
        ("name: x\nchanges:\n  - retire: a\n    until: 2027-01-01\n", "plan.yaml:4:5: unknown key 'until' in a change"),
        ("name: x\nchanges: []\n", "a scenario needs at least one change"),
        ("changes:\n  - retire: a\n", "plan.yaml:1:1:"),
        ("name: x\nchanges:\n  - replace: a\n", "'with'"),
    ])
    func mistakes(text: String, expected: String) {
        do {
            _ = try Scenario.load(text: text, file: "plan.yaml")
            Issue.record("accepted: \(text)")
        } catch {
            #expect("\(error)".contains(expected), "\(error)")
        }
    }
}
