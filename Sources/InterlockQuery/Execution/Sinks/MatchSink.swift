/// Runs a MATCH for each incoming row; an OPTIONAL MATCH keeps a row that has no match, with nulls.
///
/// Not generic over the graph: the plan arrives as a closure made where the graph type is
/// known, so the search runs as code compiled for that graph (a generic class reached
/// through a protocol would run unspecialised).
final class MatchSink: RowSink {
    /// Calls its second argument with each match extending the row; false stops it.
    typealias Matcher = (Row, (Row) throws(QueryError) -> Bool) throws(QueryError) -> Bool

    private let matches: Matcher
    private let width: Int
    private let optional: Bool
    private let next: RowSink

    init(matches: @escaping Matcher, width: Int, optional: Bool, next: RowSink) {
        self.matches = matches
        self.width = width
        self.optional = optional
        self.next = next
    }

    func push(_ row: Row) throws(QueryError) -> Bool {
        let extended = row.padded(to: width)
        var matched = false
        var wantsMore = true
        _ = try matches(extended) { (match) throws(QueryError) in
            matched = true
            wantsMore = try next.push(match)
            return wantsMore
        }
        if optional, !matched { return try next.push(extended) }
        return wantsMore
    }

    func finish() throws(QueryError) { try next.finish() }
}
