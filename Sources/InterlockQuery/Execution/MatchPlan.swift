/// A compiled MATCH: steps that bind the pattern's nodes and relationships in the planned
/// order, with the WHERE conjuncts placed right after the step that binds their last variable.
///
/// Running it is a depth-first search over the steps (the recursion is as deep as the
/// pattern is long, never as deep as the graph); variable-length expansion and shortest-path
/// search are iterative. Relationships are unique within one MATCH, as openCypher requires.
///
/// A plan made for a counting aggregation may end in a counted tail (`countedFrom`): steps
/// that bind only what nothing after the MATCH reads, independent of each other. `count`
/// stops the search there and multiplies the numbers of candidates of those steps instead of
/// enumerating their combinations (see `MatchPlanner.countedTail`).
final class MatchPlan<Graph: QueryableGraph> {
    /// A filter placed in the plan.
    typealias Filter = (Row) throws(QueryError) -> Bool
    /// Receives a match and the number of matches it stands for; false stops the search.
    typealias CountedEmit = (Row, Int) throws(QueryError) -> Bool

    /// The step list, in order.
    let steps: [MatchStep]
    /// `filters[i]` run before step `i`; `filters[steps.count]` before a match is emitted.
    let filters: [[Filter]]
    /// The scope of the rows the plan fills: the input's slots, then the pattern's.
    let scope: Scope
    let context: ExecutionContext<Graph>
    /// Slot values and their checks, per step, compiled.
    let checks: [NodeCheck<Graph>?]
    let relationshipChecks: [[PropertyCheck]]
    /// The first step of the counted tail; `steps.count` when there is none.
    let countedFrom: Int
    /// Set when the whole plan is one hop from a node the row binds (`(i)-[:SUPPORTS]->(:Goal)`
    /// in `NOT EXISTS { … }`), with nothing to check but labels, types and a bound end: a
    /// semi-join. Existence tests and counts then walk the node's relationships directly, with
    /// no row to pad, copy and fill per test.
    private let singleHop: (verified: Int?, expansion: Expansion)?

    init(
        steps: [MatchStep], filters: [[Filter]], scope: Scope, context: ExecutionContext<Graph>,
        checks: [NodeCheck<Graph>?], relationshipChecks: [[PropertyCheck]], countedFrom: Int
    ) {
        self.steps = steps
        self.filters = filters
        self.scope = scope
        self.context = context
        self.checks = checks
        self.relationshipChecks = relationshipChecks
        self.countedFrom = countedFrom
        singleHop = Self.singleHop(steps: steps, filters: filters, checks: checks, relationshipChecks: relationshipChecks)
    }

    /// The hop of a plan that is one `expand` (after a `verify` of its start, if any) with no
    /// filter, no property to compare and no bound relationship; nil for any other plan.
    private static func singleHop(
        steps: [MatchStep], filters: [[Filter]], checks: [NodeCheck<Graph>?], relationshipChecks: [[PropertyCheck]]
    ) -> (verified: Int?, expansion: Expansion)? {
        guard filters.allSatisfy(\.isEmpty), relationshipChecks.allSatisfy(\.isEmpty),
              checks.allSatisfy({ $0?.properties.isEmpty ?? true }), case .expand(let expansion)? = steps.last,
              !expansion.relationshipBound
        else { return nil }
        switch steps.count {
        case 1: return (nil, expansion)
        case 2:
            guard case .verify(let slot) = steps[0], slot == expansion.hop.from else { return nil }
            return (slot, expansion)
        default: return nil
        }
    }

