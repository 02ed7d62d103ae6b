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
    private let budget: QueryBudget
    private let next: RowSink
    private var groups: [Group] = []
    private var groupIndex: [Row: Int] = [:]
    /// The groups of a single node key, by node index.
    private var nodeGroupIndex: [Int: Int] = [:]

    init(
        keys: [Evaluator], calls: [AggregateRegistry.Call], items: [Evaluator], inputWidth: Int, budget: QueryBudget,
        next: RowSink
    ) {
        self.keys = keys
        self.calls = calls
        self.items = items
        self.inputWidth = inputWidth
        self.budget = budget
        self.next = next
    }

    func push(_ row: Row) throws(QueryError) -> Bool {
        let index = try group(of: row)
        for (position, call) in calls.enumerated() {
            let value = try call.argument?(row) ?? .boolean(true)
            if let percentile = call.percentile {
                try groups[index].accumulators[position].setPercentile(try percentile(row))
            }
            if call.function.keepsValues {
                // What collect() keeps is held, and the list it makes is a value like any other.
                try budget.hold(1 + value.shallowSize)
                try budget.checkSize(groups[index].accumulators[position].collected + 1, at: call.position)
            }
            try groups[index].accumulators[position].add(value)
        }
        return true
    }

    /// Adds `rows` rows at once, all like `row` in every slot the grouping keys and the
    /// arguments read (the matches of a counted MATCH); the calls are non-DISTINCT counts.
    /// The calls `skipping` marks add nothing.
    func push(_ row: Row, rows: Int, skipping: [Bool] = []) throws(QueryError) {
        let index = try group(of: row)
        for (position, call) in calls.enumerated() where !(skipping.indices.contains(position) && skipping[position]) {
            try groups[index].accumulators[position].add(try call.argument?(row) ?? .boolean(true), rows: rows)
        }
    }

    /// The index of the row's group, created on first sight.
    private func group(of row: Row) throws(QueryError) -> Int {
        // One group: no need to hash an empty key for every row.
        if keys.isEmpty, !groups.isEmpty { return 0 }
        if keys.count == 1 {
            // Grouping by one node (`WITH c, count(i)`): the node's index is the key, with no
            // row of values to build and hash. Other values never equal a node.
            let value = try keys[0](row)
            guard case .node(let node) = value else { return try group(ofKey: [value], row) }
            if let existing = nodeGroupIndex[node] { return existing }
            nodeGroupIndex[node] = groups.count
            return try newGroup(row)
        }
        return try group(ofKey: try keys.evaluate(row), row)
    }

    private func group(ofKey key: Row, _ row: Row) throws(QueryError) -> Int {
        if let existing = groupIndex[key] { return existing }
        groupIndex[key] = groups.count
        return try newGroup(row)
    }

    private func newGroup(_ representative: Row) throws(QueryError) -> Int {
        try budget.hold(representative)
        groups.append(Group(representative: representative, accumulators: calls.map(Accumulator.init)))
        return groups.count - 1
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
