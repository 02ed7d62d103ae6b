/// Turns the clauses of a single query into a chain of `RowSink`s, tracking the scope from
/// clause to clause. The chain is built front to back as a list of stages, each a function of
/// the sink after it, then closed onto the result collector.
struct QueryPlanner<Graph: QueryableGraph> {
    /// A stage of the chain, waiting for the sink it feeds.
    typealias Stage = (RowSink) -> RowSink

    let context: ExecutionContext<Graph>

    /// The planned single query: its stages in order and its column names.
    struct Plan {
        var stages: [Stage]
        var columns: [String]

        /// The chain of sinks ending in `collector`.
        func chain(into collector: RowSink) -> RowSink {
            stages.reversed().reduce(collector) { next, stage in stage(next) }
        }
    }

    /// A MATCH with a counted tail, waiting for the aggregation right after it.
    struct CountedMatch {
        var matches: CountedMatchSink.Matcher
        var width: Int
        /// The variables the MATCH binds, never null in its matches: `count(v)` of one counts
        /// matches (not of one bound before it, which the row brings, null or not).
        var variables: Set<String>
        /// An OPTIONAL MATCH: a row it does not extend is kept once, its variables null.
        var optional: Bool
    }

    /// Plans one single query.
    func plan(_ query: SingleQuery) throws(QueryError) -> Plan {
        var scope = Scope()
        var stages: [Stage] = []
        var columns: [String]?
        var counted: CountedMatch?
        var labelScan: LabelScan?
        // The variables that hold a node or a relationship (or null): reading a property of
        // one cannot fail, which lets a top-k sort run before the projection.
        var entities: Set<String> = []
        for (index, clause) in query.clauses.enumerated() {
            let firstStage = stages.count
            switch clause {
            case .match(let match):
                let next = query.clauses.indices.contains(index + 1) ? query.clauses[index + 1] : nil
                let live = match.liveVariablesForCounting(then: next)
                let plan = try MatchPlanner(context: context, inputScope: scope)
                    .plan(match.patterns, predicate: match.predicate, counting: live)
                // What the MATCH binds itself: a variable bound before it may be null on a row
                // an OPTIONAL MATCH keeps, and counts like any value there.
                let binds = match.variables.subtracting(scope.names)
                scope = plan.scope
                entities.formUnion(match.entityVariables)
                let width = scope.count
                if plan.countsTail {
                    let matches: CountedMatchSink.Matcher = { (row, emit) throws(QueryError) in try plan.count(row, emit: emit) }
                    counted = CountedMatch(matches: matches, width: width, variables: binds, optional: match.optional)
                } else {
                    let matches: MatchSink.Matcher = { (row, emit) throws(QueryError) in try plan.run(row, emit: emit) }
                    let stage: Stage = { MatchSink(matches: matches, width: width, optional: match.optional, next: $0) }
                    labelScan = try self.labelScan(match, then: next, plan: plan, matchStage: stage, isFirst: index == 0)
                    if labelScan == nil { stages.append(stage) }
                }
            case .unwind(let unwind):
                let list = try ExpressionCompiler(context: context, scope: scope).compile(unwind.list)
                scope.add(unwind.variable)
                let deadline = context.deadline
                stages.append { UnwindSink(list: list, deadline: deadline, next: $0) }
            case .with(let projection):
                stages += try self.projection(
                    projection, scope: &scope, entities: &entities, isReturn: false, after: counted, over: labelScan)
                (counted, labelScan) = (nil, nil)
            case .return(let projection):
                stages += try self.projection(
                    projection, scope: &scope, entities: &entities, isReturn: true, after: counted, over: labelScan)
                (counted, labelScan) = (nil, nil)
                columns = scope.names
            case .call(let call):
                let names = try self.call(call, scope: &scope, stages: &stages)
                if query.clauses.count == 1 { columns = names }
            }
            for stage in stages.indices.dropFirst(firstStage) { stages[stage] = Self.located(stages[stage], at: clause.position) }
        }
        guard let columns else {
            throw QueryError(.semantic, "a query must end with RETURN", at: query.clauses.last?.position)
        }
        return Plan(stages: stages, columns: columns)
    }

    /// The stage, its time-limit and size-limit errors placed at its clause: they arise deep in
    /// the run, where no query text is at hand, and "1:1: timeout error" with a caret under the
    /// MATCH says which clause used the time. The innermost clause places them first.
    static func located(_ stage: @escaping Stage, at position: QueryPosition) -> Stage {
        { next in LocatedSink(stage(next), at: position) }
    }

