import ArgumentParser
import Foundation
import InterlockAnalysis
import InterlockCore
import InterlockGraphviz

extension DiagramView: ExpressibleByArgument {}
extension OutputFormat: ExpressibleByArgument {}
extension LayoutEngine: ExpressibleByArgument {}
extension FocusDirection: ExpressibleByArgument {}

/// `interlock render`: draws a board-ready diagram of the portfolio with Graphviz, in-process.
struct Render: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Draw a diagram of the portfolio and its risks (SVG, PNG, PDF or DOT).",
        discussion: """
        Views: overview (initiatives by business unit with the technologies and data they share), risks (what findings touch, with one hop of context), focus (the neighbourhood of --node), units (business units and the links between them), capabilities (the capability map and who delivers what).

        Graphviz runs inside the tool; the dot program is not needed. SVG and DOT go to standard output unless -o is given; PNG and PDF need -o. A view never draws more than --max-nodes nodes: it keeps the highest-risk part (focus: the closest) and says in its title what it left out. The layout is dot, or sfdp past \(LayoutEngine.scalableThreshold) nodes, unless --layout says otherwise. See docs/diagrams.md.

        Examples:
          interlock render Samples/acme --view risks -o risks.svg
          interlock render Samples/acme --view focus --node field-service-platform --depth 2 --direction up --format png -o fsp.png
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

    @Option(name: .customLong("max-nodes"), help: "Most nodes to draw; larger views keep their highest-risk part.")
    var maxNodes: Int = ViewOptions.defaultMaxNodes

    @Option(help: ArgumentHelp("Centre of the focus view (a node id).", valueName: "id"))
    var node: String?

    @Option(help: "How many steps the focus view goes from its centre.")
    var depth: Int = 2

    @Option(help: "Which way the focus view goes: up (what depends on the node), down (what it depends on) or both.")
    var direction: FocusDirection = .both

    func validate() throws {
        if view == .focus, node == nil {
            throw ValidationError("--view focus needs --node ID.")
        }
        if view != .focus, node != nil {
            throw ValidationError("--node only applies to --view focus.")
        }
        if depth < 0 { throw ValidationError("--depth must be 0 or more.") }
        if maxNodes < 1 { throw ValidationError("--max-nodes must be at least 1.") }
        if format.isBinary, output == nil {
            throw ValidationError("--format \(format.rawValue) writes binary data; give -o FILE.")
        }
    }

    func run() throws {
        LayoutServer.isolateLayouts()
        let portfolio = try input.loadPortfolio()
        let graph = PortfolioGraph(portfolio)
        let findings = Analyzer.analyze(graph)
        let options = ViewOptions(maxNodes: maxNodes, focus: node.map { Focus(nodeID: $0, depth: depth, direction: direction) })
        let rendered: RenderedDiagram
        do {
            let diagram = try view.diagram(of: graph, findings: findings, options: options)
            rendered = try Graphviz.shared.render(diagram, options: RenderOptions(format: format, layout: layout))
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