    /// How many matches extend `row`, which may be narrower than the plan (its slots are
    /// padded with nulls when the search needs them); with `firstOnly`, 1 at the first.
    func matches(extending row: Row, firstOnly: Bool) throws(QueryError) -> Int {
        guard let (verified, expansion) = singleHop else {
            var count = 0
            _ = try run(row.count < scope.count ? row.padded(to: scope.count) : row) { _ in
                count += 1
                return !firstOnly
            }
            return count
        }
        try context.tick()
        if let verified, try !verifies(verified, step: 0, row) { return 0 }
        guard case .node(let from) = row[expansion.hop.from] else { return 0 }
        let target = checks[steps.count - 1]
        var count = 0
        _ = try context.graph.forEachEdge(of: from, expansion.hop.direction, types: expansion.hop.types) { (_, other) throws(QueryError) in
            if expansion.targetBound {
                guard case .node(let bound) = row[expansion.hop.to], bound == other else { return true }
            }
            guard try target?.accepts(other, row) ?? true else { return true }
            count += 1
            return !firstOnly
        }
        return count
    }

    /// Whether the plan ends in a counted tail.
    var countsTail: Bool { countedFrom < steps.count }

    /// Calls `emit` with every match of the pattern extending `row` (which has this plan's
    /// width); stops early when `emit` returns false, and then returns false.
    func run(_ row: Row, emit: (Row) throws(QueryError) -> Bool) throws(QueryError) -> Bool {
        var row = row
        var used: [Int] = []
        return try run(step: 0, &row, &used, countFrom: steps.count) { (match, _) throws(QueryError) in try emit(match) }
    }

    /// Like `run`, but stops at the counted tail: `emit` gets each match of the steps before
    /// it (the tail's slots left as they were) with how many ways the tail completes it,
    /// when that is at least one.
    func count(_ row: Row, emit: CountedEmit) throws(QueryError) -> Bool {
        var row = row
        var used: [Int] = []
        return try run(step: 0, &row, &used, countFrom: countedFrom, emit)
    }

    private func run(
        step index: Int, _ row: inout Row, _ used: inout [Int], countFrom: Int, _ emit: CountedEmit
    ) throws(QueryError) -> Bool {
        try context.tick()
        for filter in filters[index] where try !filter(row) { return true }
        guard index < countFrom else {
            guard index < steps.count else { return try emit(row, 1) }
            let count = try countTail(from: index, row, used)
            return count == 0 ? true : try emit(row, count)
        }
        let graph = context.graph
        switch steps[index] {
        case .scan(let slot, let source):
            let check = checks[index]
            return try source.forEachCandidate(row: row, graph: graph) { (node) throws(QueryError) in
                guard try check?.accepts(node, row) ?? true else { return true }
                row[slot] = .node(node)
                return try run(step: index + 1, &row, &used, countFrom: countFrom, emit)
            }
        case .verify(let slot):
            guard try verifies(slot, step: index, row) else { return true }
            return try run(step: index + 1, &row, &used, countFrom: countFrom, emit)
        case .expand(let expansion):
            return try expand(expansion, step: index, &row, &used, countFrom: countFrom, emit)
        case .expandVariable(let expansion):
            return try expandVariable(expansion, step: index, &row, &used, countFrom: countFrom, emit)
        case .shortest(let search):
            return try shortest(search, step: index, &row, &used, countFrom: countFrom, emit)
        case .path(let slot, let shape):
            row[slot] = shape.path(in: row, graph: graph).map(QueryValue.path) ?? .null
            return try run(step: index + 1, &row, &used, countFrom: countFrom, emit)
        }
    }

    /// Whether the node bound in `slot` before a `.verify` step passes the step's check (null
    /// does not; a value that is not a node is an error).
    private func verifies(_ slot: Int, step index: Int, _ row: Row) throws(QueryError) -> Bool {
        switch row[slot] {
        case .null: return false
        case .node(let node): return try checks[index]?.accepts(node, row) ?? true
        case let other: throw QueryError(.runtime, "'\(scope.names[slot])' is a \(other.typeName), not a Node")
        }
    }