    /// The stages of WITH or RETURN (and of the counted MATCH or label scan before it, if
    /// any); `scope` becomes the projected columns, and `entities` the ones that pass a node or
    /// relationship on.
    private func projection(
        _ projection: Projection, scope: inout Scope, entities: inout Set<String>, isReturn: Bool, after counted: CountedMatch?,
        over labelScan: LabelScan?
    ) throws(QueryError) -> [Stage] {
        let items = try expandedItems(projection, scope: scope, isReturn: isReturn)
        let input = scope
        var output = Scope()
        for item in items { output.add(item.name) }
        let inputEntities = entities
        entities = Set(items.compactMap { item in
            if case .variable(let name) = item.expression.kind, inputEntities.contains(name) { return item.name }
            return nil
        })
        if let stages = try topBeforeProjection(projection, items: items, input: input, output: output, entities: inputEntities) {
            scope = output
            return stages
        }
        var stages: [Stage] = []
        let aggregating = items.contains { $0.expression.containsAggregate }
        // Non-aggregating, non-distinct projections may sort on the variables before them too.
        let sortsOnInput = !aggregating && !projection.distinct && !projection.orderBy.isEmpty
        if let labelScan {
            stages += try labelAggregation(items, over: labelScan, input: input, entities: inputEntities)
        } else if aggregating {
            stages.append(try aggregation(items, input: input, entities: inputEntities, after: counted))
        } else {
            let compiler = ExpressionCompiler(context: context, scope: input)
            let evaluators = try compiler.compileAll(items.map(\.expression))
            stages.append { ProjectSink(items: evaluators, keepInput: sortsOnInput, next: $0) }
        }
        let budget = context.budget
        if projection.distinct { stages.append { DistinctSink(budget: budget, next: $0) } }
        let (skip, limit, keep) = try slice(of: projection)
        if !projection.orderBy.isEmpty {
            var sortScope = output
            if sortsOnInput {
                for name in input.names {
                    if name.hasPrefix(" ") || output.slot(of: name) != nil { _ = sortScope.addHidden() } else { sortScope.add(name) }
                }
            }
            let compiler = ExpressionCompiler(context: context, scope: sortScope)
            var keys: [(value: Evaluator, descending: Bool)] = []
            for key in projection.orderBy {
                // A key written like a projected item reads that column (needed after aggregation).
                if let column = items.firstIndex(where: { $0.expression.cypher == key.expression.cypher }) {
                    keys.append(({ row in row[column] }, key.descending))
                } else {
                    keys.append((try compiler.compile(key.expression), key.descending))
                }
            }
            stages.append { SortSink(keys: keys, keep: keep, budget: budget, next: $0) }
        }
        if projection.skip != nil || projection.limit != nil {
            stages.append { SliceSink(skip: skip, limit: limit, next: $0) }
        }
        if sortsOnInput {
            let width = output.count
            stages.append { TrimSink(width: width, next: $0) }
        }
        stages += try filter(projection, scope: output)
        scope = output
        return stages
    }

    /// SKIP, LIMIT, and how many rows a sort before them must keep: with a LIMIT, only those
    /// SKIP and LIMIT let through (saturating: `LIMIT 9223372036854775807 SKIP 1` must not trap).
    private func slice(of projection: Projection) throws(QueryError) -> (skip: Int, limit: Int?, keep: Int?) {
        let skip = try count(projection.skip, clause: "SKIP") ?? 0
        let limit = try count(projection.limit, clause: "LIMIT")
        return (skip, limit, limit.map { limit in limit.addingReportingOverflow(skip).overflow ? Int.max : limit + skip })
    }

    /// The stage of `WITH … WHERE`, over the projected columns; none without a WHERE.
    private func filter(_ projection: Projection, scope output: Scope) throws(QueryError) -> [Stage] {
        guard let predicate = projection.predicate else { return [] }
        let filter = try ExpressionCompiler(context: context, scope: output).compilePredicate(predicate)
        return [{ FilterSink(predicate: filter, next: $0) }]
    }

