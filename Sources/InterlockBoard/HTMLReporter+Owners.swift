import InterlockAnalysis
import InterlockCore
import Plot

extension HTMLReporter {
    /// `owners`: who must act, by name and role; what nobody owns, and who must name an owner.
    static func owners(_ report: BoardReport) -> Node<HTML.BodyContext> {
        let actors = report.actors()
        let unowned = ranked(report, RuleID.ownership)
        let answer = unowned.isEmpty
            ? "Every initiative, data source and technology in use has an active owner; \(actors.count) people and teams must act on the risks found."
            : "\(unowned.count) items have nobody accountable: their unit's head, or the portfolio's sponsor, must name an owner before the next meeting; \(actors.count) people and teams must act in all."
        return question(
            "owners", "Who owns it?", answer: answer,
            .h3("Who must act"),
            .table(
                .thead(.tr(.th("Who"), .th(.class("num"), "Risks"), .th(.class("num"), "At stake"), .th("Biggest first"))),
                .tbody(.forEach(actors.prefix(10)) { actor in
                    .tr(
                        .td(.strong(.plain(actor.name))),
                        .td(.class("num"), .text("\(actor.findings.count)")),
                        .td(.class("num"), .plain(actor.atStake > 0 ? report.money(actor.atStake) : "–")),
                        .td(.forEach(Array(actor.findings.prefix(5).enumerated())) { position, index in
                            .group(.text(position == 0 ? "" : " · "), findingLink(report, index, shortName(report.findings[index], report)))
                        }, .if(actor.findings.count > 5, .plain(" · and \(actor.findings.count - 5) more")))
                    )
                })
            ),
            .if(actors.count > 10, .p(.class("more"), .plain("And \(actors.count - 10) more, each with smaller risks."))),
            .h3(.id("unowned"), "Nobody accountable"),
            .if(unowned.isEmpty, .p(.class("none"), .plain("Everything has an active owner."))),
            .if(!unowned.isEmpty, .table(
                .thead(.tr(.th("Item"), .th("Why"), .th("Must name an owner"), .th(.class("num"), "Budget"))),
                .tbody(.forEach(Array(unowned.prefix(8))) { index in
                    let finding = report.findings[index]
                    let node = finding.nodes(in: report.graph).first
                    let appointer = report.ownerAppointer(for: node)
                    return .tr(
                        .td(.strong(.plain(node.map { report.graph.name(of: $0) } ?? "–")),
                            .div(.class("kind"), .plain(node.map { report.graph.kind(of: $0).noun } ?? ""))),
                        .td(.plain(finding.message), .text(" "), findingLink(report, index, "Details")),
                        .td(.plain(appointer.map { "\(report.personLabel(of: report.graph.id(of: $0.person))), \($0.why)" }
                            ?? "Nobody: the portfolio names no sponsor")),
                        .td(.class("num"), .plain(finding.budgetAtStake.map(report.money) ?? "–"))
                    )
                })
            )),
            .if(unowned.count > 8, .p(.class("more"), .plain("And \(unowned.count - 8) more, listed in the appendix."))),
            heatMap(report)
        )
    }

    /// "Single points of failure: Microsoft Entra ID": the rule's title and its main node.
    static func shortName(_ finding: Finding, _ report: BoardReport) -> String {
        let subject = finding.nodes(in: report.graph).first.map { ": \(report.graph.name(of: $0))" } ?? ""
        return report.rules.wording(of: finding.rule).title + subject
    }

    /// Business units × kinds of risk, each cell the budget at risk: where the money is exposed.
    private static func heatMap(_ report: BoardReport) -> Node<HTML.BodyContext> {
        let map = report.heatMap()
        func level(_ budget: Double) -> Int {
            guard budget > 0, map.maximum > 0 else { return 0 }
            return max(1, Int((budget / map.maximum * 4).rounded(.up)))
        }
        // On screen only: a dozen columns of kinds do not fit a printed page, and the printed
        // summary already breaks the money down by kind.
        return .if(!map.rows.isEmpty, .div(
            .class("screen-only"),
            .h3(.id("heat-map"), "Where the money at risk sits"),
            .p(.class("lead"), .plain("Budget at risk per business unit and kind of problem, each initiative counted once per cell. Darker is more money.")),
            .table(
                .class("heat"),
                .thead(.tr(.th("Business unit"), .forEach(map.rules) { rule in .th(.class("rule"), .plain(report.rules.wording(of: rule).title)) })),
                .tbody(.forEach(map.rows) { row in
                    .tr(
                        .th(.plain(row.name)),
                        .forEach(row.budgets) { budget in
                            .td(.class("cell heat-\(level(budget))"), .plain(budget > 0 ? Money.abbreviated(budget, currency: nil) : "·"))
                        }
                    )
                })
            )
        ))
    }
}
