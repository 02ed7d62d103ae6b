/// An expression of the query language, with the place it starts in the query text.
public struct Expression: Sendable, Hashable {
    /// A literal scalar.
    public enum Literal: Sendable, Hashable {
        /// `null`.
        case null
        /// `true` or `false`.
        case boolean(Bool)
        /// An integer such as `42` or `0x1F`.
        case integer(Int)
        /// A float such as `2.5` or `1e3`.
        case float(Double)
        /// A string, escapes resolved.
        case string(String)
    }

    /// Operators with two operands.
    public enum BinaryOperator: String, Sendable, Hashable, CaseIterable {
        /// Logical operators, three-valued.
        case or = "OR", xor = "XOR", and = "AND"
        /// Comparisons.
        case equal = "=", notEqual = "<>", less = "<", greater = ">", lessOrEqual = "<=", greaterOrEqual = ">="
        /// Arithmetic (`+` also joins strings and lists).
        case add = "+", subtract = "-", multiply = "*", divide = "/", modulo = "%", power = "^"
        /// List membership and string predicates.
        case `in` = "IN", startsWith = "STARTS WITH", endsWith = "ENDS WITH", contains = "CONTAINS", matches = "=~"
    }

    /// Operators with one operand.
    public enum UnaryOperator: String, Sendable, Hashable {
        /// `NOT x`, `-x`, `+x`.
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
        /// A literal scalar.
        case literal(Literal)
        /// `[a, b]`.
        case list([Expression])
        /// A map literal; keys keep their written order.
        case map([MapEntry])
        /// A variable.
        case variable(String)
        /// `$name`.
        case parameter(String)
        /// `x.key`.
        case property(Expression, key: String)
        /// `x[index]`.
        case index(Expression, index: Expression)
        /// `x[from..to]`.
        case slice(Expression, from: Expression?, to: Expression?)
        /// A unary operator and its operand.
        case unary(UnaryOperator, Expression)
        /// A binary operator and its operands.
        case binary(BinaryOperator, Expression, Expression)
        /// `a < b <= c`: comparisons chained, each pair joined by AND.
        case comparisonChain(Expression, [ComparisonStep])
        /// `a + b - c`, `a AND b AND c`: three or more operands of one precedence level,
        /// applied left to right. Kept flat so that a chain of thousands of operands neither
        /// deepens the tree nor the recursion that compiles and evaluates it.
        case operatorChain(Expression, [OperatorStep])
        /// `x IS NULL`, or `x IS NOT NULL` when negated.
        case isNull(Expression, negated: Bool)
        /// `n:Label:Other`: true when the node has every label.
        case hasLabels(Expression, [String])
        /// A function call; `distinct` only for aggregates, as in `count(DISTINCT x)`.
        case function(name: String, distinct: Bool, arguments: [Expression])
        /// `count(*)`.
        case countStar
        /// `CASE [subject] WHEN ... THEN ... [ELSE ...] END`.
        case caseExpression(subject: Expression?, branches: [CaseBranch], otherwise: Expression?)
        /// `[x IN list WHERE filter | projection]`.
        case listComprehension(variable: String, source: Expression, filter: Expression?, projection: Expression?)
        /// `any(x IN list WHERE pred)` and its siblings `all`, `none`, `single`.
        case quantifier(Quantifier, variable: String, source: Expression, filter: Expression)
        /// A pattern used as a predicate: `(a)-[:DEPENDS_ON]->()` or `exists((a)-->())`.
        case pattern(PatternPart)
        /// `reduce(accumulator = initial, variable IN source | expression)`.
        case reduce(accumulator: String, initial: Expression, variable: String, source: Expression, expression: Expression)
        /// `[(a)-->(b) WHERE filter | projection]`: one value per match; the pattern may
        /// introduce variables, local to the comprehension.
        case patternComprehension(PatternPart, filter: Expression?, projection: Expression)
        /// `EXISTS { [MATCH] pattern [WHERE filter] }` or `COUNT { ... }`.
        case subquery(Subquery, patterns: [PatternPart], filter: Expression?)
        /// `n {.key, key: value, variable, .*}`: the `.key` and `variable` items are kept as
        /// entries `key: n.key` and `variable: variable`; `.*` sets `allProperties`.
        case mapProjection(Expression, [MapEntry], allProperties: Bool)
    }

    /// The pattern subqueries.
    public enum Subquery: String, Sendable, Hashable {
        /// `EXISTS { ... }`: whether there is a match; `COUNT { ... }`: how many.
        case exists = "EXISTS", count = "COUNT"
    }

    /// `all`, `any`, `none`, `single` list predicates.
    public enum Quantifier: String, Sendable, Hashable {
        /// True when the predicate holds for every, some, no, or exactly one element.
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

    /// One further operand of an operator chain, with the operator applied to the value so far.
    public struct OperatorStep: Sendable, Hashable {
        /// The operator joining the value of the operands before this one and this operand.
        public var op: BinaryOperator
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
    static let aggregateNames: Set<String> = [
        "count", "collect", "sum", "avg", "min", "max", "stdev", "stdevp", "percentilecont", "percentiledisc",
    ]

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
        case .operatorChain(let first, let steps): [first] + steps.map(\.operand)
        case .function(_, _, let arguments): arguments
        case .caseExpression(let subject, let branches, let otherwise):
            [subject].compactMap { $0 } + branches.flatMap { [$0.when, $0.then] } + [otherwise].compactMap { $0 }
        case .listComprehension(_, let source, let filter, let projection): [source] + [filter, projection].compactMap { $0 }
        case .quantifier(_, _, let source, let filter): [source, filter]
        case .reduce(_, let initial, _, let source, let expression): [initial, source, expression]
        case .patternComprehension(let part, let filter, let projection):
            part.propertyExpressions + [filter, projection].compactMap { $0 }
        case .subquery(_, let patterns, let filter): patterns.flatMap(\.propertyExpressions) + [filter].compactMap { $0 }
        case .mapProjection(let base, let entries, _): [base] + entries.map(\.value)
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
