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
        let counted = { (count: Int, one: String, other: String) in report.phrasing.count(count, one, other) }
        var answer = cycles.isEmpty && failures.isEmpty && schedules.isEmpty
            ? report.text(
                en: "Nothing found: no loop of initiatives, no single point of failure, no schedule that does not fit.",
                fr: "Rien à signaler : aucune boucle d'initiatives, aucun point de défaillance unique, aucun calendrier incompatible.")
            : report.text(
                en: "\(counted(cycles.count, "loop", "loops")) of initiatives waiting on each other, \(counted(failures.count, "single point", "single points")) of failure and \(counted(schedules.count, "schedule", "schedules")) that do not fit.",
                fr: "\(counted(cycles.count, "boucle", "boucles")) d'initiatives qui s'attendent mutuellement, \(counted(failures.count, "point", "points")) de défaillance \(report.phrasing.plural(failures.count, "unique", "uniques")) et \(counted(schedules.count, "calendrier incompatible", "calendriers incompatibles")).")
        if let worst = failures.first, let node = report.findings[worst].nodes(in: report.graph).first {
            let (name, reached) = (report.graph.name(of: node), report.analysis.initiativesAtRisk(of: report.findings[worst]).count)
            answer += " " + report.text(
                en: "If \(name) fails, \(report.number(reached)) initiatives stop.",
                fr: "Si \(name) tombe en panne, \(counted(reached, "initiative s'arrête", "initiatives s'arrêtent")).")
        }
        return question(
            "resilience", report.say(.resilienceQuestion), answer: answer,
            .h3(.plain(report.say(.waitingOnEachOther))),
            riskTable(report, findings: cycles, limit: 4),
            .h3(.plain(report.say(.singlePointsOfFailure))),
            riskTable(report, findings: failures, limit: 3),
            .h3(.plain(report.say(.schedulesThatDoNotFit))),
            riskTable(report, findings: schedules, limit: 4),
            diagram(report, "roadmap")
        )
    }
}
