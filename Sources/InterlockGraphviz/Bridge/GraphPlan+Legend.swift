extension GraphPlan {
    /// Size of a node sample, in inches: small, the same for every entry so the captions line up.
    private static let sampleSize = DiagramSize(width: 0.5, height: 0.3)
    /// Distance between two legend rows where the legend places its own nodes, in points.
    private static let rowHeight = 26.0
    /// Rough width of one character of caption text at the node font size, in points; only used
    /// to give every caption the same width so that they line up flush left.
    private static let characterWidth = 6.2

    /// Adds the legend as real nodes and edges: per entry a sample drawn as the diagram draws it
    /// (a node of the real shape, fill and outline; or a real edge from an invisible anchor,
    /// with the real colour, style, width and ends) and a plaintext caption beside it.
    ///
    /// Nothing joins the legend to the diagram, so it cannot pull the layout. How its rows are
    /// kept in order depends on the engine:
    /// - `dot`: a box (cluster); one `rank=same` group per row when ranks run downwards, or one
    ///   for the column of samples when they run across, and invisible edges for the order.
    ///   The sample edges carry no label, so dot's label nodes (its double free) are not involved.
    /// - `osage`, `fdp`: a box packed as an array of two columns (sample, caption).
    /// - a diagram that gives the legend a position (`nop2`): every node pinned, rows downwards.
    /// - `sfdp`, `neato`, `circo` (no boxes): the same rows pinned at the origin; neato keeps
    ///   them and packs the legend beside the drawing, sfdp starts from them and packs each
    ///   sample with its caption in rows.
    mutating func appendLegend(_ legend: Legend, of diagram: Diagram, engine: LayoutEngine) throws(GraphvizError) {
        // The legend's box or title takes the id; a diagram node with it would share it in SVG.
        if diagram.nodes.contains(where: { $0.id == Diagram.legendNodeID }) {
            throw .invalidDiagram("two nodes have the id '\(Diagram.legendNodeID)'")
        }
        let boxes = [.dot, .osage, .fdp].contains(engine)
        let origin = diagram.legendPosition ?? (boxes ? nil : DiagramPoint(x: 0, y: 0))
        let boxed = origin == nil
        var legendCluster: Int?
        if boxed {
            var attributes = AttributeList()
            attributes.identifier("id", Diagram.legendNodeID)
            attributes.text("label", legend.title)
            attributes.keyword("style", "filled")
            attributes.keyword("fillcolor", "white")
            attributes.keyword("color", "#8A8A8A")
            if engine != .dot {
                // Row by row, two columns, in the order given (sortv), each column flush left.
                attributes.keyword("packmode", "array_ul2")
            }
            legendCluster = clusters.count
            clusters.append(Cluster(name: "cluster_" + GraphvizEscaping.identifier(Diagram.legendNodeID), parent: nil, attributes: attributes.list))
        } else {
            var title = DiagramNode(id: Diagram.legendNodeID, label: .plain(legend.title), shape: .plaintext)
            title.position = origin
            nodes.append(Node(name: GraphvizEscaping.identifier(title.id), cluster: nil, attributes: Self.attributes(of: title)))
        }
        if legend.entries.contains(where: { if case .edge = $0.sample { true } else { false } }) {
            // Declared with a default, or every other edge would read the empty value as false.
            edgeDefaults.append(.plain("tailclip", "true"))
        }
        // In hundredths of an inch: an estimate, written short.
        let captionWidth = (Double(legend.entries.map(\.text.count).max() ?? 0) * Self.characterWidth / 72 * 100).rounded() / 100
        let across = diagram.rankDirection == .leftToRight || diagram.rankDirection == .rightToLeft
        var samples: [Int] = []
        for (index, entry) in legend.entries.enumerated() {
            let id = "\(Diagram.legendNodeID):\(index + 1)"
            let row = origin.map { DiagramPoint(x: $0.x, y: $0.y - Double(index + 1) * Self.rowHeight) }
            let sample = nodes.count
            var sampleNode = Self.sampleNode(entry.sample, id: id)
            sampleNode.position = row
            var sampleAttributes = Self.attributes(of: sampleNode)
            sampleAttributes.append(.plain("sortv", String(2 * index)))
            nodes.append(Node(name: GraphvizEscaping.identifier(id), cluster: legendCluster, attributes: sampleAttributes))

            let caption = nodes.count
            var captionAttributes = AttributeList()
            captionAttributes.identifier("id", id + ":text")
            // `\l` ends the line flush left; every caption is as wide as the longest.
            captionAttributes.list.append(.plain("label", GraphvizEscaping.plainText(entry.text) + "\\l"))
            captionAttributes.keyword("shape", "plaintext")
            captionAttributes.keyword("width", GraphvizNumber.format(captionWidth))
            captionAttributes.keyword("sortv", String(2 * index + 1))
            if let row {
                let x = row.x + Self.sampleSize.width * 72 / 2 + 12 + captionWidth * 72 / 2
                captionAttributes.keyword("pos", "\(GraphvizNumber.format(x)),\(GraphvizNumber.format(row.y))!")
            }
            nodes.append(Node(name: GraphvizEscaping.identifier(id + ":text"), cluster: legendCluster, attributes: captionAttributes.list))

            if case .edge(let look) = entry.sample {
                edges.append(Edge(tail: sample, head: caption, attributes: Self.sampleEdgeAttributes(look, id: id)))
            } else {
                edges.append(Edge(tail: sample, head: caption, attributes: Self.invisibleEdge))
            }
            if !across, engine == .dot, origin == nil {
                clusters.append(Self.rankGroup("\(id):row", parent: legendCluster))
                nodes[sample].cluster = clusters.count - 1
                nodes[caption].cluster = clusters.count - 1
            }
            samples.append(sample)
        }
        // Invisible edges from each sample to the next keep dot's rows in order (fdp's legend in
        // one piece); pinned or packed layouts need none.
        // Within one rank (ranks running across) dot puts an edge's head before its tail,
        // which is above it: there the edges run from each row to the one above.
        if origin == nil, engine != .osage {
            for (above, below) in zip(samples, samples.dropFirst()) {
                let (tail, head) = across && engine == .dot ? (below, above) : (above, below)
                edges.append(Edge(tail: tail, head: head, attributes: Self.invisibleEdge))
            }
        }
        if across, engine == .dot, origin == nil, !samples.isEmpty {
            // The samples in one rank, so the edges between them stack the rows instead of
            // spreading them across ranks.
            clusters.append(Self.rankGroup("\(Diagram.legendNodeID):samples", parent: legendCluster))
            for sample in samples { nodes[sample].cluster = clusters.count - 1 }
        }
    }

    /// The node that shows `sample`, without text, at the sample size.
    private static func sampleNode(_ sample: LegendSample, id: String) -> DiagramNode {
        var node = DiagramNode(id: id, label: .plain(""), fixedSize: sampleSize)
        switch sample {
        case .shape(let shape):
            node.shape = shape
            node.style = [.filled]
            node.fillColor = .white
            node.lineColor = Color(rgb: 0x555555)
        case .node(let look):
            node.shape = look.shape
            node.style = look.style
            node.fillColor = look.fillColor
            node.lineColor = look.lineColor
            node.penWidth = look.penWidth
            // Markers (a triangle) are small in the diagram; a full-size one would misinform.
            if look.shape == .triangle || look.shape == .point { node.fixedSize = DiagramSize(width: 0.16, height: 0.14) }
        case .edge:
            // The anchor of the sample line: as large as a node sample, so lines and shapes
            // start in the same column, but not drawn.
            node.shape = .box
            node.style = [.invisible]
        }
        return node
    }

    /// A sample line: the look of the edge, starting at the centre of its invisible anchor.
    private static func sampleEdgeAttributes(_ look: EdgeLook, id: String) -> [Attribute] {
        var attributes = Self.attributes(
            of: DiagramEdge(
                from: id, to: id + ":text", id: id + ":line", color: look.color, style: look.style, penWidth: look.penWidth,
                arrowHead: look.arrowHead, direction: look.direction))
        attributes.append(.plain("tailclip", "false"))
        return attributes
    }

    /// An edge that orders the legend and is not drawn.
    static let invisibleEdge: [Attribute] = [.plain("style", "invis")]

    /// A subgraph that is no box (its name does not start with `cluster`) whose nodes dot puts in one rank.
    private static func rankGroup(_ id: String, parent: Int?) -> Cluster {
        Cluster(name: GraphvizEscaping.identifier(id), parent: parent, attributes: [.plain("rank", "same")])
    }
}
