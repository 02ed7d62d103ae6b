import InterlockAnalysis
import InterlockCore
import Plot

extension HTMLReporter {
    /// `vision`: the goals with the initiatives and budget serving each, the initiatives serving
    /// none, and the goals nobody serves.
    static func vision(_ report: BoardReport) -> Node<HTML.BodyContext> {
        let coverage = report.goalCoverage()
        let unaligned = report.initiativesServingNoGoal()
        let active = report.moneyAtRisk.activeBudget
        let served = coverage.filter { !$0.initiatives.isEmpty }
        let orphanGoals = coverage.filter { $0.initiatives.isEmpty }.map(\.goal)
        let activeCount = report.graph.nodes(ofKind: .initiative).filter { report.analysis.isActiveInitiative($0) }.count
        let (aligned, idle) = (report.number(activeCount - unaligned.count), report.number(unaligned.count))
        let (idleBudget, idleShare) = (report.money(report.budget(of: unaligned)), percent(report.budget(of: unaligned), of: active, report))
        var answer = coverage.isEmpty
            ? report.text(
                en: "The portfolio states no goal, so no initiative can show how it serves the vision.",
                fr: "Le portefeuille n'énonce aucun objectif : aucune initiative ne peut donc montrer comment elle sert la vision.")
            : report.text(
                en: "\(aligned) of \(report.number(activeCount)) active initiatives serve at least one of the \(report.number(coverage.count)) goals; \(idle) (\(idleBudget), \(idleShare) of the budget) serve none.",
                fr: "\(aligned) des \(report.number(activeCount)) initiatives actives servent au moins l'un des \(report.number(coverage.count)) objectifs ; \(idle) (\(idleBudget), soit \(idleShare) du budget) n'en servent aucun.")
        if !coverage.isEmpty, !orphanGoals.isEmpty {
            answer += " " + report.text(
                en: "\(orphanGoals.count == 1 ? "One goal has" : "\(report.number(orphanGoals.count)) goals have") no initiative at all.",
                fr: "\(orphanGoals.count == 1 ? "Un objectif n'a" : "\(report.number(orphanGoals.count)) objectifs n'ont") aucune initiative.")
        }
        return question(
            "vision", report.say(.visionQuestion), answer: answer,
            .if(!served.isEmpty, .table(
                .thead(.tr(.th(.plain(report.say(.goal))), .th(.plain(report.say(.initiativesServingIt))), .th(.class("num"), .plain(report.say(.budgetColumn))))),
                .tbody(.forEach(coverage) { entry in
                    .tr(
                        .td(.strong(.plain(report.graph.name(of: entry.goal)))),
                        .td(.plain(entry.initiatives.isEmpty ? report.say(.nobodyWorksTowardsGoal) : names(entry.initiatives, report, limit: 8))),
                        .td(.class("num"), .plain(report.money(entry.budget)))
                    )
                })
            )),
            .if(!unaligned.isEmpty, .group(
                .h3(.plain(report.say(.initiativesServingNoGoal))),
                .table(
                    .thead(.tr(.th(.plain(report.say(.initiative))), .th(.plain(report.say(.businessUnit))), .th(.plain(report.say(.whoMustAct))),
                               .th(.class("num"), .plain(report.say(.budgetColumn))))),
                    .tbody(.forEach(Array(unaligned.prefix(8))) { initiative in
                        .tr(
                            .td(.plain(report.graph.name(of: initiative))),
                            .td(.plain(report.graph.unitNode(of: initiative).map { report.graph.name(of: $0) } ?? "–")),
                            .td(.plain(report.graph.ownerNode(of: initiative).map { report.personLabel(of: report.graph.id(of: $0)) }
                                ?? report.appointerLabel(for: initiative))),
                            .td(.class("num"), .plain(report.graph.budget(ofInitiative: initiative).map(report.money) ?? "–"))
                        )
                    })
                ),
                .if(unaligned.count > 8, .p(.class("more"), .plain(report.text(
                    en: "And \(report.number(unaligned.count - 8)) smaller ones, listed in the appendix.",
                    fr: "Et \(report.number(unaligned.count - 8)) de moindre montant, listées en annexe."))))
            ))
        )
    }

    /// `technology`: clashes, outdated technology, version mismatches and the end-of-life calendar.
    static func technology(_ report: BoardReport) -> Node<HTML.BodyContext> {
        let rules: Set<RuleID> = [.incompatibleStack, .obsoleteTechnology, .versionConflict]
        let risks = ranked(report, rules)
        let count = { (rule: RuleID) in report.findings.count { $0.rule == rule } }
        let atRisk = risks.flatMap { report.analysis.initiativesAtRisk(of: report.findings[$0]) }
        let calendar = report.endOfLifeCalendar()
        let (clashes, outdated, versions) = (count(.incompatibleStack), count(.obsoleteTechnology), count(.versionConflict))
        let (concerned, budget) = (Set(atRisk).count, report.money(report.budget(of: atRisk)))
        let counted = { (count: Int, one: String, other: String) in report.phrasing.count(count, one, other) }
        let answer = risks.isEmpty
            ? report.text(
                en: "Yes: no initiatives that must work together are built on technologies that clash, are outdated or differ in version.",
                fr: "Oui : aucune initiative devant fonctionner avec une autre ne repose sur des technologies incompatibles, obsolètes ou de versions différentes.")
            : report.text(
                en: "Not everywhere: \(report.number(clashes)) technology clashes, \(report.number(outdated)) uses of outdated technology and \(report.number(versions)) version mismatches concern \(report.number(concerned)) initiatives with \(budget) of budget.",
                fr: "Pas partout : \(counted(clashes, "incompatibilité", "incompatibilités")) entre technologies, \(counted(outdated, "usage", "usages")) de technologies en fin de vie et \(counted(versions, "écart", "écarts")) de version touchent \(counted(concerned, "initiative", "initiatives")) représentant \(budget) de budget.")
        return question(
            "technology", report.say(.technologyQuestion), answer: answer,
            riskTable(report, findings: risks, limit: 4),
            .if(!calendar.isEmpty, .group(
                .h3(.plain(report.say(.endOfLifeCalendar))),
                .p(.class("lead"), .plain(report.say(.endOfLifeLead))),
                .table(
                    .thead(.tr(.th(.plain(report.say(.supportEnds))), .th(.plain(report.say(.technology))), .th(.plain(report.say(.status))),
                               .th(.plain(report.say(.initiativesBuildingOnIt))), .th(.class("num"), .plain(report.say(.budgetColumn))))),
                    .tbody(.forEach(Array(calendar.prefix(8))) { entry in
                        .tr(
                            .td(.plain(entry.date.map(report.phrasing.day) ?? "–")),
                            .td(.strong(.plain(report.graph.name(of: entry.technology)))),
                            .td(.plain(lifecycleWords(entry.lifecycle, report))),
                            .td(.plain(names(entry.users, report, limit: 5))),
                            .td(.class("num"), .plain(report.money(entry.budget)))
                        )
                    })
                )
            ))
        )
    }

