/// File formats a diagram can be rendered to.
public enum OutputFormat: String, CaseIterable, Hashable, Sendable {
    /// Scalable vector graphics, with tooltips and element ids (Graphviz core plugin).
    case svg
    /// A bitmap (Graphviz cairo plugin); its size is capped, see ``RenderOptions``.
    case png
    /// A vector document (Graphviz cairo plugin).
    case pdf
    /// The laid-out graph in the DOT language, with positions.
    case dot

    /// The Graphviz device name passed to `gvRenderData`.
    var device: String { rawValue }

    /// Whether the output is binary rather than text.
    public var isBinary: Bool {
        switch self {
        case .svg, .dot: false
        case .png, .pdf: true
        }
    }
}
