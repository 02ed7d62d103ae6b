/// How a diagram is rendered.
public struct RenderOptions: Hashable, Sendable {
    /// Output format.
    public var format: OutputFormat
    /// Layout engine; chosen from the node count (``LayoutEngine/automatic(nodeCount:)``) when nil.
    public var layout: LayoutEngine?
    /// Resolution of bitmap output, in dots per inch.
    public var bitmapDPI: Double
    /// Longest side of bitmap output, in pixels: larger drawings are scaled down to fit,
    /// because a 1,000-node PNG at full size takes seconds and tens of megabytes.
    public var maxBitmapPixels: Int

    /// Render options; SVG with an automatic layout by default.
    public init(format: OutputFormat = .svg, layout: LayoutEngine? = nil, bitmapDPI: Double = 96, maxBitmapPixels: Int = 4000) {
        self.format = format
        self.layout = layout
        self.bitmapDPI = bitmapDPI
        self.maxBitmapPixels = maxBitmapPixels
    }
}
