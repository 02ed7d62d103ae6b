import CGraphviz

/// A rectangle in Graphviz's coordinates (points, y upwards), as its `bb` attribute writes it.
struct LayoutBox: Hashable, Sendable {
    var minX: Double
    var minY: Double
    var maxX: Double
    var maxY: Double

    var width: Double { maxX - minX }
    var height: Double { maxY - minY }

    /// The box of a `bb` value (`llx,lly,urx,ury`), nil when it is not four numbers.
    init?(bb: String) {
        let numbers = bb.split(separator: ",").compactMap { Double($0) }
        guard numbers.count == 4 else { return nil }
        self.init(minX: numbers[0], minY: numbers[1], maxX: numbers[2], maxY: numbers[3])
    }

    init(minX: Double, minY: Double, maxX: Double, maxY: Double) {
        self.minX = minX
        self.minY = minY
        self.maxX = maxX
        self.maxY = maxY
    }

    /// The smallest box holding both.
    func union(_ other: LayoutBox) -> LayoutBox {
        LayoutBox(minX: min(minX, other.minX), minY: min(minY, other.minY), maxX: max(maxX, other.maxX), maxY: max(maxY, other.maxY))
    }

    /// This box moved by `dx`, `dy`.
    func offset(_ dx: Double, _ dy: Double) -> LayoutBox {
        LayoutBox(minX: minX + dx, minY: minY + dy, maxX: maxX + dx, maxY: maxY + dy)
    }

    /// The `bb` value of the box.
    var bb: String { [minX, minY, maxX, maxY].map(GraphvizNumber.format).joined(separator: ",") }
}

/// Where a legend laid out apart goes: beside the drawing, top-aligned under the title, or
/// below it, flush left; whichever lets the page show drawing and legend larger. For a page of
/// its own, the box of both is then grown to the page's proportions around them.
struct LegendPlacement: Hashable, Sendable {
    /// What to add to the legend's coordinates.
    var dx: Double
    var dy: Double
    /// Drawing, title and legend together, in the page's proportions.
    var box: LayoutBox

    /// Room between the drawing and the legend, in points.
    static let gap = 14.0

    /// The better of the two placements of `legend` next to `drawing` (whose top `titleHeight`
    /// points hold the title) on a page of `pageWidth` × `pageHeight` points with `pad` points
    /// of margin on every side; beside when both are equal, where a reader looks for a key.
    /// `filling` grows the box to the page's proportions.
    static func best(
        drawing: LayoutBox, titleHeight: Double, legend: LayoutBox, pageWidth: Double, pageHeight: Double, pad: Double, filling: Bool = true
    ) -> LegendPlacement {
        let besideOffset = (dx: drawing.maxX + gap - legend.minX, dy: drawing.maxY - titleHeight - legend.maxY)
        let belowOffset = (dx: drawing.minX - legend.minX, dy: drawing.minY - gap - legend.maxY)
        let beside = LegendPlacement(dx: besideOffset.dx, dy: besideOffset.dy, box: drawing.union(legend.offset(besideOffset.dx, besideOffset.dy)))
        let below = LegendPlacement(dx: belowOffset.dx, dy: belowOffset.dy, box: drawing.union(legend.offset(belowOffset.dx, belowOffset.dy)))
        func scale(_ placement: LegendPlacement) -> Double {
            min(1, pageWidth / (placement.box.width + 2 * pad), pageHeight / (placement.box.height + 2 * pad))
        }
        var best = scale(below) > scale(beside) ? below : beside
        guard filling else { return best }
        // Grown to the page's proportions (never scaled up), so a PDF is one page of its size.
        let fitted = scale(best)
        let width = max(best.box.width, pageWidth / fitted - 2 * pad), height = max(best.box.height, pageHeight / fitted - 2 * pad)
        let (growX, growY) = ((width - best.box.width) / 2, (height - best.box.height) / 2)
        best.box = LayoutBox(minX: best.box.minX - growX, minY: best.box.minY - growY, maxX: best.box.maxX + growX, maxY: best.box.maxY + growY)
        return best
    }

    /// A position attribute (`x,y`; an edge's `e,x,y s,x,y x,y …`; a `bb`) moved by this
    /// placement: every pair of numbers after an optional `e`/`s` marker.
    func moved(_ value: String) -> String {
        value.split(separator: " ").map { token in
            var parts = token.split(separator: ",").map(String.init)
            let first = parts.first == "e" || parts.first == "s" ? 1 : 0
            var index = first
            while index + 1 < parts.count {
                if let x = Double(parts[index]), let y = Double(parts[index + 1]) {
                    parts[index] = GraphvizNumber.format(x + dx)
                    parts[index + 1] = GraphvizNumber.format(y + dy)
                }
                index += 2
            }
            return parts.joined(separator: ",")
        }.joined(separator: " ")
    }
}

