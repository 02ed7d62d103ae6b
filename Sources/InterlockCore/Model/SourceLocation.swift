/// Where something was written in a portfolio file: the place error messages and findings point at.
public struct SourceLocation: Hashable, Sendable, Codable, CustomStringConvertible {
    /// The file path as given to the loader (relative paths stay relative).
    public var file: String
    /// 1-based line number.
    public var line: Int
    /// 1-based column number.
    public var column: Int

    /// Creates a location.
    public init(file: String, line: Int, column: Int) {
        self.file = file
        self.line = line
        self.column = column
    }

    /// `file:line:column`, the form editors and terminals turn into links.
    public var description: String { "\(file):\(line):\(column)" }
}
