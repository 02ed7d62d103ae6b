import Foundation
import InterlockAnalysis
import InterlockCore
import InterlockGraphviz
import Synchronization

/// The diagrams of the board pack, drawn in-process by the Graphviz views (docs/diagrams.md).
public enum BoardDiagrams {
    /// The views the board pack shows, with a heading and how to read each, in business words.
    static let views: [(view: DiagramView, title: LocalizedText, caption: LocalizedText)] = [
        (.risks, LocalizedText(en: "Risk map", fr: "Carte des risques"),
         LocalizedText(
            en: "Only what the findings touch, with one step of context: red loops are initiatives waiting on each other, red dashed lines join technologies that clash, boxes group the same capability built twice, dashed outlines have nobody accountable. Click an item to see its findings.",
            fr: "Seuls les éléments concernés par un constat, avec leur voisinage immédiat : les boucles rouges sont des initiatives qui s'attendent mutuellement, les pointillés rouges relient des technologies incompatibles, les cadres regroupent une même capacité construite deux fois, les contours en tirets signalent l'absence de responsable. Cliquer sur un élément affiche ses constats.")),
        (.units, LocalizedText(en: "How the business units are tied together", fr: "Les liens entre unités métier"),
         LocalizedText(
            en: "Business units and the dependencies and shared data between them: the thicker the line, the more the two units must plan together.",
            fr: "Les unités métier, avec les dépendances et les données qu'elles partagent : plus le trait est épais, plus les deux unités doivent planifier ensemble.")),
        (.landscape, LocalizedText(en: "Capability landscape", fr: "Paysage des capacités"),
         LocalizedText(
            en: "What the organisation must be able to do, each capability inside the one it belongs to, with the initiatives building it and their budget: amber is built twice, red three times or more, white by nobody.",
            fr: "Ce que l'organisation doit savoir faire, chaque capacité dans celle dont elle fait partie, avec les initiatives qui la construisent et leur budget : en orange, construite deux fois ; en rouge, trois fois ou plus ; en blanc, par personne.")),
        (.roadmap, LocalizedText(en: "Roadmap", fr: "Feuille de route"),
         LocalizedText(
            en: "Each initiative from its start to its end, by business unit; arrows join an initiative to what it needs, red where it starts before that is delivered; red triangles mark a technology losing support during the initiative; the dashed line is today.",
            fr: "Chaque initiative de son début à sa fin, par unité métier ; les flèches relient une initiative à ce dont elle a besoin, en rouge quand elle commence avant que ce soit livré ; les triangles rouges signalent une technologie dont le support prend fin pendant l'initiative ; la ligne pointillée marque aujourd'hui.")),
    ]

    /// The most nodes a diagram of the pack draws: printed on an A4 page, more labels than this
    /// cannot be read, and laying out a thousand-node risk map took 2.5 s of a 3 s report at
    /// 1,000 initiatives. The riskiest part is kept and the subtitle says what was left out;
    /// `interlock render` draws the whole map.
    static let maximumNodes = 200

    /// How many of the biggest risks get a picture of their own beside the five decisions.
    static let pictured = 3

    /// The fewest nodes a picture keeps when its text would otherwise print under 7 pt: the
    /// boxes of the printed page are small, and the subtitle says what was left out (the whole
    /// view is one `interlock render` away).
    static let smallestCut = 3

    /// The box each picture has on the printed A4 page, in inches, as the print style lays it
    /// out (ReportStyle: 273 mm of width between the margins; `max-height` per figure). Each
    /// picture is fitted to its box, so that printed at that size its text is 7 pt or more.
    static func frame(of name: String) -> DiagramSize {
        let millimetre = 1 / 25.4
        switch name {
        // The risk map has a page of its own; units and landscape share one, side by side, the
        // page's height; the roadmap shares its page with the glossary, which runs on to the last
        // page (the sample prints on 12 pages in English and French).
        case DiagramView.risks.rawValue: return DiagramSize(width: 273 * millimetre, height: 130 * millimetre)
        case DiagramView.units.rawValue, DiagramView.landscape.rawValue: return DiagramSize(width: 134 * millimetre, height: 150 * millimetre)
        case DiagramView.roadmap.rawValue: return DiagramSize(width: 273 * millimetre, height: 110 * millimetre)
        // A risk picture: a third of the width, under the five decisions.
        default: return DiagramSize(width: 88 * millimetre, height: 70 * millimetre)
        }
    }

