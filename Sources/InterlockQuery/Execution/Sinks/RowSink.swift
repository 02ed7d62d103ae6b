/// A stage of a running query: rows are pushed through a chain of sinks, each passing what it
/// produces to the next. `push` returns false when the consumer wants no more rows (a LIMIT
/// was reached), so the producers stop early instead of materialising everything.
protocol RowSink: AnyObject {
    /// Takes one row; false means "stop sending".
    func push(_ row: Row) throws(QueryError) -> Bool
    /// Called once after the last row: blocking stages (sort, aggregation) emit here.
    func finish() throws(QueryError)
}

/// The end of the chain: hands each row on (once each when the query is a UNION without ALL,
/// which means remembering the rows seen). Rows remembered, or all rows when the caller keeps
/// them (`holding`), count against the budget.
final class EmitSink: RowSink {
    private let emit: (Row) throws(QueryError) -> Void
    private let holding: Bool
    private let budget: QueryBudget
    private var seen: Set<Row>?

    init(distinct: Bool, holding: Bool, budget: QueryBudget, emit: @escaping (Row) throws(QueryError) -> Void) {
        seen = distinct ? [] : nil
        self.holding = holding
        self.budget = budget
        self.emit = emit
    }

    func push(_ row: Row) throws(QueryError) -> Bool {
        if seen != nil, seen?.insert(row).inserted == false { return true }
        if holding || seen != nil { try budget.hold(row) }
        try emit(row)
        return true
    }

    func finish() throws(QueryError) {}
}

/// A clause's first sink, placing the errors that come out of it without a place at the clause
/// (see `QueryPlanner.located`).
final class LocatedSink: RowSink {
    /// The sink whose errors are placed.
    let inner: RowSink
    private let position: QueryPosition

    init(_ inner: RowSink, at position: QueryPosition) {
        self.inner = inner
        self.position = position
    }

    func push(_ row: Row) throws(QueryError) -> Bool {
        do {
            return try inner.push(row)
        } catch {
            throw located(error)
        }
    }

    func finish() throws(QueryError) {
        do {
            try inner.finish()
        } catch {
            throw located(error)
        }
    }

    private func located(_ error: QueryError) -> QueryError {
        guard error.position == nil else { return error }
        var placed = error
        placed.position = position
        return placed
    }
}
