import InterlockAnalysis
import InterlockCore
import Plot

extension HTMLReporter {
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
                .p(.class("answer"), .plain("\(comparison.new.count) new, \(comparison.resolved.count) resolved and \(comparison.persisting.count) unchanged findings compared with the baseline.")),
                .div(
                    .class("changes"),
                    .div(.h3("New"), list(comparison.new, linked: true)),
                    .div(.h3("Resolved"), list(comparison.resolved, linked: false)),
                    .div(.h3("Unchanged"), list(comparison.persisting.map(\.new), linked: true))
                )
            )
        }
    }

    // MARK: - Glossary

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

    // MARK: - The architects' appendix

    /// `appendix`: what the technical team needs and the board does not: every finding with its
    /// rule id, score and file location, the index of named items, how scores are made, and the
    /// fingerprint of the input files.
    static func appendix(_ report: BoardReport) -> Node<HTML.BodyContext> {
        let counts = Dictionary(grouping: report.findings, by: \.rule).mapValues(\.count)
        return .section(
            .id("appendix"),
            .class("page-break appendix"),
            .p(.class("print-only"), .plain("The appendix for the technical team (every finding with its rule id, score and location, and the index of named items) is in the HTML page.")),
            .h2("Appendix for the architects"),
            .p(.class("lead"), .plain(
                "Every finding with its rule id, score and where its first item is defined; the index of named items; and the input this page was made from.")),
            .p(.plain("Input: SHA-256 "), .code(.plain(report.inputHash)), .plain(" of the portfolio files, in load order.")),
            .p(.plain("Scores: up to 100 points per finding, 40 for an error, 20 for a warning or 5 for information, plus up to 40 for the share of the budget at stake and up to 20 for the share of initiatives reached; health is 100 minus the average risk of the active initiatives. The board's ranking adds \(Int(BoardReport.concernPoints)) points to loops, single points of failure, technology clashes and serious problems with personal data (docs/scoring.md).")),
            .h3(.id("findings"), "All findings, by kind"),
            .if(report.findings.isEmpty, .p(.plain("No findings: every check passed."))),
            .forEach(report.ruleOrder) { rule in
                .group(
                    .h4(.id("rule-" + Markup.node(rule.rawValue)), .plain(report.rules.wording(of: rule).title), .text(" "), .code(.plain(rule.rawValue))),
                    .unwrap(report.shownByRule[rule]) { shown in
                        .if(shown.count < counts[rule] ?? 0, .p(.plain(
                            "Showing the \(shown.count) highest-scoring of \(counts[rule] ?? 0) findings; interlock check --format json lists them all.")))
                    },
                    findingTable(report, report.shownByRule[rule] ?? [])
                )
            },
            nodeIndex(report)
        )
    }

    private static func findingTable(_ report: BoardReport, _ indices: [Int]) -> Node<HTML.BodyContext> {
        .table(
            .thead(.tr(.th("#"), .th("Severity"), .th("What"), .th("Involved"), .th("Action"), .th("Where"), .th(.class("num"), "At stake"), .th(.class("num"), "Score"))),
            .tbody(.forEach(indices) { index in
                let finding = report.findings[index]
                return .tr(
                    .id(Markup.finding(index)),
                    .td(.class("num"), .text("\(index + 1)")),
                    .td(severityBadge(finding.severity)),
                    .td(.plain(finding.message)),
                    .td(involved(finding, report)),
                    .td(.plain(finding.action)),
                    .td(.code(.plain(finding.nodes(in: report.graph).first.map { report.graph.location(of: $0).description } ?? "–"))),
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

    /// Every item a finding names, with links to those findings: the target of the diagrams' nodes.
    private static func nodeIndex(_ report: BoardReport) -> Node<HTML.BodyContext> {
        .div(
            .class("screen-only"),
            .h3(.id("index"), "Index of named items"),
            .table(
                .thead(.tr(.th("Item"), .th("Kind"), .th("Id"), .th("Findings"))),
                .tbody(.forEach(report.findingsByNode()) { entry in
                    let kind = report.graph.node(withID: entry.id).map { report.graph.kind(of: $0).noun } ?? "unknown id"
                    return .tr(
                        .id(Markup.node(entry.id)),
                        .td(.plain(report.name(of: entry.id))),
                        .td(.plain(kind)),
                        .td(.code(.plain(entry.id))),
                        .td(.forEach(Array(entry.findings.enumerated())) { position, index in
                            .group(.text(position == 0 ? "" : ", "), findingLink(report, index, "#\(index + 1)"))
                        })
                    )
                })
            )
        )
    }
}
