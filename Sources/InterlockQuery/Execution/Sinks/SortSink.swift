/// ORDER BY: collects the rows, sorts them stably, then emits. With a LIMIT after it, only
/// the best `keep` rows are held, in a bounded heap whose root is the worst of them: a row
/// that does not beat the root is dropped after one comparison, without being stored, so
/// memory stays O(keep) and time O(n log keep) (and nearly O(n) when most rows lose).
final class SortSink: RowSink {
    private let keys: [(value: Evaluator, descending: Bool)]
    private let keep: Int?
    private let next: RowSink
    /// Sort keys, the row, and its arrival number (the last tie-breaker, for stability).
    /// Unchecked exclusivity: only this sink touches them, a row at a time.
    @exclusivity(unchecked) private var rows: [(keys: [QueryValue], row: Row, sequence: Int)] = []
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
        if let keep, rows.count == keep, try losesToWorstKept(row) { return true }
        var values: [QueryValue] = []
        values.reserveCapacity(keys.count)
        for key in keys { values.append(try key.value(row)) }
        let entry = (keys: values, row: row, sequence: arrived)
        arrived += 1
        guard let keep else {
            rows.append(entry)
            try holdIfGrown(entry)
            return true
        }
        if rows.count < keep {
            rows.append(entry)
            siftUp(rows.count - 1)
            try holdIfGrown(entry)
        } else if keep > 0, precedes(entry, rows[0]) {
            rows[0] = entry
            siftDown(0)
        }
        return true
    }

    /// Whether `row` comes after the worst row kept (the heap's root), so that a full top-k
    /// drops it: decided key by key, most rows on the first, without building their keys.
    /// A tie on every key loses too, the row arriving later.
    private func losesToWorstKept(_ row: Row) throws(QueryError) -> Bool {
        guard let worst = rows.first else { return true }
        for (index, key) in keys.enumerated() {
            let comparison = try key.value(row).orderCompare(worst.keys[index])
            if comparison != .equal { return (comparison == .less) == key.descending }
        }
        return true
    }

    /// Only growth past the most rows held counts against the budget.
    private func holdIfGrown(_ entry: (keys: [QueryValue], row: Row, sequence: Int)) throws(QueryError) {
        guard rows.count > peak else { return }
        peak = rows.count
        try budget.hold(entry.row + entry.keys)
    }

    /// Whether `a` comes before `b` in the output: by the keys, then by arrival.
    private func precedes(
        _ a: (keys: [QueryValue], row: Row, sequence: Int), _ b: (keys: [QueryValue], row: Row, sequence: Int)
    ) -> Bool {
        for (index, key) in keys.enumerated() {
            let comparison = a.keys[index].orderCompare(b.keys[index])
            if comparison != .equal { return (comparison == .less) != key.descending }
        }
        return a.sequence < b.sequence
    }

    /// Max-heap on output order: a parent comes after its children.
    private func siftUp(_ start: Int) {
        var child = start
        while child > 0 {
            let parent = (child - 1) / 2
            guard precedes(rows[parent], rows[child]) else { return }
            rows.swapAt(parent, child)
            child = parent
        }
    }

    private func siftDown(_ start: Int) {
        var parent = start
        while true {
            var latest = parent
            let left = 2 * parent + 1, right = left + 1
            if left < rows.count, precedes(rows[latest], rows[left]) { latest = left }
            if right < rows.count, precedes(rows[latest], rows[right]) { latest = right }
            guard latest != parent else { return }
            rows.swapAt(parent, latest)
            parent = latest
        }
    }

    func finish() throws(QueryError) {
        sortAndCut(to: keep ?? rows.count)
        for entry in rows where try !next.push(entry.row) { break }
        rows = []
        try next.finish()
    }

    private func sortAndCut(to count: Int) {
        rows.sort(by: precedes)
        if rows.count > count { rows.removeLast(rows.count - count) }
    }
}
