/// The key of a diagram: what each shape, colour and line means, each entry drawn as the
/// diagram draws it (a real node or a real edge beside its caption).
public struct Legend: Hashable, Sendable {
    /// Caption of the key.
    public var title: String
    /// The entries, in display order.
    public var entries: [LegendEntry]

    /// A legend.
    public init(title: String = "Legend", entries: [LegendEntry]) {
        self.title = title
        self.entries = entries
    }
}

/// One line of a ``Legend``: a sample and its meaning.
public struct LegendEntry: Hashable, Sendable {
    /// What the sample looks like.
    public var sample: LegendSample
    /// What it means.
    public var text: String

    /// A legend entry.
    public init(_ sample: LegendSample, _ text: String) {
        self.sample = sample
        self.text = text
    }
}

/// A sample drawn in a legend, as a real Graphviz node or edge.
public enum LegendSample: Hashable, Sendable {
    /// A kind of node: its shape, white with a grey outline (the look of a node without findings).
    case shape(NodeShape)
    /// A fill, outline colour, outline style and width, on the shape that carries it.
    case node(NodeLook)
    /// A line as drawn: colour, style, width and ends.
    case edge(EdgeLook)
}

/// How a node looks, without its text: what a legend sample copies.
public struct NodeLook: Hashable, Sendable {
    /// Outline.
    public var shape: NodeShape
    /// Fill and outline style.
    public var style: NodeStyle
    /// Fill colour.
    public var fillColor: Color?
    /// Outline colour.
    public var lineColor: Color?
    /// Outline width in points.
    public var penWidth: Double?

    /// A look.
    public init(shape: NodeShape = .box, style: NodeStyle = [.filled], fillColor: Color?, lineColor: Color?, penWidth: Double? = nil) {
        self.shape = shape
        self.style = style
        self.fillColor = fillColor
        self.lineColor = lineColor
        self.penWidth = penWidth
    }

    /// The look of `node`.
    public init(of node: DiagramNode) {
        self.init(shape: node.shape, style: node.style, fillColor: node.fillColor, lineColor: node.lineColor, penWidth: node.penWidth)
    }
}

/// How an edge looks, without its text: what a legend sample copies.
public struct EdgeLook: Hashable, Sendable {
    /// Line colour.
    public var color: Color?
    /// Line style.
    public var style: EdgeStyle
    /// Line width in points.
    public var penWidth: Double?
    /// Arrow at the head.
    public var arrowHead: ArrowShape?
    /// Which ends carry arrows.
    public var direction: EdgeDirection?

    /// A look.
    public init(color: Color?, style: EdgeStyle = .solid, penWidth: Double? = nil, arrowHead: ArrowShape? = nil, direction: EdgeDirection? = nil) {
        self.color = color
        self.style = style
        self.penWidth = penWidth
        self.arrowHead = arrowHead
        self.direction = direction
    }

    /// The look of `edge`.
    public init(of edge: DiagramEdge) {
        self.init(color: edge.color, style: edge.style, penWidth: edge.penWidth, arrowHead: edge.arrowHead, direction: edge.direction)
    }

    /// The same look at another width.
    public func width(_ points: Double?) -> EdgeLook {
        var copy = self
        copy.penWidth = points
        return copy
    }
}
