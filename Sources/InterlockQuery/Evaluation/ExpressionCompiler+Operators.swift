/// Property access, indexing and the unary and binary operators.
extension ExpressionCompiler {
    func compileProperty(_ base: Expression, key: String) throws(QueryError) -> Evaluator {
        let graph = context.graph
        let readProperty = graph.propertyReader(key)
        let position = base.position
        @Sendable func property(of value: QueryValue) throws(QueryError) -> QueryValue {
            switch value {
            case .null: return .null
            case .node(let node): return readProperty(node)
            case .relationship(let relationship): return graph.property(key, ofRelationship: relationship)
            case .map(let entries): return entries[key] ?? .null
            case let other:
                throw QueryError(.runtime, "cannot read property '\(key)' of a \(other.typeName)", at: position)
            }
        }
        // `i.budget`, the usual case, reads the variable's slot in place rather than through
        // an evaluator of its own.
        if case .variable(let name) = base.kind, let slot = scope.slot(of: name) {
            return { row throws(QueryError) in try property(of: row[slot]) }
        }
        let value = try compile(base)
        return { row throws(QueryError) in try property(of: try value(row)) }
    }

    func compileIndex(_ base: Expression, _ index: Expression) throws(QueryError) -> Evaluator {
        let container = try compile(base)
        let key = try compile(index)
        let graph = context.graph
        let position = index.position
        return { row throws(QueryError) in
            switch (try container(row), try key(row)) {
            case (.null, _), (_, .null): return .null
            case (.list(let elements), .integer(let offset)):
                // Negative indices count from the end; outside the list gives null.
                let resolved = offset < 0 ? elements.count + offset : offset
                return elements.indices.contains(resolved) ? elements[resolved] : .null
            case (.map(let entries), .string(let name)): return entries[name] ?? .null
            case (.node(let node), .string(let name)): return graph.property(name, ofNode: node)
            case (.relationship(let relationship), .string(let name)):
                return graph.property(name, ofRelationship: relationship)
            case (let list, let offset):
                throw QueryError(
                    .runtime, "cannot index a \(list.typeName) with a \(offset.typeName)", at: position)
            }
        }
    }

    func compileSlice(_ base: Expression, from: Expression?, to: Expression?) throws(QueryError) -> Evaluator {
        let container = try compile(base)
        let lower = try from.map { (expression) throws(QueryError) in try compile(expression) }
        let upper = try to.map { (expression) throws(QueryError) in try compile(expression) }
        let position = base.position
        return { row throws(QueryError) in
            guard let elements = try container(row).listElements(at: position) else { return .null }
            let count = elements.count
            func bound(_ evaluator: Evaluator?, default fallback: Int) throws(QueryError) -> Int?? {
                guard let evaluator else { return .some(fallback) }
                switch try evaluator(row) {
                case .null: return .some(nil)
                case .integer(let value): return .some(Swift.min(count, Swift.max(0, value < 0 ? count + value : value)))
                case let other:
                    throw QueryError(.runtime, "a slice bound must be an Integer, not \(other.typeName)", at: position)
                }
            }
            guard let start = try bound(lower, default: 0), let end = try bound(upper, default: count),
                  let start, let end else { return .null }
            return .list(start < end ? Array(elements[start..<end]) : [])
        }
    }

    func compileUnary(
        _ op: Expression.UnaryOperator, _ operand: Expression, at position: QueryPosition
    ) throws(QueryError) -> Evaluator {
        if op == .not { try Self.requireLogical(operand, "NOT") }
        let value = try compile(operand)
        switch op {
        case .not:
            return { row throws(QueryError) in
                switch try value(row) {
                case .null: return .null
                case .boolean(let truth): return .boolean(!truth)
                case let other: throw QueryError(.runtime, "NOT expects a Boolean but got \(other.typeName)", at: position)
                }
            }
        case .minus:
            return { row throws(QueryError) in
                switch try value(row) {
                case .null: return .null
                case .integer(let number):
                    let (negated, overflow) = (0).subtractingReportingOverflow(number)
                    if overflow { throw QueryError(.runtime, "integer overflow", at: position) }
                    return .integer(negated)
                case .float(let number): return .float(-number)
                case let other: throw QueryError(.runtime, "cannot negate a \(other.typeName)", at: position)
                }
            }
        case .plus:
            return { row throws(QueryError) in
                let result = try value(row)
                switch result {
                case .null, .integer, .float: return result
                default: throw QueryError(.runtime, "unary + expects a number but got \(result.typeName)", at: position)
                }
            }
        }
    }

