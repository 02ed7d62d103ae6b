/// ORDER BY: collects the rows, sorts them stably, then emits. With a LIMIT after it, only
/// the best `keep` rows are held: the buffer is cut back whenever it doubles, so memory stays
/// O(keep) and time O(n log keep).
final class SortSink: RowSink {
    private let keys: [(value: Evaluator, descending: Bool)]
    private let keep: Int?
    private let next: RowSink
    /// Sort keys, the row, and its arrival number (the last tie-breaker, for stability).
    private var rows: [(keys: [QueryValue], row: Row, sequence: Int)] = []
    private var arrived = 0
    private let budget: QueryBudget
    /// The most rows the buffer has held: only growth past it counts against the budget, so a
    /// top-k sort over a long stream is not charged for the rows it cut.
    private var peak = 0

    init(keys: [(value: Evaluator, descending: Bool)], keep: Int?, budget: QueryBudget, next: RowSink) {
        self.keys = keys
        self.keep = keep
        self.budget = budget
        self.next = next
    }

    func push(_ row: Row) throws(QueryError) -> Bool {
        var values: [QueryValue] = []
        for key in keys { values.append(try key.value(row)) }
        rows.append((values, row, arrived))
        arrived += 1
        if rows.count > peak {
            peak = rows.count
            try budget.hold(row + values)
        }
        if let keep, keep <= (Int.max - 64) / 2, rows.count > 2 * keep + 64 { sortAndCut(to: keep) }
        return true
    }

    func finish() throws(QueryError) {
        sortAndCut(to: keep ?? rows.count)
        for entry in rows where try !next.push(entry.row) { break }
        rows = []
        try next.finish()
    }

    private func sortAndCut(to count: Int) {
        rows.sort { a, b in
            for (index, key) in keys.enumerated() {
                let comparison = a.keys[index].orderCompare(b.keys[index])
                if comparison != .equal { return (comparison == .less) != key.descending }
            }
            return a.sequence < b.sequence
        }
        if rows.count > count { rows.removeLast(rows.count - count) }
    }
}
