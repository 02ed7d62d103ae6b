/// Node outlines used by the diagrams (Graphviz `shape`).
public enum NodeShape: String, CaseIterable, Hashable, Sendable {
    /// A rectangle: initiatives.
    case box
    /// A UML component: technologies.
    case component
    /// A cylinder: data sources.
    case cylinder
    /// A folder tab: capabilities.
    case tab
    /// A note with a folded corner: goals.
    case note
    /// An ellipse: business units.
    case ellipse
    /// A folder: aggregated groups of nodes.
    case folder
    /// A double octagon: people and teams.
    case doubleoctagon
    /// No outline at all; used for legends and HTML tables.
    case plaintext
    /// A small filled dot: an anchor for a line (the roadmap's today).
    case point
    /// A triangle: a marker on a time axis (end of support).
    case triangle
}

/// Node and cluster drawing styles (Graphviz `style`), combinable.
public struct NodeStyle: OptionSet, Hashable, Sendable {
    /// The raw bit set.
    public let rawValue: UInt8
    /// A style from its bits.
    public init(rawValue: UInt8) { self.rawValue = rawValue }

    /// Fill with `fillColor`.
    public static let filled = NodeStyle(rawValue: 1 << 0)
    /// Rounded corners.
    public static let rounded = NodeStyle(rawValue: 1 << 1)
    /// Dashed outline.
    public static let dashed = NodeStyle(rawValue: 1 << 2)
    /// Dotted outline.
    public static let dotted = NodeStyle(rawValue: 1 << 3)
    /// Thick outline.
    public static let bold = NodeStyle(rawValue: 1 << 4)
    /// Not drawn; the node still anchors its edges.
    public static let invisible = NodeStyle(rawValue: 1 << 5)

    /// The Graphviz spelling, in a fixed order so output is deterministic: `"filled,rounded"`.
    public var graphvizValue: String {
        let names: [(NodeStyle, String)] = [
            (.filled, "filled"), (.rounded, "rounded"), (.dashed, "dashed"), (.dotted, "dotted"), (.bold, "bold"), (.invisible, "invis"),
        ]
        return names.filter { contains($0.0) }.map(\.1).joined(separator: ",")
    }
}

/// Edge line styles (Graphviz `style` on edges).
public enum EdgeStyle: String, CaseIterable, Hashable, Sendable {
    /// A plain line.
    case solid
    /// A dashed line: incompatibility, soft links.
    case dashed
    /// A dotted line: context edges.
    case dotted
    /// A thick line: cycle edges.
    case bold
}

/// Arrow heads (Graphviz `arrowhead`).
public enum ArrowShape: String, CaseIterable, Hashable, Sendable {
    /// The default filled triangle.
    case normal
    /// An open "V".
    case vee
    /// A filled dot.
    case dot
    /// A hollow dot.
    case odot
    /// No head.
    case none
}

/// Which ends of an edge carry arrows (Graphviz `dir`).
public enum EdgeDirection: String, CaseIterable, Hashable, Sendable {
    /// An arrow at the head.
    case forward
    /// An arrow at the tail.
    case back
    /// Arrows at both ends.
    case both
    /// No arrows: an undirected relation drawn in a directed graph.
    case none
}

/// Main flow of a layered layout (Graphviz `rankdir`).
public enum RankDirection: String, CaseIterable, Hashable, Sendable {
    /// Top to bottom.
    case topToBottom = "TB"
    /// Left to right.
    case leftToRight = "LR"
    /// Bottom to top.
    case bottomToTop = "BT"
    /// Right to left.
    case rightToLeft = "RL"
}

/// Horizontal alignment of text in an HTML-like table cell.
public enum TextAlignment: String, CaseIterable, Hashable, Sendable {
    /// Flush left.
    case left = "LEFT"
    /// Centred.
    case center = "CENTER"
    /// Flush right.
    case right = "RIGHT"
}
