// The sinks that pass rows on as they come, holding nothing back.

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
    private let deadline: QueryDeadline
    private let next: RowSink

    init(list: @escaping Evaluator, deadline: QueryDeadline, next: RowSink) {
        self.list = list
        self.deadline = deadline
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
            try deadline.tick()
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
        guard keepInput else { return try next.push(try items.evaluate(row)) }
        // The input goes after the items: room for it from the start, not a second array.
        var output: Row = []
        output.reserveCapacity(items.count + row.count)
        for item in items { output.append(try item(row)) }
        output += row
        return try next.push(output)
    }

    func finish() throws(QueryError) { try next.finish() }
}

/// Drops rows equivalent to one already passed; the rows remembered count against the budget.
final class DistinctSink: RowSink {
    private var seen: Set<Row> = []
    private let budget: QueryBudget
    private let next: RowSink

    init(budget: QueryBudget, next: RowSink) {
        self.budget = budget
        self.next = next
    }

    func push(_ row: Row) throws(QueryError) -> Bool {
        guard seen.insert(row).inserted else { return true }
        try budget.hold(row)
        return try next.push(row)
    }

    func finish() throws(QueryError) { try next.finish() }
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
