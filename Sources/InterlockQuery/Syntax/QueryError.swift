/// Why a query could not be run: a located syntax or semantic fault, an unsupported feature,
/// a fault while running (type error, division by zero) or a timeout.
public struct QueryError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The family of a fault, so that callers can map it to an exit code or a message prefix.
    public enum Kind: String, Sendable, Hashable {
        /// The text is not a query of the supported grammar.
        case syntax
        /// The query parses but is meaningless (unknown variable, aggregation misuse...).
        case semantic
        /// The query asks for something Interlock does not do (writes, unknown procedures).
        case unsupported
        /// A value had the wrong type or an operation failed while the query ran.
        case runtime
        /// The query ran past its time limit.
        case timeout
        /// The query would build or hold more than its limits allow (`QueryLimits`).
        case limit
    }

    /// The family of the fault.
    public var kind: Kind
    /// What went wrong, in one sentence.
    public var message: String
    /// Where in the query text, when the fault has a place.
    public var position: QueryPosition?

    /// Creates an error.
    public init(_ kind: Kind, _ message: String, at position: QueryPosition? = nil) {
        self.kind = kind
        self.message = message
        self.position = position
    }

    /// "line:column: kind error: message", or "kind error: message" without a place.
    public var description: String {
        let prefix = position.map { "\($0): " } ?? ""
        return "\(prefix)\(kind.rawValue) error: \(message)"
    }

    /// The description followed by the faulty line of `query` and a caret under the fault.
    ///
    ///     1:15: syntax error: expected ')' but found 'RETURN'
    ///     MATCH (n:Goal RETURN n
    ///                   ^
    public func rendered(in query: String) -> String {
        guard let position else { return description }
        let lines = query.split(separator: "\n", omittingEmptySubsequences: false)
        guard position.line >= 1, position.line <= lines.count else { return description }
        let line = lines[position.line - 1].replacingTabs()
        let caret = String(repeating: " ", count: max(0, position.column - 1)) + "^"
        return "\(description)\n\(line)\n\(caret)"
    }
}

extension Substring {
    /// The line with tabs shown as single spaces, so that the caret lines up with the column.
    fileprivate func replacingTabs() -> String {
        String(map { $0 == "\t" ? " " : $0 })
    }
}
