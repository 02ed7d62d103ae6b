/// A compiled expression: computes a value from a row.
typealias Evaluator = (Row) throws(QueryError) -> QueryValue

/// Turns expressions into closures once per query, so that variables are resolved to row
/// slots and functions to their bodies before any row is seen.
struct ExpressionCompiler<Graph: QueryableGraph> {
    /// The run the closures belong to.
    let context: ExecutionContext<Graph>
    /// The variables in scope and their slots.
    var scope: Scope
    /// Set while compiling the items of an aggregating projection: aggregate calls register
    /// there and read their result from the slot it gives.
    var aggregates: AggregateRegistry?

    init(context: ExecutionContext<Graph>, scope: Scope, aggregates: AggregateRegistry? = nil) {
        self.context = context
        self.scope = scope
        self.aggregates = aggregates
    }

    /// Compiles an expression.
    func compile(_ expression: Expression) throws(QueryError) -> Evaluator {
        let position = expression.position
        switch expression.kind {
        case .literal(let literal):
            let value = QueryValue(literal)
            return { _ in value }
        case .list(let items):
            let compiled = try compileAll(items)
            return { row throws(QueryError) in .list(try compiled.evaluate(row)) }
        case .map(let entries):
            let keys = entries.map(\.key)
            let values = try compileAll(entries.map(\.value))
            return { row throws(QueryError) in
                .map(Dictionary(zip(keys, try values.evaluate(row)), uniquingKeysWith: { $1 }))
            }
        case .variable(let name):
            guard let slot = scope.slot(of: name) else {
                throw QueryError(.semantic, "variable '\(name)' is not defined", at: position)
            }
            return { row in row[slot] }
        case .parameter(let name):
            guard let value = context.parameters[name] else {
                throw QueryError(.semantic, "parameter $\(name) has no value; pass it with --param \(name)=...", at: position)
            }
            return { _ in value }
        case .property(let base, let key):
            return try compileProperty(base, key: key)
        case .index(let base, let index):
            return try compileIndex(base, index)
        case .slice(let base, let from, let to):
            return try compileSlice(base, from: from, to: to)
        case .unary(let op, let operand):
            return try compileUnary(op, operand, at: position)
        case .binary(let op, let left, let right):
            return try compileBinary(op, left, right, at: position)
        case .comparisonChain(let first, let steps):
            return try compileChain(first, steps)
        case .operatorChain(let first, let steps):
            return try compileOperatorChain(first, steps)
        case .isNull(let operand, let negated):
            let value = try compile(operand)
            return { row throws(QueryError) in .boolean(try value(row).isNull != negated) }
        case .hasLabels(let operand, let labels):
            return try compileHasLabels(operand, labels)
        case .function(let name, let distinct, let arguments):
            if expression.isAggregateCall { return try compileAggregate(expression) }
            if distinct { throw QueryError(.semantic, "DISTINCT is only allowed in aggregating functions", at: position) }
            return try compileFunction(name, arguments, at: position)
        case .countStar:
            return try compileAggregate(expression)
        case .caseExpression(let subject, let branches, let otherwise):
            return try compileCase(subject, branches, otherwise)
        case .listComprehension(let variable, let source, let filter, let projection):
            return try compileComprehension(variable, source, filter, projection)
        case .quantifier(let quantifier, let variable, let source, let filter):
            return try compileQuantifier(quantifier, variable, source, filter)
        case .pattern(let part):
            return try compilePatternPredicate(part)
        case .reduce(let accumulator, let initial, let variable, let source, let body):
            return try compileReduce(accumulator, initial, variable, source, body)
        case .patternComprehension(let part, let filter, let projection):
            return try compilePatternComprehension(part, filter, projection)
        case .subquery(let kind, let patterns, let filter):
            return try compileSubquery(kind, patterns, filter)
        case .mapProjection(let base, let entries, let allProperties):
            return try compileMapProjection(base, entries, allProperties: allProperties)
        }
    }