    /// `RETURN i.id, i.budget ORDER BY i.budget DESC LIMIT 10` as a top-k sort of the rows
    /// before the projection, then the projection of the ten kept: the items are computed for
    /// the rows returned, not for every row. Only where that cannot change the answer: no
    /// aggregate or DISTINCT, a LIMIT, items that cannot fail (variables, parameters, literals,
    /// properties of nodes and relationships), and sort keys that are items or read no alias.
    /// Nil when the projection must be computed first.
    private func topBeforeProjection(
        _ projection: Projection, items: [Projection.Item], input: Scope, output: Scope, entities: Set<String>
    ) throws(QueryError) -> [Stage]? {
        guard !projection.orderBy.isEmpty, projection.limit != nil, !projection.distinct,
              items.allSatisfy({ $0.expression.cannotFail(entities: entities) })
        else { return nil }
        let aliases = Set(items.compactMap { item -> String? in
            if case .variable(let name) = item.expression.kind, name == item.name { return nil }
            return item.name
        })
        var keyExpressions: [(expression: Expression, descending: Bool)] = []
        for key in projection.orderBy {
            // An alias names its item (ORDER BY sees the projected names first); a key written
            // like an item is that item.
            if case .variable(let name) = key.expression.kind, let item = items.first(where: { $0.name == name }) {
                keyExpressions.append((item.expression, key.descending))
            } else if let item = items.first(where: { $0.expression.cypher == key.expression.cypher }) {
                keyExpressions.append((item.expression, key.descending))
            } else if key.expression.freeVariables.isDisjoint(with: aliases), !key.expression.containsAggregate {
                keyExpressions.append((key.expression, key.descending))
            } else {
                return nil
            }
        }
        let compiler = ExpressionCompiler(context: context, scope: input)
        var keys: [(value: Evaluator, descending: Bool)] = []
        for key in keyExpressions { keys.append((try compiler.compile(key.expression), key.descending)) }
        let evaluators = try compiler.compileAll(items.map(\.expression))
        let (skip, limit, keep) = try slice(of: projection)
        let budget = context.budget
        let stages: [Stage] = [
            { SortSink(keys: keys, keep: keep, budget: budget, next: $0) },
            { ProjectSink(items: evaluators, keepInput: false, next: $0) },
            { SliceSink(skip: skip, limit: limit, next: $0) },
        ]
        return stages + (try filter(projection, scope: output))
    }

    /// The items with `*` expanded to every visible variable (sorted by name, as openCypher does).
    private func expandedItems(_ projection: Projection, scope: Scope, isReturn: Bool) throws(QueryError) -> [Projection.Item] {
        var items: [Projection.Item] = []
        if projection.includesAll {
            let names = scope.visibleNames.sorted()
            if names.isEmpty {
                throw QueryError(.semantic, "\(isReturn ? "RETURN" : "WITH") * needs variables in scope", at: projection.position)
            }
            items = names.map {
                Projection.Item(expression: Expression(.variable($0), at: projection.position), alias: nil, text: $0)
            }
        }
        items += projection.items
        var seen: Set<String> = []
        for item in items where !seen.insert(item.name).inserted {
            throw QueryError(.semantic, "the column name '\(item.name)' is used twice", at: item.expression.position)
        }
        return items
    }