    /// One hop from a bound node.
    private func expand(
        _ expansion: Expansion, step index: Int, _ row: inout Row, _ used: inout [Int],
        countFrom: Int, _ emit: CountedEmit
    ) throws(QueryError) -> Bool {
        guard case .node(let from) = row[expansion.hop.from] else { return true }
        let graph = context.graph
        let boundRelationship: Int?
        if expansion.relationshipBound {
            guard case .relationship(let relationship) = row[expansion.hop.relationship] else { return true }
            boundRelationship = relationship
        } else {
            boundRelationship = nil
        }
        let hop = HopChecks(plan: self, expansion: expansion, step: index)
        return try graph.forEachEdge(of: from, expansion.hop.direction, types: expansion.hop.types) { (edge, other) throws(QueryError) in
            if let boundRelationship, edge != boundRelationship { return true }
            guard try hop.admits(edge, to: other, row, used) else { return true }
            row[expansion.hop.to] = .node(other)
            row[expansion.hop.relationship] = .relationship(edge)
            used.append(edge)
            defer { used.removeLast() }
            return try run(step: index + 1, &row, &used, countFrom: countFrom, emit)
        }
    }

    /// `*min..max` from a bound node: every trail (no relationship twice) of an allowed length,
    /// by an explicit-stack depth-first search.
    private func expandVariable(
        _ expansion: Expansion, step index: Int, _ row: inout Row, _ used: inout [Int],
        countFrom: Int, _ emit: CountedEmit
    ) throws(QueryError) -> Bool {
        guard case .node(let from) = row[expansion.hop.from] else { return true }
        let graph = context.graph
        let bounds = expansion.hop.length
        let hop = HopChecks(plan: self, expansion: expansion, step: index)
        var trail: [Int] = []
        func bind(_ end: Int) throws(QueryError) -> Bool {
            guard try hop.acceptsTarget(end, row) else { return true }
            row[expansion.hop.to] = .node(end)
            if expansion.isRead {
                let ordered = expansion.reversed ? trail.reversed() : trail
                row[expansion.hop.relationship] = .list(ordered.map(QueryValue.relationship))
            }
            return try run(step: index + 1, &row, &used, countFrom: countFrom, emit)
        }
        if bounds.lowerBound == 0, try !bind(from) { return false }
        guard bounds.upperBound > 0 else { return true }
        var stack = [EdgeCursor(edges: graph.adjacent(to: from, expansion.hop.direction, types: expansion.hop.types))]
        while !stack.isEmpty {
            try context.tick()
            guard let (edge, other) = stack[stack.count - 1].next() else {
                stack.removeLast()
                if !trail.isEmpty {
                    trail.removeLast()
                    used.removeLast()
                }
                continue
            }
            guard !used.contains(edge), try hop.accepts(relationship: edge, row) else { continue }
            trail.append(edge)
            used.append(edge)
            if trail.count >= bounds.lowerBound, try !bind(other) { return false }
            if trail.count < bounds.upperBound {
                stack.append(EdgeCursor(edges: graph.adjacent(to: other, expansion.hop.direction, types: expansion.hop.types)))
            } else {
                trail.removeLast()
                used.removeLast()
            }
        }
        return true
    }

    private func shortest(
        _ search: ShortestSearch, step index: Int, _ row: inout Row, _ used: inout [Int],
        countFrom: Int, _ emit: CountedEmit
    ) throws(QueryError) -> Bool {
        guard case .node(let from) = row[search.hop.from], case .node(let to) = row[search.hop.to] else { return true }
        let bindings = row
        let checks = relationshipChecks[index]
        let finder = ShortestPathFinder(graph: context.graph, context: context, search: search) { (edge) throws(QueryError) in
            try self.accepts(relationship: edge, checks, bindings)
        }
        for relationships in try finder.paths(from: from, to: to) {
            row[search.hop.relationship] = .list(relationships.map(QueryValue.relationship))
            if try !run(step: index + 1, &row, &used, countFrom: countFrom, emit) { return false }
        }
        return true
    }

