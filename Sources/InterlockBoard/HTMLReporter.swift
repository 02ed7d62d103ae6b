import InterlockAnalysis
import InterlockCore
import InterlockReports
import Plot

/// `interlock report`: the board pack as one self-contained HTML page (CSS and SVG inline; no
/// script, font, image or link outside the page).
///
/// The page answers the board's six questions in their order (DESIGN.md), each section opened by
/// a one-sentence answer: `summary`, `vision`, `technology`, `customer-data`, `sharing`, `owners`,
/// `resilience`; then `changes` (with a baseline), `glossary`, and the architects' `appendix`,
/// the only place for rule ids, scores, file locations and the input fingerprint.
///
/// Built with Plot's typed HTML nodes; every text from the portfolio goes through `Node.plain`
/// and every attribute value through `Markup`, so no name can add markup.
public enum HTMLReporter {
    /// The sections, with their ids and the contents line's words, in page order.
    static let sections: [(id: String, title: String)] = [
        ("summary", "Summary"), ("vision", "Vision"), ("technology", "Technology"), ("customer-data", "Customer data"),
        ("sharing", "Sharing"), ("owners", "Owners"), ("resilience", "Resilience"), ("changes", "Since last time"),
        ("glossary", "Glossary"), ("appendix", "Appendix"),
    ]

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
                    vision(report),
                    technology(report),
                    customerData(report),
                    sharing(report),
                    owners(report),
                    resilience(report),
                    otherDiagrams(report),
                    changes(report),
                    glossary(report),
                    appendix(report)
                ),
                .footer(.class("page"), .plain("Made by Interlock \(InterlockRelease.version) on \(report.date)."))
            )
        )
        return page.render(indentedBy: .spaces(1)) + "\n"
    }

    /// Inline styles only; no script, font, image, frame or connection.
    static let contentPolicy = "default-src 'none'; style-src 'unsafe-inline'; img-src data:"

    private static func header(_ report: BoardReport) -> Node<HTML.BodyContext> {
        let active = report.graph.nodes(ofKind: .initiative).filter { report.analysis.isActiveInitiative($0) }.count
        return .header(
            .class("page"),
            .h1(.plain(report.title)),
            .div(.class("meta"), .plain("\(report.portfolioName) · \(report.date) · \(active) active initiatives, \(report.money(report.moneyAtRisk.activeBudget)) of budget"))
        )
    }

    private static func contents(_ report: BoardReport) -> Node<HTML.BodyContext> {
        let shown = sections.filter { $0.id != "changes" || report.baseline != nil }
        return .nav(.class("toc"), .forEach(shown) { id, title in .a(.href(Markup.href(id)), .plain(title)) })
    }

    // MARK: - Shared parts

    /// A question section: its id, the question as heading, the one-sentence answer, then the body.
    static func question(_ id: String, _ question: String, answer: String, _ body: Node<HTML.BodyContext>...) -> Node<HTML.BodyContext> {
        .section(.id(id), .class("page-break"), .h2(.plain(question)), .p(.class("answer"), .plain(answer)), .group(body))
    }

    /// A figure of the page: a label, a value, and a note under it.
    static func card(label: String, value: String, note: String, extra: Node<HTML.BodyContext> = .empty) -> Node<HTML.BodyContext> {
        .div(.class("card"), .div(.class("label"), .plain(label)), .div(.class("value"), .plain(value)), extra, .div(.class("note"), .plain(note)))
    }

    /// Risks as rows for the board (positions in `report.findings`, in the order given, at most
    /// `limit`): what and why, who acts, what to do, the money at stake; each row links to the
    /// finding's entry in the appendix. A line says how many more there are.
    static func riskTable(_ report: BoardReport, findings: [Int], limit: Int = 6, ranked: Bool = false) -> Node<HTML.BodyContext> {
        let shown = Array(findings.prefix(limit))
        return .group(
            .if(findings.isEmpty, .p(.class("none"), .plain("None found."))),
            .if(!shown.isEmpty, .table(
                .class("risks"),
                .thead(.tr(.if(ranked, .th("#")), .th("Risk"), .th("Who must act"), .th("What to do"), .th(.class("num"), "At stake"))),
                .tbody(.forEach(Array(shown.enumerated())) { rank, index in
                    let finding = report.findings[index]
                    return .tr(
                        .if(ranked, .td(.class("num"), .text("\(rank + 1)"))),
                        .td(
                            .strong(.plain(report.rules.wording(of: finding.rule).title)), .text(" "), severityBadge(finding.severity),
                            .div(.plain(finding.message), .text(" "), findingLink(report, index, "Details"))
                        ),
                        .td(.plain(owners(finding, report))),
                        .td(.plain(finding.action)),
                        .td(.class("num"), .plain(finding.budgetAtStake.map(report.money) ?? "–"))
                    )
                })
            )),
            .if(findings.count > shown.count, .p(.class("more"), .plain(
                "And \(findings.count - shown.count) more of this kind, listed in the appendix.")))
        )
    }

    /// The positions of the findings of `rules`, biggest risk first.
    static func ranked(_ report: BoardReport, _ rules: Set<RuleID>) -> [Int] {
        report.ranking.filter { rules.contains(report.findings[$0].rule) }
    }

    /// A link to a finding's entry in the appendix, or plain text when the page does not show that finding in full.
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

    /// Who must act on a finding: its owners with their roles, or whoever must name an owner.
    static func owners(_ finding: Finding, _ report: BoardReport) -> String {
        finding.owners.isEmpty
            ? report.appointerLabel(for: finding.nodes(in: report.graph).first)
            : Wording.list(finding.owners.map { report.personLabel(of: $0) })
    }

    /// "A, B, C and 4 more": the names of `nodes`, at most `limit`.
    static func names(_ nodes: [Int], _ report: BoardReport, limit: Int = 6) -> String {
        let shown = nodes.prefix(limit).map { report.graph.name(of: $0) }
        return nodes.count > limit ? shown.joined(separator: ", ") + " and \(nodes.count - limit) more" : Wording.list(shown)
    }

    /// "42 %" of a whole; "under 1 %" rather than a misleading 0 for a small non-zero part.
    static func percent(_ part: Double, of whole: Double) -> String {
        guard whole > 0, part > 0 else { return "0 %" }
        let share = (part / whole * 100).rounded()
        return share < 1 ? "under 1 %" : "\(Int(share)) %"
    }

    /// The views the sections place next to the question they answer; any other diagram of the
    /// report goes to `otherDiagrams`.
    static let placedViews: Set<String> = ["risks", "units", "roadmap"]

    /// Diagrams a library user added that no section places, after the questions.
    static func otherDiagrams(_ report: BoardReport) -> Node<HTML.BodyContext> {
        let others = report.diagrams.filter { !placedViews.contains($0.view) }
        return .if(!others.isEmpty, .section(.id("diagrams"), .class("page-break"), .h2("More diagrams"), .forEach(others.map(\.view).uniqued()) {
            diagram(report, $0)
        }))
    }

    /// The embedded diagrams of `view`.
    static func diagram(_ report: BoardReport, _ view: String) -> Node<HTML.BodyContext> {
        .forEach(Array(report.diagrams.enumerated()).filter { $0.element.view == view }) { position, diagram in
            .div(
                .id(Markup.diagram(diagram.view)),
                .class("diagram"),
                .h3(.plain(diagram.title)),
                .element(named: "figure", nodes: [
                    .raw(Markup.embeddable(svg: diagram.svg, idPrefix: "d\(position + 1)-")),
                    .element(named: "figcaption", nodes: [.plain(diagram.caption)]),
                ])
            )
        }
    }
}