extension Graphviz {
    /// Lays out `legend` on its own with dot and adds it to the laid-out `graph`, beside or below
    /// its drawing (``LegendPlacement``), then lays the whole out again with `nop2`, which keeps
    /// every position and spline as they are. Called under the lock, after `graph`'s layout.
    ///
    /// - Throws: ``GraphvizError`` when the legend's layout or the final pass fails.
    func placeLegend(
        _ legend: GraphPlan, pageWidth: Double, pageHeight: Double, fillingPage: Bool, in graph: UnsafeMutablePointer<Agraph_t>
    ) throws(GraphvizError) {
        try attachLayoutAttributes(graph)
        guard let drawing = LayoutBox(bb: Self.value(graph, "bb")) else {
            throw .graphviz(stage: "legend placement", messages: ["the layout gave the drawing no bounding box"])
        }
        let positions = try withGraph(legend) { legendGraph throws(GraphvizError) in
            let status = withMutableCString("dot") { gvLayout(context, legendGraph, $0) }
            defer { gvFreeLayout(context, legendGraph) }
            try checkErrors(status: status, stage: "legend layout")
            try attachLayoutAttributes(legendGraph)
            return LegendPositions(legend, in: legendGraph)
        }
        guard let legendBox = LayoutBox(bb: positions.bb) else {
            throw .graphviz(stage: "legend layout", messages: ["the legend's layout has no bounding box"])
        }
        let placement = LegendPlacement.best(
            drawing: drawing, titleHeight: Self.titleHeight(of: graph, in: drawing), legend: legendBox,
            pageWidth: pageWidth, pageHeight: pageHeight, pad: Double(Self.value(graph, "pad")).map { $0 * 72 } ?? 0, filling: fillingPage)

        gvFreeLayout(context, graph)
        try CGraphBuilder(root: graph).add(legend)
        for (object, name, value) in positions.attributes(in: graph) {
            _ = withMutableCString(name) { name in withMutableCString(placement.moved(value)) { value in withMutableCString("") { agsafeset(object, name, value, $0) } } }
        }
        Self.set(graph, "bb", placement.box.bb)
        if fillingPage { try pinPageCorners(of: placement.box, in: graph) }
        if let title = Self.point(Self.value(graph, "lp")) {
            // The title stays on top, centred over drawing and legend together.
            Self.set(graph, "lp", "\(GraphvizNumber.format((placement.box.minX + placement.box.maxX) / 2)),\(GraphvizNumber.format(title.y))")
        }
        let status = withMutableCString("nop2") { gvLayout(context, graph, $0) }
        try checkErrors(status: status, stage: "legend placement")
    }

    /// Two invisible points at opposite corners of `box`: `nop2` measures the drawing from what
    /// it holds, not from `bb`, and the page's proportions would be lost.
    private func pinPageCorners(of box: LayoutBox, in graph: UnsafeMutablePointer<Agraph_t>) throws(GraphvizError) {
        for (name, x, y) in [("ll", box.minX, box.minY), ("ur", box.maxX, box.maxY)] {
            guard let corner = withMutableCString(Diagram.legendNodeID + ":page:" + name, { agnode(graph, $0, 1) }) else {
                throw .graphviz(stage: "legend placement", messages: ["cannot add the page's corners"])
            }
            for (attribute, value) in [("pos", "\(GraphvizNumber.format(x)),\(GraphvizNumber.format(y))"), ("shape", "point"), ("style", "invis"),
                                       ("width", "0.01"), ("height", "0.01"), ("label", "")] {
                _ = withMutableCString(attribute) { name in withMutableCString(value) { value in withMutableCString("") { agsafeset(corner, name, value, $0) } } }
            }
        }
    }

    /// Writes the layout's results (`pos`, `bb`, `lp`, sizes) into the graph's attributes, as
    /// the DOT renderer does before writing them.
    private func attachLayoutAttributes(_ graph: UnsafeMutablePointer<Agraph_t>) throws(GraphvizError) {
        var result: UnsafeMutablePointer<CChar>?
        var length: UInt32 = 0
        let status = withMutableCString("dot") { gvRenderData(context, graph, $0, &result, &length) }
        if let result { gvFreeRenderData(result) }
        try checkErrors(status: status, stage: "legend placement")
    }

    /// The height of the band the title takes at the top of `drawing`, 0 without a title.
    private static func titleHeight(of graph: UnsafeMutablePointer<Agraph_t>, in drawing: LayoutBox) -> Double {
        guard let title = point(value(graph, "lp")), let inches = Double(value(graph, "lheight")) else { return 0 }
        return max(0, drawing.maxY - (title.y - inches * 72 / 2))
    }

