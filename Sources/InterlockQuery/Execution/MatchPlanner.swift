/// Plans one MATCH (or a pattern predicate): gives every pattern element a slot, picks the
/// order in which to bind them, and places each WHERE conjunct after the step that binds its
/// last variable.
///
/// The order starts from the most selective node: one already bound, then one found by its
/// `id` (an equality or IN on `id` in the pattern or WHERE), then the smallest label, and
/// expands from there along the chain through the CSR adjacency. Parts sharing a bound node
/// come next; disconnected parts multiply.
struct MatchPlanner<Graph: QueryableGraph> {
    let context: ExecutionContext<Graph>
    let inputScope: Scope

    /// The slots given to one pattern part.
    private struct PartSlots {
        var nodes: [Int] = []
        var relationships: [Int] = []
        var path: Int?
    }

    /// A filter waiting for its slots to be bound.
    private struct Pending {
        var needed: Set<Int>
        var filter: MatchPlan<Graph>.Filter
    }

    /// What the planner accumulates while choosing steps.
    private struct Builder {
        var steps: [MatchStep] = []
        var filters: [[MatchPlan<Graph>.Filter]] = [[]]
        var checks: [NodeCheck<Graph>?] = []
        var relationshipChecks: [[PropertyCheck]] = []
        var bound: Set<Int>
        var pending: [Pending]

        mutating func add(_ step: MatchStep, check: NodeCheck<Graph>?, relationshipChecks: [PropertyCheck] = [], binds: [Int]) {
            steps.append(step)
            checks.append(check)
            self.relationshipChecks.append(relationshipChecks)
            filters.append([])
            bound.formUnion(binds)
            placeReady()
        }

        /// Moves every pending filter whose slots are now bound to the current point.
        mutating func placeReady() {
            var waiting: [Pending] = []
            for item in pending {
                if item.needed.isSubset(of: bound) {
                    filters[filters.count - 1].append(item.filter)
                } else {
                    waiting.append(item)
                }
            }
            pending = waiting
        }
    }

    /// Plans `patterns` filtered by `predicate`. With `counting`, the names of the variables
    /// read after the MATCH by a counting aggregation, the plan may end in a counted tail.
    func plan(
        _ patterns: [PatternPart], predicate: Expression?, counting live: Set<String>? = nil
    ) throws(QueryError) -> MatchPlan<Graph> {
        var scope = inputScope
        let parts = try allocate(patterns, in: &scope)
        let compiler = ExpressionCompiler(context: context, scope: scope)
        let inputNames = Set(inputScope.visibleNames)
        var pending: [Pending] = []
        for conjunct in predicate?.conjuncts ?? [] {
            pending.append(Pending(needed: slots(of: conjunct.freeVariables, in: scope), filter: try compiler.compilePredicate(conjunct)))
        }
        var builder = Builder(bound: Set(0..<inputScope.count), pending: [])
        // Node checks and relationship checks, by slot, for each occurrence in the pattern.
        var nodeChecks: [[NodeCheck<Graph>]] = []
        var relationshipChecks: [[[PropertyCheck]]] = []
        var idSources: [Int: Evaluator] = [:]
        for (part, slotsOfPart) in zip(patterns, parts) {
            var partChecks: [NodeCheck<Graph>] = []
            for (node, slot) in zip(part.nodes, slotsOfPart.nodes) {
                let (check, dependent, ids) = try nodeCheck(node, slot: slot, compiler: compiler, inputNames: inputNames)
                partChecks.append(check)
                pending += dependent
                if let ids, idSources[slot] == nil { idSources[slot] = ids }
            }
            nodeChecks.append(partChecks)
            var partRelationshipChecks: [[PropertyCheck]] = []
            for (step, slot) in zip(part.steps, slotsOfPart.relationships) {
                let (checks, dependent) = try relationshipCheck(
                    step.relationship, slot: slot, compiler: compiler, inputNames: inputNames)
                partRelationshipChecks.append(checks)
                pending += dependent
            }
            relationshipChecks.append(partRelationshipChecks)
        }
        for conjunct in predicate?.conjuncts ?? [] {
            if let (slot, ids) = try idLookup(conjunct, scope: scope, compiler: compiler, inputNames: inputNames),
               idSources[slot] == nil {
                idSources[slot] = ids
            }
        }
        builder.pending = pending
        builder.placeReady()

        var remaining = Array(patterns.indices)
        while !remaining.isEmpty {
            let costs = remaining.map { partCost(patterns[$0], parts[$0], builder.bound, idSources) }
            let choice = costs.indices.min { costs[$0].cost < costs[$1].cost } ?? 0
            let index = remaining.remove(at: choice)
            try emit(
                patterns[index], parts[index], startingAt: costs[choice].start, nodeChecks: nodeChecks[index],
                relationshipChecks: relationshipChecks[index], idSources: idSources, into: &builder)
        }
        for slotsOfPart in parts {
            guard let pathSlot = slotsOfPart.path else { continue }
            let shape = PathShape(nodes: slotsOfPart.nodes, relationships: slotsOfPart.relationships)
            builder.add(.path(slot: pathSlot, shape: shape), check: nil, binds: [pathSlot])
        }
        // Whatever is left (nothing, for a checked query) runs at the end.
        builder.filters[builder.filters.count - 1] += builder.pending.map(\.filter)
        let countedFrom = live.map { countedTail(builder, live: slots(of: $0, in: scope)) } ?? builder.steps.count
        return MatchPlan(
            steps: builder.steps, filters: builder.filters, scope: scope, context: context, checks: builder.checks,
            relationshipChecks: builder.relationshipChecks, countedFrom: countedFrom)
    }

