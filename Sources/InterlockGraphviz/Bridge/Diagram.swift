/// A diagram as a value: what to draw, independent of Graphviz.
///
/// Views build diagrams from the portfolio graph and its findings; ``Graphviz`` turns them
/// into pictures. Keeping the two apart lets views be tested without rendering, and keeps
/// every C call in one place.
public struct Diagram: Hashable, Sendable {
    /// Heading drawn at the top, e.g. the portfolio name and the view.
    public var title: String
    /// Smaller lines under the title, e.g. what was left out of a large graph.
    public var notes: [String]
    /// Main flow direction for layered layouts.
    public var rankDirection: RankDirection
    /// The nodes, in a stable order (the order is kept in DOT output).
    public var nodes: [DiagramNode]
    /// The edges, in a stable order.
    public var edges: [DiagramEdge]
    /// The clusters; a parent may be listed before or after its children.
    public var clusters: [DiagramCluster]
    /// The key, drawn as real sample nodes and edges with captions, in a box with the id
    /// ``legendNodeID`` (or under a title node with that id where the layout draws no boxes).
    public var legend: Legend?
    /// Where the legend's centre goes, for layouts that keep positions.
    public var legendPosition: DiagramPoint?
    /// The layout this diagram is made for (a time axis needs ``LayoutEngine/nop2``), used when
    /// the caller asks for none; nil for the usual choice by size.
    public var layout: LayoutEngine?
    /// How osage packs the boxes, when not its default for this tool (three rows of top boxes).
    public var packing: BoxPacking?

    /// Id of the legend's box or title, and prefix of its nodes' ids, chosen so that it cannot
    /// clash with a kebab-case portfolio id.
    public static let legendNodeID = "interlock:legend"

    /// A diagram.
    public init(
        title: String, notes: [String] = [], rankDirection: RankDirection = .leftToRight, nodes: [DiagramNode] = [],
        edges: [DiagramEdge] = [], clusters: [DiagramCluster] = [], legend: Legend? = nil
    ) {
        self.title = title
        self.notes = notes
        self.rankDirection = rankDirection
        self.nodes = nodes
        self.edges = edges
        self.clusters = clusters
        self.legend = legend
    }
}

extension Diagram {
    /// The smallest text the diagram draws, in points, before any scaling: node labels at their
    /// size (11 by default), edge labels at ``GraphPlan/edgeFontSize(onPage:)``, the
    /// subtitle and the legend at 11.
    public func smallestFontSize(onPage: Bool = false) -> Double {
        let nodes = nodes.filter { label in
            if case .plain(let text) = label.label { return !text.isEmpty }
            return true
        }.map { $0.fontSize ?? GraphPlan.nodeFontSize }
        let edges = edges.contains { $0.label?.isEmpty == false } ? [GraphPlan.edgeFontSize(onPage: onPage)] : []
        // The subtitle's notes and the legend's captions are written at a node's default size.
        let frame = notes.isEmpty && legend == nil ? [] : [GraphPlan.nodeFontSize]
        return (nodes + edges + frame).min() ?? GraphPlan.nodeFontSize
    }
}

/// How osage packs boxes in rows or columns (Graphviz's `packmode`), at the top and inside each
/// box: fitting a page tries a few and keeps the one the page shows largest.
public struct BoxPacking: Hashable, Sendable {
    /// `packmode` of the root (`array_c3`: column by column, three rows).
    public var top: String
    /// `packmode` of every box, nil for Graphviz's default.
    public var inside: String?

    /// A packing.
    public init(top: String, inside: String? = nil) {
        self.top = top
        self.inside = inside
    }
}
