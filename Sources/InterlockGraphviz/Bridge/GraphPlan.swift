/// A diagram lowered to exactly what cgraph receives: object names and escaped attribute
/// strings, clusters ordered parents first, edges by node index.
///
/// Building it is pure and testable; applying it (``Graphviz``) is a mechanical walk over C
/// calls with no decisions left.
struct GraphPlan: Hashable, Sendable, Codable {
    /// An attribute value as cgraph stores it.
    enum Value: Hashable, Sendable, Codable {
        /// A plain string (already escaped).
        case plain(String)
        /// An HTML-like label body (already escaped), stored with `agstrdup_html`.
        case html(String)
    }

    /// One attribute of an object.
    struct Attribute: Hashable, Sendable, Codable {
        /// Graphviz attribute name, e.g. `label`.
        var name: String
        /// Its value.
        var value: Value
    }

    /// A subgraph: a box when its name starts with `cluster`, otherwise a group of nodes that
    /// dot keeps in one rank (the legend's rows, with `rank=same`).
    struct Cluster: Hashable, Sendable, Codable {
        /// Subgraph name; starts with `cluster` for dot to draw the box.
        var name: String
        /// Index of the enclosing cluster in ``GraphPlan/clusters`` (always smaller), or nil for the root.
        var parent: Int?
        /// Its attributes.
        var attributes: [Attribute]
    }

    /// A node.
    struct Node: Hashable, Sendable, Codable {
        /// Node name (escaped id).
        var name: String
        /// Index of its cluster in ``GraphPlan/clusters``, or nil for the root.
        var cluster: Int?
        /// Its attributes.
        var attributes: [Attribute]
    }

    /// An edge.
    struct Edge: Hashable, Sendable, Codable {
        /// Index of the tail in ``GraphPlan/nodes``.
        var tail: Int
        /// Index of the head in ``GraphPlan/nodes``.
        var head: Int
        /// Its attributes.
        var attributes: [Attribute]
    }

    /// Attributes of the root graph.
    var graphAttributes: [Attribute]
    /// Defaults for every node (`node [...]`), plain values.
    var nodeDefaults: [Attribute]
    /// Defaults for every edge (`edge [...]`), plain values.
    var edgeDefaults: [Attribute]
    /// Clusters, every parent before its children.
    var clusters: [Cluster]
    /// Nodes in diagram order, the legend's samples and captions last.
    var nodes: [Node]
    /// Edges in diagram order.
    var edges: [Edge]
    /// Where the legend is laid out: inside this graph (or there is none), or apart.
    var legendLayout: LegendLayout = .inGraph
}

/// Where a diagram's legend is laid out.
///
/// Inside the graph, the layout engine places the legend wherever its algorithm puts a
/// disconnected part: on top of a layered drawing (making a wide diagram taller), or spread by a
/// force-directed one. For a page, the legend is laid out on its own and then placed beside or
/// below the finished drawing, whichever lets the page show both larger.
indirect enum LegendLayout: Hashable, Sendable, Codable {
    /// Inside the graph, by its engine (or the diagram has no legend).
    case inGraph
    /// The legend's own graph, laid out with dot, then placed for a page of `pageWidth` ×
    /// `pageHeight` points; the drawing grown to the page's proportions when it `fillsPage` (a
    /// page of its own, not a figure among text).
    case apart(GraphPlan, pageWidth: Double, pageHeight: Double, fillsPage: Bool)
}