    private static func lifecycleWords(_ lifecycle: Lifecycle?, _ report: BoardReport) -> String {
        let phrase: BoardPhrase? = switch lifecycle {
        case .adopt: .lifecycleAdopt
        case .trial: .lifecycleTrial
        case .assess: .lifecycleAssess
        case .hold: .lifecycleHold
        case .retired: .lifecycleRetired
        case nil: nil
        }
        return phrase.map(report.say) ?? "–"
    }

    /// `customer-data`: per domain of personal data, its sources, who writes and reads them, the
    /// problems found and the goals at stake.
    static func customerData(_ report: BoardReport) -> Node<HTML.BodyContext> {
        let domains = report.personalData()
        let silos = domains.flatMap(\.findings).filter { report.findings[$0].rule == .dataSilo }.uniqued()
        let answer: String
        if domains.isEmpty {
            answer = report.text(
                en: "The portfolio records no customer or personal data in its data sources.",
                fr: "Le portefeuille ne recense aucune donnée client ni personnelle dans ses sources de données.")
        } else if silos.isEmpty {
            let (sources, count) = (report.number(domains.flatMap(\.sources).count), report.number(domains.count))
            answer = report.text(
                en: "Personal data lives in \(sources) sources across \(count) domains, and initiatives keep each domain's sources connected.",
                fr: "Les données personnelles se trouvent dans \(sources) sources réparties sur \(count) domaines, et des initiatives relient les sources de chaque domaine.")
        } else {
            let split = silos.map { report.findings[$0] }.compactMap { $0.nodes(in: report.graph).first }
                .compactMap { report.graph.field(\.domain, ofDataSource: $0) ?? nil }
            answer = report.text(
                en: "Not yet: \(Wording.list(split.map { "\($0) data" })) sit\(split.count == 1 ? "s" : "") in sources that no initiative connects, so the organisation holds several versions of the truth.",
                fr: "Pas encore : les données \(split.count == 1 ? "du domaine" : "des domaines") \(report.phrasing.list(split.map(report.phrasing.quoted))) sont dispersées dans des sources qu'aucune initiative ne relie ; l'organisation détient donc plusieurs versions de la vérité.")
        }
        return question(
            "customer-data", report.say(.customerDataQuestion), answer: answer,
            .forEach(domains) { domain in
                .group(
                    .h3(.plain(report.text(en: "\(domain.domain.capitalizedFirst) data", fr: "Données du domaine \(report.phrasing.quoted(domain.domain))"))),
                    .table(
                        .thead(.tr(.th(.plain(report.say(.dataSource))), .th(.plain(report.say(.kindOfData))), .th(.plain(report.say(.writtenBy))),
                                   .th(.plain(report.say(.readBy))))),
                        .tbody(.forEach(domain.sources) { source in
                            let classification = report.graph.field(\.classification, ofDataSource: source) ?? nil
                            let record = report.graph.field(\.systemOfRecord, ofDataSource: source) == true ? " · " + report.say(.systemOfRecord) : ""
                            return .tr(
                                .td(.strong(.plain(report.graph.name(of: source)))),
                                .td(.plain(classificationWords(classification, report) + record)),
                                .td(.plain(names(report.writers(of: source), report, limit: 4).nonEmpty ?? report.say(.nobody))),
                                .td(.plain(names(report.readers(of: source), report, limit: 4).nonEmpty ?? report.say(.nobody)))
                            )
                        })
                    ),
                    riskTable(report, findings: report.ranking.filter(domain.findings.contains), limit: 4),
                    .if(!domain.goals.isEmpty, .p(.plain(report.text(
                        en: "Goals that depend on this data: \(names(domain.goals, report, limit: 8)).",
                        fr: "Objectifs qui dépendent de ces données : \(names(domain.goals, report, limit: 8))."))))
                )
            }
        )
    }

    private static func classificationWords(_ classification: DataClassification?, _ report: BoardReport) -> String {
        let phrase: BoardPhrase = switch classification {
        case .pii: .personalData
        case .confidential: .confidential
        case .internal: .internalData
        case .public: .publicData
        case nil: .notClassified
        }
        return report.say(phrase)
    }
}

extension String {
    /// The string, or nil when it is empty.
    fileprivate var nonEmpty: String? { isEmpty ? nil : self }
}