    /// The first step of the longest run of final steps whose matches can be counted rather
    /// than enumerated: scans, single hops and checks of bound nodes that bind only slots
    /// nothing reads afterwards (not `live`, not read by a later counted step, no filter
    /// placed after them), with relationship types that pairwise exclude each other, so that
    /// no two counted hops can take the same relationship and the number of completions is
    /// the product of each step's number of candidates. Variable-length hops, shortest paths
    /// and paths end the run.
    private func countedTail(_ builder: Builder, live: Set<Int>) -> Int {
        var start = builder.steps.count
        // Slots a counted step must not bind: read after the MATCH, or by a later counted step.
        var read = live
        var typeMasks: [[Bool]?] = []
        while start > 0, builder.filters[start].isEmpty {
            switch builder.steps[start - 1] {
            case .scan(let slot, _) where !read.contains(slot):
                break
            case .verify(let slot):
                read.insert(slot)
            case .expand(let expansion)
            where !expansion.targetBound && !expansion.relationshipBound
                && read.isDisjoint(with: [expansion.hop.to, expansion.hop.relationship])
                && !typeMasks.contains(where: { Self.overlap($0, expansion.hop.types) }):
                read.insert(expansion.hop.from)
                typeMasks.append(expansion.hop.types)
            default:
                return start
            }
            start -= 1
        }
        return start
    }

    /// Whether some relationship type passes both masks (nil passes every type).
    private static func overlap(_ first: [Bool]?, _ second: [Bool]?) -> Bool {
        guard let first, let second else { return true }
        return zip(first, second).contains { $0 && $1 }
    }

    /// Gives each node, relationship and path of the patterns a slot; a name already in scope
    /// (from earlier clauses or earlier in this MATCH) keeps its slot.
    private func allocate(_ patterns: [PatternPart], in scope: inout Scope) throws(QueryError) -> [PartSlots] {
        var relationshipNames: Set<String> = []
        var nodeNames: Set<String> = []
        var result: [PartSlots] = []
        for part in patterns {
            var slots = PartSlots()
            for node in part.nodes {
                guard let name = node.variable else {
                    slots.nodes.append(scope.addHidden())
                    continue
                }
                if relationshipNames.contains(name) {
                    throw QueryError(.semantic, "'\(name)' names a relationship, not a node", at: node.position)
                }
                nodeNames.insert(name)
                slots.nodes.append(scope.slot(of: name) ?? scope.add(name))
            }
            for step in part.steps {
                let relationship = step.relationship
                guard let name = relationship.variable else {
                    slots.relationships.append(scope.addHidden())
                    continue
                }
                if nodeNames.contains(name) {
                    throw QueryError(.semantic, "'\(name)' names a node, not a relationship", at: relationship.position)
                }
                if let existing = scope.slot(of: name) {
                    guard relationship.length == nil, part.shortest == nil else {
                        throw QueryError(
                            .semantic, "variable-length relationship '\(name)' is already bound", at: relationship.position)
                    }
                    slots.relationships.append(existing)
                } else {
                    slots.relationships.append(scope.add(name))
                }
                relationshipNames.insert(name)
            }
            if let path = part.pathVariable {
                guard scope.slot(of: path) == nil else {
                    throw QueryError(.semantic, "path variable '\(path)' is already bound", at: part.position)
                }
                slots.path = scope.add(path)
            }
            result.append(slots)
        }
        return result
    }

