/// Planning `MATCH (v:Label) [WHERE …]` followed by an aggregating WITH or RETURN over the
/// properties of `v` as one `LabelAggregateSink`: the dashboard question ("budget by status")
/// without a row per node.
extension QueryPlanner {
    /// A MATCH that may run inside the aggregation after it, and the MatchSink stage that runs
    /// it otherwise.
    struct LabelScan {
        var scan: LabelAggregateSink.Scan
        var labelIndex: Int
        var variable: String?
        var matchStage: Stage
        var position: QueryPosition
    }

    /// The MATCH as a label scan to fuse with `next`, when it is the query's first clause,
    /// one node with one label and no property map, not OPTIONAL, and `next` aggregates
    /// (without `*`); nil otherwise. Whether the aggregation can take it is decided with its
    /// items (`labelAggregation`), which fall back on `matchStage`.
    func labelScan(
        _ match: Match, then next: Clause?, plan: MatchPlan<Graph>, matchStage: @escaping Stage, isFirst: Bool
    ) throws(QueryError) -> LabelScan? {
        guard isFirst, !match.optional, !plan.countsTail, match.patterns.count == 1 else { return nil }
        let part = match.patterns[0]
        guard part.pathVariable == nil, part.shortest == nil, part.steps.isEmpty, part.start.properties.isEmpty,
              part.start.labels.count == 1, part.start.labels[0].count == 1,
              let label = context.graph.labels.firstIndex(of: part.start.labels[0][0])
        else { return nil }
        switch next {
        case .with(let projection), .return(let projection):
            guard projection.isAggregating, !projection.includesAll else { return nil }
        default:
            return nil
        }
        let predicate = try match.predicate.map { (predicate) throws(QueryError) in
            try ExpressionCompiler(context: context, scope: plan.scope).compilePredicate(predicate)
        }
        let variable = part.start.variable
        let scan = LabelAggregateSink.Scan(
            nodes: context.graph.nodes(withLabelIndex: label), slot: variable.flatMap(plan.scope.slot(of:)),
            width: plan.scope.count, predicate: predicate)
        return LabelScan(scan: scan, labelIndex: label, variable: variable, matchStage: matchStage, position: match.position)
    }

    /// The aggregation over a label scan as one stage, when every grouping key is a property
    /// of the scanned node and every call is `count(*)`, `count(v)`, or a non-DISTINCT
    /// count, sum, avg, min or max of one of its properties; else the MATCH stage and the
    /// usual aggregation. Errors from the scan are placed at the MATCH.
    func labelAggregation(
        _ items: [Projection.Item], over labelScan: LabelScan, input: Scope, entities: Set<String>
    ) throws(QueryError) -> [Stage] {
        let grouping = try groupingItems(items)
        let keys: [String] = grouping.compactMap { item in
            guard case .property(let base, let key) = item.expression.kind, case .variable(let name) = base.kind,
                  name == labelScan.variable
            else { return nil }
            return key
        }
        let (registry, evaluators) = try aggregatingItems(items, input: input)
        let calls = registry.calls
        guard keys.count == grouping.count, calls.allSatisfy({ Self.readsOnlyProperties($0, of: labelScan.variable) }) else {
            return [
                Self.located(labelScan.matchStage, at: labelScan.position),
                try aggregation(items, input: input, entities: entities, after: nil),
            ]
        }
        let graph = context.graph, label = labelScan.labelIndex
        let columns = keys.map { graph.propertyColumn($0, labelIndex: label) }
        var scan = labelScan.scan
        scan.groupsAreNodes = graph.nodeKeyProperty.map(keys.contains) ?? false
        let (deadline, budget) = (context.deadline, context.budget)
        let stage: Stage = { next in
            LabelAggregateSink(
                scan: scan, keys: columns, calls: calls, columnOfProperty: { graph.propertyColumn($0, labelIndex: label) },
                items: evaluators, deadline: deadline, budget: budget, next: next)
        }
        return [Self.located(stage, at: labelScan.position)]
    }

    /// Whether a call is one `LabelAggregateSink` computes: `count(*)`, `count(v)` (the
    /// scanned node, never null), or a non-DISTINCT count, sum, avg, min or max of a property of `v`.
    private static func readsOnlyProperties(_ call: AggregateRegistry.Call, of variable: String?) -> Bool {
        guard !call.distinct, call.percentile == nil else { return false }
        if call.argument == nil { return true }
        if call.function == .count, let counted = call.argumentVariable { return counted == variable }
        guard let property = call.argumentProperty, property.variable == variable else { return false }
        return [.count, .sum, .avg, .min, .max].contains(call.function)
    }
}