    func compileBinary(
        _ op: Expression.BinaryOperator, _ left: Expression, _ right: Expression, at position: QueryPosition
    ) throws(QueryError) -> Evaluator {
        if op == .and || op == .or || op == .xor {
            for operand in [left, right] { try Self.requireLogical(operand, op.rawValue) }
        }
        let lhs = try compile(left)
        let rhs = try compile(right)
        switch op {
        case .and, .or, .xor:
            return { row throws(QueryError) in
                let a = try Logic(try lhs(row), op, at: position)
                // AND and OR decide on their left operand alone when they can.
                if op == .and, a == .false { return false }
                if op == .or, a == .true { return true }
                return a.combined(with: try Logic(try rhs(row), op, at: position), op).value
            }
        case .equal, .notEqual, .less, .greater, .lessOrEqual, .greaterOrEqual:
            return { row throws(QueryError) in Self.compare(try lhs(row), op, try rhs(row)) }
        case .add, .subtract, .multiply, .divide, .modulo, .power:
            let budget = context.budget
            return { row throws(QueryError) in
                // `+` joins lists and strings: the result is bounded like any value built.
                try budget.checked(try Arithmetic.apply(op, try lhs(row), try rhs(row), at: position), at: position)
            }
        case .in:
            let deadline = context.deadline
            return { row throws(QueryError) in
                try Self.contained(try lhs(row), in: try rhs(row), deadline: deadline, at: position)
            }
        case .startsWith, .endsWith, .contains:
            return { row throws(QueryError) in
                guard case .string(let text) = try lhs(row), case .string(let part) = try rhs(row) else { return .null }
                switch op {
                case .startsWith: return .boolean(text.hasPrefix(part))
                case .endsWith: return .boolean(text.hasSuffix(part))
                default: return .boolean(part.isEmpty || text.contains(part))
                }
            }
        case .matches:
            let context = context
            return { row throws(QueryError) in
                guard case .string(let text) = try lhs(row), case .string(let pattern) = try rhs(row) else { return .null }
                return .boolean(try context.regex(pattern, at: position).wholeMatches(text))
            }
        }
    }

    func compileChain(_ first: Expression, _ steps: [Expression.ComparisonStep]) throws(QueryError) -> Evaluator {
        let operands = try compileAll([first] + steps.map(\.operand))
        let operators = steps.map(\.comparison)
        return { row throws(QueryError) in
            // `a < b < c` is `a < b AND b < c`, each operand evaluated once.
            var result = Logic.true
            var previous = try operands[0](row)
            for (op, operand) in zip(operators, operands.dropFirst()) {
                let next = try operand(row)
                result = result.combined(with: try Logic(Self.compare(previous, op, next), .and, at: first.position), .and)
                if result == .false { return false }
                previous = next
            }
            return result.value
        }
    }

