/// Canonical query text: parsing it gives back the same query (positions and column texts
/// aside), which tests use to check the parser round-trips.
extension Query {
    /// The query written back as text.
    public var cypher: String {
        var text = parts.first.map(\.cypher) ?? ""
        for (all, part) in zip(unionAll, parts.dropFirst()) {
            text += (all ? " UNION ALL " : " UNION ") + part.cypher
        }
        return text
    }
}

extension SingleQuery {
    /// The clauses written back as text, separated by spaces.
    public var cypher: String { clauses.map(\.cypher).joined(separator: " ") }
}

extension Clause {
    /// The clause written back as text.
    public var cypher: String {
        switch self {
        case .match(let match):
            (match.optional ? "OPTIONAL MATCH " : "MATCH ") + match.patterns.map(\.cypher).joined(separator: ", ")
                + (match.predicate.map { " WHERE " + $0.cypher } ?? "")
        case .unwind(let unwind):
            "UNWIND \(unwind.list.cypher) AS \(unwind.variable.quotedName)"
        case .with(let projection):
            "WITH " + projection.cypher
        case .return(let projection):
            "RETURN " + projection.cypher
        case .call(let call):
            call.cypher
        }
    }
}

extension Projection {
    /// The body after WITH or RETURN.
    var cypher: String {
        var parts: [String] = includesAll ? ["*"] : []
        parts += items.map { item in
            item.expression.cypher + (item.alias.map { " AS " + $0.quotedName } ?? "")
        }
        var text = (distinct ? "DISTINCT " : "") + parts.joined(separator: ", ")
        if !orderBy.isEmpty {
            text += " ORDER BY " + orderBy.map { $0.expression.cypher + ($0.descending ? " DESC" : "") }
                .joined(separator: ", ")
        }
        if let skip { text += " SKIP " + skip.cypher }
        if let limit { text += " LIMIT " + limit.cypher }
        if let predicate { text += " WHERE " + predicate.cypher }
        return text
    }
}

extension Call {
    /// The CALL clause written back as text.
    var cypher: String {
        var text = "CALL \(procedure)(\(arguments.map(\.cypher).joined(separator: ", ")))"
        if let yields {
            text += " YIELD " + yields.map { $0.field + ($0.alias.map { " AS " + $0.quotedName } ?? "") }
                .joined(separator: ", ")
        }
        if let predicate { text += " WHERE " + predicate.cypher }
        return text
    }
}

extension PatternPart {
    /// The pattern written back as text.
    public var cypher: String {
        var chain = start.cypher
        for step in steps { chain += step.relationship.cypher + step.node.cypher }
        if let shortest { chain = "\(shortest.rawValue)(\(chain))" }
        return (pathVariable.map { $0.quotedName + " = " } ?? "") + chain
    }
}

extension NodePattern {
    /// `(n:Label {key: value})`.
    var cypher: String {
        let labelText = labels.map { ":" + $0.map(\.quotedName).joined(separator: "|") }.joined()
        let name = variable?.quotedName ?? ""
        let map = properties.isEmpty ? "" : (name.isEmpty && labelText.isEmpty ? "" : " ") + properties.cypher
        return "(\(name)\(labelText)\(map))"
    }
}

extension RelationshipPattern {
    /// `-[r:T*1..2 {key: value}]->`.
    var cypher: String {
        var inside = variable?.quotedName ?? ""
        if !types.isEmpty { inside += ":" + types.map(\.quotedName).joined(separator: "|") }
        if let length {
            inside += "*"
            if let minimum = length.minimum, minimum == length.maximum {
                inside += "\(minimum)"
            } else if length.minimum != nil || length.maximum != nil {
                inside += (length.minimum.map(String.init) ?? "") + ".." + (length.maximum.map(String.init) ?? "")
            }
        }
        if !properties.isEmpty { inside += (inside.isEmpty ? "" : " ") + properties.cypher }
        let body = inside.isEmpty ? "--" : "-[\(inside)]-"
        switch direction {
        case .outgoing: return body + ">"
        case .incoming: return "<" + body
        case .either: return body
        }
    }
}

extension [Expression.MapEntry] {
    /// `{key: value, ...}`.
    var cypher: String {
        "{" + map { "\($0.key.quotedName): \($0.value.cypher)" }.joined(separator: ", ") + "}"
    }
}

