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
        var answer = coverage.isEmpty
            ? "The portfolio states no goal, so no initiative can show how it serves the vision."
            : "\(activeCount - unaligned.count) of \(activeCount) active initiatives serve at least one of the \(coverage.count) goals; \(unaligned.count) (\(report.money(report.budget(of: unaligned))), \(percent(report.budget(of: unaligned), of: active)) of the budget) serve none."
        if !coverage.isEmpty, !orphanGoals.isEmpty { answer += " \(orphanGoals.count == 1 ? "One goal has" : "\(orphanGoals.count) goals have") no initiative at all." }
        return question(
            "vision", "How does each initiative serve our vision?", answer: answer,
            .if(!served.isEmpty, .table(
                .thead(.tr(.th("Goal"), .th("Initiatives serving it"), .th(.class("num"), "Budget"))),
                .tbody(.forEach(coverage) { entry in
                    .tr(
                        .td(.strong(.plain(report.graph.name(of: entry.goal)))),
                        .td(.plain(entry.initiatives.isEmpty ? "None: nobody works towards this goal." : names(entry.initiatives, report, limit: 8))),
                        .td(.class("num"), .plain(report.money(entry.budget)))
                    )
                })
            )),
            .if(!unaligned.isEmpty, .group(
                .h3("Initiatives serving no goal"),
                .table(
                    .thead(.tr(.th("Initiative"), .th("Business unit"), .th("Who must act"), .th(.class("num"), "Budget"))),
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
                .if(unaligned.count > 8, .p(.class("more"), .plain("And \(unaligned.count - 8) smaller ones, listed in the appendix.")))
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
        let answer = risks.isEmpty
            ? "Yes: no initiatives that must work together are built on technologies that clash, are outdated or differ in version."
            : "Not everywhere: \(count(.incompatibleStack)) technology clashes, \(count(.obsoleteTechnology)) uses of outdated technology and \(count(.versionConflict)) version mismatches concern \(Set(atRisk).count) initiatives with \(report.money(report.budget(of: atRisk))) of budget."
        return question(
            "technology", "Must these tools work together, and can they?", answer: answer,
            riskTable(report, findings: risks, limit: 4),
            .if(!calendar.isEmpty, .group(
                .h3("End-of-life calendar"),
                .p(.class("lead"), .plain("Technologies whose support ends, or that the organisation has put on hold or retired, and the initiatives still building on them.")),
                .table(
                    .thead(.tr(.th("Support ends"), .th("Technology"), .th("Status"), .th("Initiatives building on it"), .th(.class("num"), "Budget"))),
                    .tbody(.forEach(Array(calendar.prefix(8))) { entry in
                        .tr(
                            .td(.plain(entry.date?.description ?? "–")),
                            .td(.strong(.plain(report.graph.name(of: entry.technology)))),
                            .td(.plain(lifecycleWords(entry.lifecycle))),
                            .td(.plain(names(entry.users, report, limit: 5))),
                            .td(.class("num"), .plain(report.money(entry.budget)))
                        )
                    })
                )
            ))
        )
    }

    private static func lifecycleWords(_ lifecycle: Lifecycle?) -> String {
        switch lifecycle {
        case .adopt: "standard"
        case .trial: "on trial"
        case .assess: "being assessed"
        case .hold: "on hold: no new use"
        case .retired: "retired"
        case nil: "–"
        }
    }

    /// `customer-data`: per domain of personal data, its sources, who writes and reads them, the
    /// problems found and the goals at stake.
    static func customerData(_ report: BoardReport) -> Node<HTML.BodyContext> {
        let domains = report.personalData()
        let silos = domains.flatMap(\.findings).filter { report.findings[$0].rule == .dataSilo }.uniqued()
        let answer: String
        if domains.isEmpty {
            answer = "The portfolio records no customer or personal data in its data sources."
        } else if silos.isEmpty {
            answer = "Personal data lives in \(domains.flatMap(\.sources).count) sources across \(domains.count) domains, and initiatives keep each domain's sources connected."
        } else {
            let split = silos.map { report.findings[$0] }.compactMap { $0.nodes(in: report.graph).first }
                .compactMap { report.graph.field(\.domain, ofDataSource: $0) ?? nil }
            answer = "Not yet: \(Wording.list(split.map { "\($0) data" })) sit\(split.count == 1 ? "s" : "") in sources that no initiative connects, so the organisation holds several versions of the truth."
        }
        return question(
            "customer-data", "How will customer data be integrated?", answer: answer,
            .forEach(domains) { domain in
                .group(
                    .h3(.plain("\(domain.domain.capitalizedFirst) data")),
                    .table(
                        .thead(.tr(.th("Data source"), .th("Kind of data"), .th("Written by"), .th("Read by"))),
                        .tbody(.forEach(domain.sources) { source in
                            let classification = report.graph.field(\.classification, ofDataSource: source) ?? nil
                            let record = report.graph.field(\.systemOfRecord, ofDataSource: source) == true ? " · system of record" : ""
                            return .tr(
                                .td(.strong(.plain(report.graph.name(of: source)))),
                                .td(.plain(classificationWords(classification) + record)),
                                .td(.plain(names(report.writers(of: source), report, limit: 4).nonEmpty ?? "nobody")),
                                .td(.plain(names(report.readers(of: source), report, limit: 4).nonEmpty ?? "nobody"))
                            )
                        })
                    ),
                    riskTable(report, findings: report.ranking.filter(domain.findings.contains), limit: 4),
                    .if(!domain.goals.isEmpty, .p(.plain("Goals that depend on this data: \(names(domain.goals, report, limit: 8)).")))
                )
            }
        )
    }

    private static func classificationWords(_ classification: DataClassification?) -> String {
        switch classification {
        case .pii: "personal data"
        case .confidential: "confidential"
        case .internal: "internal"
        case .public: "public"
        case nil: "not classified"
        }
    }
}

extension String {
    /// The string, or nil when it is empty.
    fileprivate var nonEmpty: String? { isEmpty ? nil : self }
}
