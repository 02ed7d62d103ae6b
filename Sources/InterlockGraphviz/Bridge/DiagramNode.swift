/// A node of a ``Diagram``.
public struct DiagramNode: Hashable, Sendable {
    /// Identifier, unique in the diagram; it is also the element id in SVG output, so a web page
    /// can link to the node (`#crm-revamp`).
    public var id: String
    /// What the node shows.
    public var label: Label
    /// Outline.
    public var shape: NodeShape
    /// Fill, rounding and outline style.
    public var style: NodeStyle
    /// Fill colour, used with ``NodeStyle/filled``.
    public var fillColor: Color?
    /// Outline colour.
    public var lineColor: Color?
    /// Text colour.
    public var fontColor: Color?
    /// Outline width in points.
    public var penWidth: Double?
    /// Number of outlines drawn around the node (2 draws a double border).
    public var peripheries: Int?
    /// Hover text in SVG output, e.g. the message of the worst finding.
    public var tooltip: String?
    /// Id of the ``DiagramCluster`` that contains the node, if any.
    public var cluster: String?
    /// Where the node's centre goes, in points, y upwards, for layouts that keep positions
    /// (``LayoutEngine/nop2``); nil to let the layout place it.
    public var position: DiagramPoint?
    /// Width and height kept whatever the label (a bar on a time axis); nil to fit the label.
    public var fixedSize: DiagramSize?
    /// Label size in points; nil for the diagram's default.
    public var fontSize: Double?

    /// Where clicking the node leads in SVG output (`xlink:href`), such as `#node-crm` in a page
    /// that embeds the SVG; nil for no link. Only `A-Z a-z 0-9 # - _ . /` are kept, so a link can
    /// neither leave its attribute nor name a scheme (`javascript:`).
    public var link: String?

    /// A node; only `id` and `label` are required.
    public init(
        id: String, label: Label, shape: NodeShape = .box, style: NodeStyle = [], fillColor: Color? = nil,
        lineColor: Color? = nil, fontColor: Color? = nil, penWidth: Double? = nil, peripheries: Int? = nil,
        tooltip: String? = nil, cluster: String? = nil, position: DiagramPoint? = nil, fixedSize: DiagramSize? = nil,
        fontSize: Double? = nil
    ) {
        self.id = id
        self.label = label
        self.shape = shape
        self.style = style
        self.fillColor = fillColor
        self.lineColor = lineColor
        self.fontColor = fontColor
        self.penWidth = penWidth
        self.peripheries = peripheries
        self.tooltip = tooltip
        self.cluster = cluster
        self.position = position
        self.fixedSize = fixedSize
        self.fontSize = fontSize
    }
}
