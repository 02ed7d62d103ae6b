import InterlockAnalysis
import InterlockCore
import Plot

extension HTMLReporter {
    /// `sharing`: duplicated capabilities with their money, who builds what by unit, and how
    /// entangled the units are.
    static func sharing(_ report: BoardReport) -> Node<HTML.BodyContext> {
        let money = report.moneyAtRisk
        let duplicates = ranked(report, [.duplicatedCapability])
        let answer = duplicates.isEmpty
            ? "Yes, and no capability is built twice: every capability has one initiative building it."
            : "Yes: \(money.duplicatedCapabilities) capabilities are built by several initiatives with \(report.money(money.duplicatedBudget)) of budget between them; building each once could save up to \(report.money(money.savings))."
        return question(
            "sharing", "Can we share or coordinate resources?", answer: answer,
            .if(!duplicates.isEmpty, duplicateTable(report, duplicates)),
            capabilityMatrix(report),
            entanglement(report),
            diagram(report, "units")
        )
    }

    private static func duplicateTable(_ report: BoardReport, _ duplicates: [Int]) -> Node<HTML.BodyContext> {
        .table(
            .thead(.tr(.th("Capability"), .th("Built by (business unit)"), .th("Who must act"), .th(.class("num"), "Budget"), .th(.class("num"), "Could save"))),
            .tbody(.forEach(Array(duplicates.prefix(12))) { index in
                let finding = report.findings[index]
                let nodes = finding.nodes(in: report.graph)
                let capability = nodes.first
                let builders = nodes.dropFirst().prefix(6).map { builder in
                    report.graph.name(of: builder) + (report.graph.unitNode(of: builder).map { " (\(report.graph.name(of: $0)))" } ?? "")
                }
                return .tr(
                    .td(.strong(.plain(capability.map { report.graph.name(of: $0) } ?? "–")), .text(" "), severityBadge(finding.severity)),
                    .td(.plain(Wording.list(builders) + (nodes.count > 7 ? " and \(nodes.count - 7) more" : "")), .text(" "), findingLink(report, index, "Details")),
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
        let unitName = { (unit: Int?) in unit.map { report.graph.name(of: $0) } ?? "No business unit" }
        return .if(!matrix.rows.isEmpty, .group(
            .h3("Who builds what"),
            .p(.class("lead"), .plain("Active initiatives per capability and business unit. A row with more than one is built more than once; across columns, by units that may not know it.")),
            .table(
                .class("matrix"),
                .thead(.tr(.th("Capability"), .forEach(matrix.units) { unit in .th(.class("num"), .plain(unitName(unit))) })),
                .tbody(.forEach(matrix.rows) { row in
                    let total = row.builders.reduce(0, +)
                    return .tr(
                        .class(total > 1 ? "duplicated" : "single"),
                        .th(.plain(report.graph.name(of: row.capability))),
                        .forEach(row.builders) { count in .td(.class("num cell"), .text(count == 0 ? "·" : "\(count)")) }
                    )
                })
            ),
            .if(matrix.omitted > 0, .p(.class("more"), .plain("And \(matrix.omitted) capabilities built by fewer initiatives.")))
        ))
    }

    /// Pairs of units whose active initiatives depend on each other or pass data (docs/scoring.md).
    private static func entanglement(_ report: BoardReport) -> Node<HTML.BodyContext> {
        let links = report.analysis.unitEntanglement
        return .group(
            .h3(.id("entanglement"), "Which units must plan together"),
            .p(.class("lead"), .plain("Pairs of business units whose initiatives depend on each other, pass data from one to the other, or build on a platform or data source the other unit runs.")),
            .if(links.isEmpty, .p(.class("none"), .plain("No initiative depends on, or passes data to, another unit's initiative."))),
            .if(!links.isEmpty, .table(
                .thead(.tr(.th("Units"), .th(.class("num"), "Dependencies"), .th(.class("num"), "Data passed on"), .th(.class("num"), "On the other's platforms"), .th(.class("num"), "Ties"))),
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
