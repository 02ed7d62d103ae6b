import InterlockAnalysis
import InterlockCore
import Plot

extension HTMLReporter {
    // MARK: - Decisions and owners

    /// The five decisions (actions of the five biggest risks) and, per owner, what they must act on.
    static func decisionsAndActors(_ report: BoardReport) -> Node<HTML.BodyContext> {
        let top = Array(report.scores.rankedIndices().prefix(5))
        return .section(
            .id("decisions"),
            .class("page-break"),
            .h2("Five decisions for the board"),
            .p(.class("lead"), .plain("The suggested actions of the five biggest risks, and who must carry them out.")),
            .ol(.class("decisions"), .forEach(top) { index in
                let finding = report.findings[index]
                return .li(
                    .strong(.plain(finding.action)), .text(" "),
                    .plain("Owner: \(owners(finding, report)). "),
                    findingLink(report, index, "(\(report.rules.wording(of: finding.rule).title))")
                )
            }),
            .h3("Who must act"),
            .table(
                .thead(.tr(.th("Owner"), .th(.class("num"), "Findings"), .th(.class("num"), "At stake"), .th("Most urgent first"))),
                .tbody(.forEach(report.actors()) { actor in
                    .tr(
                        .td(.strong(.plain(actor.name))),
                        .td(.class("num"), .text("\(actor.findings.count)")),
                        .td(.class("num"), .plain(actor.atStake > 0 ? report.money(actor.atStake) : "–")),
                        .td(.forEach(Array(actor.findings.prefix(6).enumerated())) { position, index in
                            .group(
                                .text(position == 0 ? "" : " · "),
                                findingLink(report, index, shortName(report.findings[index], report))
                            )
                        }, .if(actor.findings.count > 6, .plain(" · and \(actor.findings.count - 6) more")))
                    )
                })
            )
        )
    }

    /// "Single points of failure: Microsoft Entra ID": the rule's title and its main node.
    static func shortName(_ finding: Finding, _ report: BoardReport) -> String {
        let subject = finding.nodes.first.map(report.name(of:)).map { ": \($0)" } ?? ""
        return report.rules.wording(of: finding.rule).title + subject
    }

    // MARK: - Heat map and entanglement

    static func heatMap(_ report: BoardReport) -> Node<HTML.BodyContext> {
        let map = report.heatMap()
        func level(_ count: Int) -> Int {
            guard count > 0, map.maximum > 0 else { return 0 }
            return max(1, Int((Double(count) / Double(map.maximum) * 4).rounded(.up)))
        }
        return .section(
            .id("heat-map"),
            .class("page-break"),
            .h2("Heat map: business units × kinds of risk"),
            .p(.class("lead"), .plain("How many findings concern each business unit, by kind. Darker is more. A finding about a shared system counts for the unit of its owner.")),
            .table(
                .class("heat"),
                .thead(.tr(.th("Business unit"), .forEach(map.rules) { rule in
                    .th(.class("rule"), .attribute(named: "title", value: Markup.attribute(rule.rawValue)), .plain(report.rules.wording(of: rule).title))
                }, .th(.class("num"), "Total"))),
                .tbody(.forEach(map.rows) { row in
                    .tr(
                        .th(.plain(row.name)),
                        .forEach(row.counts) { count in .td(.class("cell heat-\(level(count))"), .text(count == 0 ? "·" : "\(count)")) },
                        .td(.class("num"), .strong(.text("\(row.counts.reduce(0, +))")))
                    )
                })
            )
        )
    }

    static func entanglement(_ report: BoardReport) -> Node<HTML.BodyContext> {
        let links = report.analysis.unitEntanglement
        return .section(
            .id("entanglement"),
            .h2("Which units are most entangled"),
            .p(.class("lead"), .plain("Pairs of business units whose initiatives depend on each other, or where one unit's initiatives write data that the other's read: these units must plan together.")),
            .if(links.isEmpty, .p(.plain("No initiative depends on, or exchanges data with, another unit's initiative."))),
            .if(!links.isEmpty, .table(
                .thead(.tr(.th("Units"), .th(.class("num"), "Dependencies"), .th(.class("num"), "Data sources passed on"), .th(.class("num"), "Ties"))),
                .tbody(.forEach(links.prefix(8)) { link in
                    .tr(
                        .td(.strong(.plain("\(report.graph.name(of: link.first)) ↔ \(report.graph.name(of: link.second))"))),
                        .td(.class("num"), .text("\(link.dependencies)")),
                        .td(.class("num"), .text("\(link.dataFlows)")),
                        .td(.class("num score"), .text("\(link.total)"))
                    )
                })
            ))
        )
    }

