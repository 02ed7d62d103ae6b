/// A MATCH that ends in a counted tail, feeding the aggregation right after it: each match of
/// the steps before the tail is added to its group with the number of matches it stands for,
/// so the rows of the tail's combinations are never made (`MatchPlan.count`). After an OPTIONAL
/// MATCH, a row no match extends is added once with the MATCH's variables null, as `MatchSink`
/// keeps it; the calls `skippedWithoutMatch` marks (`count(v)` of a MATCH variable) add nothing
/// for it.
final class CountedMatchSink: RowSink {
    /// Calls its second argument with each match extending the row and the number of matches
    /// it stands for; false stops it.
    typealias Matcher = (Row, (Row, Int) throws(QueryError) -> Bool) throws(QueryError) -> Bool

    private let matches: Matcher
    private let width: Int
    private let optional: Bool
    private let skippedWithoutMatch: [Bool]
    private let aggregate: AggregateSink

    init(matches: @escaping Matcher, width: Int, optional: Bool, skippedWithoutMatch: [Bool], aggregate: AggregateSink) {
        self.matches = matches
        self.width = width
        self.optional = optional
        self.skippedWithoutMatch = skippedWithoutMatch
        self.aggregate = aggregate
    }

    func push(_ row: Row) throws(QueryError) -> Bool {
        let extended = row.padded(to: width)
        var matched = false
        _ = try matches(extended) { (match, count) throws(QueryError) in
            matched = true
            try aggregate.push(match, rows: count)
            return true
        }
        if optional, !matched { try aggregate.push(extended, rows: 1, skipping: skippedWithoutMatch) }
        return true
    }

    func finish() throws(QueryError) { try aggregate.finish() }
}
