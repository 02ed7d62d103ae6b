/// A stage of a running query: rows are pushed through a chain of sinks, each passing what it
/// produces to the next. `push` returns false when the consumer wants no more rows (a LIMIT
/// was reached), so the producers stop early instead of materialising everything.
protocol RowSink: AnyObject {
    /// Takes one row; false means "stop sending".
    func push(_ row: Row) throws(QueryError) -> Bool
    /// Called once after the last row: blocking stages (sort, aggregation) emit here.
    func finish() throws(QueryError)
}

/// Runs a MATCH for each incoming row; an OPTIONAL MATCH keeps a row that has no match, with nulls.
///
/// Not generic over the graph: the plan arrives as a closure made where the graph type is
/// known, so the search runs as code compiled for that graph (a generic class reached
/// through a protocol would run unspecialised).
final class MatchSink: RowSink {
    /// Calls its second argument with each match extending the row; false stops it.
    typealias Matcher = (Row, (Row) throws(QueryError) -> Bool) throws(QueryError) -> Bool

    private let matches: Matcher
    private let width: Int
    private let optional: Bool
    private let next: RowSink

    init(matches: @escaping Matcher, width: Int, optional: Bool, next: RowSink) {
        self.matches = matches
        self.width = width
        self.optional = optional
        self.next = next
    }

    func push(_ row: Row) throws(QueryError) -> Bool {
        var extended = row
        extended.append(contentsOf: repeatElement(QueryValue.null, count: width - row.count))
        var matched = false
        var wantsMore = true
        _ = try matches(extended) { (match) throws(QueryError) in
            matched = true
            wantsMore = try next.push(match)
            return wantsMore
        }
        if optional, !matched { return try next.push(extended) }
        return wantsMore
    }

    func finish() throws(QueryError) { try next.finish() }
}

/// Keeps the rows for which a predicate is true.
final class FilterSink: RowSink {
    private let predicate: (Row) throws(QueryError) -> Bool
    private let next: RowSink

    init(predicate: @escaping (Row) throws(QueryError) -> Bool, next: RowSink) {
        self.predicate = predicate
        self.next = next
    }

    func push(_ row: Row) throws(QueryError) -> Bool {
        try predicate(row) ? try next.push(row) : true
    }

    func finish() throws(QueryError) { try next.finish() }
}

/// `UNWIND list AS x`: one row per element; null or an empty list gives none, a non-list one.
final class UnwindSink: RowSink {
    private let list: Evaluator
    private let next: RowSink

    init(list: @escaping Evaluator, next: RowSink) {
        self.list = list
        self.next = next
    }

    func push(_ row: Row) throws(QueryError) -> Bool {
        let elements: [QueryValue]
        switch try list(row) {
        case .null: elements = []
        case .list(let values): elements = values
        case let single: elements = [single]
        }
        var extended = row
        extended.append(.null)
        for element in elements {
            extended[extended.count - 1] = element
            if try !next.push(extended) { return false }
        }
        return true
    }

    func finish() throws(QueryError) { try next.finish() }
}

/// Computes the projected items; with `keepInput`, the input row follows them (for ORDER BY).
final class ProjectSink: RowSink {
    private let items: [Evaluator]
    private let keepInput: Bool
    private let next: RowSink

    init(items: [Evaluator], keepInput: Bool, next: RowSink) {
        self.items = items
        self.keepInput = keepInput
        self.next = next
    }

    func push(_ row: Row) throws(QueryError) -> Bool {
        var output = try items.evaluate(row)
        if keepInput { output += row }
        return try next.push(output)
    }

    func finish() throws(QueryError) { try next.finish() }
}

/// Drops rows equivalent to one already passed.
final class DistinctSink: RowSink {
    private var seen: Set<Row> = []
    private let next: RowSink

    init(next: RowSink) {
        self.next = next
    }

    func push(_ row: Row) throws(QueryError) -> Bool {
        seen.insert(row).inserted ? try next.push(row) : true
    }

    func finish() throws(QueryError) { try next.finish() }
}

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

/// SKIP and LIMIT; reaching the limit asks the producers to stop.
final class SliceSink: RowSink {
    private var toSkip: Int
    private var remaining: Int?
    private let next: RowSink

    init(skip: Int, limit: Int?, next: RowSink) {
        toSkip = skip
        remaining = limit
        self.next = next
    }

    func push(_ row: Row) throws(QueryError) -> Bool {
        if toSkip > 0 {
            toSkip -= 1
            return true
        }
        guard let left = remaining else { return try next.push(row) }
        guard left > 0 else { return false }
        remaining = left - 1
        let wantsMore = try next.push(row)
        return wantsMore && left > 1
    }

    func finish() throws(QueryError) { try next.finish() }
}

/// Keeps the first `width` values of each row (drops what ORDER BY needed).
final class TrimSink: RowSink {
    private let width: Int
    private let next: RowSink

    init(width: Int, next: RowSink) {
        self.width = width
        self.next = next
    }

    func push(_ row: Row) throws(QueryError) -> Bool {
        try next.push(Array(row.prefix(width)))
    }

    func finish() throws(QueryError) { try next.finish() }
}

/// CALL inside a query: one output row per procedure row, yielded fields appended.
final class CallSink: RowSink {
    private let procedure: QueryProcedure
    private let arguments: [Evaluator]
    private let fields: [Int]
    private let position: QueryPosition
    private let next: RowSink

    init(procedure: QueryProcedure, arguments: [Evaluator], fields: [Int], position: QueryPosition, next: RowSink) {
        self.procedure = procedure
        self.arguments = arguments
        self.fields = fields
        self.position = position
        self.next = next
    }

    func push(_ row: Row) throws(QueryError) -> Bool {
        let values = try arguments.evaluate(row)
        let output: [[QueryValue]]
        do {
            output = try procedure.body(values)
        } catch {
            throw QueryError(error.kind, error.message, at: error.position ?? position)
        }
        for record in output where try !next.push(row + fields.map { record[$0] }) { return false }
        return true
    }

    func finish() throws(QueryError) { try next.finish() }
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
