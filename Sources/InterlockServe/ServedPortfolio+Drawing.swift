import Foundation
import InterlockAnalysis
import InterlockBoard
import InterlockCore
import InterlockGraphviz
import InterlockReports

/// A diagram the page asks for: a whole view, or the neighbourhood of one node.
public struct DrawingRequest: Hashable, Sendable {
    /// The view drawn.
    public var view: DiagramView
    /// The centre of a focus view.
    public var focus: Focus?

    /// The views the page offers besides focus; `finding` needs a finding, which the page
    /// shows as a focus on its first node instead.
    public static let pageViews: [DiagramView] = [.risks, .units, .roadmap, .landscape, .overview, .capabilities]
    /// The deepest focus the page may ask for: beyond it a hub's neighbourhood is the whole portfolio.
    public static let deepestFocus = 5
    /// The most nodes a focus drawing keeps (the closest ones): enough for a hub's direct
    /// neighbours, few enough to lay out in well under the page's 300 ms.
    public static let focusNodes = 120

    /// Creates a request.
    public init(view: DiagramView, focus: Focus? = nil) {
        self.view = view
        self.focus = focus
    }
}

extension ServedPortfolio {
    /// The SVG of `request`. A whole view is fitted to a 16:9 slide, as `render` does by
    /// default (the browser window is about that shape); a focus keeps its natural size with
    /// at most ``DrawingRequest/focusNodes`` nodes and no legend (the page shows it), so that
    /// the page can zoom into it.
    ///
    /// - Throws: `ViewError` for a focus on an unknown node; `GraphvizError` when Graphviz fails.
    public func drawing(_ request: DrawingRequest, today: Day) throws -> Data {
        guard request.focus != nil else {
            return try request.view.fitted(in: viewContext, options: ViewOptions(today: today), render: RenderOptions(format: .svg, page: .slide))
                .rendered.data
        }
        // On the page the legend sits beside the drawing, in HTML; in the drawing it would
        // take the room of the neighbours.
        let options = ViewOptions(maxNodes: DrawingRequest.focusNodes, focus: request.focus, today: today)
        return try request.view.fitted(in: viewContext, options: options, render: RenderOptions(format: .svg, page: .none)) { $0.legend = nil }
            .rendered.data
    }

    /// The board report of this version as one HTML page, as `interlock report` writes it.
    ///
    /// - Parameter fingerprint: the SHA-256 of the input files, printed in the appendix.
    public func boardReport(date: Day, fingerprint: String) -> String {
        let report = BoardReport(
            analysis: analysis.context, findings: analysis.findings, rules: analysis.rules, date: date.description, inputHash: fingerprint)
        return HTMLReporter.render(BoardDiagrams.adding(to: report).report)
    }
}
