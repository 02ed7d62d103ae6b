import InterlockAnalysis
import InterlockCore
import Plot

extension HTMLReporter {
    /// `summary`: health, the money at risk (each initiative once), the five decisions and the ten
    /// biggest risks, and the risk map.
    static func summary(_ report: BoardReport) -> Node<HTML.BodyContext> {
        let money = report.moneyAtRisk
        let health = Int(report.scores.health.rounded())
        let band = health >= 75 ? ("band-good", "Good") : health >= 50 ? ("band-fair", "Needs attention") : ("band-poor", "Poor")
        let count = { (severity: Severity) in report.findings.count { $0.severity == severity } }
        let answer = report.findings.isEmpty
            ? "Portfolio health \(health) / 100: no risk found in \(report.money(money.activeBudget)) of active budget."
            : "Portfolio health \(health) / 100: \(report.money(money.atRiskFromErrors)) of the \(report.money(money.activeBudget)) active budget (\(percent(money.atRiskFromErrors, of: money.activeBudget))) sits in \(money.initiativesAtRiskFromErrors) initiatives with a serious problem; the five decisions below deal with the biggest risks."
        return .section(
            .id("summary"),
            .h2("Executive summary"),
            .p(.class("answer"), .plain(answer)),
            .div(
                .class("cards"),
                card(label: "Portfolio health", value: "\(health) / 100", note: band.1, extra: .div(
                    .class("bar"), .span(.class(band.0), .attribute(named: "style", value: "width: \(max(0, min(100, health)))%")))),
                card(label: "Budget at risk", value: report.money(money.atRiskFromErrors),
                     note: "in \(money.initiativesAtRiskFromErrors) initiatives named by a serious problem, each counted once; \(report.money(money.atRiskFromWarningsOnly)) more is named only by warnings"),
                card(label: "Built more than once", value: report.money(money.duplicatedBudget),
                     note: "\(money.duplicatedCapabilities) capabilities built by several initiatives; consolidating could save up to \(report.money(money.savings))"),
                card(label: "Problems found", value: "\(report.findings.count)",
                     note: "\(count(.error)) serious · \(count(.warning)) warnings · \(count(.info)) for information")
            ),
            moneyBreakdown(report),
            .h3("Five decisions for the board"),
            .p(.class("lead"), .plain(
                "The five biggest risks and what to decide about each. Risks are ranked by severity, money and reach; a loop of initiatives, a single point of failure, a technology clash or a serious problem with personal data comes before any other risk of the same size.")),
            decisions(report),
            diagram(report, "risks")
        )
    }

    /// What the budget at risk is made of: each kind of serious problem, and the overlap between kinds.
    private static func moneyBreakdown(_ report: BoardReport) -> Node<HTML.BodyContext> {
        let money = report.moneyAtRisk
        return .if(!money.errorsByRule.isEmpty, .group(
            .table(
                .class("breakdown"),
                .thead(.tr(.th("Budget at risk, by kind of problem"), .th(.class("num"), "Initiatives"), .th(.class("num"), "Budget"))),
                .tbody(
                    .forEach(money.errorsByRule) { entry in
                        .tr(.td(.plain(report.rules.wording(of: entry.rule).title)), .td(.class("num"), .text("\(entry.initiatives)")),
                            .td(.class("num"), .plain(report.money(entry.budget))))
                    },
                    .tr(.class("total"), .td(.plain("Total, each initiative counted once")),
                        .td(.class("num"), .text("\(money.initiativesAtRiskFromErrors)")), .td(.class("num"), .plain(report.money(money.atRiskFromErrors))))
                )
            ),
            .if(money.overlap > 0.5, .p(.class("lead"), .plain(
                "Some initiatives have more than one kind of problem: \(report.money(money.overlap)) is counted under several kinds above, and once in the total.")))
        ))
    }

    /// The five biggest risks, each with its decision (the action, which names what it is about),
    /// who carries it out and the money at stake.
    private static func decisions(_ report: BoardReport) -> Node<HTML.BodyContext> {
        let top = Array(report.ranking.prefix(5))
        return .if(top.isEmpty, .p(.class("none"), .plain("No decision needed: no risk found.")), else: .table(
            .class("decisions"),
            .thead(.tr(.th("#"), .th("Decision"), .th("Who must act"), .th(.class("num"), "At stake"))),
            .tbody(.forEach(Array(top.enumerated())) { rank, index in
                let finding = report.findings[index]
                return .tr(
                    .td(.class("num"), .text("\(rank + 1)")),
                    .td(
                        .strong(.plain(finding.action)),
                        .div(.class("about"), severityBadge(finding.severity), .text(" "),
                             .plain("\(shortName(finding, report)). "), findingLink(report, index, "Details"))
                    ),
                    .td(.plain(owners(finding, report))),
                    .td(.class("num"), .plain(finding.budgetAtStake.map(report.money) ?? "–"))
                )
            })
        ))
    }
}
