/// `MATCH (v:Label) [WHERE …] RETURN v.key, count(*), sum(v.x) …` in one pass: the label's
/// nodes are read property by property (`PropertyColumn`) and added to their group's
/// accumulators, with no row matched, pushed, hashed or kept per node
/// (`QueryPlanner.labelAggregation` says when). The answer and its row order are those of a
/// MATCH feeding an `AggregateSink`: the nodes come in the order a label scan gives them, and
/// the groups leave in the order they first appeared.
///
/// Grouping keys that are all choices kept in columns (`i.status` in a portfolio) find their
/// group by position, in an array; other keys by value, in a dictionary.
final class LabelAggregateSink: RowSink {
    /// The nodes scanned, where the node goes in a row, and the MATCH's WHERE.
    struct Scan {
        /// The label's nodes.
        var nodes: Range<Int>
        /// The slot of the node's variable; nil for an anonymous node.
        var slot: Int?
        /// The width of the rows the MATCH makes (the representative rows of the groups).
        var width: Int
        /// The MATCH's WHERE, over a row holding the node.
        var predicate: ((Row) throws(QueryError) -> Bool)?
        /// Whether a grouping key tells the nodes apart (`t.id` in a portfolio,
        /// `QueryableGraph.nodeKeyProperty`): then each node is a group of its own, opened
        /// without looking anything up.
        var groupsAreNodes = false
    }

    private let scan: Scan
    private let calls: [AggregateRegistry.Call]
    /// Where each call's argument comes from: `Self.countsNodes` for `count(*)` and `count(v)`
    /// (the node is never null), `Self.readsNode` for a property read by `readers[call]`, else
    /// the offset of its column in `storedValues`: node `n`'s value is
    /// `storedValues[n + offset]`. The columns a graph keeps are read in place, all from one
    /// array: arrays or closures taken out of an array for every node were retained and
    /// released each time, which took a fifth of the scan.
    private let sources: [Int]
    private let readers: [(@Sendable (Int) -> QueryValue)?]
    private let storedValues: [QueryValue]
    private static let countsNodes = Int.min, readsNode = Int.max
    /// Grouping by choices kept in columns: each key's column of positions in
    /// `storedPositions` (node `n`'s at `n + offset`, `UInt8.max` for null), how far apart
    /// two positions of each key are in `groupOfPositions` (null counts as position 0, choice
    /// `c` as `c + 1`), and each combination's group (-1 before it appears). Empty otherwise.
    private let positionOffsets: [Int]
    private let positionStrides: [Int]
    private let storedPositions: [UInt8]
    @exclusivity(unchecked) private var groupOfPositions: [Int]
    /// Grouping by value: the keys' readers, and the groups of one key's value or several.
    private let keys: [@Sendable (Int) -> QueryValue]
    @exclusivity(unchecked) private var groupOfValue: [QueryValue: Int] = [:]
    @exclusivity(unchecked) private var groupOfValues: [Row: Int] = [:]
    private let items: [Evaluator]
    private let deadline: QueryDeadline
    private let budget: QueryBudget
    private let next: RowSink
    @exclusivity(unchecked) private var groups: AggregateGroups
    /// Combinations of choices past which grouping goes by value instead (an array that large
    /// would cost more to clear than hashing a few keys).
    private static let positionLimit = 1 << 16
    /// Nodes read between two looks at the deadline.
    private static let nodesPerTick = 256

    init(
        scan: Scan, keys: [PropertyColumn], calls: [AggregateRegistry.Call], columnOfProperty: (String) -> PropertyColumn,
        items: [Evaluator], deadline: QueryDeadline, budget: QueryBudget, next: RowSink
    ) {
        self.scan = scan
        self.calls = calls
        groups = AggregateGroups(calls: calls)
        var stored: [QueryValue] = []
        var offsetOfKey: [String: Int] = [:]
        var readers: [(@Sendable (Int) -> QueryValue)?] = []
        sources = calls.map { call in
            guard let key = call.argumentProperty?.key else {
                readers.append(nil)
                return Self.countsNodes
            }
            let column = columnOfProperty(key)
            guard case .stored(let values, let first) = column else {
                readers.append(column.reader)
                return Self.readsNode
            }
            readers.append(nil)
            if let offset = offsetOfKey[key] { return offset }
            let offset = stored.count - first
            offsetOfKey[key] = offset
            // The first column is shared, not copied: most scans read one property.
            if stored.isEmpty { stored = values } else { stored += values }
            return offset
        }
        self.readers = readers
        storedValues = stored
        var (positions, offsets, strides) = ([UInt8](), [Int](), [Int]())
        var combinations = 1
        for key in keys {
            guard case .choices(let choices, let column, let first) = key, combinations * (choices.count + 1) <= Self.positionLimit else {
                (positions, offsets, strides) = ([], [], [])
                break
            }
            offsets.append(positions.count - first)
            if positions.isEmpty { positions = column } else { positions += column }
            strides.append(combinations)
            combinations *= choices.count + 1
        }
        (storedPositions, positionOffsets, positionStrides) = (positions, offsets, strides)
        groupOfPositions = Array(repeating: -1, count: offsets.isEmpty ? 0 : combinations)
        self.keys = keys.map(\.reader)
        self.items = items
        self.deadline = deadline
        self.budget = budget
        self.next = next
    }

    /// Runs the scan for the chain's one input row (the empty row a query starts from).
    func push(_ row: Row) throws(QueryError) -> Bool {
        var row = Row(repeating: .null, count: scan.width)
        var untilTick = 0
        for node in scan.nodes {
            untilTick -= 1
            if untilTick < 0 {
                try deadline.tick(Self.nodesPerTick)
                untilTick = Self.nodesPerTick
            }
            if let predicate = scan.predicate {
                if let slot = scan.slot { row[slot] = .node(node) }
                guard try predicate(row) else { continue }
            }
            let first = try group(of: node) * calls.count
            for position in calls.indices {
                let source = sources[position]
                let value: QueryValue
                switch source {
                case Self.countsNodes: value = .boolean(true)
                case Self.readsNode: value = readers[position]?(node) ?? .null
                default: value = storedValues[node + source]
                }
                try groups.accumulators[first + position].add(value)
            }
        }
        return true
    }

    /// The index of the node's group, created on first sight.
    private func group(of node: Int) throws(QueryError) -> Int {
        if scan.groupsAreNodes {
            // A new group for every node.
        } else if !positionOffsets.isEmpty {
            var combination = 0
            for index in positionOffsets.indices {
                let position = storedPositions[node + positionOffsets[index]]
                if position != UInt8.max { combination += (Int(position) + 1) * positionStrides[index] }
            }
            if groupOfPositions[combination] >= 0 { return groupOfPositions[combination] }
            groupOfPositions[combination] = groups.count
        } else if keys.count == 1 {
            let value = keys[0](node)
            if let group = groupOfValue[value] { return group }
            groupOfValue[value] = groups.count
        } else if !keys.isEmpty {
            let values = keys.map { $0(node) }
            if let group = groupOfValues[values] { return group }
            groupOfValues[values] = groups.count
        } else if groups.count > 0 {
            return 0
        }
        var representative = Row(repeating: .null, count: scan.width)
        if let slot = scan.slot { representative[slot] = .node(node) }
        return try groups.open(representative, budget: budget)
    }

    func finish() throws(QueryError) {
        try groups.emit(grouped: !keys.isEmpty, items: items, inputWidth: scan.width, to: next)
    }
}
