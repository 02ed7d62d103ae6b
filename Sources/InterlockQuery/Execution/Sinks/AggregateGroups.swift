/// The groups of an aggregation as its sinks (`AggregateSink`, `LabelAggregateSink`) keep
/// them: a row of each group, in the order the groups appeared, and the running accumulators
/// in one flat array, `calls.count` per group, group after group, changed in place (an array
/// per group, or a call copied per row, cost more than the work itself).
struct AggregateGroups {
    /// The aggregate calls each group computes.
    let calls: [AggregateRegistry.Call]
    /// A row of each group: the grouping keys are computed again over it at the end.
    private(set) var representatives: [Row] = []
    /// `calls.count` accumulators per group, group after group.
    var accumulators: [Accumulator] = []

    /// The number of groups so far.
    var count: Int { representatives.count }

    init(calls: [AggregateRegistry.Call]) {
        self.calls = calls
    }

    /// Opens a group whose rows are like `representative` (held against `budget`); its index.
    mutating func open(_ representative: Row, budget: QueryBudget) throws(QueryError) -> Int {
        try budget.hold(representative)
        representatives.append(representative)
        for call in calls { accumulators.append(Accumulator(call)) }
        return representatives.count - 1
    }

    /// Pushes each group's row, its items computed over its representative row followed by its
    /// calls' results, then finishes `next`. Aggregating nothing without grouping keys
    /// (`grouped` false) still gives one row: count 0, sum 0, collect [].
    func emit(grouped: Bool, items: [Evaluator], inputWidth: Int, to next: RowSink) throws(QueryError) {
        var (representatives, accumulators) = (representatives, accumulators)
        if representatives.isEmpty, !grouped {
            representatives.append(Row(repeating: .null, count: inputWidth))
            accumulators = calls.map(Accumulator.init)
        }
        // The items read the representative row and the results from one buffer, refilled for
        // each group: a row and a list of results made per group were most of the cost of
        // emitting 10,000 groups.
        var input = Row()
        input.reserveCapacity(inputWidth + calls.count)
        for (group, representative) in representatives.enumerated() {
            input.removeAll(keepingCapacity: true)
            input.append(contentsOf: representative)
            for accumulator in accumulators[(group * calls.count)..<((group + 1) * calls.count)] { input.append(accumulator.result) }
            if try !next.push(try items.evaluate(input)) { break }
        }
        try next.finish()
    }
}
