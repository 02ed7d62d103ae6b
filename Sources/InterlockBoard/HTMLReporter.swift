import InterlockAnalysis
import InterlockCore
import InterlockReports
import Plot

/// `interlock report`: the board pack as one self-contained HTML page (CSS and SVG inline; no
/// script, font, image or link outside the page).
///
/// Built with Plot's typed HTML nodes; every text from the portfolio goes through `Node.plain`
/// and every attribute value through `Markup`, so no name can add markup. Sections are in
/// `HTMLReporter+Sections.swift`.
public enum HTMLReporter {
    /// The page, as HTML text with a final newline.
    public static func render(_ report: BoardReport) -> String {
        let page = HTML(
            .lang(.english),
            .head(
                .meta(.charset(.utf8)),
                // Nothing may load or run: any attempt is blocked and shows as a console error.
                .meta(.attribute(named: "http-equiv", value: "Content-Security-Policy"), .content(Markup.attribute(contentPolicy))),
                .meta(.name("viewport"), .content("width=device-width, initial-scale=1")),
                .element(named: "title", nodes: [.plain(report.title)]),
                .style(ReportStyle.css)
            ),
            .body(
                header(report),
                contents(report),
                .main(
                    summary(report),
                    decisionsAndActors(report),
                    heatMap(report),
                    entanglement(report),
                    diagrams(report),
                    changes(report),
                    ruleSections(report),
                    unowned(report),
                    nodeIndex(report),
                    glossary(report)
                ),
                .footer(
                    .class("page"),
                    .plain("Made by Interlock \(InterlockRelease.version) on \(report.date) from input SHA-256 \(report.inputHash). "),
                    .plain("Scores are explained in docs/scoring.md; every finding's rule id is given for the technical team.")
                )
            )
        )
        return page.render(indentedBy: .spaces(1)) + "\n"
    }

    /// Inline styles only; no script, font, image, frame or connection.
    static let contentPolicy = "default-src 'none'; style-src 'unsafe-inline'; img-src data:"

    private static func header(_ report: BoardReport) -> Node<HTML.BodyContext> {
        let graph = report.graph
        let initiatives = graph.nodes(ofKind: .initiative).count
        return .header(
            .class("page"),
            .h1(.plain(report.title)),
            .div(
                .class("meta"),
                .plain("\(report.portfolioName) · \(report.date) · \(initiatives) initiatives, \(report.money(report.activeBudget)) of active budget · input "),
                .code(.attribute(named: "title", value: Markup.attribute("SHA-256 of the input files, in load order")),
                      .plain("sha256:\(report.inputHash)"))
            )
        )
    }

    private static func contents(_ report: BoardReport) -> Node<HTML.BodyContext> {
        var links: [(String, String)] = [
            ("summary", "Summary"), ("decisions", "Decisions and owners"), ("heat-map", "Heat map"), ("entanglement", "Entangled units"),
        ]
        links += report.diagrams.map { (Markup.diagram($0.view), $0.title) }
        if report.baseline != nil { links.append(("changes", "Since last time")) }
        links += [("findings", "All findings"), ("unowned", "Unowned"), ("index", "Index"), ("glossary", "Glossary")]
        return .nav(.class("toc"), .forEach(links) { anchor, title in .a(.href(Markup.href(anchor)), .plain(title)) })
    }

    // MARK: - Summary

    private static func summary(_ report: BoardReport) -> Node<HTML.BodyContext> {
        let health = Int(report.scores.health.rounded())
        let band = health >= 75 ? ("band-good", "Good") : health >= 50 ? ("band-fair", "Needs attention") : ("band-poor", "Poor")
        let duplication = report.duplication
        let count = { (severity: Severity) in report.findings.count { $0.severity == severity } }
        return .section(
            .id("summary"),
            .h2("Executive summary"),
            .p(.class("lead"), .plain("How healthy the portfolio is, what money is at stake, and the ten biggest risks with who must act.")),
            .div(
                .class("cards"),
                card(label: "Portfolio health", value: "\(health) / 100", note: band.1, extra: .div(
                    .class("bar"), .span(.class(band.0), .attribute(named: "style", value: "width: \(health)%")))),
                card(label: "Findings", value: "\(report.findings.count)",
                     note: "\(count(.error)) errors · \(count(.warning)) warnings · \(count(.info)) for information"),
                card(label: "Money in duplicated work", value: report.money(duplication.atStake),
                     note: "\(duplication.count) capabilities built more than once; consolidating could save up to \(report.money(duplication.saving))"),
                card(label: "Budget named by an error", value: report.money(report.budgetNamedByErrors),
                     note: "of \(report.money(report.activeBudget)) in active initiatives")
            ),
            .h3("The ten biggest risks"),
            riskTable(report, findings: Array(report.scores.rankedIndices().prefix(10)))
        )
    }

    private static func card(label: String, value: String, note: String, extra: Node<HTML.BodyContext> = .empty) -> Node<HTML.BodyContext> {
        .div(.class("card"), .div(.class("label"), .plain(label)), .div(.class("value"), .plain(value)), extra, .div(.class("note"), .plain(note)))
    }

    /// Risks as rows (positions in `report.findings`, in the order given): rank, what and why, who
    /// acts, what to do, money, score; each row links to the finding's details.
    static func riskTable(_ report: BoardReport, findings: [Int]) -> Node<HTML.BodyContext> {
        .table(
            .thead(.tr(.th("#"), .th("Risk"), .th("Who must act"), .th("Suggested action"), .th(.class("num"), "At stake"), .th(.class("num"), "Score"))),
            .tbody(.forEach(Array(findings.enumerated())) { rank, index in
                let finding = report.findings[index]
                return .tr(
                    .td(.class("num"), .text("\(rank + 1)")),
                    .td(
                        .strong(.plain(report.rules.wording(of: finding.rule).title)), .text(" "), severityBadge(finding.severity),
                        .div(.plain(finding.message)),
                        findingLink(report, index, "Details")
                    ),
                    .td(.plain(owners(finding, report))),
                    .td(.plain(finding.action)),
                    .td(.class("num"), .plain(finding.budgetAtStake.map(report.money) ?? "–")),
                    .td(.class("num score"), .text("\(Int(report.scores.findingScores[index].rounded()))"))
                )
            })
        )
    }

    /// A link to a finding's details, or plain text when the page does not show that finding in full.
    static func findingLink(_ report: BoardReport, _ index: Int, _ text: String) -> Node<HTML.BodyContext> {
        report.shown.contains(index) ? .a(.href(Markup.href(Markup.finding(index))), .plain(text)) : .plain(text)
    }

    /// A badge for a severity.
    static func severityBadge(_ severity: Severity) -> Node<HTML.BodyContext> {
        let word = switch severity {
        case .error: "Error"
        case .warning: "Warning"
        case .info: "Information"
        }
        return .span(.class("sev sev-\(severity.rawValue)"), .text(word))
    }

    /// The names of a finding's contactable owners, or a call to name one.
    static func owners(_ finding: Finding, _ report: BoardReport) -> String {
        finding.owners.isEmpty ? "Nobody accountable: name an owner" : Wording.list(finding.owners.map(report.name(of:)))
    }
}