    /// Draws the board pack's views of `report` and returns the report with them. Items the page's
    /// index lists link to their entries there. A view Graphviz could only draw another way (see
    /// `RenderedDiagram.fallback`) is shown that way and the fallback returned as a problem; a
    /// view it cannot draw at all keeps its heading with a sentence saying so instead of the
    /// picture, and its error is returned, so the page is written anyway.
    public static func adding(to report: BoardReport) -> (report: BoardReport, problems: [String]) {
        let linked = Set(report.findingsByNode().map(\.id))
        let context = ViewContext(analysis: report.analysis, findings: report.findings, language: report.language)
        let today = Day(report.date)
        // The views, then one small picture per biggest risk, placed beside the five decisions.
        let requests = views.map {
            DrawingRequest(name: $0.view.rawValue, view: $0.view, options: ViewOptions(maxNodes: maximumNodes, today: today),
                           title: $0.title[report.language], caption: $0.caption[report.language])
        } + report.ranking.prefix(pictured).enumerated().map { rank, index in
            let finding = report.findings[index]
            return DrawingRequest(
                name: "finding-\(rank + 1)", view: .finding,
                options: ViewOptions(maxNodes: maximumNodes, finding: .key(finding.fingerprint), today: today, showsFindingMessage: false),
                title: LocalizedText(en: "Risk \(rank + 1): ", fr: "Risque \(rank + 1) : ")[report.language] + HTMLReporter.shortName(finding, report),
                // The message under the picture, in the page's text, which wraps to the column:
                // inside the drawing its lines took half of a small picture's height.
                caption: report.message(of: finding))
        }
        // Each drawing is independent; laid out in `interlock _layout` processes (as the command
        // does), they run side by side on the machine's cores. In-process layouts take
        // Graphviz's lock one at a time, as before.
        let drawn = Mutex([(diagram: ReportDiagram, problem: String?)?](repeating: nil, count: requests.count))
        DispatchQueue.concurrentPerform(iterations: requests.count) { index in
            let entry = requests[index]
            let result: (diagram: ReportDiagram, problem: String?)
            do {
                let rendered = try entry.view.fitted(
                    in: context, options: entry.options, render: RenderOptions(format: .svg, frame: frame(of: entry.name)),
                    smallestCut: smallestCut
                ) { diagram in
                    // The page gives each picture its heading and its caption says how to read
                    // it; a risk picture shares the risk map's key. A legend drawn inside a
                    // third of a page took the room of the drawing and printed it at 4 to 5 pt.
                    diagram.title = ""
                    if entry.view != .risks { diagram.legend = nil }
                    // Printed in a third of a page, the units' ties say their strength by the
                    // width of the line (the caption says so); the three-line counts on every
                    // tie made the text 4 pt.
                    if entry.view == .units { for edge in diagram.edges.indices { diagram.edges[edge].label = nil } }
                    for node in diagram.nodes.indices where linked.contains(diagram.nodes[node].id) {
                        diagram.nodes[node].link = Markup.href(Markup.node(diagram.nodes[node].id))
                    }
                }.rendered
                result = (ReportDiagram(view: entry.name, title: entry.title, caption: entry.caption, svg: String(decoding: rendered.data, as: UTF8.self)),
                          rendered.fallback.map { "the \(entry.name) diagram: \($0)" })
            } catch {
                let sentence = LocalizedText(en: "This diagram could not be drawn: ", fr: "Ce schéma n'a pas pu être dessiné : ")[report.language]
                result = (ReportDiagram(view: entry.name, title: entry.title, caption: sentence + "\(error)", svg: ""),
                          "the \(entry.name) diagram could not be drawn: \(error)")
            }
            drawn.withLock { $0[index] = result }
        }
        let results = drawn.withLock { $0 }.compactMap { $0 }
        let diagrams = results.map { $0.diagram }
        let problems = results.compactMap { $0.problem }
        return (report.adding(diagrams: diagrams), problems)
    }

    /// One picture of the pack: the view, how to draw it, and its heading and caption.
    private struct DrawingRequest: Sendable {
        var name: String
        var view: DiagramView
        var options: ViewOptions
        var title: String
        var caption: String
    }
}
