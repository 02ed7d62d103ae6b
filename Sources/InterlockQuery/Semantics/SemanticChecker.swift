/// Checks a parsed query before it is planned, so that faults are reported at their place in
/// the text and before any work: unknown variables, aggregation where it is not allowed,
/// WITH items without a name, UNION parts with different columns, queries not ending in RETURN.
struct SemanticChecker {
    /// Checks `query`; throws the first fault in reading order.
    static func check(_ query: Query) throws(QueryError) {
        if Set(query.unionAll).count > 1 {
            throw QueryError(.semantic, "UNION and UNION ALL cannot be mixed in one query", at: query.parts.last?.clauses.first?.position)
        }
        var firstColumns: [String]?
        for part in query.parts {
            let columns = try check(part)
            if query.parts.count > 1, let first = part.clauses.first {
                if let firstColumns, firstColumns != columns {
                    throw QueryError(
                        .semantic,
                        "all parts of a UNION must return the same columns (\(firstColumns.joined(separator: ", ")) vs \(columns.joined(separator: ", ")))",
                        at: first.position)
                }
                firstColumns = firstColumns ?? columns
            }
        }
    }

    /// Checks one single query and gives its column names.
    private static func check(_ query: SingleQuery) throws(QueryError) -> [String] {
        var scope: Set<String> = []
        var kinds: [String: VariableKind] = [:]
        for (index, clause) in query.clauses.enumerated() {
            for expression in clause.expressions { try checkNestedKinds(expression, kinds: kinds) }
            switch clause {
            case .match(let match):
                try checkKinds(match.patterns, kinds: &kinds)
                try checkPatterns(match.patterns, scope: &scope)
                if let predicate = match.predicate { try checkExpression(predicate, scope: scope, context: "WHERE") }
            case .unwind(let unwind):
                try checkExpression(unwind.list, scope: scope, context: "UNWIND")
                scope.insert(unwind.variable)
                kinds[unwind.variable] = .unknown
            case .with(let projection), .return(let projection):
                let isReturn = if case .return = clause { true } else { false }
                scope = try checkProjection(projection, scope: scope, isReturn: isReturn)
                kinds = projectedKinds(projection, kinds)
                if isReturn { return try columns(projection, scope: scope) }
            case .call(let call):
                for argument in call.arguments { try checkExpression(argument, scope: scope, context: "CALL arguments") }
                scope.formUnion(call.yields?.map(\.name) ?? [])
                for field in call.yields ?? [] { kinds[field.name] = .unknown }
                if let predicate = call.predicate { try checkExpression(predicate, scope: scope, context: "WHERE") }
                if query.clauses.count == 1 { return call.yields?.map(\.name) ?? [] }
            }
            if index == query.clauses.count - 1 {
                throw QueryError(.semantic, "a query must end with RETURN", at: clause.position)
            }
        }
        return []
    }

    /// Variables and properties of patterns; new names join the scope.
    private static func checkPatterns(_ patterns: [PatternPart], scope: inout Set<String>) throws(QueryError) {
        var introduced = scope
        for part in patterns { introduced.formUnion(part.variables) }
        for part in patterns {
            for value in part.propertyExpressions {
                try checkExpression(value, scope: introduced, context: "a pattern")
            }
            for step in part.steps {
                if let length = step.relationship.length, let minimum = length.minimum, minimum < 0 {
                    throw QueryError(.semantic, "a hop count cannot be negative", at: step.relationship.position)
                }
            }
        }
        scope = introduced
    }

    /// Variables bound to nodes must not be used as relationships and the reverse, and one
    /// MATCH names a relationship once: openCypher makes both compile-time errors, which
    /// would otherwise be a runtime error, or no rows at all.
    private static func checkKinds(_ patterns: [PatternPart], kinds: inout [String: VariableKind]) throws(QueryError) {
        var relationshipsHere: Set<String> = []
        func use(_ name: String, as kind: VariableKind, at position: QueryPosition) throws(QueryError) {
            if let bound = kinds[name], bound != .unknown, bound != kind {
                throw QueryError(
                    .semantic, "'\(name)' is \(bound.description), so it cannot be used as \(kind.description)", at: position)
            }
            if kinds[name] == nil || kinds[name] == .unknown { kinds[name] = kind }
        }
        for part in patterns {
            if let path = part.pathVariable { try use(path, as: .path, at: part.position) }
            for node in part.nodes {
                if let name = node.variable { try use(name, as: .node, at: node.position) }
            }
            for step in part.steps {
                let relationship = step.relationship
                guard let name = relationship.variable else { continue }
                guard relationshipsHere.insert(name).inserted else {
                    throw QueryError(
                        .semantic, "the relationship variable '\(name)' is used twice in one MATCH: each relationship of a match is distinct",
                        at: relationship.position)
                }
                try use(name, as: relationship.length == nil ? .relationship : .relationshipList, at: relationship.position)
            }
        }
    }

