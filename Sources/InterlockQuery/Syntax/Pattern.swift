/// `(variable:Label {key: value})` in a pattern.
public struct NodePattern: Sendable, Hashable {
    /// The variable bound to the node, if named.
    public var variable: String?
    /// Label constraints: the node must satisfy every group, and a group `A|B` is met by any of its labels.
    public var labels: [[String]]
    /// Property constraints `{key: value}`, all of which must be equal.
    public var properties: [Expression.MapEntry]
    /// Where the pattern starts.
    public var position: QueryPosition
}

/// `-[variable:TYPE|OTHER*1..3 {key: value}]->` in a pattern.
public struct RelationshipPattern: Sendable, Hashable {
    /// Which way the relationship must point, reading the pattern left to right.
    public enum Direction: Sendable, Hashable {
        /// `-->`
        case outgoing
        /// `<--`
        case incoming
        /// `--`: either way.
        case either
    }

    /// The bounds of a variable-length relationship `*min..max`; nil bounds are defaults.
    public struct Length: Sendable, Hashable {
        /// The least number of hops; 1 when omitted.
        public var minimum: Int?
        /// The most hops; `QueryLimits.defaultMaximumHops` when omitted.
        public var maximum: Int?
    }

    /// The variable bound to the relationship (a list of relationships when variable-length).
    public var variable: String?
    /// The allowed types; empty means any type.
    public var types: [String]
    /// Which way it points.
    public var direction: Direction
    /// Set for a variable-length relationship.
    public var length: Length?
    /// Property constraints.
    public var properties: [Expression.MapEntry]
    /// Where the pattern starts.
    public var position: QueryPosition
}

/// One comma-separated part of a pattern: a chain of nodes and relationships, possibly named
/// as a path or wrapped in `shortestPath(...)`.
public struct PatternPart: Sendable, Hashable {
    /// `shortestPath` or `allShortestPaths`.
    public enum Shortest: String, Sendable, Hashable {
        /// One shortest path per pair of ends, or all of them.
        case shortestPath, allShortestPaths
    }

    /// `p = ...`: the variable bound to the whole path.
    public var pathVariable: String?
    /// Set when the chain is wrapped in a shortest-path function.
    public var shortest: Shortest?
    /// The first node.
    public var start: NodePattern
    /// The relationships and nodes that follow, in order.
    public var steps: [PatternStep]
    /// Where the part starts.
    public var position: QueryPosition

    /// Every node pattern of the chain, in order.
    public var nodes: [NodePattern] { [start] + steps.map(\.node) }
}

/// A relationship and the node it leads to.
public struct PatternStep: Sendable, Hashable {
    /// The relationship.
    public var relationship: RelationshipPattern
    /// The node at its far end.
    public var node: NodePattern
}