    // MARK: - Diagrams

    static func diagrams(_ report: BoardReport) -> Node<HTML.BodyContext> {
        .forEach(Array(report.diagrams.enumerated())) { position, diagram in
            .section(
                .id(Markup.diagram(diagram.view)),
                .class("page-break"),
                .h2(.plain(diagram.title)),
                .element(named: "figure", nodes: [
                    .raw(Markup.embeddable(svg: diagram.svg, idPrefix: "d\(position + 1)-")),
                    .element(named: "figcaption", nodes: [.plain(diagram.caption)]),
                ])
            )
        }
    }

    // MARK: - Changes since the baseline

    static func changes(_ report: BoardReport) -> Node<HTML.BodyContext> {
        .unwrap(report.baseline) { comparison in
            let position = Dictionary(report.findings.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
            func list(_ findings: [Finding], linked: Bool) -> Node<HTML.BodyContext> {
                findings.isEmpty ? .p(.plain("None.")) : .ul(.forEach(findings) { finding in
                    .li(
                        severityBadge(finding.severity), .text(" "),
                        .strong(.plain(shortName(finding, report))), .text(" "),
                        .if(linked, .unwrap(position[finding]) { findingLink(report, $0, "Details") })
                    )
                })
            }
            return .section(
                .id("changes"),
                .class("page-break"),
                .h2("What changed since last time"),
                .p(.class("lead"), .plain("\(comparison.new.count) new, \(comparison.resolved.count) resolved and \(comparison.persisting.count) unchanged findings compared with the baseline.")),
                .div(
                    .class("changes"),
                    .div(.h3("New"), list(comparison.new, linked: true)),
                    .div(.h3("Resolved"), list(comparison.resolved, linked: false)),
                    .div(.h3("Unchanged"), list(comparison.persisting.map(\.new), linked: true))
                )
            )
        }
    }

    // MARK: - Findings by rule

    static func ruleSections(_ report: BoardReport) -> Node<HTML.BodyContext> {
        let counts = Dictionary(grouping: report.findings, by: \.rule).mapValues(\.count)
        return .section(
            .id("findings"),
            .class("page-break"),
            .h2("All findings, by kind"),
            .if(report.findings.isEmpty, .p(.plain("No findings: every check passed."))),
            .forEach(report.ruleOrder) { rule in
                .group(
                    .h3(.id("rule-" + Markup.node(rule.rawValue)), .plain(report.rules.wording(of: rule).title), .text(" "), .span(.class("rule-id"), .plain(rule.rawValue))),
                    .p(.class("lead"), .plain(report.rules.wording(of: rule).whyItMatters)),
                    .unwrap(report.shownByRule[rule]) { shown in
                        .if(shown.count < counts[rule] ?? 0, .p(.plain(
                            "Showing the \(shown.count) highest-scoring of \(counts[rule] ?? 0) findings; interlock check --format json lists them all.")))
                    },
                    findingTable(report, report.shownByRule[rule] ?? [])
                )
            }
        )
    }

    private static func findingTable(_ report: BoardReport, _ indices: [Int]) -> Node<HTML.BodyContext> {
        .table(
            .thead(.tr(.th("#"), .th("Severity"), .th("What"), .th("Involved"), .th("Action"), .th("Owner"), .th(.class("num"), "At stake"), .th(.class("num"), "Score"))),
            .tbody(.forEach(indices) { index in
                let finding = report.findings[index]
                return .tr(
                    .id(Markup.finding(index)),
                    .td(.class("num"), .text("\(index + 1)")),
                    .td(severityBadge(finding.severity)),
                    .td(.plain(finding.message)),
                    .td(involved(finding, report)),
                    .td(.plain(finding.action)),
                    .td(.plain(owners(finding, report))),
                    .td(.class("num"), .plain(finding.budgetAtStake.map(report.money) ?? "–")),
                    .td(.class("num score"), .text("\(Int(report.scores.findingScores[index].rounded()))"))
                )
            })
        )
    }

    /// The nodes a finding names, each linking to its entry in the index; long lists are cut.
    private static func involved(_ finding: Finding, _ report: BoardReport) -> Node<HTML.BodyContext> {
        let shown = finding.nodes.prefix(BoardReport.involvedShown)
        return .group(
            .forEach(Array(shown.enumerated())) { position, id in
                .group(.text(position == 0 ? "" : ", "), .a(.href(Markup.href(Markup.node(id))), .plain(report.name(of: id))))
            },
            .if(finding.nodes.count > shown.count, .plain(" and \(finding.nodes.count - shown.count) more"))
        )
    }

    // MARK: - Unowned, index, glossary

    static func unowned(_ report: BoardReport) -> Node<HTML.BodyContext> {
        let items = report.findings.indices.filter { RuleID.ownership.contains(report.findings[$0].rule) && report.shown.contains($0) }
        return .section(
            .id("unowned"),
            .h2("Nobody accountable"),
            .p(.class("lead"), .plain("Initiatives, data and technology without an active owner. Each needs a name before the next meeting.")),
            .if(items.isEmpty, .p(.plain("Everything has an active owner."))),
            .if(!items.isEmpty, .table(
                .thead(.tr(.th("Kind"), .th("Name"), .th("Why"), .th(.class("num"), "Budget"))),
                .tbody(.forEach(items) { index in
                    let finding = report.findings[index]
                    let id = finding.nodes.first ?? ""
                    let kind = report.graph.node(withID: id).map { report.graph.kind(of: $0).noun } ?? ""
                    return .tr(
                        .td(.plain(kind)),
                        .td(findingLink(report, index, report.name(of: id)), .text(" "), .span(.class("rule-id"), .plain(id))),
                        .td(.plain(finding.message)),
                        .td(.class("num"), .plain(finding.budgetAtStake.map(report.money) ?? "–"))
                    )
                })
            ))
        )
    }

    /// Every item a finding names, with links to those findings: the target of the diagrams' nodes.
    static func nodeIndex(_ report: BoardReport) -> Node<HTML.BodyContext> {
        .section(
            .id("index"),
            .class("page-break"),
            .h2("Index of named items"),
            .p(.class("lead"), .plain("Every initiative, system, data source, capability or owner a finding names, with the findings that name it.")),
            .table(
                .thead(.tr(.th("Item"), .th("Kind"), .th("Id"), .th("Findings"))),
                .tbody(.forEach(report.findingsByNode()) { entry in
                    let kind = report.graph.node(withID: entry.id).map { report.graph.kind(of: $0).noun } ?? "unknown id"
                    return .tr(
                        .id(Markup.node(entry.id)),
                        .td(.plain(report.name(of: entry.id))),
                        .td(.plain(kind)),
                        .td(.span(.class("rule-id"), .plain(entry.id))),
                        .td(.forEach(Array(entry.findings.enumerated())) { position, index in
                            .group(.text(position == 0 ? "" : ", "), findingLink(report, index, "#\(index + 1)"))
                        })
                    )
                })
            )
        )
    }

    static func glossary(_ report: BoardReport) -> Node<HTML.BodyContext> {
        .section(
            .id("glossary"),
            .h2("Glossary"),
            .p(.class("lead"), .plain("The business words used in this report and the technical terms the portfolio files and the technical team use.")),
            .dl(
                .class("glossary"),
                .forEach(BoardGlossary.entries(for: report.ruleOrder.map { report.rules.wording(of: $0) })) { entry in
                    .group(.dt(.plain(entry.business)), .dd(.code(.plain(entry.technical))), .dd(.plain(entry.meaning)))
                }
            )
        )
    }
}
