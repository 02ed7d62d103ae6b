import InterlockAnalysis
import InterlockCore
import InterlockReports
import Plot

/// A scenario as the board report shows it beside today (`report --scenario`).
public struct BoardScenario: Sendable {
    /// The scenario.
    public var scenario: Scenario
    /// Who loses what it removes or retires.
    public var losses: [ScenarioLoss]
    /// What differs from today.
    public var diff: PortfolioDiff
    /// The changed portfolio's graph, in which the new findings are worded.
    public var after: PortfolioGraph

    /// A scenario's result.
    public init(scenario: Scenario, losses: [ScenarioLoss], diff: PortfolioDiff, after: PortfolioGraph) {
        self.scenario = scenario
        self.losses = losses
        self.diff = diff
        self.after = after
    }
}

extension HTMLReporter {
    /// The most rows of a list in the scenario and trend sections; the rest are counted.
    static let historyRows = 15

    /// "What if": who loses what the scenario removes or retires, the findings it brings and
    /// resolves, the budget it moves.
    static func scenario(_ report: BoardReport) -> Node<HTML.BodyContext> {
        .unwrap(report.scenario) { shown in
            let diff = shown.diff
            let losing = Set(shown.losses.flatMap { $0.dependents.map(\.initiative) }).count
            let newErrors = diff.findings.new.count { $0.severity == .error }
            return .section(
                .id("scenario"),
                .class("page-break"),
                .h2(.plain(report.say(.sectionScenario) + ": " + shown.scenario.name)),
                .p(.class("answer"), .plain(report.text(
                    en: "\(report.number(losing)) active initiatives lose something they need; \(report.number(diff.findings.new.count)) new findings (\(report.number(newErrors)) serious) and \(report.number(diff.findings.resolved.count)) resolved; the active budget goes from \(report.money(diff.totalBudget.old)) to \(report.money(diff.totalBudget.new)).",
                    fr: "\(report.phrasing.count(losing, "initiative active perd", "initiatives actives perdent")) quelque chose dont elles ont besoin ; \(report.phrasing.count(diff.findings.new.count, "constat nouveau", "constats nouveaux")) (\(report.phrasing.count(newErrors, "grave", "graves"))) et \(report.phrasing.count(diff.findings.resolved.count, "résolu", "résolus")) ; le budget actif passe de \(report.money(diff.totalBudget.old)) à \(report.money(diff.totalBudget.new))."))),
                .p(.class("lead"), .plain(report.text(en: "Changes tried: ", fr: "Changements essayés : ") + shown.scenario.changes.map(\.description).joined(separator: ", "))),
                .forEach(shown.losses) { loss in
                    .group(
                        .h3(.plain("\(loss.name): " + report.text(
                            en: "\(report.phrasing.count(loss.dependents.count, "initiative needs it", "initiatives need it")), \(report.number(loss.dependents.filter(\.isDirect).count)) directly",
                            fr: "\(report.phrasing.count(loss.dependents.count, "initiative en a besoin", "initiatives en ont besoin")), dont \(report.number(loss.dependents.filter(\.isDirect).count)) directement"))),
                        .ul(.forEach(loss.dependents.prefix(historyRows)) { dependent in
                            .li(.strong(.plain(dependent.name)), .text(" "), .plain(way(dependent, report)))
                        }),
                        .if(loss.dependents.count > historyRows, .p(.plain(report.text(
                            en: "and \(report.number(loss.dependents.count - historyRows)) more", fr: "et \(report.number(loss.dependents.count - historyRows)) autres"))))
                    )
                },
                .div(
                    .class("changes"),
                    .div(.h3(.plain(report.say(.new))), findingList(diff.findings.new, in: shown.after, report)),
                    .div(.h3(.plain(report.say(.resolved))), findingList(diff.findings.resolved, in: report.graph, report))
                )
            )
        }
    }

    /// "Health over time": the chart and a table of the points, oldest first.
    static func trend(_ report: BoardReport) -> Node<HTML.BodyContext> {
        .unwrap(report.trend) { points in
            .section(
                .id("trend"),
                .class("page-break"),
                .h2(.plain(report.say(.sectionTrend))),
                .unwrap(points.first) { first in
                    .unwrap(points.last) { last in
                        .p(.class("answer"), .plain(report.text(
                            en: "Over \(report.number(points.count)) versions the health went from \(Int(first.health.rounded())) to \(Int(last.health.rounded())) out of 100, the serious findings from \(report.number(first.errors)) to \(report.number(last.errors)), and the budget at risk from \(report.money(first.budgetAtRisk)) to \(report.money(last.budgetAtRisk)).",
                            fr: "Sur \(report.number(points.count)) versions, la santé est passée de \(Int(first.health.rounded())) à \(Int(last.health.rounded())) sur 100, les constats graves de \(report.number(first.errors)) à \(report.number(last.errors)), et le budget à risque de \(report.money(first.budgetAtRisk)) à \(report.money(last.budgetAtRisk)).")))
                    }
                },
                .element(named: "figure", nodes: [.raw(Markup.embeddable(svg: TrendReporter.svg(points, title: report.say(.sectionTrend)), idPrefix: "trend-"))]),
                .table(
                    .thead(.tr(.th(.plain(report.text(en: "Version", fr: "Version"))), .th(.plain(report.text(en: "Health", fr: "Santé"))),
                               .th(.plain(report.text(en: "Serious", fr: "Graves"))), .th(.plain(report.text(en: "Warnings", fr: "Avertissements"))),
                               .th(.plain(report.text(en: "Budget at risk", fr: "Budget à risque"))), .th(.plain(report.text(en: "Change", fr: "Changement"))))),
                    .tbody(.forEach(points.suffix(historyRows)) { point in
                        .tr(.td(.plain(point.label)), .td(.plain(String(Int(point.health.rounded())))), .td(.plain(report.number(point.errors))),
                            .td(.plain(report.number(point.warnings))), .td(.plain(report.money(point.budgetAtRisk))), .td(.plain(point.subject)))
                    })
                )
            )
        }
    }

    /// The names along a dependent's path, each needing the next.
    private static func way(_ dependent: Dependent, _ report: BoardReport) -> String {
        dependent.path.map { id in report.graph.node(withID: id).map(report.graph.name(of:)) ?? id }.joined(separator: " → ")
    }

    private static func findingList(_ findings: [Finding], in graph: PortfolioGraph, _ report: BoardReport) -> Node<HTML.BodyContext> {
        findings.isEmpty ? .p(.plain(report.say(.none))) : .ul(
            .forEach(findings.prefix(historyRows)) { finding in .li(severityBadge(finding.severity, report), .text(" "), .plain(finding.message(report.phrasing, in: graph))) },
            .if(findings.count > historyRows, .li(.plain(report.text(en: "and \(report.number(findings.count - historyRows)) more", fr: "et \(report.number(findings.count - historyRows)) autres")))))
    }
}
