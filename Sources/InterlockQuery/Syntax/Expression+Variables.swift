extension Expression {
    /// The variables the expression reads from its surroundings: comprehension and quantifier
    /// variables are local, and every named element of a pattern predicate counts.
    var freeVariables: Set<String> { Set(variableReferences.map(\.name)) }

    /// Each read of a variable from the surroundings, with where it is, in no particular order.
    var variableReferences: [(name: String, position: QueryPosition)] {
        var found: [(name: String, position: QueryPosition)] = []
        // Each entry is an expression and the names bound locally around it.
        var stack: [(Expression, Set<String>)] = [(self, [])]
        while let (expression, local) = stack.popLast() {
            switch expression.kind {
            case .variable(let name):
                if !local.contains(name) { found.append((name, expression.position)) }
            case .listComprehension(let variable, let source, let filter, let projection):
                stack.append((source, local))
                let inner = local.union([variable])
                stack.append(contentsOf: [filter, projection].compactMap { $0 }.map { ($0, inner) })
            case .quantifier(_, let variable, let source, let filter):
                stack.append((source, local))
                stack.append((filter, local.union([variable])))
            case .pattern(let part):
                found += part.variables.subtracting(local).sorted().map { ($0, part.position) }
                stack.append(contentsOf: part.propertyExpressions.map { ($0, local) })
            case .reduce(let accumulator, let initial, let variable, let source, let body):
                stack.append(contentsOf: [(initial, local), (source, local), (body, local.union([accumulator, variable]))])
            case .patternComprehension, .subquery:
                // Names of the patterns are read when bound outside and new otherwise: they
                // count as read (so that the match keeps them), and `patternIntroduced` lets
                // the checker accept the new ones.
                let patterns: [PatternPart] = switch expression.kind {
                case .patternComprehension(let part, _, _): [part]
                case .subquery(_, let patterns, _): patterns
                default: []
                }
                for part in patterns { found += part.variables.subtracting(local).sorted().map { ($0, part.position) } }
                stack.append(contentsOf: expression.children.map { ($0, local) })
            default:
                stack.append(contentsOf: expression.children.map { ($0, local) })
            }
        }
        return found
    }

    /// The names the patterns of comprehensions and subqueries inside the expression may
    /// introduce.
    var patternIntroduced: Set<String> {
        var names: Set<String> = []
        var stack = [self]
        while let expression = stack.popLast() {
            switch expression.kind {
            case .patternComprehension(let part, _, _): names.formUnion(part.variables)
            case .subquery(_, let patterns, _): for part in patterns { names.formUnion(part.variables) }
            default: break
            }
            stack.append(contentsOf: expression.children)
        }
        return names
    }

    /// The pattern when the expression is one, as in `size((a)-->())`.
    var pattern: PatternPart? {
        if case .pattern(let part) = kind { return part }
        return nil
    }

    /// The operands of a chain of ANDs, or the expression itself.
    var conjuncts: [Expression] {
        var result: [Expression] = []
        var stack = [self]
        while let expression = stack.popLast() {
            if case .binary(.and, let left, let right) = expression.kind {
                stack.append(right)
                stack.append(left)
            } else if case .operatorChain(let first, let steps) = expression.kind, steps.allSatisfy({ $0.op == .and }) {
                stack += steps.reversed().map(\.operand)
                stack.append(first)
            } else {
                result.append(expression)
            }
        }
        return result
    }
}

extension PatternPart {
    /// The named nodes, relationships and path of the part.
    var variables: Set<String> {
        var names = Set(nodes.compactMap(\.variable))
        names.formUnion(steps.compactMap(\.relationship.variable))
        if let pathVariable { names.insert(pathVariable) }
        return names
    }

    /// The values of every property constraint in the part.
    var propertyExpressions: [Expression] {
        nodes.flatMap { $0.properties.map(\.value) } + steps.flatMap { $0.relationship.properties.map(\.value) }
    }
}
