/// A MATCH that ends in a counted tail, feeding the aggregation right after it: each match of
/// the steps before the tail is added to its group with the number of matches it stands for,
/// so the rows of the tail's combinations are never made (`MatchPlan.count`).
final class CountedMatchSink: RowSink {
    /// Calls its second argument with each match extending the row and the number of matches
    /// it stands for; false stops it.
    typealias Matcher = (Row, (Row, Int) throws(QueryError) -> Bool) throws(QueryError) -> Bool

    private let matches: Matcher
    private let width: Int
    private let aggregate: AggregateSink

    init(matches: @escaping Matcher, width: Int, aggregate: AggregateSink) {
        self.matches = matches
        self.width = width
        self.aggregate = aggregate
    }

    func push(_ row: Row) throws(QueryError) -> Bool {
        _ = try matches(row.padded(to: width)) { (match, count) throws(QueryError) in
            try aggregate.push(match, rows: count)
            return true
        }
        return true
    }

    func finish() throws(QueryError) { try aggregate.finish() }
}