    private func slots(of names: Set<String>, in scope: Scope) -> Set<Int> {
        Set(names.compactMap { scope.slot(of: $0) })
    }

    /// The label and constant property checks of a node pattern, the property checks that
    /// depend on other elements of the MATCH (as pending filters), and an `id` lookup if any.
    private func nodeCheck(
        _ node: NodePattern, slot: Int, compiler: ExpressionCompiler<Graph>, inputNames: Set<String>
    ) throws(QueryError) -> (NodeCheck<Graph>, [Pending], Evaluator?) {
        let graph = context.graph
        let masks = node.labels.map { group in
            graph.labels.map { group.contains($0) }
        }
        var check = NodeCheck(labelMasks: masks, properties: [], graph: graph)
        var dependent: [Pending] = []
        var ids: Evaluator?
        for entry in node.properties {
            let value = try compiler.compile(entry.value)
            let free = entry.value.freeVariables
            if free.isSubset(of: inputNames) {
                check.properties.append(PropertyCheck(key: entry.key, value: value))
                if entry.key == "id" { ids = value }
            } else {
                let key = entry.key
                let filter: MatchPlan<Graph>.Filter = { row throws(QueryError) in
                    guard case .node(let bound) = row[slot] else { return false }
                    return graph.property(key, ofNode: bound).equals(try value(row)) == true
                }
                dependent.append(Pending(needed: slots(of: free, in: compiler.scope).union([slot]), filter: filter))
            }
        }
        return (check, dependent, ids)
    }

    /// The constant property checks of a relationship pattern, and the dependent ones as filters.
    private func relationshipCheck(
        _ relationship: RelationshipPattern, slot: Int, compiler: ExpressionCompiler<Graph>, inputNames: Set<String>
    ) throws(QueryError) -> ([PropertyCheck], [Pending]) {
        let graph = context.graph
        var checks: [PropertyCheck] = []
        var dependent: [Pending] = []
        for entry in relationship.properties {
            let value = try compiler.compile(entry.value)
            let free = entry.value.freeVariables
            if free.isSubset(of: inputNames) {
                checks.append(PropertyCheck(key: entry.key, value: value))
                continue
            }
            let key = entry.key
            let filter: MatchPlan<Graph>.Filter = { row throws(QueryError) in
                let expected = try value(row)
                let relationships: [QueryValue]
                switch row[slot] {
                case .list(let list): relationships = list
                case let single: relationships = [single]
                }
                return relationships.allSatisfy { element in
                    guard case .relationship(let edge) = element else { return false }
                    return graph.property(key, ofRelationship: edge).equals(expected) == true
                }
            }
            dependent.append(Pending(needed: slots(of: free, in: compiler.scope).union([slot]), filter: filter))
        }
        return (checks, dependent)
    }

    /// `n.id = value`, `value = n.id` or `n.id IN list` with a value known before the MATCH.
    private func idLookup(
        _ conjunct: Expression, scope: Scope, compiler: ExpressionCompiler<Graph>, inputNames: Set<String>
    ) throws(QueryError) -> (Int, Evaluator)? {
        guard case .binary(let op, let left, let right) = conjunct.kind, op == .equal || op == .in else { return nil }
        let sides = op == .in ? [(left, right)] : [(left, right), (right, left)]
        for (property, value) in sides {
            guard case .property(let base, key: "id") = property.kind, case .variable(let name) = base.kind,
                  !inputNames.contains(name), let slot = scope.slot(of: name),
                  value.freeVariables.isSubset(of: inputNames) else { continue }
            return (slot, try compiler.compile(value))
        }
        return nil
    }