    /// The aggregation stage: grouping keys are the items without aggregates. After a counted
    /// MATCH, the stage runs that MATCH too, adding each match with the number it stands for.
    func aggregation(
        _ items: [Projection.Item], input: Scope, entities: Set<String>, after counted: CountedMatch?
    ) throws(QueryError) -> Stage {
        let grouping = try groupingItems(items)
        let keyCompiler = ExpressionCompiler(context: context, scope: input)
        var keys = try keyCompiler.compileAll(grouping.map(\.expression))
        // A single key that is a property of a node or relationship (`t.id`) is the same for
        // every row of that node: its group is looked up by the node. When the property tells
        // nodes apart (`t.id` in a portfolio), the node itself is the key; other rows (a null,
        // a relationship) keep the property's value, which is never a node.
        var keyNodeSlot: Int?
        if grouping.count == 1, case .property(let base, let key) = grouping[0].expression.kind, case .variable(let name) = base.kind,
           entities.contains(name), let slot = input.slot(of: name) {
            if key == context.graph.nodeKeyProperty {
                let value = keys[0]
                keys[0] = { row throws(QueryError) in
                    if case .node = row[slot] { return row[slot] }
                    return try value(row)
                }
            } else {
                keyNodeSlot = slot
            }
        }
        let (registry, evaluators) = try aggregatingItems(items, input: input)
        let width = input.count
        let budget = context.budget
        guard let counted else {
            let calls = registry.calls
            return {
                AggregateSink(
                    keys: keys, keyNodeSlot: keyNodeSlot, calls: calls, items: evaluators, inputWidth: width, budget: budget, next: $0)
            }
        }
        // The counted tail's slots stay null, so `count(v)` of a MATCH variable counts the
        // matches themselves, as `count(*)` does; after an OPTIONAL MATCH it counts nothing for
        // the row kept without a match, where `v` is null.
        var countsMatchesOnly: [Bool] = []
        let calls = registry.calls.map { call in
            var call = call
            let countsMatches = call.argumentVariable.map(counted.variables.contains) ?? false
            if countsMatches { call.argument = nil }
            countsMatchesOnly.append(countsMatches)
            return call
        }
        let skippedWithoutMatch = countsMatchesOnly
        return { next in
            let aggregate = AggregateSink(
                keys: keys, keyNodeSlot: keyNodeSlot, calls: calls, items: evaluators, inputWidth: width, budget: budget, next: next)
            return CountedMatchSink(
                matches: counted.matches, width: counted.width, optional: counted.optional, skippedWithoutMatch: skippedWithoutMatch,
                aggregate: aggregate)
        }
    }

    /// The grouping keys of an aggregating projection: the items without aggregates. An item
    /// with aggregates that reads a variable outside them and outside the keys is refused.
    func groupingItems(_ items: [Projection.Item]) throws(QueryError) -> [Projection.Item] {
        let grouping = items.filter { !$0.expression.containsAggregate }
        let groupingTexts = Set(grouping.map(\.expression.cypher))
        for item in items where item.expression.containsAggregate {
            if let stray = item.expression.ungroupedVariables(groupingTexts: groupingTexts).sorted().first {
                throw QueryError(
                    .semantic,
                    "'\(stray)' is used outside an aggregate in '\(item.text)' but is not a grouping key; return it as a column too",
                    at: item.expression.position)
            }
        }
        return grouping
    }

    /// The items of an aggregating projection compiled over what they are evaluated on: a
    /// group's representative row, then its calls' results. The results' slots are reserved in
    /// the scope (a first compilation counts the calls), so that the variable of a
    /// comprehension or a `reduce` in an item takes a slot after them instead of one of them.
    func aggregatingItems(_ items: [Projection.Item], input: Scope) throws(QueryError) -> (AggregateRegistry, [Evaluator]) {
        let expressions = items.map(\.expression)
        let counting = AggregateRegistry(baseSlot: input.count)
        _ = try ExpressionCompiler(context: context, scope: input, aggregates: counting).compileAll(expressions)
        var scope = input
        for _ in counting.calls { _ = scope.addHidden() }
        let registry = AggregateRegistry(baseSlot: input.count)
        return (registry, try ExpressionCompiler(context: context, scope: scope, aggregates: registry).compileAll(expressions))
    }

    /// The value of SKIP or LIMIT: a non-negative integer known before the query runs.
    private func count(_ expression: Expression?, clause: String) throws(QueryError) -> Int? {
        guard let expression else { return nil }
        let value = try ExpressionCompiler(context: context, scope: Scope()).compile(expression)([])
        guard case .integer(let count) = value, count >= 0 else {
            throw QueryError(
                .semantic, "\(clause) needs a non-negative integer, not \(value.literalText)", at: expression.position)
        }
        return count
    }

