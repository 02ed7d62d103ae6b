/// A boxed group of nodes (a Graphviz cluster), optionally nested in another cluster.
///
/// Nodes join a cluster through ``DiagramNode/cluster``. Layout engines without cluster
/// support (sfdp, neato, circo) ignore the box but keep the nodes.
public struct DiagramCluster: Hashable, Sendable {
    /// Identifier, unique among the diagram's clusters; also the SVG element id.
    public var id: String
    /// Caption drawn in the box.
    public var label: String?
    /// Id of the enclosing cluster, if nested.
    public var parent: String?
    /// Fill and outline style.
    public var style: NodeStyle
    /// Background colour, used with ``NodeStyle/filled``.
    public var fillColor: Color?
    /// Outline colour.
    public var lineColor: Color?
    /// Hover text in SVG output.
    public var tooltip: String?

    /// A cluster; only `id` is required.
    public init(
        id: String, label: String? = nil, parent: String? = nil, style: NodeStyle = [], fillColor: Color? = nil,
        lineColor: Color? = nil, tooltip: String? = nil
    ) {
        self.id = id
        self.label = label
        self.parent = parent
        self.style = style
        self.fillColor = fillColor
        self.lineColor = lineColor
        self.tooltip = tooltip
    }
}
