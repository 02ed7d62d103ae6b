/// A parsed query: one or more single queries joined by UNION or UNION ALL.
public struct Query: Sendable, Hashable {
    /// The single queries, in order.
    public var parts: [SingleQuery]
    /// For each join (`parts.count - 1` of them), whether it is UNION ALL (keeps duplicates).
    public var unionAll: [Bool]
}

/// A chain of clauses ending in RETURN (or a standalone CALL).
public struct SingleQuery: Sendable, Hashable {
    /// The clauses in order.
    public var clauses: [Clause]
}

/// One clause of a query.
public enum Clause: Sendable, Hashable {
    /// `[OPTIONAL] MATCH`.
    case match(Match)
    /// `UNWIND`.
    case unwind(Unwind)
    /// `WITH`.
    case with(Projection)
    /// `RETURN`.
    case `return`(Projection)
    /// `CALL`.
    case call(Call)

    /// Where the clause starts.
    public var position: QueryPosition {
        switch self {
        case .match(let match): match.position
        case .unwind(let unwind): unwind.position
        case .with(let projection), .return(let projection): projection.position
        case .call(let call): call.position
        }
    }
}

/// `[OPTIONAL] MATCH pattern, ... [WHERE predicate]`.
public struct Match: Sendable, Hashable {
    /// Whether rows without a match are kept with nulls.
    public var optional: Bool
    /// The comma-separated pattern parts.
    public var patterns: [PatternPart]
    /// The filter.
    public var predicate: Expression?
    /// Where the clause starts.
    public var position: QueryPosition
}

/// `UNWIND list AS variable`.
public struct Unwind: Sendable, Hashable {
    /// The list to unwind.
    public var list: Expression
    /// The variable bound to each element.
    public var variable: String
    /// Where the clause starts.
    public var position: QueryPosition
}

/// The body of WITH and RETURN.
public struct Projection: Sendable, Hashable {
    /// `expression [AS alias]`.
    public struct Item: Sendable, Hashable {
        /// The projected expression.
        public var expression: Expression
        /// The name given with AS.
        public var alias: String?
        /// The expression as written, which names the column when there is no alias.
        public var text: String

        /// The column name: the alias, else the text as written.
        public var name: String { alias ?? text }
    }

    /// `expression [ASC|DESC]` in ORDER BY.
    public struct SortItem: Sendable, Hashable {
        /// The sort key.
        public var expression: Expression
        /// Whether the order is descending.
        public var descending: Bool
    }

    /// DISTINCT.
    public var distinct: Bool
    /// `*`: every variable in scope, before the items.
    public var includesAll: Bool
    /// The projected items.
    public var items: [Item]
    /// ORDER BY keys, in order.
    public var orderBy: [SortItem]
    /// SKIP.
    public var skip: Expression?
    /// LIMIT.
    public var limit: Expression?
    /// WHERE after WITH.
    public var predicate: Expression?
    /// Where the clause starts.
    public var position: QueryPosition

    /// Whether any item aggregates, which makes the other items grouping keys.
    public var isAggregating: Bool { items.contains { $0.expression.containsAggregate } }
}

/// `CALL namespace.procedure(arguments) [YIELD field [AS alias], ... [WHERE predicate]]`.
public struct Call: Sendable, Hashable {
    /// `field [AS alias]` in YIELD.
    public struct YieldItem: Sendable, Hashable {
        /// The procedure's output field.
        public var field: String
        /// The variable it is bound to.
        public var alias: String?

        /// The variable name in scope after the call.
        public var name: String { alias ?? field }
    }

    /// The dotted procedure name, such as `interlock.findings`.
    public var procedure: String
    /// The arguments.
    public var arguments: [Expression]
    /// The yielded fields; nil when YIELD is omitted (then every field is yielded).
    public var yields: [YieldItem]?
    /// WHERE after YIELD.
    public var predicate: Expression?
    /// Where the clause starts.
    public var position: QueryPosition
}
