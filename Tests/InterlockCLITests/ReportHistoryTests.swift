import Foundation
import Testing

/// `report --scenario` and `report --trend`: sections added to the board report.
@Suite("interlock report --scenario and --trend")
struct ReportHistoryTests {
    @Test func aScenarioSectionComparesThePlanWithToday() throws {
        let folder = try CommandRunner.temporaryFolder("report-scenario")
        defer { try? FileManager.default.removeItem(at: folder) }
        let plan = folder.appendingPathComponent("plan.yaml")
        try "name: Retire <SAP> ECC in Q3\nchanges:\n  - retire: sap-ecc\n  - remove: entra-id\n".write(to: plan, atomically: true, encoding: .utf8)
        let page = folder.appendingPathComponent("board.html")
        let result = try CommandRunner.run(["report", "Samples/acme", "--scenario", plan.path, "-o", page.path, "--date", "2026-12-05"])
        #expect(result.status == 0, "\(result.standardError)")
        let html = try String(contentsOf: page, encoding: .utf8)
        #expect(html.contains("<section id=\"scenario\""))
        #expect(html.contains("What if: Retire &lt;SAP&gt; ECC in Q3"), "the plan's name, escaped")
        #expect(html.contains("Microsoft Entra ID: 29 initiatives need it, 24 directly"))
        #expect(html.contains("SAP ECC 6.0: 1 initiative needs it, 1 directly"))
        #expect(html.contains("href=\"#scenario\""), "listed in the contents")
        #expect(!html.contains("<section id=\"trend\""))
        let plain = try CommandRunner.run(["report", "Samples/acme", "--date", "2026-12-05"])
        #expect(!plain.standardOutput.contains("id=\"scenario\"") && !plain.standardOutput.contains("href=\"#scenario\""), "no section without --scenario")
    }

    @Test func aBadScenarioFileStopsTheReportWithItsPlace() throws {
        let folder = try CommandRunner.temporaryFolder("report-scenario-bad")
        defer { try? FileManager.default.removeItem(at: folder) }
        let plan = folder.appendingPathComponent("plan.yaml")
        try "name: x\nchanges:\n  - retire: no-such-thing\n".write(to: plan, atomically: true, encoding: .utf8)
        let page = folder.appendingPathComponent("board.html")
        let result = try CommandRunner.run(["report", "Samples/acme", "--scenario", plan.path, "-o", page.path])
        #expect(result.status == 2)
        #expect(result.standardError.contains("--retire no-such-thing: no initiative or technology has the id 'no-such-thing'"))
        #expect(!FileManager.default.fileExists(atPath: page.path), "nothing half-written")
    }

    @Test func aTrendSectionShowsTheSamplesHistory() throws {
        let result = try CommandRunner.run(["report", "Samples/acme", "--trend", "--date", "2026-12-05"])
        #expect(result.status == 0, "\(result.standardError)")
        #expect(result.standardOutput.contains("<section id=\"trend\""))
        #expect(result.standardOutput.contains("<polyline"), "the chart, inline")
        #expect(result.standardOutput.contains("Health over time"))
    }
}
