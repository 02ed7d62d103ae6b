import InterlockAnalysis
import InterlockCore
import Plot

extension HTMLReporter {
    /// `resilience`: loops of initiatives waiting on each other, single points of failure and
    /// schedules that do not fit.
    static func resilience(_ report: BoardReport) -> Node<HTML.BodyContext> {
        let cycles = ranked(report, [.dependencyCycle])
        let failures = ranked(report, [.singlePointOfFailure])
        let schedules = ranked(report, [.scheduleConflict])
        var answer = cycles.isEmpty && failures.isEmpty && schedules.isEmpty
            ? "Nothing found: no loop of initiatives, no single point of failure, no schedule that does not fit."
            : "\(cycles.count) loop\(cycles.count == 1 ? "" : "s") of initiatives waiting on each other, \(failures.count) single point\(failures.count == 1 ? "" : "s") of failure and \(schedules.count) schedule\(schedules.count == 1 ? "" : "s") that do not fit."
        if let worst = failures.first, let node = report.findings[worst].nodes(in: report.graph).first {
            let reached = report.analysis.initiativesAtRisk(of: report.findings[worst]).count
            answer += " If \(report.graph.name(of: node)) fails, \(reached) initiatives stop."
        }
        return question(
            "resilience", "What breaks if something slips or fails?", answer: answer,
            .h3("Initiatives waiting on each other"),
            riskTable(report, findings: cycles, limit: 4),
            .h3("Single points of failure"),
            riskTable(report, findings: failures, limit: 3),
            .h3("Schedules that do not fit"),
            riskTable(report, findings: schedules, limit: 4),
            diagram(report, "roadmap")
        )
    }
}
