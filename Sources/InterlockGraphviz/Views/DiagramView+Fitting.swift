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
    public var smallestFontSize: Double
}

extension DiagramView {
    /// Draws the view so that it fits `render.page` with every text at least
    /// ``PageSize/minimumReadableFontSize`` points after scaling, showing as much as can be
    /// read: when the whole view is too small to read, it searches for the largest node budget
    /// (``ViewOptions/maxNodes``, the riskiest kept; the subtitle says what was left out) whose
    /// drawing is readable, in at most `attempts` drawings. A dot layout is tried with its
    /// layers across and downwards, and the one the page shows larger is kept. When even
    /// `smallestCut` nodes (default ``smallestCut``; a small picture beside text may take
    /// fewer) are too small, the last drawing is kept whatever its text size
    /// (``FittedDiagram/smallestFontSize`` tells).
    ///
    /// Without a page, or in a format whose size is fixed otherwise (PNG), it draws once.
    /// `prepare` changes each drawing before it is laid out (the board report links its nodes).
    public func fitted(
        in context: ViewContext, options: ViewOptions = ViewOptions(), render: RenderOptions, attempts: Int = 6,
        smallestCut: Int = DiagramView.smallestCut, prepare: (inout Diagram) -> Void = { _ in }
    ) throws -> FittedDiagram {
        guard render.pageInches != nil, render.format != .png else {
            var diagram = try diagram(in: context, options: options)
            prepare(&diagram)
            return FittedDiagram(
                diagram: diagram, rendered: try Graphviz.shared.render(diagram, options: render), scale: 1,
                smallestFontSize: diagram.smallestFontSize())
        }
        var options = options
        if let page = render.pageInches { options.maxNodes = min(options.maxNodes, Self.capacity(of: page)) }
        var readable: (budget: Int, drawing: FittedDiagram)?
        var unreadable: (budget: Int, drawing: FittedDiagram)?
        // The direction or packing that suited the page best at the first budget is kept for
        // the smaller ones: trying every alternative at every budget doubled (dot) or
        // quadrupled (osage) the drawings of a slide.
        var style: DrawingStyle?
        for _ in 0..<max(attempts, 1) {
            let drawing = try probe(in: context, options: options, render: render, style: style, prepare: prepare)
            style = DrawingStyle(rankDirection: drawing.diagram.rankDirection, packing: drawing.diagram.packing)
            let budget = min(options.maxNodes, drawing.diagram.nodes.count)
            if drawing.smallestFontSize >= PageSize.minimumReadableFontSize {
                readable = (budget, drawing)
            } else {
                unreadable = (budget, drawing)
            }
            guard let next = Self.nextBudget(
                readable: readable?.budget, unreadable: unreadable.map { ($0.budget, $0.drawing.smallestFontSize) }, smallestCut: smallestCut)
            else { break }
            options.maxNodes = next
        }
        if readable == nil, let last = unreadable {
            // Nothing readable in the style the whole view preferred: the smallest budget may
            // suit another direction or packing.
            options.maxNodes = last.budget
            let retried = try probe(in: context, options: options, render: render, style: nil, prepare: prepare)
            if retried.smallestFontSize > last.drawing.smallestFontSize {
                if retried.smallestFontSize >= PageSize.minimumReadableFontSize { readable = (last.budget, retried) } else { unreadable = (last.budget, retried) }
            }
        }
        guard var chosen = readable?.drawing ?? unreadable?.drawing else {
            throw GraphvizError.graphviz(stage: "fitting to the page", messages: ["nothing was drawn"])
        }
        if render.format != .svg {
            chosen.rendered = try Graphviz.shared.render(chosen.diagram, options: render)
        }
        return chosen
    }

    /// The next node budget to try, or nil to stop: the search narrows the gap between the
    /// largest readable budget and the smallest unreadable one until it is within a tenth.
    static func nextBudget(readable: Int?, unreadable: (budget: Int, smallestFontSize: Double)?, smallestCut: Int = smallestCut) -> Int? {
        guard let unreadable else { return nil }
        // Text size scales with the drawing's side, which grows about as the square root of the
        // node count: the share of nodes that brings the text back to size.
        let share = pow(unreadable.smallestFontSize / PageSize.minimumReadableFontSize, 2)
        let estimate = Int((Double(unreadable.budget) * share).rounded(.down))
        guard let readable else {
            guard unreadable.budget > smallestCut else { return nil }
            return max(smallestCut, min(unreadable.budget - 1, estimate))
        }
        guard unreadable.budget - readable > max(1, readable / 10) else { return nil }
        // Between the two, geometrically, as the range can span a hundredfold.
        let middle = Int((Double(readable) * Double(unreadable.budget)).squareRoot())
        return min(unreadable.budget - 1, max(readable + 1, middle))
    }