    /// The kind checks of MATCH, for the patterns inside an expression (pattern comprehensions,
    /// pattern predicates, EXISTS and COUNT subqueries): `WITH 123 AS r RETURN [()-[r]->() | 1]`
    /// is an error, not an empty list. What a pattern binds stays inside it; a comprehension's or
    /// reduce's own variable hides an outer one of the same name. Expressions are at most 100
    /// deep (the parser's limit), so this recursion is bounded.
    private static func checkNestedKinds(_ expression: Expression, kinds: [String: VariableKind]) throws(QueryError) {
        var inner = kinds
        switch expression.kind {
        case .pattern(let part):
            try checkKinds([part], kinds: &inner)
        case .patternComprehension(let part, _, _):
            try checkKinds([part], kinds: &inner)
        case .subquery(_, let patterns, _):
            try checkKinds(patterns, kinds: &inner)
        case .listComprehension(let variable, _, _, _), .quantifier(_, let variable, _, _):
            inner[variable] = .unknown
        case .reduce(let accumulator, _, let variable, _, _):
            inner[accumulator] = .unknown
            inner[variable] = .unknown
        default:
            break
        }
        for child in expression.children { try checkNestedKinds(child, kinds: inner) }
    }

    /// What the names a WITH or RETURN projects are bound to, as far as the text tells.
    private static func projectedKinds(_ projection: Projection, _ kinds: [String: VariableKind]) -> [String: VariableKind] {
        var output = projection.includesAll ? kinds : [:]
        for item in projection.items {
            switch item.expression.kind {
            case .variable(let name): output[item.name] = kinds[name] ?? .unknown
            case .literal(.null): output[item.name] = .unknown
            case .literal, .list, .map, .binary, .operatorChain, .comparisonChain, .isNull, .unary:
                output[item.name] = .value
            default: output[item.name] = .unknown
            }
        }
        return output
    }

    /// Checks WITH or RETURN and gives the scope after it.
    private static func checkProjection(_ projection: Projection, scope: Set<String>, isReturn: Bool) throws(QueryError) -> Set<String> {
        let clause = isReturn ? "RETURN" : "WITH"
        for item in projection.items {
            try checkExpression(item.expression, scope: scope, context: clause, aggregatesAllowed: true)
            if !isReturn, item.alias == nil, !item.expression.isVariable {
                throw QueryError(
                    .semantic, "the expression '\(item.text)' in WITH must be named with AS", at: item.expression.position)
            }
        }
        var output = Set(projection.items.map(\.name))
        if projection.includesAll { output.formUnion(scope) }
        // ORDER BY sees the projected names, and the earlier variables unless the projection groups.
        let grouping = projection.isAggregating || projection.distinct
        let sortScope = grouping ? output : output.union(scope)
        let projectedTexts = Set(projection.items.map(\.expression.cypher))
        for key in projection.orderBy where !projectedTexts.contains(key.expression.cypher) {
            try checkExpression(key.expression, scope: sortScope, context: "ORDER BY")
        }
        for bound in [projection.skip, projection.limit].compactMap({ $0 }) {
            try checkExpression(bound, scope: [], context: "SKIP and LIMIT")
        }
        if let predicate = projection.predicate { try checkExpression(predicate, scope: output, context: "WHERE") }
        return output
    }

    private static func columns(_ projection: Projection, scope: Set<String>) throws(QueryError) -> [String] {
        projection.includesAll ? scope.sorted() : projection.items.map(\.name)
    }

    /// Unknown variables, and aggregates where `aggregatesAllowed` is false or nested.
    private static func checkExpression(
        _ expression: Expression, scope: Set<String>, context: String, aggregatesAllowed: Bool = false
    ) throws(QueryError) {
        let introduced = expression.patternIntroduced
        if let unknown = expression.variableReferences.filter({ !scope.contains($0.name) && !introduced.contains($0.name) })
            .min(by: { $0.position < $1.position }) {
            throw QueryError(.semantic, "variable '\(unknown.name)' is not defined", at: unknown.position)
        }
        // Walk looking for aggregate calls, remembering whether one encloses the current node.
        var stack: [(Expression, insideAggregate: Bool)] = [(expression, false)]
        while let (node, inside) = stack.popLast() {
            if node.isAggregateCall {
                if !aggregatesAllowed {
                    throw QueryError(.semantic, "aggregate functions are not allowed in \(context)", at: node.position)
                }
                if inside { throw QueryError(.semantic, "aggregate functions cannot be nested", at: node.position) }
            }
            if case .listComprehension = node.kind, node.containsAggregate, aggregatesAllowed {
                throw QueryError(.semantic, "aggregate functions are not allowed inside a list comprehension", at: node.position)
            }
            stack.append(contentsOf: node.children.map { ($0, inside || node.isAggregateCall) })
        }
    }
}

/// What a variable is bound to, as far as the query text tells.
enum VariableKind: Equatable {
    case node, relationship, relationshipList, path
    /// A value that is no graph element (a literal, a computed number...).
    case value
    /// Not known before the query runs (a function result, an UNWIND element...).
    case unknown

    var description: String {
        switch self {
        case .node: "a Node"
        case .relationship: "a Relationship"
        case .relationshipList: "a variable-length relationship (a List)"
        case .path: "a Path"
        case .value: "a value that is not a graph element"
        case .unknown: "a value"
        }
    }
}

extension Expression {
    /// Whether the expression is a bare variable.
    var isVariable: Bool {
        if case .variable = kind { return true }
        return false
    }
}

extension Clause {
    /// The expressions the clause holds, in reading order (its patterns' property maps apart).
    var expressions: [Expression] {
        switch self {
        case .match(let match): [match.predicate].compactMap { $0 }
        case .unwind(let unwind): [unwind.list]
        case .with(let projection), .return(let projection):
            projection.items.map(\.expression) + [projection.predicate].compactMap { $0 } + projection.orderBy.map(\.expression)
                + [projection.skip, projection.limit].compactMap { $0 }
        case .call(let call): call.arguments + [call.predicate].compactMap { $0 }
        }
    }
}
