/// Groups rows by the grouping items and computes the aggregates of each group; emits the
/// groups in the order they first appeared.
final class AggregateSink: RowSink {
    private struct Group {
        var representative: Row
        var accumulators: [Accumulator]
    }

    private let keys: [Evaluator]
    private let calls: [AggregateRegistry.Call]
    private let items: [Evaluator]
    private let inputWidth: Int
    private let next: RowSink
    private var groups: [Group] = []
    private var groupIndex: [Row: Int] = [:]

    init(keys: [Evaluator], calls: [AggregateRegistry.Call], items: [Evaluator], inputWidth: Int, next: RowSink) {
        self.keys = keys
        self.calls = calls
        self.items = items
        self.inputWidth = inputWidth
        self.next = next
    }

    func push(_ row: Row) throws(QueryError) -> Bool {
        let key = try keys.evaluate(row)
        let index: Int
        if keys.isEmpty, !groups.isEmpty {
            // One group: no need to hash an empty key for every row.
            index = 0
        } else if let existing = groupIndex[key] {
            index = existing
        } else {
            index = groups.count
            groupIndex[key] = index
            groups.append(Group(representative: row, accumulators: calls.map(Accumulator.init)))
        }
        for (position, call) in calls.enumerated() {
            try groups[index].accumulators[position].add(try call.argument?(row) ?? .boolean(true))
        }
        return true
    }

    func finish() throws(QueryError) {
        // Aggregating nothing without grouping keys still gives one row: count 0, sum 0, collect [].
        if groups.isEmpty, keys.isEmpty {
            groups.append(Group(representative: Row(repeating: .null, count: inputWidth), accumulators: calls.map(Accumulator.init)))
        }
        for group in groups {
            let row = group.representative + group.accumulators.map(\.result)
            if try !next.push(try items.evaluate(row)) { break }
        }
        try next.finish()
    }
}
