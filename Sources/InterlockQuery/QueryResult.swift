/// The rows a query returned, under its column names.
public struct QueryResult: Sendable, Hashable {
    /// Column names, from the aliases or the expressions as written.
    public var columns: [String]
    /// Each row has one value per column.
    public var rows: [[QueryValue]]

    /// Creates a result.
    public init(columns: [String], rows: [[QueryValue]]) {
        self.columns = columns
        self.rows = rows
    }
}