    /// CALL: looks the procedure up, binds its yielded fields; returns their names.
    private func call(_ call: Call, scope: inout Scope, stages: inout [Stage]) throws(QueryError) -> [String] {
        guard let procedure = context.procedures[call.procedure.lowercased()] else {
            let known = context.procedures.values.map(\.name).sorted().joined(separator: ", ")
            throw QueryError(.unsupported, "unknown procedure '\(call.procedure)'; available: \(known)", at: call.position)
        }
        guard call.arguments.count == procedure.arguments.count else {
            throw QueryError(
                .semantic,
                "\(procedure.name) takes \(procedure.arguments.count) argument(s) (\(procedure.arguments.joined(separator: ", "))), not \(call.arguments.count)",
                at: call.position)
        }
        let arguments = try ExpressionCompiler(context: context, scope: scope).compileAll(call.arguments)
        let yields = call.yields ?? procedure.outputs.map { Call.YieldItem(field: $0, alias: nil) }
        var fields: [Int] = []
        for item in yields {
            guard let field = procedure.outputs.firstIndex(of: item.field) else {
                throw QueryError(
                    .semantic,
                    "\(procedure.name) yields no field '\(item.field)'; it yields \(procedure.outputs.joined(separator: ", "))",
                    at: call.position)
            }
            guard scope.slot(of: item.name) == nil else {
                throw QueryError(.semantic, "variable '\(item.name)' is already defined; rename it with AS", at: call.position)
            }
            fields.append(field)
            scope.add(item.name)
        }
        let position = call.position
        stages.append { CallSink(procedure: procedure, arguments: arguments, fields: fields, position: position, next: $0) }
        if let predicate = call.predicate {
            let filter = try ExpressionCompiler(context: context, scope: scope).compilePredicate(predicate)
            stages.append { FilterSink(predicate: filter, next: $0) }
        }
        return yields.map(\.name)
    }
}

extension Expression {
    /// Whether evaluating the expression can never raise an error: a literal, a parameter, a
    /// variable, or a property of a variable in `entities` (a node, a relationship or null).
    func cannotFail(entities: Set<String>) -> Bool {
        switch kind {
        case .literal, .parameter, .variable: true
        case .property(let base, _):
            if case .variable(let name) = base.kind { entities.contains(name) } else { false }
        default: false
        }
    }

    /// The variables read outside aggregate calls and outside sub-expressions that are
    /// grouping keys (given by their canonical text): they would differ within a group.
    func ungroupedVariables(groupingTexts: Set<String>) -> Set<String> {
        var found: Set<String> = []
        var stack = [self]
        while let expression = stack.popLast() {
            if expression.isAggregateCall || groupingTexts.contains(expression.cypher) { continue }
            switch expression.kind {
            case .variable(let name): found.insert(name)
            case .listComprehension, .quantifier, .pattern, .reduce, .patternComprehension, .subquery:
                found.formUnion(expression.freeVariables)
            default: stack.append(contentsOf: expression.children)
            }
        }
        return found
    }
}

extension Match {
    /// The named nodes, relationships and paths of the patterns.
    var variables: Set<String> { Set(patterns.flatMap(\.variables)) }

    /// The variables bound to one node or one relationship (null after an OPTIONAL MATCH
    /// without a match); not paths, nor the lists of a variable-length relationship.
    var entityVariables: Set<String> {
        var found: Set<String> = []
        for part in patterns {
            for node in part.nodes { if let name = node.variable { found.insert(name) } }
            for step in part.steps where step.relationship.length == nil {
                if let name = step.relationship.variable { found.insert(name) }
            }
        }
        return found
    }

    /// The variables that `next`, the clause right after this MATCH, reads from its matches,
    /// when the MATCH may count its final steps instead of enumerating them
    /// (`MatchPlanner.countedTail`): the MATCH is not OPTIONAL and `next` is a WITH or RETURN
    /// (without `*`) aggregating with nothing but `count(*)` and non-DISTINCT `count(x)`.
    /// The grouping keys and the counted expressions are read, except a counted variable of
    /// the MATCH, which is never null in its matches. Nil when the MATCH must enumerate.
    func liveVariablesForCounting(then next: Clause?) -> Set<String>? {
        guard let next else { return nil }
        let projection: Projection
        switch next {
        case .with(let item), .return(let item): projection = item
        case .match, .unwind, .call: return nil
        }
        guard projection.isAggregating, !projection.includesAll else { return nil }
        let variables = variables
        var read: Set<String> = []
        var stack = projection.items.map(\.expression)
        while let expression = stack.popLast() {
            switch expression.kind {
            case .countStar:
                continue
            case .function(let name, let distinct, let arguments) where expression.isAggregateCall:
                guard name.lowercased() == "count", !distinct, arguments.count == 1 else { return nil }
                if case .variable(let counted) = arguments[0].kind, variables.contains(counted) { continue }
                read.formUnion(arguments[0].freeVariables)
            case .variable(let name):
                read.insert(name)
            case .listComprehension, .quantifier, .pattern, .reduce, .patternComprehension, .subquery:
                guard !expression.containsAggregate else { return nil }
                read.formUnion(expression.freeVariables)
            default:
                stack.append(contentsOf: expression.children)
            }
        }
        return read
    }
}
