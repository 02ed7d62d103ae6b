/// ORDER BY: collects every row, sorts stably, then emits.
final class SortSink: RowSink {
    private let keys: [(value: Evaluator, descending: Bool)]
    private let next: RowSink
    private var rows: [(keys: [QueryValue], row: Row)] = []

    init(keys: [(value: Evaluator, descending: Bool)], next: RowSink) {
        self.keys = keys
        self.next = next
    }

    func push(_ row: Row) throws(QueryError) -> Bool {
        var values: [QueryValue] = []
        for key in keys { values.append(try key.value(row)) }
        rows.append((values, row))
        return true
    }

    func finish() throws(QueryError) {
        let order = rows.indices.sorted { a, b in
            for (index, key) in keys.enumerated() {
                let comparison = rows[a].keys[index].orderCompare(rows[b].keys[index])
                if comparison != .equal { return (comparison == .less) != key.descending }
            }
            return a < b
        }
        for index in order where try !next.push(rows[index].row) { break }
        rows = []
        try next.finish()
    }
}
