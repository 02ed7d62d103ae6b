/// A stage of a running query: rows are pushed through a chain of sinks, each passing what it
/// produces to the next. `push` returns false when the consumer wants no more rows (a LIMIT
/// was reached), so the producers stop early instead of materialising everything.
protocol RowSink: AnyObject {
    /// Takes one row; false means "stop sending".
    func push(_ row: Row) throws(QueryError) -> Bool
    /// Called once after the last row: blocking stages (sort, aggregation) emit here.
    func finish() throws(QueryError)
}

/// The end of the chain: keeps the rows (once each when the query is a UNION without ALL).
final class CollectSink: RowSink {
    private(set) var rows: [Row] = []
    private var seen: Set<Row>?

    init(distinct: Bool) {
        seen = distinct ? [] : nil
    }

    func push(_ row: Row) throws(QueryError) -> Bool {
        if seen != nil, seen?.insert(row).inserted == false { return true }
        rows.append(row)
        return true
    }

    func finish() throws(QueryError) {}
}
