import Foundation

/// A view drawn to fit a page with its text readable, and how it got there.
public struct FittedDiagram: Sendable {
    /// The diagram drawn (after any cut to fit).
    public var diagram: Diagram
    /// The rendered file.
    public var rendered: RenderedDiagram
    /// The factor Graphviz scaled the drawing by to fit the page (1 when it fitted as drawn).
    public var scale: Double
    /// The smallest text on the page after scaling, in points.
    public var smallestFontSize: Double { diagram.smallestFontSize * scale }
}

extension DiagramView {
    /// Draws the view so that it fits `render.page` with every text at least
    /// ``PageSize/minimumReadableFontSize`` points after scaling: when the first drawing is too
    /// large, it is drawn again with fewer nodes, the riskiest kept (its subtitle says what it
    /// left out), up to `attempts` times; a drawing with ``smallestCut`` nodes or fewer is kept
    /// as it is, and so is the last attempt, whatever its text size (``FittedDiagram/smallestFontSize``
    /// tells).
    ///
    /// Without a page, or in a format whose size is fixed otherwise (PNG), it draws once.
    public func fitted(
        in context: ViewContext, options: ViewOptions = ViewOptions(), render: RenderOptions, attempts: Int = 4
    ) throws -> FittedDiagram {
        var options = options
        var attempt = 1
        while true {
            let diagram = try diagram(in: context, options: options)
            guard render.page != .none, render.format != .png else {
                return FittedDiagram(diagram: diagram, rendered: try Graphviz.shared.render(diagram, options: render), scale: 1)
            }
            var probe = render
            probe.format = .svg
            let svg = try Graphviz.shared.render(diagram, options: probe)
            let scale = Self.scale(ofSVG: svg.data)
            let smallest = diagram.smallestFontSize * scale
            if smallest >= PageSize.minimumReadableFontSize || diagram.nodes.count <= Self.smallestCut || attempt >= attempts {
                let rendered = render.format == .svg ? svg : try Graphviz.shared.render(diagram, options: render)
                return FittedDiagram(diagram: diagram, rendered: rendered, scale: scale)
            }
            attempt += 1
            // Text size scales with the drawing's side, which grows about as the square root of
            // the node count: keep the share of nodes that brings the text back to size.
            let share = pow(smallest / PageSize.minimumReadableFontSize, 2)
            let current = min(options.maxNodes, diagram.nodes.count)
            options.maxNodes = max(Self.smallestCut, Int((Double(current) * share).rounded(.down)))
        }
    }

    /// The fewest nodes a cut keeps: below it a drawing says too little to be worth fitting.
    static let smallestCut = 20

    /// The scale Graphviz applied to fit the page: the first factor of the graph's
    /// `transform="scale(x y) …"`, 1 when there is none.
    static func scale(ofSVG data: Data) -> Double {
        let text = String(decoding: data.prefix(4096), as: UTF8.self)
        guard let start = text.range(of: "transform=\"scale(")?.upperBound else { return 1 }
        let number = text[start...].prefix { $0.isNumber || $0 == "." }
        return Double(number).map { min(max($0, 0), 1) } ?? 1
    }
}