    static func value(_ object: UnsafeMutableRawPointer, _ name: String) -> String {
        withMutableCString(name) { agget(object, $0) }.map { String(cString: $0) } ?? ""
    }

    static func value(_ graph: UnsafeMutablePointer<Agraph_t>, _ name: String) -> String {
        value(UnsafeMutableRawPointer(graph), name)
    }

    private static func set(_ graph: UnsafeMutablePointer<Agraph_t>, _ name: String, _ value: String) {
        _ = withMutableCString(name) { name in withMutableCString(value) { value in withMutableCString("") { agsafeset(graph, name, value, $0) } } }
    }

    private static func point(_ value: String) -> (x: Double, y: Double)? {
        let numbers = value.split(separator: ",").compactMap { Double($0) }
        return numbers.count == 2 ? (numbers[0], numbers[1]) : nil
    }
}

/// The positions the legend's own layout gave its nodes, edges and box, by name, to copy onto
/// the same objects once they are added to the drawing.
private struct LegendPositions {
    /// Layout attributes worth copying: positions, node sizes, a box's label position and size.
    private static let nodeAttributes = ["pos", "width", "height"]
    private static let edgeAttributes = ["pos", "lp"]
    private static let clusterAttributes = ["bb", "lp", "lwidth", "lheight"]

    /// The legend graph's bounding box.
    var bb: String
    private var nodes: [(name: String, values: [(String, String)])] = []
    private var edges: [(tail: String, head: String, values: [(String, String)])] = []
    private var clusters: [(path: [String], values: [(String, String)])] = []

    init(_ plan: GraphPlan, in graph: UnsafeMutablePointer<Agraph_t>) {
        bb = Graphviz.value(graph, "bb")
        let nodeObjects = plan.nodes.map { node in withMutableCString(node.name) { agnode(graph, $0, 0) } }
        for (node, object) in zip(plan.nodes, nodeObjects) {
            guard let object else { continue }
            nodes.append((node.name, Self.read(Self.nodeAttributes, of: UnsafeMutableRawPointer(object))))
        }
        for edge in plan.edges {
            guard let tail = nodeObjects[edge.tail], let head = nodeObjects[edge.head], let object = agedge(graph, tail, head, nil, 0) else { continue }
            edges.append((plan.nodes[edge.tail].name, plan.nodes[edge.head].name, Self.read(Self.edgeAttributes, of: UnsafeMutableRawPointer(object))))
        }
        for path in Self.paths(of: plan) {
            guard let object = Self.subgraph(path, in: graph) else { continue }
            clusters.append((path, Self.read(Self.clusterAttributes, of: UnsafeMutableRawPointer(object))))
        }
    }

    /// Every attribute to set on `graph`'s copies of the legend's objects: the object, the
    /// attribute's name and its value before the legend is moved.
    func attributes(in graph: UnsafeMutablePointer<Agraph_t>) -> [(UnsafeMutableRawPointer, String, String)] {
        var result: [(UnsafeMutableRawPointer, String, String)] = []
        for node in nodes {
            guard let object = withMutableCString(node.name, { agnode(graph, $0, 0) }) else { continue }
            result += node.values.map { (UnsafeMutableRawPointer(object), $0.0, $0.1) }
        }
        for edge in edges {
            guard let tail = withMutableCString(edge.tail, { agnode(graph, $0, 0) }), let head = withMutableCString(edge.head, { agnode(graph, $0, 0) }),
                let object = agedge(graph, tail, head, nil, 0)
            else { continue }
            result += edge.values.map { (UnsafeMutableRawPointer(object), $0.0, $0.1) }
        }
        for cluster in clusters {
            guard let object = Self.subgraph(cluster.path, in: graph) else { continue }
            result += cluster.values.map { (UnsafeMutableRawPointer(object), $0.0, $0.1) }
        }
        return result
    }

    /// The non-empty values of `names` on one object.
    private static func read(_ names: [String], of object: UnsafeMutableRawPointer) -> [(String, String)] {
        names.compactMap { name in
            let value = Graphviz.value(object, name)
            return value.isEmpty ? nil : (name, value)
        }
    }

    /// The names from the root down to each cluster of `plan`.
    private static func paths(of plan: GraphPlan) -> [[String]] {
        var paths: [[String]] = []
        for cluster in plan.clusters {
            paths.append((cluster.parent.map { paths[$0] } ?? []) + [cluster.name])
        }
        return paths
    }

    private static func subgraph(_ path: [String], in graph: UnsafeMutablePointer<Agraph_t>) -> UnsafeMutablePointer<Agraph_t>? {
        var current: UnsafeMutablePointer<Agraph_t>? = graph
        for name in path {
            guard let parent = current else { return nil }
            current = withMutableCString(name) { agsubg(parent, $0, 0) }
        }
        return current
    }
}
