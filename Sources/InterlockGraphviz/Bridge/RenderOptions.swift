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
    /// The page the drawing is scaled down to fit (never up); ``PageSize/none`` keeps its natural size.
    public var page: PageSize
    /// A box of its own, in inches, to fit instead of ``page``: a figure of a printed report.
    public var frame: DiagramSize?

    /// The size to fit, in inches: ``frame``, else ``page``; nil to keep the natural size.
    public var pageInches: DiagramSize? {
        frame ?? page.inches.map { DiagramSize(width: $0.width, height: $0.height) }
    }

    /// Render options; SVG with an automatic layout at natural size by default.
    public init(
        format: OutputFormat = .svg, layout: LayoutEngine? = nil, bitmapDPI: Double = 96, maxBitmapPixels: Int = 4000,
        page: PageSize = .none, frame: DiagramSize? = nil
    ) {
        self.format = format
        self.layout = layout
        self.bitmapDPI = bitmapDPI
        self.maxBitmapPixels = maxBitmapPixels
        self.page = page
        self.frame = frame
    }
}

/// A page a diagram is drawn for.
public enum PageSize: String, CaseIterable, Hashable, Sendable {
    /// A 16:9 presentation slide, 13.33 × 7.5 inches.
    case slide
    /// An A4 page in landscape, 11.69 × 8.27 inches.
    case a4
    /// No page: the drawing keeps its natural size, a poster for a large portfolio.
    case none

    /// Width and height in inches, nil for ``none``.
    public var inches: (width: Double, height: Double)? {
        switch self {
        case .slide: (13.33, 7.5)
        case .a4: (11.69, 8.27)
        case .none: nil
        }
    }

    /// The smallest text a reader can still read on the page, in points, after the drawing is
    /// scaled to fit: what the views aim for.
    public static let minimumReadableFontSize = 7.0
}