    /// How a drawing was laid out, to draw the next budget the same way.
    private struct DrawingStyle {
        var rankDirection: RankDirection
        var packing: BoxPacking?
    }

    /// One drawing for the page, in SVG, with its scale: in `style` when given, else each of
    /// the ``alternatives(to:render:)`` tried and the one the page shows largest kept.
    private func probe(
        in context: ViewContext, options: ViewOptions, render: RenderOptions, style: DrawingStyle?, prepare: (inout Diagram) -> Void
    ) throws -> FittedDiagram {
        var probe = render
        probe.format = .svg
        var diagram = try diagram(in: context, options: options)
        prepare(&diagram)
        if let style {
            diagram.rankDirection = style.rankDirection
            diagram.packing = style.packing
        }
        var svg = try Graphviz.shared.render(diagram, options: probe)
        var scale = Self.scale(ofSVG: svg.data)
        for alternative in style == nil ? Self.alternatives(to: diagram, render: render) : [] {
            let alternativeSVG = try Graphviz.shared.render(alternative, options: probe)
            let alternativeScale = Self.scale(ofSVG: alternativeSVG.data)
            if alternativeScale > scale { (diagram, svg, scale) = (alternative, alternativeSVG, alternativeScale) }
        }
        return FittedDiagram(diagram: diagram, rendered: svg, scale: scale, smallestFontSize: diagram.smallestFontSize(onPage: true) * scale)
    }

    /// Other ways to draw `diagram` that may suit the page better: for dot, its layers turned a
    /// quarter (across suits a long chain, downwards a wide fan); for osage, other packings of
    /// its boxes (a deep capability map stacks in a tall column with the default). None when
    /// something in it is pinned.
    static func alternatives(to diagram: Diagram, render: RenderOptions) -> [Diagram] {
        guard diagram.legendPosition == nil else { return [] }
        switch render.layout ?? diagram.layout ?? .automatic(nodeCount: diagram.nodes.count) {
        case .dot:
            var turned = diagram
            switch diagram.rankDirection {
            case .leftToRight: turned.rankDirection = .topToBottom
            case .topToBottom: turned.rankDirection = .leftToRight
            case .bottomToTop, .rightToLeft: return []
            }
            return [turned]
        case .osage:
            return Self.packings.map { packing in
                var repacked = diagram
                repacked.packing = packing
                return repacked
            }
        default:
            return []
        }
    }

    /// The packings tried for osage besides its default, the ones that drew capability maps of
    /// 300 to 3,000 initiatives largest on a slide (measured with the Graphviz 2.42 program).
    static let packings = [BoxPacking(top: "array_c3", inside: "array_r2"), BoxPacking(top: "array_c2"), BoxPacking(top: "array_c4", inside: "array_c1")]

    /// The most nodes a page can show with readable text, where the search starts: drawn at
    /// 7/11 of its size (11-point labels printed at 7), the page holds a drawing of its area
    /// × (11/7)², and no node with its spacing takes less than about 5,500 square points. At
    /// most 230 on a slide; the first drawing of a 2,000-initiative view then lays out 230 nodes,
    /// not 1,500, twice.
    static func capacity(of page: DiagramSize) -> Int {
        let area = page.width * 72 * page.height * 72 * pow(GraphPlan.nodeFontSize / PageSize.minimumReadableFontSize, 2)
        return max(smallestCut, Int(area / 5_500))
    }

    /// The fewest nodes a cut keeps by default: below it a drawing on a slide or a page says too
    /// little to be worth fitting.
    public static let smallestCut = 10

    /// The scale Graphviz applied to fit the page: the first factor of the graph's
    /// `transform="scale(x y) …"`, 1 when there is none.
    static func scale(ofSVG data: Data) -> Double {
        let text = String(decoding: data.prefix(4096), as: UTF8.self)
        guard let start = text.range(of: "transform=\"scale(")?.upperBound else { return 1 }
        let number = text[start...].prefix { $0.isNumber || $0 == "." }
        return Double(number).map { min(max($0, 0), 1) } ?? 1
    }
}