extension Expression {
    /// The expression written back as text, operands of operators in parentheses when needed.
    public var cypher: String {
        switch kind {
        case .literal(let literal): literal.cypher
        case .list(let items): "[" + items.map(\.cypher).joined(separator: ", ") + "]"
        case .map(let entries): entries.cypher
        case .variable(let name): name.quotedName
        case .parameter(let name): "$" + name.quotedName
        case .property(let base, let key): base.operandText + "." + key.quotedName
        case .index(let base, let index): base.operandText + "[" + index.cypher + "]"
        case .slice(let base, let from, let to):
            base.operandText + "[" + (from?.cypher ?? "") + ".." + (to?.cypher ?? "") + "]"
        case .unary(.not, let operand): "NOT " + operand.operandText
        case .unary(let op, let operand): op.rawValue + operand.operandText
        case .binary(let op, let left, let right): left.operandText + " " + op.rawValue + " " + right.operandText
        case .comparisonChain(let first, let steps):
            first.operandText + steps.map { " \($0.comparison.rawValue) " + $0.operand.operandText }.joined()
        case .operatorChain(let first, let steps):
            first.operandText + steps.map { " \($0.op.rawValue) " + $0.operand.operandText }.joined()
        case .isNull(let operand, let negated): operand.operandText + (negated ? " IS NOT NULL" : " IS NULL")
        case .hasLabels(let operand, let labels): operand.operandText + labels.map { ":" + $0.quotedName }.joined()
        case .function(let name, let distinct, let arguments):
            name + "(" + (distinct ? "DISTINCT " : "") + arguments.map(\.cypher).joined(separator: ", ") + ")"
        case .countStar: "count(*)"
        case .caseExpression(let subject, let branches, let otherwise):
            "CASE" + (subject.map { " " + $0.cypher } ?? "")
                + branches.map { " WHEN \($0.when.cypher) THEN \($0.then.cypher)" }.joined()
                + (otherwise.map { " ELSE " + $0.cypher } ?? "") + " END"
        case .listComprehension(let variable, let source, let filter, let projection):
            "[\(variable.quotedName) IN \(source.cypher)" + (filter.map { " WHERE " + $0.cypher } ?? "")
                + (projection.map { " | " + $0.cypher } ?? "") + "]"
        case .quantifier(let quantifier, let variable, let source, let filter):
            "\(quantifier.rawValue)(\(variable.quotedName) IN \(source.cypher) WHERE \(filter.cypher))"
        case .pattern(let part): part.cypher
        case .reduce(let accumulator, let initial, let variable, let source, let body):
            "reduce(\(accumulator.quotedName) = \(initial.cypher), \(variable.quotedName) IN \(source.cypher) | \(body.cypher))"
        case .patternComprehension(let part, let filter, let projection):
            "[" + part.cypher + (filter.map { " WHERE " + $0.cypher } ?? "") + " | " + projection.cypher + "]"
        case .subquery(let kind, let patterns, let filter):
            kind.rawValue + " { MATCH " + patterns.map(\.cypher).joined(separator: ", ")
                + (filter.map { " WHERE " + $0.cypher } ?? "") + " }"
        case .mapProjection(let base, let entries, let allProperties):
            base.operandText + " {" + ((allProperties ? [".*"] : []) + entries.map { $0.key.quotedName + ": " + $0.value.cypher })
                .joined(separator: ", ") + "}"
        }
    }

    /// The text of an operand: parenthesised when it is itself an operator expression.
    private var operandText: String {
        switch kind {
        case .binary, .comparisonChain, .operatorChain, .unary, .isNull: "(" + cypher + ")"
        case .literal(.integer(let value)) where value < 0: "(" + cypher + ")"
        case .literal(.float(let value)) where value < 0: "(" + cypher + ")"
        default: cypher
        }
    }
}

extension Expression.Literal {
    /// The literal as written in a query.
    var cypher: String {
        switch self {
        case .null: "null"
        case .boolean(let value): value ? "true" : "false"
        case .integer(let value): String(value)
        case .float(let value): QueryValue.float(value).literalText
        case .string(let value): QueryValue.string(value).literalText
        }
    }
}

extension String {
    /// The name as is when it is a plain identifier, else between backticks.
    var quotedName: String {
        let plain = first.map { $0.isLetter || $0 == "_" } == true
            && allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" }
            && !Parser.reserved.contains(uppercased())
        return plain ? self : "`" + flatMap { $0 == "`" ? "``" : String($0) } + "`"
    }
}
