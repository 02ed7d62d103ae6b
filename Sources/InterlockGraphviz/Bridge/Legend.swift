/// The key of a diagram: what each shape, colour and line means.
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

/// A sample drawn in a legend, inside an HTML-like table cell.
public enum LegendSample: Hashable, Sendable {
    /// A node outline, named (HTML tables cannot draw Graphviz shapes).
    case shape(NodeShape)
    /// A colour swatch with a border.
    case fill(Color, border: Color)
    /// A line in a colour and style.
    case line(Color, EdgeStyle)
}