    /// Compiles a predicate for WHERE: only `true` keeps a row; null and false drop it.
    func compilePredicate(_ expression: Expression) throws(QueryError) -> (Row) throws(QueryError) -> Bool {
        let value = try compile(expression)
        let position = expression.position
        return { row throws(QueryError) in
            switch try value(row) {
            case .boolean(let result): return result
            case .null: return false
            case let other:
                throw QueryError(.runtime, "WHERE expects a Boolean but got \(other.typeName)", at: position)
            }
        }
    }

    func compileAll(_ expressions: [Expression]) throws(QueryError) -> [Evaluator] {
        var compiled: [Evaluator] = []
        for expression in expressions { compiled.append(try compile(expression)) }
        return compiled
    }

    /// A compiler whose scope also has `variable`, at the slot it returns.
    func adding(_ variable: String) -> (ExpressionCompiler, Int) {
        var inner = self
        let slot = inner.scope.add(variable)
        return (inner, slot)
    }

    private func compileCase(
        _ subject: Expression?, _ branches: [Expression.CaseBranch], _ otherwise: Expression?
    ) throws(QueryError) -> Evaluator {
        let subjectValue = try subject.map { (expression) throws(QueryError) in try compile(expression) }
        let conditions = try compileAll(branches.map(\.when))
        let results = try compileAll(branches.map(\.then))
        let fallback = try otherwise.map { (expression) throws(QueryError) in try compile(expression) }
        return { row throws(QueryError) in
            let tested = try subjectValue?(row)
            for (condition, result) in zip(conditions, results) {
                let value = try condition(row)
                // The simple form compares with `=`; the generic form needs a true condition.
                let applies = tested.map { value.equals($0) == true } ?? (value == .boolean(true))
                if applies { return try result(row) }
            }
            return try fallback?(row) ?? .null
        }
    }

    private func compileComprehension(
        _ variable: String, _ source: Expression, _ filter: Expression?, _ projection: Expression?
    ) throws(QueryError) -> Evaluator {
        let list = try compile(source)
        let (inner, slot) = adding(variable)
        let keep = try filter.map { (expression) throws(QueryError) in try inner.compilePredicate(expression) }
        let map = try projection.map { (expression) throws(QueryError) in try inner.compile(expression) }
        let position = source.position
        let deadline = context.deadline
        return { row throws(QueryError) in
            guard let elements = try list(row).listElements(at: position) else { return .null }
            // The variable's slot, not the row's end: an aggregation's row is wider than its scope.
            var extended = row.padded(to: slot + 1)
            var output: [QueryValue] = []
            for element in elements {
                try deadline.tick()
                extended[slot] = element
                if let keep, try !keep(extended) { continue }
                output.append(try map?(extended) ?? element)
            }
            return .list(output)
        }
    }

    private func compileReduce(
        _ accumulator: String, _ initial: Expression, _ variable: String, _ source: Expression, _ body: Expression
    ) throws(QueryError) -> Evaluator {
        let start = try compile(initial)
        let list = try compile(source)
        let (withAccumulator, accumulatorSlot) = adding(accumulator)
        let (inner, elementSlot) = withAccumulator.adding(variable)
        let step = try inner.compile(body)
        let position = source.position
        let deadline = context.deadline
        return { row throws(QueryError) in
            guard let elements = try list(row).listElements(at: position) else { return .null }
            var extended = row.padded(to: elementSlot + 1)
            extended[accumulatorSlot] = try start(row)
            for element in elements {
                try deadline.tick()
                extended[elementSlot] = element
                extended[accumulatorSlot] = try step(extended)
            }
            return extended[accumulatorSlot]
        }
    }

