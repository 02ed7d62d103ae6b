/// An expression of the query language, with the place it starts in the query text.
public struct Expression: Sendable, Hashable {
    /// A literal scalar.
    public enum Literal: Sendable, Hashable {
        case null
        case boolean(Bool)
        case integer(Int)
        case float(Double)
        case string(String)
    }

    /// Operators with two operands.
    public enum BinaryOperator: String, Sendable, Hashable, CaseIterable {
        case or = "OR", xor = "XOR", and = "AND"
        case equal = "=", notEqual = "<>", less = "<", greater = ">", lessOrEqual = "<=", greaterOrEqual = ">="
        case add = "+", subtract = "-", multiply = "*", divide = "/", modulo = "%", power = "^"
        case `in` = "IN", startsWith = "STARTS WITH", endsWith = "ENDS WITH", contains = "CONTAINS", matches = "=~"
    }

    /// Operators with one operand.
    public enum UnaryOperator: String, Sendable, Hashable {
        case not = "NOT", minus = "-", plus = "+"
    }

    /// One `WHEN ... THEN ...` of a CASE expression.
    public struct CaseBranch: Sendable, Hashable {
        /// The condition, or the value compared with the subject in the simple form.
        public var when: Expression
        /// The result when the branch applies.
        public var then: Expression
    }

    /// The shape of an expression.
    public indirect enum Kind: Sendable, Hashable {
        case literal(Literal)
        case list([Expression])
        /// A map literal; keys keep their written order.
        case map([MapEntry])
        case variable(String)
        case parameter(String)
        case property(Expression, key: String)
        case index(Expression, index: Expression)
        case slice(Expression, from: Expression?, to: Expression?)
        case unary(UnaryOperator, Expression)
        case binary(BinaryOperator, Expression, Expression)
        /// `a < b <= c`: comparisons chained, each pair joined by AND.
        case comparisonChain(Expression, [ComparisonStep])
        case isNull(Expression, negated: Bool)
        /// `n:Label:Other`: true when the node has every label.
        case hasLabels(Expression, [String])
        /// A function call; `distinct` only for aggregates, as in `count(DISTINCT x)`.
        case function(name: String, distinct: Bool, arguments: [Expression])
        case countStar
        case caseExpression(subject: Expression?, branches: [CaseBranch], otherwise: Expression?)
        case listComprehension(variable: String, source: Expression, filter: Expression?, projection: Expression?)
        /// `any(x IN list WHERE pred)` and its siblings `all`, `none`, `single`.
        case quantifier(Quantifier, variable: String, source: Expression, filter: Expression)
        /// A pattern used as a predicate: `(a)-[:DEPENDS_ON]->()` or `exists((a)-->())`.
        case pattern(PatternPart)
    }

    /// `all`, `any`, `none`, `single` list predicates.
    public enum Quantifier: String, Sendable, Hashable {
        case all, any, none, single
    }

    /// One key and value of a map literal.
    public struct MapEntry: Sendable, Hashable {
        /// The key.
        public var key: String
        /// The value.
        public var value: Expression
    }

    /// One further operand of a comparison chain, with its operator.
    public struct ComparisonStep: Sendable, Hashable {
        /// The comparison operator applied between the previous operand and this one.
        public var comparison: BinaryOperator
        /// The operand.
        public var operand: Expression
    }

    /// The shape of the expression.
    public var kind: Kind
    /// Where the expression starts in the query text.
    public var position: QueryPosition

    /// Creates an expression.
    public init(_ kind: Kind, at position: QueryPosition) {
        self.kind = kind
        self.position = position
    }
}

extension Expression {
    /// The names of the aggregating functions.
    static let aggregateNames: Set<String> = ["count", "collect", "sum", "avg", "min", "max"]

    /// Whether this expression is a call of an aggregating function (`count(*)` included).
    var isAggregateCall: Bool {
        switch kind {
        case .countStar: true
        case .function(let name, _, _): Self.aggregateNames.contains(name.lowercased())
        default: false
        }
    }

    /// The direct sub-expressions, in reading order; patterns are not descended into.
    var children: [Expression] {
        switch kind {
        case .literal, .variable, .parameter, .countStar, .pattern: []
        case .list(let items): items
        case .map(let entries): entries.map(\.value)
        case .property(let base, _), .hasLabels(let base, _), .isNull(let base, _), .unary(_, let base): [base]
        case .index(let base, let index): [base, index]
        case .slice(let base, let from, let to): [base] + [from, to].compactMap { $0 }
        case .binary(_, let left, let right): [left, right]
        case .comparisonChain(let first, let steps): [first] + steps.map(\.operand)
        case .function(_, _, let arguments): arguments
        case .caseExpression(let subject, let branches, let otherwise):
            [subject].compactMap { $0 } + branches.flatMap { [$0.when, $0.then] } + [otherwise].compactMap { $0 }
        case .listComprehension(_, let source, let filter, let projection): [source] + [filter, projection].compactMap { $0 }
        case .quantifier(_, _, let source, let filter): [source, filter]
        }
    }

    /// Whether an aggregate call occurs anywhere in the expression (not inside patterns).
    var containsAggregate: Bool {
        var stack = [self]
        while let expression = stack.popLast() {
            if expression.isAggregateCall { return true }
            stack.append(contentsOf: expression.children)
        }
        return false
    }
}
