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
    static let sections: [(id: String, title: BoardPhrase)] = [
        ("summary", .sectionSummary), ("vision", .sectionVision), ("technology", .sectionTechnology),
        ("customer-data", .sectionCustomerData), ("sharing", .sectionSharing), ("owners", .sectionOwners),
        ("resilience", .sectionResilience), ("changes", .sectionChanges), ("scenario", .sectionScenario), ("trend", .sectionTrend),
        ("glossary", .sectionGlossary), ("appendix", .sectionAppendix),
    ]

    /// The page, as HTML text with a final newline.
    public static func render(_ report: BoardReport) -> String {
        let page = HTML(
            .lang(report.language == .fr ? .french : .english),
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
                    scenario(report),
                    trend(report),
                    glossary(report),
                    appendix(report)
                ),
                .footer(.class("page"), .plain(report.text(
                    en: "Made by Interlock \(InterlockRelease.version) on \(report.day(report.date)).",
                    fr: "Établi par Interlock \(InterlockRelease.version) le \(report.day(report.date)).")))
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
            .div(.class("meta"), .plain(report.text(
                en: "\(report.portfolioName) · \(report.day(report.date)) · \(report.number(active)) active initiatives, \(report.money(report.moneyAtRisk.activeBudget)) of budget",
                fr: "\(report.portfolioName) · \(report.day(report.date)) · \(report.phrasing.count(active, "initiative active", "initiatives actives")), \(report.money(report.moneyAtRisk.activeBudget)) de budget")))
        )
    }

    private static func contents(_ report: BoardReport) -> Node<HTML.BodyContext> {
        let shown = sections.filter { section in
            switch section.id {
            case "changes": report.baseline != nil
            case "scenario": report.scenario != nil
            case "trend": report.trend != nil
            default: true
            }
        }
        return .nav(.class("toc"), .forEach(shown) { id, title in .a(.href(Markup.href(id)), .plain(report.say(title))) })
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
    static func riskTable(_ report: BoardReport, findings: [Int], limit: Int = 6) -> Node<HTML.BodyContext> {
        let shown = Array(findings.prefix(limit))
        return .group(
            .if(findings.isEmpty, .p(.class("none"), .plain(report.say(.noneFound)))),
            .if(!shown.isEmpty, .table(
                .class("risks"),
                .thead(.tr(.th(.plain(report.say(.risk))), .th(.plain(report.say(.whoMustAct))),
                           .th(.plain(report.say(.whatToDo))), .th(.class("num"), .plain(report.say(.atStake))))),
                .tbody(.forEach(shown) { index in
                    let finding = report.findings[index]
                    return .tr(
                        .td(
                            .strong(.plain(report.title(of: finding.rule))), .text(" "), severityBadge(finding.severity, report),
                            .div(.plain(report.message(of: finding)), .text(" "), findingLink(report, index, report.say(.details)))
                        ),
                        .td(.plain(owners(finding, report))),
                        .td(.plain(report.action(of: finding))),
                        .td(.class("num"), .plain(finding.budgetAtStake.map(report.money) ?? "–"))
                    )
                })
            )),
            .if(findings.count > shown.count, .p(.class("more"), .plain(report.text(
                en: "And \(report.number(findings.count - shown.count)) more of this kind, listed in the appendix.",
                fr: "Et \(report.number(findings.count - shown.count)) autres de ce type, listés en annexe."))))
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
    static func severityBadge(_ severity: Severity, _ report: BoardReport) -> Node<HTML.BodyContext> {
        let word: BoardPhrase = switch severity {
        case .error: .error
        case .warning: .warning
        case .info: .information
        }
        return .span(.class("sev sev-\(severity.rawValue)"), .text(report.say(word)))
    }

    /// Who must act on a finding: its owners with their roles, or whoever must name an owner.
    static func owners(_ finding: Finding, _ report: BoardReport) -> String {
        finding.owners.isEmpty
            ? report.appointerLabel(for: finding.nodes(in: report.graph).first)
            : report.phrasing.list(finding.owners.map { report.personLabel(of: $0) })
    }

    /// "A, B, C and 4 more": the names of `nodes`, at most `limit`.
    static func names(_ nodes: [Int], _ report: BoardReport, limit: Int = 6) -> String {
        let shown = nodes.prefix(limit).map { report.graph.name(of: $0) }
        guard nodes.count > limit else { return report.phrasing.list(shown) }
        return shown.joined(separator: ", ") + report.andMore(nodes.count - limit)
    }

    /// "42 %" of a whole; "under 1 %" rather than a misleading 0 for a small non-zero part.
    static func percent(_ part: Double, of whole: Double, _ report: BoardReport) -> String {
        guard whole > 0, part > 0 else { return report.phrasing.percent(0) }
        let share = (part / whole * 100).rounded()
        return share < 1 ? report.text(en: "under 1 %", fr: "moins de 1 %") : report.phrasing.percent(Int(share))
    }

    /// The views the sections place next to the question they answer; any other diagram of the
    /// report goes to `otherDiagrams`.
    static let placedViews = Set(["risks", "units", "roadmap", "landscape"] + (1...BoardDiagrams.pictured).map { "finding-\($0)" })

    /// Diagrams a library user added that no section places, after the questions.
    static func otherDiagrams(_ report: BoardReport) -> Node<HTML.BodyContext> {
        let others = report.diagrams.filter { !placedViews.contains($0.view) }
        return .if(!others.isEmpty, .section(.id("diagrams"), .class("page-break"), .h2(.plain(report.say(.moreDiagrams))), .forEach(others.map(\.view).uniqued()) {
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