    private func compileMapProjection(
        _ base: Expression, _ entries: [Expression.MapEntry], allProperties: Bool
    ) throws(QueryError) -> Evaluator {
        let subject = try compile(base)
        let keys = entries.map(\.key)
        let values = try compileAll(entries.map(\.value))
        let graph = context.graph
        let position = base.position
        return { row throws(QueryError) in
            var map: [String: QueryValue] = [:]
            switch try subject(row) {
            case .null: return .null
            case .node(let node): if allProperties { map = graph.properties(ofNode: node) }
            case .relationship(let relationship): if allProperties { map = graph.properties(ofRelationship: relationship) }
            case .map(let entries): if allProperties { map = entries }
            case let other:
                throw QueryError(.runtime, "a map projection needs a Node, a Relationship or a Map but got \(other.typeName)", at: position)
            }
            // Written entries override the properties `.*` brings.
            for (key, value) in zip(keys, try values.evaluate(row)) { map[key] = value }
            return .map(map)
        }
    }

    private func compileQuantifier(
        _ quantifier: Expression.Quantifier, _ variable: String, _ source: Expression, _ filter: Expression
    ) throws(QueryError) -> Evaluator {
        let list = try compile(source)
        let (inner, slot) = adding(variable)
        let test = try inner.compile(filter)
        let position = source.position
        let deadline = context.deadline
        return { row throws(QueryError) in
            guard let elements = try list(row).listElements(at: position) else { return .null }
            // The variable's slot, not the row's end: an aggregation's row is wider than its scope.
            var extended = row.padded(to: slot + 1)
            var trueCount = 0, nullCount = 0
            for element in elements {
                try deadline.tick()
                extended[slot] = element
                switch try test(extended) {
                case .boolean(true): trueCount += 1
                case .null: nullCount += 1
                default: break
                }
            }
            let falseCount = elements.count - trueCount - nullCount
            return quantifier.result(trueCount: trueCount, falseCount: falseCount, nullCount: nullCount)
        }
    }

    private func compileHasLabels(_ operand: Expression, _ labels: [String]) throws(QueryError) -> Evaluator {
        let value = try compile(operand)
        let graph = context.graph
        let position = operand.position
        return { row throws(QueryError) in
            switch try value(row) {
            case .null: return .null
            case .node(let node):
                let label = graph.label(ofNode: node)
                return .boolean(labels.allSatisfy { $0 == label })
            case let other:
                throw QueryError(.runtime, "a label check needs a Node but got \(other.typeName)", at: position)
            }
        }
    }
}

extension [Evaluator] {
    /// Every evaluator applied to the row, in order.
    func evaluate(_ row: Row) throws(QueryError) -> [QueryValue] {
        var values: [QueryValue] = []
        values.reserveCapacity(count)
        for evaluator in self { values.append(try evaluator(row)) }
        return values
    }
}

extension QueryValue {
    /// Builds the value of a literal.
    init(_ literal: Expression.Literal) {
        switch literal {
        case .null: self = .null
        case .boolean(let value): self = .boolean(value)
        case .integer(let value): self = .integer(value)
        case .float(let value): self = .float(value)
        case .string(let value): self = .string(value)
        }
    }

    /// The elements of a list; nil for null; a runtime error for any other type.
    func listElements(at position: QueryPosition) throws(QueryError) -> [QueryValue]? {
        switch self {
        case .null: return nil
        case .list(let elements): return elements
        default: throw QueryError(.runtime, "expected a List but got \(typeName)", at: position)
        }
    }
}

extension Expression.Quantifier {
    /// The three-valued result from how many elements made the predicate true, false or null.
    func result(trueCount: Int, falseCount: Int, nullCount: Int) -> QueryValue {
        switch self {
        case .all: falseCount > 0 ? false : nullCount > 0 ? .null : true
        case .any: trueCount > 0 ? true : nullCount > 0 ? .null : false
        case .none: trueCount > 0 ? false : nullCount > 0 ? .null : true
        case .single: trueCount > 1 ? false : nullCount > 0 ? .null : .boolean(trueCount == 1)
        }
    }
}