    /// The cheapest node to start a part from and an estimate of how many candidates it has.
    private func partCost(
        _ part: PatternPart, _ slots: PartSlots, _ bound: Set<Int>, _ idSources: [Int: Evaluator]
    ) -> (cost: Int, start: Int) {
        let costs = zip(part.nodes, slots.nodes).map { node, slot in
            nodeCost(node, slot: slot, bound: bound, idSources: idSources)
        }
        if part.shortest != nil {
            // Both ends are bound before the search; the start is always the first node.
            return (costs.reduce(1) { $0.multipliedReportingOverflow(by: $1).partialValue }, 0)
        }
        let start = costs.indices.min { costs[$0] < costs[$1] } ?? 0
        return (costs[start], start)
    }

    private func nodeCost(_ node: NodePattern, slot: Int, bound: Set<Int>, idSources: [Int: Evaluator]) -> Int {
        if bound.contains(slot) { return 0 }
        if idSources[slot] != nil { return 1 }
        guard let group = node.labels.first else { return context.graph.nodeCount + 1 }
        return labelRanges(group).reduce(0) { $0 + $1.count }
    }

    private func labelRanges(_ group: [String]) -> [Range<Int>] {
        let graph = context.graph
        return graph.labels.indices.filter { group.contains(graph.labels[$0]) }.map { graph.nodes(withLabelIndex: $0) }
    }

    /// Adds the steps for one part, from its start node rightwards, then leftwards.
    private func emit(
        _ part: PatternPart, _ slots: PartSlots, startingAt start: Int, nodeChecks: [NodeCheck<Graph>],
        relationshipChecks: [[PropertyCheck]], idSources: [Int: Evaluator], into builder: inout Builder
    ) throws(QueryError) {
        func bindNode(_ position: Int) {
            let slot = slots.nodes[position]
            if builder.bound.contains(slot) {
                builder.add(.verify(slot: slot), check: nodeChecks[position], binds: [])
                return
            }
            let source: NodeSource
            var check: NodeCheck<Graph>? = nodeChecks[position]
            if let ids = idSources[slot] {
                source = .ids(ids)
            } else if let group = part.nodes[position].labels.first {
                source = .labels(labelRanges(group))
                // The scan yields only nodes of that group's labels: its check would be asked
                // of every candidate for nothing.
                check?.labelMasks.removeFirst()
            } else {
                source = .all
            }
            if let remaining = check, remaining.labelMasks.isEmpty, remaining.properties.isEmpty { check = nil }
            builder.add(.scan(slot: slot, source: source), check: check, binds: [slot])
        }
        bindNode(start)
        if let shortest = part.shortest {
            guard part.steps.count == 1 else {
                throw QueryError(.semantic, "\(shortest.rawValue) needs a pattern with exactly one relationship", at: part.position)
            }
            bindNode(1)
            emitShortest(part, slots, shortest, relationshipChecks: relationshipChecks, into: &builder)
            return
        }
        for index in part.steps.indices where index >= start {
            addExpansion(part, slots, step: index, fromLeft: true, nodeChecks, relationshipChecks, into: &builder)
        }
        for index in part.steps.indices.reversed() where index < start {
            addExpansion(part, slots, step: index, fromLeft: false, nodeChecks, relationshipChecks, into: &builder)
        }
    }

    private func addExpansion(
        _ part: PatternPart, _ slots: PartSlots, step index: Int, fromLeft: Bool, _ nodeChecks: [NodeCheck<Graph>],
        _ relationshipChecks: [[PropertyCheck]], into builder: inout Builder
    ) {
        let relationship = part.steps[index].relationship
        let (from, to) = fromLeft ? (index, index + 1) : (index + 1, index)
        var direction = relationship.direction
        if !fromLeft {
            direction = direction == .outgoing ? .incoming : direction == .incoming ? .outgoing : .either
        }
        let toSlot = slots.nodes[to], relationshipSlot = slots.relationships[index]
        let hop = Hop(
            from: slots.nodes[from], to: toSlot, relationship: relationshipSlot, types: typeMask(relationship.types),
            direction: direction, length: hopBounds(relationship.length))
        let expansion = Expansion(
            hop: hop, targetBound: builder.bound.contains(toSlot), relationshipBound: builder.bound.contains(relationshipSlot),
            reversed: !fromLeft, isRead: relationship.variable != nil || part.pathVariable != nil)
        let step: MatchStep = relationship.length == nil ? .expand(expansion) : .expandVariable(expansion)
        builder.add(step, check: nodeChecks[to], relationshipChecks: relationshipChecks[index], binds: [toSlot, relationshipSlot])
    }