    /// How many ways the counted steps from `index` on complete `row`: the product of their
    /// numbers of candidates, since the planner counts only steps independent of each other
    /// (none reads what another binds, no two can take the same relationship). Each candidate
    /// is a unit of work for the time limit, as when enumerating.
    private func countTail(from index: Int, _ row: Row, _ used: [Int]) throws(QueryError) -> Int {
        let graph = context.graph
        var total = 1
        for step in index..<steps.count {
            var candidates = 0
            switch steps[step] {
            case .scan(_, let source):
                let check = checks[step]
                _ = try source.forEachCandidate(row: row, graph: graph) { (node) throws(QueryError) in
                    try context.tick()
                    if try check?.accepts(node, row) ?? true { candidates += 1 }
                    return true
                }
            case .expand(let expansion):
                guard case .node(let from) = row[expansion.hop.from] else { return 0 }
                let hop = HopChecks(plan: self, expansion: expansion, step: step)
                // The relationships walked count as work at once, after the walk: ticking each
                // took a tenth of a counted OPTIONAL MATCH.
                var walked = 0
                _ = try graph.forEachEdge(of: from, expansion.hop.direction, types: expansion.hop.types) { (edge, other) throws(QueryError) in
                    walked += 1
                    if try hop.admits(edge, to: other, row, used) { candidates += 1 }
                    return true
                }
                try context.tick(walked)
            case .verify(let slot):
                candidates = try verifies(slot, step: step, row) ? 1 : 0
            case .expandVariable, .shortest, .path:
                preconditionFailure("the planner counts only scans, checks of bound nodes and single hops")
            }
            let (product, overflow) = total.multipliedReportingOverflow(by: candidates)
            guard !overflow else { throw QueryError(.runtime, "the number of matches overflows a 64-bit integer") }
            guard product > 0 else { return 0 }
            total = product
        }
        return total
    }

    /// Whether `relationship` passes the property checks of its pattern.
    fileprivate func accepts(relationship: Int, _ checks: [PropertyCheck], _ row: Row) throws(QueryError) -> Bool {
        for check in checks {
            let actual = context.graph.property(check.key, ofRelationship: relationship)
            guard actual.equals(try check.value(row)) == true else { return false }
        }
        return true
    }
}

/// The checks of one hop, fetched from the plan once per hop rather than once per candidate.
private struct HopChecks<Graph: QueryableGraph> {
    let plan: MatchPlan<Graph>
    let expansion: Expansion
    let nodeCheck: NodeCheck<Graph>?
    let relationshipChecks: [PropertyCheck]

    init(plan: MatchPlan<Graph>, expansion: Expansion, step: Int) {
        self.plan = plan
        self.expansion = expansion
        nodeCheck = plan.checks[step]
        relationshipChecks = plan.relationshipChecks[step]
    }

    /// Whether the hop may cross `edge` to `other`: not used earlier in the match, and
    /// passing the relationship's and the reached node's checks.
    func admits(_ edge: Int, to other: Int, _ row: Row, _ used: [Int]) throws(QueryError) -> Bool {
        guard !used.contains(edge), try accepts(relationship: edge, row) else { return false }
        return try acceptsTarget(other, row)
    }

    func accepts(relationship: Int, _ row: Row) throws(QueryError) -> Bool {
        guard !relationshipChecks.isEmpty else { return true }
        return try plan.accepts(relationship: relationship, relationshipChecks, row)
    }

    func acceptsTarget(_ node: Int, _ row: Row) throws(QueryError) -> Bool {
        if expansion.targetBound {
            guard case .node(let bound) = row[expansion.hop.to], bound == node else { return false }
        }
        return try nodeCheck?.accepts(node, row) ?? true
    }
}

/// Walks a list of adjacent (relationship, node) pairs, for the iterative searches.
struct EdgeCursor {
    let edges: [(Int, Int)]
    var position = 0

    mutating func next() -> (Int, Int)? {
        guard position < edges.count else { return nil }
        position += 1
        return edges[position - 1]
    }
}
