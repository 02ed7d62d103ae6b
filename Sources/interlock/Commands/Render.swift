import ArgumentParser
import Foundation
import InterlockAnalysis
import InterlockCore
import InterlockGraphviz
import InterlockQuery

extension DiagramView: ExpressibleByArgument {}
extension OutputFormat: ExpressibleByArgument {}
extension LayoutEngine: ExpressibleByArgument {}
extension FocusDirection: ExpressibleByArgument {}
extension PageSize: ExpressibleByArgument {}

/// `interlock render`: draws a board-ready diagram of the portfolio with Graphviz, in-process.
struct Render: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Draw a diagram of the portfolio and its risks (SVG, PNG, PDF or DOT).",
        discussion: """
        Views: overview (initiatives by business unit with the technologies and data they share), risks (what findings touch, with one hop of context), focus (the neighbourhood of --node), units (business units and the links between them), capabilities (the capability map and who delivers what), roadmap (initiatives on a time axis by business unit, dependencies, schedule conflicts, end-of-life markers, today), finding (one risk, small, with one hop of context: --finding N, the number check gives it, or its key rule|node|...).

        Graphviz runs inside the tool; the dot program is not needed. SVG and DOT go to standard output unless -o is given; PNG and PDF need -o. A view never draws more than --max-nodes nodes: it keeps the highest-risk part (focus: the closest) and says in its title what it left out. The layout is dot, or sfdp past \(LayoutEngine.scalableThreshold) nodes, unless --layout says otherwise. See docs/diagrams.md.

        Examples:
          interlock render Samples/acme --view risks -o risks.svg
          interlock render Samples/acme --view focus --node field-service-platform --depth 2 --direction up --format png -o fsp.png
          interlock render Samples/acme --view finding --finding 1 -o top-risk.svg
          interlock render Samples/acme --view roadmap --lang fr -o feuille-de-route.svg
        """
    )

    @OptionGroup var input: PortfolioInput

    @Option(help: "Which diagram to draw.")
    var view: DiagramView

    @Option(help: "Output format.")
    var format: OutputFormat = .svg

    @Option(name: [.short, .customLong("output")], help: "Write the diagram to this file (atomically); required for png and pdf.")
    var output: String?

    @Option(help: "Layout engine; by default dot, or sfdp for large diagrams.")
    var layout: LayoutEngine?

    @Option(help: "The page to fit: slide (16:9, the default) or a4 (landscape) scales the drawing down to it, puts the legend beside or below, and leaves out the lowest-risk nodes until every text is 7 pt or more (or 10 nodes remain; the subtitle says what was left out); a PDF is one page of that size. none keeps the natural size, a poster for a large portfolio.")
    var page: PageSize = .slide

    @Option(name: .customLong("max-nodes"), help: "Most nodes to draw; larger views keep their highest-risk part.")
    var maxNodes: Int = ViewOptions.defaultMaxNodes

    @Option(help: ArgumentHelp("Centre of the focus view (a node id).", valueName: "id"))
    var node: String?

    @Option(help: "How many steps the focus view goes from its centre.")
    var depth: Int = 2

    @Option(help: "Which way the focus view goes: up (what depends on the node), down (what it depends on) or both.")
    var direction: FocusDirection = .both

    @Option(help: ArgumentHelp(
        "The finding the finding view draws: its number in the order check lists findings (1 is the first), or its key rule|node|node…",
        valueName: "n|key"))
    var finding: String?

    @Option(help: ArgumentHelp("The day the roadmap draws as today, YYYY-MM-DD (default: today, UTC).", valueName: "date"))
    var date: String?

    @Option(help: ArgumentHelp(
        "The language of titles, legends, labels and tooltips: en or fr (default: the portfolio's `language:`, else en).", valueName: "language"))
    var lang: BoardLanguage?

    func validate() throws {
        if view == .focus, node == nil {
            throw ValidationError("--view focus needs --node ID.")
        }
        if view != .focus, node != nil {
            throw ValidationError("--node only applies to --view focus.")
        }
        if let date, Day(date) == nil { throw ValidationError("--date must be a day written YYYY-MM-DD, not \"\(date)\".") }
        if view == .finding, finding == nil {
            throw ValidationError("--view finding needs --finding N (its number in check's order) or its key.")
        }
        if view != .finding, finding != nil {
            throw ValidationError("--finding only applies to --view finding.")
        }
        if depth < 0 { throw ValidationError("--depth must be 0 or more.") }
        if maxNodes < 1 { throw ValidationError("--max-nodes must be at least 1.") }
        if format.isBinary, output == nil {
            throw ValidationError("--format \(format.rawValue) writes binary data; give -o FILE.")
        }
    }

    func run() throws {
        LayoutServer.isolateLayouts()
        let analysis = try input.analyse()
        let options = ViewOptions(
            maxNodes: maxNodes, focus: node.map { Focus(nodeID: $0, depth: depth, direction: direction) }, finding: finding.map(FindingSelector.init),
            today: Day(date ?? Today.text()))
        let rendered: RenderedDiagram
        do {
            let language = lang ?? analysis.context.graph.portfolio.language ?? .en
            let context = ViewContext(analysis: analysis.context, findings: analysis.findings, language: language)
            rendered = try view.fitted(in: context, options: options, render: RenderOptions(format: format, layout: layout, page: page)).rendered
        } catch let error as ViewError {
            throw CommandFailure.badInput("error: \(error)")
        } catch let error as GraphvizError {
            throw CommandFailure.badInput("error: \(error)")
        }
        for warning in rendered.warnings { printToStandardError("interlock: Graphviz warning: \(warning)") }
        if let fallback = rendered.fallback { printToStandardError("interlock: warning: \(fallback)") }
        try OutputDestination(path: output).write(rendered.data)
    }
}
