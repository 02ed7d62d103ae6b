import InterlockAnalysis
import InterlockCore
import Plot

extension HTMLReporter {
    /// `owners`: who must act, by name and role; what nobody owns, and who must name an owner.
    static func owners(_ report: BoardReport) -> Node<HTML.BodyContext> {
        let actors = report.actors()
        let unowned = ranked(report, RuleID.ownership)
        let (actorCount, unownedCount) = (report.number(actors.count), report.number(unowned.count))
        let answer = unowned.isEmpty
            ? report.text(
                en: "Every initiative, data source and technology in use has an active owner; \(actorCount) people and teams must act on the risks found.",
                fr: "Chaque initiative, source de données et technologie en usage a un responsable en activité ; \(actorCount) personnes et équipes doivent agir sur les risques relevés.")
            : report.text(
                en: "\(unownedCount) items have nobody accountable: their unit's head, or the portfolio's sponsor, must name an owner before the next meeting; \(actorCount) people and teams must act in all.",
                fr: "\(report.phrasing.count(unowned.count, "élément n'a", "éléments n'ont")) aucun responsable : la personne à la tête de leur unité, ou le commanditaire du portefeuille, doit en désigner un avant la prochaine réunion ; au total, \(actorCount) personnes et équipes doivent agir.")
        return question(
            "owners", report.say(.ownersQuestion), answer: answer,
            .h3(.plain(report.say(.whoMustAct))),
            .table(
                .thead(.tr(.th(.plain(report.say(.who))), .th(.class("num"), .plain(report.say(.risks))), .th(.class("num"), .plain(report.say(.atStake))),
                           .th(.plain(report.say(.biggestFirst))))),
                .tbody(.forEach(actors.prefix(10)) { actor in
                    .tr(
                        .td(.strong(.plain(actor.name))),
                        .td(.class("num"), .plain(report.number(actor.findings.count))),
                        .td(.class("num"), .plain(actor.atStake > 0 ? report.money(actor.atStake) : "–")),
                        .td(.forEach(Array(actor.findings.prefix(5).enumerated())) { position, index in
                            .group(.text(position == 0 ? "" : " · "), findingLink(report, index, shortName(report.findings[index], report)))
                        }, .if(actor.findings.count > 5, .plain(" ·" + report.andMore(actor.findings.count - 5))))
                    )
                })
            ),
            .if(actors.count > 10, .p(.class("more"), .plain(report.text(
                en: "And \(report.number(actors.count - 10)) more, each with smaller risks.",
                fr: "Et \(report.number(actors.count - 10)) autres, chacun avec des risques moindres.")))),
            .h3(.id("unowned"), .plain(report.say(.nobodyAccountable))),
            .if(unowned.isEmpty, .p(.class("none"), .plain(report.say(.everythingOwned)))),
            .if(!unowned.isEmpty, .table(
                .thead(.tr(.th(.plain(report.say(.item))), .th(.plain(report.say(.why))), .th(.plain(report.say(.mustNameOwner))),
                           .th(.class("num"), .plain(report.say(.budgetColumn))))),
                .tbody(.forEach(Array(unowned.prefix(8))) { index in
                    let finding = report.findings[index]
                    let node = finding.nodes(in: report.graph).first
                    let appointer = report.ownerAppointer(for: node)
                    return .tr(
                        .td(.strong(.plain(node.map { report.graph.name(of: $0) } ?? "–")),
                            .div(.class("kind"), .plain(node.map { report.phrasing.noun(report.graph.kind(of: $0)) } ?? ""))),
                        .td(.plain(report.message(of: finding)), .text(" "), findingLink(report, index, report.say(.details))),
                        .td(.plain(appointer.map { "\(report.personLabel(of: report.graph.id(of: $0.person))), \($0.why)" }
                            ?? report.say(.noSponsor))),
                        .td(.class("num"), .plain(finding.budgetAtStake.map(report.money) ?? "–"))
                    )
                })
            )),
            .if(unowned.count > 8, .p(.class("more"), .plain(report.text(
                en: "And \(report.number(unowned.count - 8)) more, listed in the appendix.",
                fr: "Et \(report.number(unowned.count - 8)) autres, listés en annexe.")))),
            heatMap(report)
        )
    }

    /// "Single points of failure: Microsoft Entra ID": the rule's title and its main node.
    static func shortName(_ finding: Finding, _ report: BoardReport) -> String {
        let subject = finding.nodes(in: report.graph).first.map { report.text(en: ": ", fr: " : ") + report.graph.name(of: $0) } ?? ""
        return report.title(of: finding.rule) + subject
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
            .h3(.id("heat-map"), .plain(report.say(.whereMoneyAtRiskSits))),
            .p(.class("lead"), .plain(report.say(.heatMapLead))),
            .table(
                .class("heat"),
                .thead(.tr(.th(.plain(report.say(.businessUnit))), .forEach(map.rules) { rule in .th(.class("rule"), .plain(report.title(of: rule))) })),
                .tbody(.forEach(map.rows) { row in
                    .tr(
                        .th(.plain(row.name)),
                        .forEach(row.budgets) { budget in
                            .td(.class("cell heat-\(level(budget))"), .plain(budget > 0 ? report.phrasing.abbreviatedMoney(budget) : "·"))
                        }
                    )
                })
            )
        ))
    }
}
