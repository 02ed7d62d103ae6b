extension GraphPlan {
    /// Font used for every text; "Helvetica" maps to a sans-serif font everywhere.
    static let fontName = "Helvetica"
    /// Label size of nodes without their own, in points.
    static let nodeFontSize = 11.0
    /// Label size of edges, in points: smaller than a node's on a poster, where they are many
    /// and secondary; a node's size on a page, where the drawing is scaled down and 9 points
    /// would be the first text to become unreadable.
    static func edgeFontSize(onPage: Bool) -> Double {
        onPage ? nodeFontSize : 9
    }

    /// Lowers `diagram`, escaping every text, for the given engine and format.
    ///
    /// - Parameters:
    ///   - engine: the layout engine, which decides engine-specific graph attributes.
    ///   - options: the render options, or nil for the graph as written before layout.
    /// - Throws: ``GraphvizError/invalidDiagram(_:)`` for a duplicate id, an edge or node
    ///   naming an unknown node or cluster, or clusters nested in a cycle.
    /// - Complexity: O(nodes + edges + clusters × nesting depth).
    init(_ diagram: Diagram, engine: LayoutEngine, options: RenderOptions?) throws(GraphvizError) {
        graphAttributes = Self.graphAttributes(of: diagram, engine: engine, options: options)
        nodeDefaults = [.plain("fontname", Self.fontName), .plain("fontsize", GraphvizNumber.format(Self.nodeFontSize))]
        let edgeFontSize = Self.edgeFontSize(onPage: options.map { $0.format != .png && $0.pageInches != nil } ?? false)
        edgeDefaults = [.plain("fontname", Self.fontName), .plain("fontsize", GraphvizNumber.format(edgeFontSize))]

        let ordered = try Self.parentsFirst(diagram.clusters)
        var clusterIndex: [String: Int] = [:]
        clusters = []
        for cluster in ordered {
            clusterIndex[cluster.id] = clusters.count
            var attributes = Self.attributes(of: cluster)
            if engine == .osage, let inside = diagram.packing?.inside { attributes.append(.plain("packmode", inside)) }
            clusters.append(
                Cluster(
                    name: "cluster_" + GraphvizEscaping.identifier(cluster.id),
                    parent: cluster.parent.flatMap { clusterIndex[$0] },
                    attributes: attributes
                ))
        }
        try Self.requireUnique(clusters.map(\.name), what: "clusters")

        var nodeIndex: [String: Int] = [:]
        nodes = []
        for node in diagram.nodes {
            var cluster: Int?
            if let clusterID = node.cluster {
                guard let index = clusterIndex[clusterID] else {
                    throw .invalidDiagram("node '\(node.id)' is in the unknown cluster '\(clusterID)'")
                }
                cluster = index
            }
            nodeIndex[node.id] = nodes.count
            nodes.append(Node(name: GraphvizEscaping.identifier(node.id), cluster: cluster, attributes: Self.attributes(of: node)))
        }
        try Self.requireUnique(nodes.map(\.name), what: "nodes")

        edges = []
        for edge in diagram.edges {
            guard let tail = nodeIndex[edge.from], let head = nodeIndex[edge.to] else {
                let missing = nodeIndex[edge.from] == nil ? edge.from : edge.to
                throw .invalidDiagram("edge '\(edge.from)' -> '\(edge.to)' names the unknown node '\(missing)'")
            }
            edges.append(Edge(tail: tail, head: head, attributes: Self.attributes(of: edge)))
        }
        if engine == .dot, options?.pageInches != nil {
            gridUnconnectedNodes()
        }
        if let legend = diagram.legend {
            if let options, options.format != .png, let page = options.pageInches {
                let apart = try GraphPlan(legendOf: diagram, legend)
                // Both graphs are drawn as one in the end.
                try Self.requireUnique(nodes.map(\.name) + apart.nodes.map(\.name), what: "nodes")
                legendLayout = .apart(apart, pageWidth: page.width * 72, pageHeight: page.height * 72, fillsPage: options.frame == nil)
            } else {
                try appendLegend(legend, of: diagram, engine: engine)
            }
            try Self.requireUnique(nodes.map(\.name), what: "nodes")
        }
    }

    /// Puts the nodes that no edge touches into a grid, box by box, with invisible edges.
    ///
    /// dot gives them all the first rank: a column as tall as their number when ranks run
    /// across (a risk map's twelve findings without a link, the initiatives of one business
    /// unit, a dozen boxes of one capability each), a row as wide when they run down; a page
    /// then shrinks the whole drawing to fit that one line. Chained in runs of about the square
    /// root of their number, they form a block instead. A node alone in its box is chained
    /// with its box's siblings.
    private mutating func gridUnconnectedNodes() {
        var linked = Set<Int>()
        for edge in edges {
            linked.insert(edge.tail)
            linked.insert(edge.head)
        }
        var population: [Int: Int] = [:]
        for node in nodes {
            if let cluster = node.cluster { population[cluster, default: 0] += 1 }
        }
        var alone: [Int?: [Int]] = [:]
        for index in nodes.indices where !linked.contains(index) {
            var group = nodes[index].cluster
            if let cluster = group, population[cluster] == 1 { group = clusters[cluster].parent }
            alone[group, default: []].append(index)
        }
        for members in alone.values.sorted(by: { $0[0] < $1[0] }) where members.count >= 3 {
            let run = Int(Double(members.count).squareRoot().rounded(.up))
            for start in stride(from: 0, to: members.count, by: run) {
                let row = members[start..<min(start + run, members.count)]
                for (tail, head) in zip(row, row.dropFirst()) {
                    edges.append(Edge(tail: tail, head: head, attributes: Self.invisibleEdge))
                }
            }
        }
    }

    /// The legend of `diagram` as a graph of its own, for dot: rows downwards, close together.
    private init(legendOf diagram: Diagram, _ legend: Legend) throws(GraphvizError) {
        graphAttributes = [
            .plain("fontname", Self.fontName), .plain("rankdir", RankDirection.topToBottom.rawValue),
            .plain("ranksep", "0.08"), .plain("nodesep", "0.15"), .plain("pad", "0"),
        ]
        // Captions are plain text, whose default height (half an inch) left a gap of a line
        // between rows; the samples have their own size.
        nodeDefaults = [.plain("fontname", Self.fontName), .plain("fontsize", GraphvizNumber.format(Self.nodeFontSize)), .plain("height", "0.25")]
        edgeDefaults = []
        clusters = []
        nodes = []
        edges = []
        var rows = diagram
        rows.rankDirection = .topToBottom
        rows.legendPosition = nil
        try appendLegend(legend, of: rows, engine: .dot)
    }

    /// The margin around a drawing, in inches.
    static let padding = 0.2

    /// The subtitle's lines, wrapped so that none is wider than the page holds at readable
    /// size: one long sentence (a finding's message) otherwise set the width of a small picture
    /// and shrank everything in it. The drawing's padding on both sides is part of its width.
    static func notesFitting(_ notes: [String], options: RenderOptions?) -> [String] {
        guard let options, options.format != .png, let page = options.pageInches else { return notes }
        let readableWidth = page.width * 72 * nodeFontSize / PageSize.minimumReadableFontSize - 2 * padding * 72
        let columns = max(30, Int(readableWidth / (TextWrapping.averageCharacterWidth * nodeFontSize)))
        return notes.flatMap { TextWrapping.lines(of: $0, width: columns) }
    }

    /// Title, direction, drawing order and, per engine and format, overlap removal and the
    /// bitmap size cap.
    private static func graphAttributes(of diagram: Diagram, engine: LayoutEngine, options: RenderOptions?) -> [Attribute] {
        // Only the parts there are: an empty title left a blank line above the notes, and an
        // empty label is a syntax error for Graphviz.
        var notes = notesFitting(diagram.notes, options: options).joined(separator: "\n")
        if !notes.isEmpty, !diagram.title.isEmpty { notes = "\n" + notes }
        let runs = [HTMLRun(diagram.title, bold: true, pointSize: 18), HTMLRun(notes, color: Color(rgb: 0x555555), pointSize: 11)]
            .filter { !$0.text.isEmpty }
        var attributes: [Attribute] = [.plain("fontname", fontName)]
        if !runs.isEmpty { attributes.append(Attribute(name: "label", value: .html(HTMLLabel.text(runs).markup))) }
        attributes += [
            .plain("labelloc", "t"),
            .plain("rankdir", diagram.rankDirection.rawValue),
            .plain("outputorder", "edgesfirst"),
            .plain("pad", GraphvizNumber.format(padding)),
        ]
        if engine == .dot {
            // dot 2.42's default ranking collapses each cluster to one node first; edges in
            // and out of clusters can then close a cycle among its internal nodes that it never
            // breaks ("trouble in init_rank" and no layout, seen on generated portfolios of 200
            // initiatives). newrank ranks every node in one pass with the clusters as constraints.
            attributes.append(.plain("newrank", "true"))
        } else {
            // Force-directed engines otherwise let nodes overlap; prism keeps clusters of
            // text readable and scales to thousands of nodes.
            attributes.append(.plain("overlap", "prism"))
            // They lay out each connected component alone and then pack them; the default
            // polyomino packing took 36 s for 1,000 components of a capability map, rows of
            // components (largest first) take under a second.
            // osage packs boxes in boxes: three columns keep a map near a page's proportions.
            attributes.append(.plain("packmode", engine == .osage ? diagram.packing?.top ?? "array_c3" : "array"))
        }
        if let options, options.format != .png, let page = options.pageInches {
            // Scaled down to the page (never up) with its proportions kept; dot first packs its
            // layout towards the page's shape, so less scaling is needed.
            attributes.append(.plain("size", "\(GraphvizNumber.format(page.width)),\(GraphvizNumber.format(page.height))"))
            // PDF's default half-inch margin would make the page larger than the one asked for.
            attributes.append(.plain("margin", "0"))
            if engine == .dot { attributes.append(.plain("ratio", "compress")) }
        }
        if let options, options.format == .png {
            let inches = Double(options.maxBitmapPixels) / options.bitmapDPI
            attributes.append(.plain("dpi", GraphvizNumber.format(options.bitmapDPI)))
            attributes.append(.plain("size", "\(GraphvizNumber.format(inches)),\(GraphvizNumber.format(inches))"))
        }
        return attributes
    }

    /// Clusters reordered so that every parent precedes its children (stable otherwise).
    private static func parentsFirst(_ clusters: [DiagramCluster]) throws(GraphvizError) -> [DiagramCluster] {
        var indexByID: [String: Int] = [:]
        for (index, cluster) in clusters.enumerated() {
            guard indexByID.updateValue(index, forKey: cluster.id) == nil else {
                throw .invalidDiagram("two clusters have the id '\(cluster.id)'")
            }
        }
        // Depth of each cluster below the root, resolved by walking up each unresolved
        // chain once (iteratively: nesting comes from input data).
        var depths = [Int?](repeating: nil, count: clusters.count)
        for start in clusters.indices where depths[start] == nil {
            var chain = [start]
            var onChain: Set<Int> = [start]
            var baseDepth = -1
            while let last = chain.last, let parentID = clusters[last].parent {
                guard let parent = indexByID[parentID] else {
                    throw .invalidDiagram("cluster '\(clusters[last].id)' is in the unknown cluster '\(parentID)'")
                }
                if let depth = depths[parent] {
                    baseDepth = depth
                    break
                }
                guard onChain.insert(parent).inserted else {
                    throw .invalidDiagram("clusters nested in a cycle through '\(parentID)'")
                }
                chain.append(parent)
            }
            for (offset, cluster) in chain.reversed().enumerated() {
                depths[cluster] = baseDepth + 1 + offset
            }
        }
        let order = clusters.indices.sorted { (depths[$0] ?? 0, $0) < (depths[$1] ?? 0, $1) }
        return order.map { clusters[$0] }
    }

    /// Throws when two objects would get the same Graphviz name.
    static func requireUnique(_ names: [String], what: String) throws(GraphvizError) {
        var seen: Set<String> = []
        for name in names where !seen.insert(name).inserted {
            throw .invalidDiagram("two \(what) have the id '\(name)'")
        }
    }

    private static func attributes(of cluster: DiagramCluster) -> [Attribute] {
        var attributes = AttributeList()
        attributes.identifier("id", cluster.id)
        // Always set: a cluster would otherwise inherit the root graph's label, the title.
        attributes.text("label", cluster.label ?? "")
        attributes.keyword("style", cluster.style.isEmpty ? nil : cluster.style.graphvizValue)
        attributes.keyword("fillcolor", cluster.fillColor?.graphvizValue)
        attributes.keyword("color", cluster.lineColor?.graphvizValue)
        attributes.tooltip(cluster.tooltip)
        return attributes.list
    }

    static func attributes(of node: DiagramNode) -> [Attribute] {
        var attributes = AttributeList()
        attributes.identifier("id", node.id)
        switch node.label {
        case .plain(let text): attributes.text("label", text)
        case .html(let html): attributes.list.append(Attribute(name: "label", value: .html(html.markup)))
        }
        attributes.keyword("shape", node.shape.rawValue)
        attributes.keyword("style", node.style.isEmpty ? nil : node.style.graphvizValue)
        attributes.keyword("fillcolor", node.fillColor?.graphvizValue)
        attributes.keyword("color", node.lineColor?.graphvizValue)
        attributes.keyword("fontcolor", node.fontColor?.graphvizValue)
        attributes.keyword("penwidth", node.penWidth.map(GraphvizNumber.format))
        attributes.keyword("peripheries", node.peripheries.map(String.init))
        attributes.tooltip(node.tooltip)
        attributes.link(node.link)
        if let position = node.position {
            // `!` pins the node: positions given are kept as they are.
            attributes.keyword("pos", "\(GraphvizNumber.format(position.x)),\(GraphvizNumber.format(position.y))!")
        }
        if let size = node.fixedSize {
            attributes.keyword("width", GraphvizNumber.format(size.width))
            attributes.keyword("height", GraphvizNumber.format(size.height))
            attributes.keyword("fixedsize", "true")
        }
        attributes.keyword("fontsize", node.fontSize.map(GraphvizNumber.format))
        return attributes.list
    }

    static func attributes(of edge: DiagramEdge) -> [Attribute] {
        var attributes = AttributeList()
        if let id = edge.id { attributes.identifier("id", id) }
        // Never `label` on an edge: dot 2.42 turns an edge label into a virtual node, and when
        // such an edge ends up within one rank at the top of a graph with clusters it inserts
        // a rank above by reallocating the rank array (flat_edges), and gvFreeLayout later
        // frees the array's old address again (valgrind: invalid free in dot's cleanup of a
        // block realloc'd in flat_edges). glibc aborted about half of such renders.
        // An external label is placed after layout and creates no virtual node.
        attributes.text("xlabel", edge.label)
        attributes.keyword("color", edge.color?.graphvizValue)
        attributes.keyword("fontcolor", edge.color?.graphvizValue)
        attributes.keyword("style", edge.style == .solid ? nil : edge.style.rawValue)
        attributes.keyword("penwidth", edge.penWidth.map(GraphvizNumber.format))
        attributes.keyword("arrowhead", edge.arrowHead?.rawValue)
        attributes.keyword("dir", edge.direction?.rawValue)
        attributes.tooltip(edge.tooltip)
        attributes.keyword("constraint", edge.constraint ? nil : "false")
        attributes.keyword("weight", edge.weight.map(String.init))
        return attributes.list
    }
}

