/// Function calls: `exists` and `coalesce` are special (they look at their arguments before
/// or instead of evaluating them); the rest are `ScalarFunction`s.
extension ExpressionCompiler {
    func compileFunction(_ name: String, _ arguments: [Expression], at position: QueryPosition) throws(QueryError) -> Evaluator {
        if name.lowercased() == "size", arguments.count == 1, let part = arguments[0].pattern {
            return try compilePatternCount(part)
        }
        switch name.lowercased() {
        case "exists":
            guard arguments.count == 1, let argument = arguments.first else {
                throw QueryError(.semantic, "exists() takes one argument", at: position)
            }
            if case .pattern(let part) = argument.kind { return try compilePatternPredicate(part) }
            let value = try compile(argument)
            return { row throws(QueryError) in .boolean(!(try value(row)).isNull) }
        case "coalesce":
            guard !arguments.isEmpty else { throw QueryError(.semantic, "coalesce() needs arguments", at: position) }
            let values = try compileAll(arguments)
            return { row throws(QueryError) in
                for value in values {
                    let result = try value(row)
                    if !result.isNull { return result }
                }
                return .null
            }
        default:
            guard let function = ScalarFunction(named: name) else {
                throw QueryError(.semantic, "unknown function '\(name)'", at: position)
            }
            guard function.arity.contains(arguments.count) else {
                let expected = function.arity.count == 1
                    ? "\(function.arity.lowerBound)" : "\(function.arity.lowerBound) to \(function.arity.upperBound)"
                throw QueryError(
                    .semantic, "\(function.rawValue)() takes \(expected) argument(s), not \(arguments.count)", at: position)
            }
            let values = try compileAll(arguments)
            let graph = context.graph
            let budget = context.budget
            return { row throws(QueryError) in
                try budget.checked(try function.apply(try values.evaluate(row), graph: graph, budget: budget, at: position), at: position)
            }
        }
    }
}
