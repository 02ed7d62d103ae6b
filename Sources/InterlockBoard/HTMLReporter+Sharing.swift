import InterlockAnalysis
import InterlockCore
import Plot

extension HTMLReporter {
    /// `sharing`: duplicated capabilities with their money, who builds what by unit, and how
    /// entangled the units are.
    static func sharing(_ report: BoardReport) -> Node<HTML.BodyContext> {
        let money = report.moneyAtRisk
        let duplicates = ranked(report, [.duplicatedCapability])
        let (capabilities, duplicated, savings) = (money.duplicatedCapabilities, report.money(money.duplicatedBudget), report.money(money.savings))
        let answer = duplicates.isEmpty
            ? report.text(
                en: "Yes, and no capability is built twice: every capability has one initiative building it.",
                fr: "Oui, et aucune capacité n'est construite deux fois : chacune n'a qu'une initiative pour la bâtir.")
            : report.text(
                en: "Yes: \(report.number(capabilities)) capabilities are built by several initiatives with \(duplicated) of budget between them; building each once could save up to \(savings).",
                fr: "Oui : \(report.phrasing.count(capabilities, "capacité est construite", "capacités sont construites")) par plusieurs initiatives, pour \(duplicated) de budget au total ; ne les construire qu'une fois permettrait d'économiser jusqu'à \(savings).")
        return question(
            "sharing", report.say(.sharingQuestion), answer: answer,
            .if(!duplicates.isEmpty, duplicateTable(report, duplicates)),
            capabilityMatrix(report),
            entanglement(report),
            diagram(report, "units"),
            diagram(report, "landscape")
        )
    }

    private static func duplicateTable(_ report: BoardReport, _ duplicates: [Int]) -> Node<HTML.BodyContext> {
        .table(
            .thead(.tr(.th(.plain(report.say(.capability))), .th(.plain(report.say(.builtBy))), .th(.plain(report.say(.whoMustAct))),
                       .th(.class("num"), .plain(report.say(.budgetColumn))), .th(.class("num"), .plain(report.say(.couldSave))))),
            .tbody(.forEach(Array(duplicates.prefix(12))) { index in
                let finding = report.findings[index]
                let nodes = finding.nodes(in: report.graph)
                let capability = nodes.first
                let builders = nodes.dropFirst().prefix(6).map { builder in
                    report.graph.name(of: builder) + (report.graph.unitNode(of: builder).map { " (\(report.graph.name(of: $0)))" } ?? "")
                }
                return .tr(
                    .td(.strong(.plain(capability.map { report.graph.name(of: $0) } ?? "–")), .text(" "), severityBadge(finding.severity, report)),
                    .td(.plain(report.phrasing.list(builders) + (nodes.count > 7 ? report.andMore(nodes.count - 7) : "")),
                        .text(" "), findingLink(report, index, report.say(.details))),
                    .td(.plain(owners(finding, report))),
                    .td(.class("num"), .plain(finding.budgetAtStake.map(report.money) ?? "–")),
                    .td(.class("num"), .plain(capability.flatMap { report.moneyAtRisk.savingsByCapability[$0] }.map(report.money) ?? "–"))
                )
            })
        )
    }

    /// Business units as columns, capabilities as rows: how many active initiatives of each unit
    /// build each capability; a row with more than one initiative is duplicated work.
    private static func capabilityMatrix(_ report: BoardReport) -> Node<HTML.BodyContext> {
        let matrix = report.capabilityMatrix()
        let unitName = { (unit: Int?) in unit.map { report.graph.name(of: $0) } ?? report.say(.noBusinessUnit) }
        return .if(!matrix.rows.isEmpty, .group(
            .h3(.plain(report.say(.whoBuildsWhat))),
            .p(.class("lead"), .plain(report.say(.whoBuildsWhatLead))),
            .table(
                .class("matrix"),
                .thead(.tr(.th(.plain(report.say(.capability))), .forEach(matrix.units) { unit in .th(.class("num"), .plain(unitName(unit))) })),
                .tbody(.forEach(matrix.rows) { row in
                    let total = row.builders.reduce(0, +)
                    return .tr(
                        .class(total > 1 ? "duplicated" : "single"),
                        .th(.plain(report.graph.name(of: row.capability))),
                        .forEach(row.builders) { count in .td(.class("num cell"), .text(count == 0 ? "·" : "\(count)")) }
                    )
                })
            ),
            .if(matrix.omitted > 0, .p(.class("more"), .plain(report.text(
                en: "And \(report.number(matrix.omitted)) capabilities built by fewer initiatives.",
                fr: "Et \(report.phrasing.count(matrix.omitted, "capacité construite", "capacités construites")) par moins d'initiatives."))))
        ))
    }

    /// Pairs of units whose active initiatives depend on each other or pass data (docs/scoring.md).
    private static func entanglement(_ report: BoardReport) -> Node<HTML.BodyContext> {
        let links = report.analysis.unitEntanglement
        return .group(
            .h3(.id("entanglement"), .plain(report.say(.unitsPlanTogether))),
            .p(.class("lead"), .plain(report.say(.unitsPlanTogetherLead))),
            .if(links.isEmpty, .p(.class("none"), .plain(report.say(.noUnitTies)))),
            .if(!links.isEmpty, .table(
                .thead(.tr(.th(.plain(report.say(.units))), .th(.class("num"), .plain(report.say(.dependencies))),
                           .th(.class("num"), .plain(report.say(.dataPassedOn))), .th(.class("num"), .plain(report.say(.onOtherPlatforms))),
                           .th(.class("num"), .plain(report.say(.ties))))),
                .tbody(.forEach(links.prefix(8)) { link in
                    .tr(
                        .td(.strong(.plain("\(report.graph.name(of: link.first)) ↔ \(report.graph.name(of: link.second))"))),
                        .td(.class("num"), .text("\(link.dependencies)")),
                        .td(.class("num"), .text("\(link.dataFlows)")),
                        .td(.class("num"), .text("\(link.platforms)")),
                        .td(.class("num"), .strong(.text("\(link.total)")))
                    )
                })
            ))
        )
    }
}
