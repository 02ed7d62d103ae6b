/// A place in the text of a query: 1-based line and column, and the character offset from the start.
public struct QueryPosition: Hashable, Sendable, Comparable, CustomStringConvertible {
    /// Offset in characters (`Character`s) from the start of the query text.
    public var offset: Int
    /// 1-based line number.
    public var line: Int
    /// 1-based column, counted in characters.
    public var column: Int

    /// Creates a position.
    public init(offset: Int, line: Int, column: Int) {
        self.offset = offset
        self.line = line
        self.column = column
    }

    /// The start of a query.
    public static let start = QueryPosition(offset: 0, line: 1, column: 1)

    /// "line:column".
    public var description: String { "\(line):\(column)" }

    /// Positions order by their offset.
    public static func < (lhs: QueryPosition, rhs: QueryPosition) -> Bool { lhs.offset < rhs.offset }
}