    /// `a + b - c ...` or `a AND b AND c ...` in one loop, left to right, as the left-deep
    /// tree of binary operations would compute it (AND and OR skip the operands once the
    /// result is decided), without recursing once per operand.
    func compileOperatorChain(_ first: Expression, _ steps: [Expression.OperatorStep]) throws(QueryError) -> Evaluator {
        for (index, step) in steps.enumerated() where [.and, .or, .xor].contains(step.op) {
            if index == 0 { try Self.requireLogical(first, step.op.rawValue) }
            try Self.requireLogical(step.operand, step.op.rawValue)
        }
        let head = try compile(first)
        let operands = try compileAll(steps.map(\.operand))
        let operators = steps.map(\.op)
        let position = first.position
        let deadline = context.deadline
        let budget = context.budget
        return { row throws(QueryError) in
            var value = try head(row)
            for (op, operand) in zip(operators, operands) {
                try deadline.tick()
                switch op {
                case .and, .or, .xor:
                    let sofar = try Logic(value, op, at: position)
                    if op == .and, sofar == .false { continue }
                    if op == .or, sofar == .true { continue }
                    value = sofar.combined(with: try Logic(try operand(row), op, at: position), op).value
                default:
                    value = try budget.checked(try Arithmetic.apply(op, value, try operand(row), at: position), at: position)
                }
            }
            return value
        }
    }

    /// A type error, before any row, for an operand of AND, OR, XOR or NOT that cannot be a
    /// Boolean: `false AND 123` is an error in openCypher even though AND could stop at `false`.
    static func requireLogical(_ operand: Expression, _ op: String) throws(QueryError) {
        let type: String
        switch operand.kind {
        case .literal(.integer): type = "Integer"
        case .literal(.float): type = "Float"
        case .literal(.string): type = "String"
        case .list, .listComprehension: type = "List"
        case .map: type = "Map"
        default: return
        }
        throw QueryError(.semantic, "\(op) expects Booleans but got \(type)", at: operand.position)
    }

    /// The result of a comparison operator.
    static func compare(_ a: QueryValue, _ op: Expression.BinaryOperator, _ b: QueryValue) -> QueryValue {
        switch op {
        case .equal: return a.equals(b).map(QueryValue.boolean) ?? .null
        case .notEqual: return a.equals(b).map { .boolean(!$0) } ?? .null
        default:
            guard let order = a.compare(b) else {
                // NaN is a number that is neither below, equal to nor above any number: false, not null.
                if let x = a.number, let y = b.number, x.isNaN || y.isNaN { return false }
                return .null
            }
            switch op {
            case .less: return .boolean(order == .less)
            case .greater: return .boolean(order == .greater)
            case .lessOrEqual: return .boolean(order != .greater)
            default: return .boolean(order != .less)
            }
        }
    }

    /// `element IN list`: true if some element is equal, null if none is but some comparison is unknown.
    static func contained(
        _ element: QueryValue, in list: QueryValue, deadline: QueryDeadline, at position: QueryPosition
    ) throws(QueryError) -> QueryValue {
        guard let elements = try list.listElements(at: position) else { return .null }
        var unknown = false
        for candidate in elements {
            try deadline.tick()
            switch element.equals(candidate) {
            case true: return true
            case nil: unknown = true
            default: break
            }
        }
        return unknown ? .null : false
    }
}

/// openCypher's three-valued logic.
enum Logic: Equatable {
    case `true`, `false`, unknown

    /// Reads a logical operand: a Boolean or null; anything else is a type error.
    init(_ value: QueryValue, _ op: Expression.BinaryOperator, at position: QueryPosition) throws(QueryError) {
        switch value {
        case .boolean(let truth): self = truth ? .true : .false
        case .null: self = .unknown
        default: throw QueryError(.runtime, "\(op.rawValue) expects Booleans but got \(value.typeName)", at: position)
        }
    }

    /// AND, OR or XOR of two truth values.
    func combined(with other: Logic, _ op: Expression.BinaryOperator) -> Logic {
        switch op {
        case .and:
            if self == .false || other == .false { return .false }
            return self == .unknown || other == .unknown ? .unknown : .true
        case .or:
            if self == .true || other == .true { return .true }
            return self == .unknown || other == .unknown ? .unknown : .false
        default:
            if self == .unknown || other == .unknown { return .unknown }
            return self == other ? .false : .true
        }
    }

    /// The truth value as a query value.
    var value: QueryValue {
        switch self {
        case .true: true
        case .false: false
        case .unknown: .null
        }
    }
}
