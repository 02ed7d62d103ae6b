/// An edge of a ``Diagram``, from one node to another (by node id).
public struct DiagramEdge: Hashable, Sendable {
    /// Id of the tail node.
    public var from: String
    /// Id of the head node.
    public var to: String
    /// Element id in SVG output, when the edge must be addressable.
    public var id: String?
    /// Text drawn along the edge.
    public var label: String?
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
    /// Hover text in SVG output.
    public var tooltip: String?
    /// Whether the edge takes part in ranking (dot); false for edges that must not
    /// distort the layout, such as incompatibility links.
    public var constraint: Bool
    /// How strongly the layout keeps the edge short and straight (dot `weight`).
    public var weight: Int?

    /// An edge; only the end points are required.
    public init(
        from: String, to: String, id: String? = nil, label: String? = nil, color: Color? = nil,
        style: EdgeStyle = .solid, penWidth: Double? = nil, arrowHead: ArrowShape? = nil,
        direction: EdgeDirection? = nil, tooltip: String? = nil, constraint: Bool = true, weight: Int? = nil
    ) {
        self.from = from
        self.to = to
        self.id = id
        self.label = label
        self.color = color
        self.style = style
        self.penWidth = penWidth
        self.arrowHead = arrowHead
        self.direction = direction
        self.tooltip = tooltip
        self.constraint = constraint
        self.weight = weight
    }
}