    private func emitShortest(
        _ part: PatternPart, _ slots: PartSlots, _ kind: PatternPart.Shortest,
        relationshipChecks: [[PropertyCheck]], into builder: inout Builder
    ) {
        let relationship = part.steps[0].relationship
        let length = relationship.length.map { RelationshipPattern.Length(minimum: $0.minimum, maximum: $0.maximum ?? Int.max) }
        let hop = Hop(
            from: slots.nodes[0], to: slots.nodes[1], relationship: slots.relationships[0],
            types: typeMask(relationship.types), direction: relationship.direction,
            length: hopBounds(length ?? RelationshipPattern.Length(minimum: 1, maximum: 1)))
        let search = ShortestSearch(hop: hop, all: kind == .allShortestPaths)
        builder.add(.shortest(search), check: nil, relationshipChecks: relationshipChecks[0], binds: [slots.relationships[0]])
    }

    private func typeMask(_ types: [String]) -> [Bool]? {
        types.isEmpty ? nil : context.graph.relationshipTypes.map { types.contains($0) }
    }

    private func hopBounds(_ length: RelationshipPattern.Length?) -> ClosedRange<Int> {
        guard let length else { return 1...1 }
        let minimum = length.minimum ?? 1
        let maximum = length.maximum ?? max(minimum, QueryLimits.defaultMaximumHops)
        // An empty range (`*..0`, `*2..1`) takes no path: -1...-1 binds no start node (the
        // lower bound is not 0) and takes no hop (the upper bound is not positive).
        return maximum < minimum ? -1 ... -1 : minimum...maximum
    }
}

extension ExpressionCompiler {
    /// A pattern used as a predicate: true when at least one match extends the row. Its
    /// variables must already be bound (openCypher forbids new ones there).
    func compilePatternPredicate(_ part: PatternPart) throws(QueryError) -> Evaluator {
        for name in part.variables where scope.slot(of: name) == nil {
            throw QueryError(
                .semantic, "a pattern predicate cannot introduce the new variable '\(name)'", at: part.position)
        }
        let plan = try MatchPlanner(context: context, inputScope: scope).plan([part], predicate: nil)
        return { row throws(QueryError) in .boolean(try plan.matches(extending: row, firstOnly: true) > 0) }
    }

    /// `size((a)-->())`: how many matches extend the row (a pattern as a value is the list of
    /// its matches; only its size is needed).
    func compilePatternCount(_ part: PatternPart) throws(QueryError) -> Evaluator {
        try compileSubquery(.count, [part], nil)
    }

    /// `[(a)-->(b) WHERE filter | projection]`: the projection of each match, in match order.
    func compilePatternComprehension(
        _ part: PatternPart, _ filter: Expression?, _ projection: Expression
    ) throws(QueryError) -> Evaluator {
        let plan = try MatchPlanner(context: context, inputScope: scope).plan([part], predicate: filter)
        var inner = self
        inner.scope = plan.scope
        let value = try inner.compile(projection)
        let width = plan.scope.count
        let budget = context.budget
        let position = part.position
        return { row throws(QueryError) in
            var output: [QueryValue] = []
            _ = try plan.run(row.padded(to: width)) { (match) throws(QueryError) in
                output.append(try value(match))
                try budget.checkSize(output.count, at: position)
                return true
            }
            return .list(output)
        }
    }

    /// `EXISTS { pattern WHERE filter }`: whether a match extends the row; `COUNT { ... }`: how
    /// many. The patterns may introduce variables, local to the subquery.
    func compileSubquery(
        _ kind: Expression.Subquery, _ patterns: [PatternPart], _ filter: Expression?
    ) throws(QueryError) -> Evaluator {
        let plan = try MatchPlanner(context: context, inputScope: scope).plan(patterns, predicate: filter)
        let firstOnly = kind == .exists
        return { row throws(QueryError) in
            let matches = try plan.matches(extending: row, firstOnly: firstOnly)
            return firstOnly ? .boolean(matches > 0) : .integer(matches)
        }
    }
}
