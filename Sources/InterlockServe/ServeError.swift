import InterlockQuery
import InterlockReports

/// Why the API refused a request: the HTTP status, a stable code and a sentence for the
/// person, written as `{"error": {"status", "code", "message", "position"?}}`.
public struct ServeError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The HTTP status code: 400 bad parameter or query, 404 unknown id, 413 body too large,
    /// 422 a query past its limits, 500 a drawing Graphviz could not make (403 and 413 come from
    /// the policy and the router).
    public var status: Int
    /// A short machine-readable reason (`bad-parameter`, `unknown-node`, `query-limit`...).
    public var code: String
    /// What is wrong, in one sentence.
    public var message: String
    /// Where in a query the fault is, for query errors that have a place.
    public var position: QueryPosition?

    /// Creates an error.
    public init(status: Int, code: String, _ message: String, position: QueryPosition? = nil) {
        self.status = status
        self.code = code
        self.message = message
        self.position = position
    }

    /// A parameter the API does not accept (400).
    static func badParameter(_ message: String) -> ServeError { ServeError(status: 400, code: "bad-parameter", message) }

    /// The error as the API writes it.
    public var json: JSONValue {
        var entries: [(String, JSONValue)] = [("status", .integer(status)), ("code", .string(code)), ("message", .string(message))]
        if let position {
            entries.append(("position", .object([
                ("line", .integer(position.line)), ("column", .integer(position.column)), ("offset", .integer(position.offset)),
            ])))
        }
        return .object([("error", .object(entries))])
    }

    /// "400 bad-parameter: message".
    public var description: String { "\(status) \(code): \(message)" }
}