extension GraphPlan.Attribute {
    /// A plain attribute from a value that needs no escaping (a keyword or a number).
    static func plain(_ name: String, _ value: String) -> Self {
        Self(name: name, value: .plain(value))
    }
}

/// Builds an attribute list, skipping absent values and escaping each kind of value its way.
struct AttributeList {
    var list: [GraphPlan.Attribute] = []

    /// A keyword, number or colour produced by code.
    mutating func keyword(_ name: String, _ value: String?) {
        if let value { list.append(.plain(name, value)) }
    }

    /// Literal text drawn in the picture: labels.
    mutating func text(_ name: String, _ value: String?) {
        if let value { list.append(.plain(name, GraphvizEscaping.plainText(value))) }
    }

    /// Literal hover text.
    mutating func tooltip(_ value: String?) {
        if let value { list.append(.plain("tooltip", GraphvizEscaping.tooltip(value))) }
    }

    /// A link target (`href`), restricted to characters that need no escaping and form no scheme.
    mutating func link(_ value: String?) {
        guard let value else { return }
        var kept = String.UnicodeScalarView()
        for scalar in value.unicodeScalars where scalar.isASCII && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || "#-_./".unicodeScalars.contains(scalar)) {
            kept.append(scalar)
        }
        if !kept.isEmpty { list.append(.plain("href", String(kept))) }
    }

    /// An identifier copied into SVG.
    mutating func identifier(_ name: String, _ value: String) {
        list.append(.plain(name, GraphvizEscaping.identifier(value)))
    }
}
