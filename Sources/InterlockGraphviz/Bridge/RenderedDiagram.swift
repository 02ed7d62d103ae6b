import Foundation

/// The result of rendering a diagram.
public struct RenderedDiagram: Hashable, Sendable {
    /// The file contents in the requested format.
    public var data: Data
    /// The layout engine that was used.
    public var layout: LayoutEngine
    /// Warnings Graphviz reported while laying out and rendering (not errors: those throw).
    public var warnings: [String]
    /// When the layout asked for failed and the diagram was drawn another way, the sentence
    /// saying so (also the last line of the diagram's subtitle); nil otherwise.
    public var fallback: String?

    /// A rendered diagram.
    public init(data: Data, layout: LayoutEngine, warnings: [String], fallback: String? = nil) {
        self.data = data
        self.layout = layout
        self.warnings = warnings
        self.fallback = fallback
    }
}
