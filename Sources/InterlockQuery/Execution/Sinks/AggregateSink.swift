/// Groups rows by the grouping items and computes the aggregates of each group; emits the
/// groups in the order they first appeared.
///
/// The per-row work is what an aggregating query costs, so the calls' parts are kept in
/// arrays of their own (copying a call per row retained its closures) and the running
/// accumulators in one flat array (`AggregateGroups`), changed in place. The state changed on
/// every row is `@exclusivity(unchecked)`: only this sink touches it, one row at a time, and
/// the checks took a sixth of an aggregation's time.
final class AggregateSink: RowSink {
    private let keys: [Evaluator]
    /// The calls' arguments, each different one once, and which of them each call reads (nil
    /// for `count(*)`).
    private let arguments: [Evaluator]
    private let argumentOfCall: [Int?]
    /// The arguments' values for the current row (kept between rows: no array per row).
    @exclusivity(unchecked) private var argumentValues: [QueryValue]
    /// Each call's percentile, and whether it keeps its values.
    private let percentiles: [Evaluator?]
    private let keepsValues: [Bool]
    private let calls: [AggregateRegistry.Call]
    private let items: [Evaluator]
    private let inputWidth: Int
    private let budget: QueryBudget
    private let next: RowSink
    @exclusivity(unchecked) private var groups: AggregateGroups
    @exclusivity(unchecked) private var groupIndex: [Row: Int] = [:]
    /// The groups of a single grouping key that is not a node, by its value: no row of one
    /// value to build and hash per row. While there are a few, their keys are compared in
    /// turn (`fewKeys`): a status or a unit compares faster than it hashes.
    @exclusivity(unchecked) private var valueGroupIndex: [QueryValue: Int] = [:]
    @exclusivity(unchecked) private var fewKeys: [(key: QueryValue, group: Int)] = []
    private static let fewKeysLimit = 8
    /// The groups of a single node key, by node index.
    @exclusivity(unchecked) private var nodeGroupIndex: [Int: Int] = [:]
    /// The slot of `v` when the single grouping key is a property of it (`t.id`): the group
    /// of each node is remembered, so the property is read and hashed once per node, not per
    /// row. Where nodes seldom repeat (`i.status` over every initiative once) remembering
    /// costs more than it saves: after `memoTrial` rows with fewer than half found, it stops.
    @exclusivity(unchecked) private var keyNodeSlot: Int?
    @exclusivity(unchecked) private var groupOfKeyNode: [Int: Int] = [:]
    @exclusivity(unchecked) private var memoTried = 0
    @exclusivity(unchecked) private var memoFound = 0
    private static let memoTrial = 4_096

    init(
        keys: [Evaluator], keyNodeSlot: Int? = nil, calls: [AggregateRegistry.Call], items: [Evaluator], inputWidth: Int,
        budget: QueryBudget, next: RowSink
    ) {
        self.keys = keys
        self.keyNodeSlot = keys.count == 1 ? keyNodeSlot : nil
        self.calls = calls
        groups = AggregateGroups(calls: calls)
        var arguments: [Evaluator] = []
        var argumentByText: [String: Int] = [:]
        argumentOfCall = calls.map { call in
            guard let argument = call.argument else { return nil }
            if let text = call.argumentText, let shared = argumentByText[text] { return shared }
            arguments.append(argument)
            if let text = call.argumentText { argumentByText[text] = arguments.count - 1 }
            return arguments.count - 1
        }
        self.arguments = arguments
        argumentValues = Array(repeating: .null, count: arguments.count)
        percentiles = calls.map(\.percentile)
        keepsValues = calls.map(\.function.keepsValues)
        self.items = items
        self.inputWidth = inputWidth
        self.budget = budget
        self.next = next
    }

    func push(_ row: Row) throws(QueryError) -> Bool {
        let first = try group(of: row) * calls.count
        for (index, argument) in arguments.enumerated() { argumentValues[index] = try argument(row) }
        for position in calls.indices {
            let value = argumentOfCall[position].map { argumentValues[$0] } ?? .boolean(true)
            if let percentile = percentiles[position] {
                try groups.accumulators[first + position].setPercentile(try percentile(row))
            }
            if keepsValues[position] {
                // What collect() keeps is held, and the list it makes is a value like any other.
                try budget.hold(1 + value.shallowSize)
                try budget.checkSize(groups.accumulators[first + position].collected + 1, at: calls[position].position)
            }
            try groups.accumulators[first + position].add(value)
        }
        return true
    }

    /// Adds `rows` rows at once, all like `row` in every slot the grouping keys and the
    /// arguments read (the matches of a counted MATCH); the calls are non-DISTINCT counts.
    /// The calls `skipping` marks add nothing.
    func push(_ row: Row, rows: Int, skipping: [Bool] = []) throws(QueryError) {
        let first = try group(of: row) * calls.count
        for position in calls.indices where !(skipping.indices.contains(position) && skipping[position]) {
            let value = try argumentOfCall[position].map { argument throws(QueryError) in try arguments[argument](row) } ?? .boolean(true)
            try groups.accumulators[first + position].add(value, rows: rows)
        }
    }

    /// The index of the row's group, created on first sight.
    private func group(of row: Row) throws(QueryError) -> Int {
        // One group: no need to hash an empty key for every row.
        if keys.isEmpty, groups.count > 0 { return 0 }
        guard keys.count == 1 else {
            let key = try keys.evaluate(row)
            if let existing = groupIndex[key] { return existing }
            groupIndex[key] = groups.count
            return try groups.open(row, budget: budget)
        }
        guard let keyNodeSlot, case .node(let node) = row[keyNodeSlot] else { return try group(ofSingleKey: row) }
        memoTried += 1
        if let group = groupOfKeyNode[node] {
            memoFound += 1
            return group
        }
        if memoTried == Self.memoTrial, memoFound < memoTried / 2 {
            self.keyNodeSlot = nil
            groupOfKeyNode = [:]
            return try group(ofSingleKey: row)
        }
        let group = try group(ofSingleKey: row)
        groupOfKeyNode[node] = group
        return group
    }

    private func group(ofSingleKey row: Row) throws(QueryError) -> Int {
        // Grouping by one node (`WITH c, count(i)`): the node's index is the key. Other values
        // never equal a node.
        let value = try keys[0](row)
        if case .node(let node) = value {
            if let existing = nodeGroupIndex[node] { return existing }
            nodeGroupIndex[node] = groups.count
        } else if valueGroupIndex.isEmpty {
            if let existing = fewKeys.first(where: { $0.key == value }) { return existing.group }
            fewKeys.append((value, groups.count))
            if fewKeys.count > Self.fewKeysLimit {
                for entry in fewKeys { valueGroupIndex[entry.key] = entry.group }
                fewKeys = []
            }
        } else {
            if let existing = valueGroupIndex[value] { return existing }
            valueGroupIndex[value] = groups.count
        }
        return try groups.open(row, budget: budget)
    }

    func finish() throws(QueryError) {
        try groups.emit(grouped: !keys.isEmpty, items: items, inputWidth: inputWidth, to: next)
    }
}
