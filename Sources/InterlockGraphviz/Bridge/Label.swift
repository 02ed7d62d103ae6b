/// The text drawn in or beside a node: plain text or a small HTML-like structure.
///
/// Either way the text is the *literal* text to show. The bridge escapes it, so a name such as
/// `R&D \N <b>` is drawn exactly as written and never interpreted by Graphviz.
public enum Label: Hashable, Sendable {
    /// Plain text; a line feed in the text starts a new centred line.
    case plain(String)
    /// An HTML-like label (bold runs, colours, tables) built from typed values.
    case html(HTMLLabel)
}

/// An HTML-like Graphviz label, as a value: runs of text or a table of such runs.
///
/// There is no way to put raw markup in it; every string is text and is escaped when the
/// label is written.
public enum HTMLLabel: Hashable, Sendable {
    /// A sequence of text runs.
    case text([HTMLRun])
    /// A table.
    case table(HTMLTable)
}

/// A run of text with one formatting; a line feed in `text` becomes a line break.
public struct HTMLRun: Hashable, Sendable {
    /// The literal text.
    public var text: String
    /// Bold face.
    public var bold: Bool
    /// Italic face.
    public var italic: Bool
    /// Text colour; the surrounding colour when nil.
    public var color: Color?
    /// Font size in points; the surrounding size when nil.
    public var pointSize: Double?

    /// A run of text.
    public init(_ text: String, bold: Bool = false, italic: Bool = false, color: Color? = nil, pointSize: Double? = nil) {
        self.text = text
        self.bold = bold
        self.italic = italic
        self.color = color
        self.pointSize = pointSize
    }
}

/// A table in an HTML-like label: rows of cells.
public struct HTMLTable: Hashable, Sendable {
    /// The rows, top to bottom; each row lists its cells left to right.
    public var rows: [[HTMLCell]]
    /// Width of the outer border in points.
    public var border: Int
    /// Default width of the cell borders in points.
    public var cellBorder: Int
    /// Space between cells in points.
    public var cellSpacing: Int
    /// Space between a cell's border and its content in points.
    public var cellPadding: Int
    /// Background of the whole table.
    public var backgroundColor: Color?

    /// A table; by default without borders, as used for titles and legends.
    public init(
        rows: [[HTMLCell]], border: Int = 0, cellBorder: Int = 0, cellSpacing: Int = 2, cellPadding: Int = 2,
        backgroundColor: Color? = nil
    ) {
        self.rows = rows
        self.border = border
        self.cellBorder = cellBorder
        self.cellSpacing = cellSpacing
        self.cellPadding = cellPadding
        self.backgroundColor = backgroundColor
    }
}

/// One cell of an ``HTMLTable``.
public struct HTMLCell: Hashable, Sendable {
    /// The cell's text.
    public var runs: [HTMLRun]
    /// Background colour.
    public var backgroundColor: Color?
    /// Border colour.
    public var borderColor: Color?
    /// Border width in points; the table's `cellBorder` when nil.
    public var border: Int?
    /// Number of columns the cell spans.
    public var columnSpan: Int
    /// Horizontal alignment of the text.
    public var alignment: TextAlignment
    /// Minimum width in points, e.g. for a colour swatch; natural width when nil.
    public var width: Int?

    /// A cell.
    public init(
        _ runs: [HTMLRun], backgroundColor: Color? = nil, borderColor: Color? = nil, border: Int? = nil,
        columnSpan: Int = 1, alignment: TextAlignment = .center, width: Int? = nil
    ) {
        self.runs = runs
        self.backgroundColor = backgroundColor
        self.borderColor = borderColor
        self.border = border
        self.columnSpan = columnSpan
        self.alignment = alignment
        self.width = width
    }
}
