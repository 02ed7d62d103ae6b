import InterlockAnalysis
import InterlockCore
import Plot

extension HTMLReporter {
    /// `summary`: health, the money at risk (each initiative once), the five decisions and the ten
    /// biggest risks, and the risk map.
    static func summary(_ report: BoardReport) -> Node<HTML.BodyContext> {
        let money = report.moneyAtRisk
        let health = Int(report.scores.health.rounded())
        let band: (String, BoardPhrase) = health >= 75 ? ("band-good", .healthGood) : health >= 50 ? ("band-fair", .healthFair) : ("band-poor", .healthPoor)
        let count = { (severity: Severity) in report.number(report.findings.count { $0.severity == severity }) }
        let (atRisk, active, share) = (report.money(money.atRiskFromErrors), report.money(money.activeBudget), percent(money.atRiskFromErrors, of: money.activeBudget, report))
        let named = money.initiativesAtRiskFromErrors
        let answer = report.findings.isEmpty
            ? report.text(
                en: "Portfolio health \(health) / 100: no risk found in \(active) of active budget.",
                fr: "Santé du portefeuille : \(health) / 100 ; aucun risque relevé sur \(active) de budget actif.")
            : report.text(
                en: "Portfolio health \(health) / 100: \(atRisk) of the \(active) active budget (\(share)) sits in \(report.number(named)) initiatives with a serious problem; the five decisions below deal with the biggest risks.",
                fr: "Santé du portefeuille : \(health) / 100. Sur \(active) de budget actif, \(atRisk) (\(share)) relèvent de \(report.phrasing.count(named, "initiative touchée", "initiatives touchées")) par un problème grave ; les cinq décisions ci-dessous traitent des risques les plus importants.")
        let (warningsOnly, duplicated, savings) = (report.money(money.atRiskFromWarningsOnly), report.money(money.duplicatedBudget), report.money(money.savings))
        let capabilities = money.duplicatedCapabilities
        return .section(
            .id("summary"),
            .h2(.plain(report.say(.executiveSummary))),
            .p(.class("answer"), .plain(answer)),
            .div(
                .class("cards"),
                card(label: report.say(.portfolioHealth), value: "\(health) / 100", note: report.say(band.1), extra: .div(
                    .class("bar"), .span(.class(band.0), .attribute(named: "style", value: "width: \(max(0, min(100, health)))%")))),
                card(label: report.say(.budgetAtRisk), value: atRisk, note: report.text(
                    en: "in \(report.number(named)) initiatives named by a serious problem, each counted once; \(warningsOnly) more is named only by warnings",
                    fr: "dans \(report.phrasing.count(named, "initiative visée", "initiatives visées")) par un problème grave, chacune comptée une fois ; \(warningsOnly) de plus ne sont visés que par des avertissements")),
                card(label: report.say(.builtMoreThanOnce), value: duplicated, note: report.text(
                    en: "\(report.number(capabilities)) capabilities built by several initiatives; consolidating could save up to \(savings)",
                    fr: "\(report.phrasing.count(capabilities, "capacité construite", "capacités construites")) par plusieurs initiatives ; regrouper permettrait d'économiser jusqu'à \(savings)")),
                card(label: report.say(.problemsFound), value: report.number(report.findings.count), note: report.text(
                    en: "\(count(.error)) serious · \(count(.warning)) warnings · \(count(.info)) for information",
                    fr: "\(count(.error)) graves · \(count(.warning)) avertissements · \(count(.info)) pour information"))
            ),
            moneyBreakdown(report),
            // The decisions and the pictures of the biggest risks beside them: one printed page,
            // the tall risk map set beside the three pictures.
            .div(
                .class("decisions-page"),
                .h3(.plain(report.say(.fiveDecisions))),
                .p(.class("lead"), .plain(report.say(.fiveDecisionsLead))),
                decisions(report),
                .div(
                    .class("risk-pictures"),
                    .div(.class("pictures"), .forEach((1...BoardDiagrams.pictured).map { "finding-\($0)" }) { diagram(report, $0) }),
                    diagram(report, "risks")))
        )
    }

    /// What the budget at risk is made of: each kind of serious problem, and the overlap between kinds.
    private static func moneyBreakdown(_ report: BoardReport) -> Node<HTML.BodyContext> {
        let money = report.moneyAtRisk
        return .if(!money.errorsByRule.isEmpty, .group(
            .table(
                .class("breakdown"),
                .thead(.tr(.th(.plain(report.say(.budgetAtRiskByKind))), .th(.class("num"), .plain(report.say(.initiativesColumn))),
                           .th(.class("num"), .plain(report.say(.budgetColumn))))),
                .tbody(
                    .forEach(money.errorsByRule) { entry in
                        .tr(.td(.plain(report.title(of: entry.rule))), .td(.class("num"), .plain(report.number(entry.initiatives))),
                            .td(.class("num"), .plain(report.money(entry.budget))))
                    },
                    .tr(.class("total"), .td(.plain(report.say(.totalCountedOnce))),
                        .td(.class("num"), .plain(report.number(money.initiativesAtRiskFromErrors))), .td(.class("num"), .plain(report.money(money.atRiskFromErrors))))
                )
            ),
            .if(money.overlap > 0.5, .p(.class("lead"), .plain(report.text(
                en: "Some initiatives have more than one kind of problem: \(report.money(money.overlap)) is counted under several kinds above, and once in the total.",
                fr: "Certaines initiatives cumulent plusieurs types de problème : \(report.money(money.overlap)) figurent sous plusieurs types ci-dessus, mais une seule fois dans le total."))))
        ))
    }

    /// The five biggest risks, each with its decision (the action, which names what it is about),
    /// who carries it out and the money at stake.
    private static func decisions(_ report: BoardReport) -> Node<HTML.BodyContext> {
        let top = Array(report.ranking.prefix(5))
        return .if(top.isEmpty, .p(.class("none"), .plain(report.say(.noDecisionNeeded))), else: .table(
            .class("decisions"),
            .thead(.tr(.th("#"), .th(.plain(report.say(.decisionColumn))), .th(.plain(report.say(.whoMustAct))), .th(.class("num"), .plain(report.say(.atStake))))),
            .tbody(.forEach(Array(top.enumerated())) { rank, index in
                let finding = report.findings[index]
                return .tr(
                    .td(.class("num"), .text("\(rank + 1)")),
                    .td(
                        .strong(.plain(report.action(of: finding))),
                        .div(.class("about"), severityBadge(finding.severity, report), .text(" "),
                             .plain("\(shortName(finding, report)). "), findingLink(report, index, report.say(.details)))
                    ),
                    .td(.plain(owners(finding, report))),
                    .td(.class("num"), .plain(finding.budgetAtStake.map(report.money) ?? "–"))
                )
            })
        ))
    }
}
