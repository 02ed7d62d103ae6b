/// A compiled MATCH: steps that bind the pattern's nodes and relationships in the planned
/// order, with the WHERE conjuncts placed right after the step that binds their last variable.
///
/// Running it is a depth-first search over the steps (the recursion is as deep as the
/// pattern is long, never as deep as the graph); variable-length expansion and shortest-path
/// search are iterative. Relationships are unique within one MATCH, as openCypher requires.
final class MatchPlan<Graph: QueryableGraph> {
    /// A filter placed in the plan.
    typealias Filter = (Row) throws(QueryError) -> Bool

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

    init(
        steps: [MatchStep], filters: [[Filter]], scope: Scope, context: ExecutionContext<Graph>,
        checks: [NodeCheck<Graph>?], relationshipChecks: [[PropertyCheck]]
    ) {
        self.steps = steps
        self.filters = filters
        self.scope = scope
        self.context = context
        self.checks = checks
        self.relationshipChecks = relationshipChecks
    }

    /// Calls `emit` with every match of the pattern extending `row` (which has this plan's
    /// width); stops early when `emit` returns false, and then returns false.
    func run(_ row: Row, emit: (Row) throws(QueryError) -> Bool) throws(QueryError) -> Bool {
        var row = row
        var used: [Int] = []
        return try run(step: 0, &row, &used, emit)
    }

    /// Whether at least one match extends `row`.
    func exists(_ row: Row) throws(QueryError) -> Bool {
        var found = false
        _ = try run(row) { _ in
            found = true
            return false
        }
        return found
    }

    private func run(
        step index: Int, _ row: inout Row, _ used: inout [Int], _ emit: (Row) throws(QueryError) -> Bool
    ) throws(QueryError) -> Bool {
        try context.tick()
        for filter in filters[index] where try !filter(row) { return true }
        guard index < steps.count else { return try emit(row) }
        let graph = context.graph
        switch steps[index] {
        case .scan(let slot, let source):
            let check = checks[index]
            return try source.forEachCandidate(row: row, graph: graph) { (node) throws(QueryError) in
                guard try check?.accepts(node, row) ?? true else { return true }
                row[slot] = .node(node)
                return try run(step: index + 1, &row, &used, emit)
            }
        case .verify(let slot):
            switch row[slot] {
            case .null: return true
            case .node(let node):
                guard try checks[index]?.accepts(node, row) ?? true else { return true }
                return try run(step: index + 1, &row, &used, emit)
            case let other:
                throw QueryError(.runtime, "'\(scope.names[slot])' is a \(other.typeName), not a Node")
            }
        case .expand(let expansion):
            return try expand(expansion, step: index, &row, &used, emit)
        case .expandVariable(let expansion):
            return try expandVariable(expansion, step: index, &row, &used, emit)
        case .shortest(let search):
            return try shortest(search, step: index, &row, &used, emit)
        case .path(let slot, let shape):
            row[slot] = shape.path(in: row, graph: graph).map(QueryValue.path) ?? .null
            return try run(step: index + 1, &row, &used, emit)
        }
    }

    /// One hop from a bound node.
    private func expand(
        _ expansion: Expansion, step index: Int, _ row: inout Row, _ used: inout [Int],
        _ emit: (Row) throws(QueryError) -> Bool
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
        return try graph.forEachEdge(of: from, expansion.hop.direction, types: expansion.hop.types) { (edge, other) throws(QueryError) in
            if let boundRelationship, edge != boundRelationship { return true }
            guard !used.contains(edge), try accepts(relationship: edge, step: index, row),
                  try acceptsTarget(other, expansion, step: index, row) else { return true }
            row[expansion.hop.to] = .node(other)
            row[expansion.hop.relationship] = .relationship(edge)
            used.append(edge)
            defer { used.removeLast() }
            return try run(step: index + 1, &row, &used, emit)
        }
    }

    /// `*min..max` from a bound node: every trail (no relationship twice) of an allowed length,
    /// by an explicit-stack depth-first search.
    private func expandVariable(
        _ expansion: Expansion, step index: Int, _ row: inout Row, _ used: inout [Int],
        _ emit: (Row) throws(QueryError) -> Bool
    ) throws(QueryError) -> Bool {
        guard case .node(let from) = row[expansion.hop.from] else { return true }
        let graph = context.graph
        let bounds = expansion.hop.length
        var trail: [Int] = []
        func bind(_ end: Int) throws(QueryError) -> Bool {
            guard try acceptsTarget(end, expansion, step: index, row) else { return true }
            row[expansion.hop.to] = .node(end)
            if expansion.isRead {
                let ordered = expansion.reversed ? trail.reversed() : trail
                row[expansion.hop.relationship] = .list(ordered.map(QueryValue.relationship))
            }
            return try run(step: index + 1, &row, &used, emit)
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
            guard !used.contains(edge), try accepts(relationship: edge, step: index, row) else { continue }
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
        _ emit: (Row) throws(QueryError) -> Bool
    ) throws(QueryError) -> Bool {
        guard case .node(let from) = row[search.hop.from], case .node(let to) = row[search.hop.to] else { return true }
        let bindings = row
        let finder = ShortestPathFinder(graph: context.graph, context: context, search: search) { (edge) throws(QueryError) in
            try self.accepts(relationship: edge, step: index, bindings)
        }
        for relationships in try finder.paths(from: from, to: to) {
            row[search.hop.relationship] = .list(relationships.map(QueryValue.relationship))
            if try !run(step: index + 1, &row, &used, emit) { return false }
        }
        return true
    }

    private func accepts(relationship: Int, step index: Int, _ row: Row) throws(QueryError) -> Bool {
        for check in relationshipChecks[index] {
            let actual = context.graph.property(check.key, ofRelationship: relationship)
            guard actual.equals(try check.value(row)) == true else { return false }
        }
        return true
    }

    private func acceptsTarget(_ node: Int, _ expansion: Expansion, step index: Int, _ row: Row) throws(QueryError) -> Bool {
        if expansion.targetBound {
            guard case .node(let bound) = row[expansion.hop.to], bound == node else { return false }
        }
        return try checks[index]?.accepts(node, row) ?? true
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
