/// The total order used by ORDER BY, min and max: every value has a place. Ascending, types
/// come in openCypher's order map, node, relationship, list, path, string, boolean, number,
/// and null last; NaN sorts after every other number.
extension QueryValue {
    /// Whether `self` sorts strictly before `other` in ascending order.
    public func sortsBefore(_ other: QueryValue) -> Bool {
        orderCompare(other) == .less
    }

    /// The total-order comparison.
    func orderCompare(_ other: QueryValue) -> Ordering {
        // Two integers, what `min()` and `ORDER BY` compare most, without building the pair below.
        if case .integer(let number) = self, case .integer(let otherNumber) = other { return Ordering(number, otherNumber) }
        let rank = typeRank, otherRank = other.typeRank
        guard rank == otherRank else { return Ordering(rank, otherRank) }
        switch (self, other) {
        case (.integer(let a), .integer(let b)): return Ordering(a, b)
        case (.integer, .float), (.float, .integer), (.float, .float):
            let a = number ?? 0, b = other.number ?? 0
            if a.isNaN || b.isNaN { return Ordering(a.isNaN ? 1 : 0, b.isNaN ? 1 : 0) }
            return Ordering(a, b)
        case (.string(let a), .string(let b)): return Ordering(a, b)
        case (.boolean(let a), .boolean(let b)): return Ordering(a ? 1 : 0, b ? 1 : 0)
        case (.list(let a), .list(let b)): return Self.orderCompare(a, b)
        case (.node(let a), .node(let b)), (.relationship(let a), .relationship(let b)): return Ordering(a, b)
        case (.path(let a), .path(let b)):
            let nodes = Self.orderCompare(a.nodes.map(QueryValue.node), b.nodes.map(QueryValue.node))
            return nodes != .equal
                ? nodes
                : Self.orderCompare(a.relationships.map(QueryValue.relationship), b.relationships.map(QueryValue.relationship))
        case (.map(let a), .map(let b)):
            // Maps order by their sorted keys, then by the values under those keys.
            let aKeys = a.keys.sorted(), bKeys = b.keys.sorted()
            let keys = Self.orderCompare(aKeys.map(QueryValue.string), bKeys.map(QueryValue.string))
            return keys != .equal
                ? keys : Self.orderCompare(aKeys.map { a[$0] ?? .null }, bKeys.map { b[$0] ?? .null })
        default:
            return .equal
        }
    }

    private static func orderCompare(_ a: [QueryValue], _ b: [QueryValue]) -> Ordering {
        for (x, y) in zip(a, b) {
            let order = x.orderCompare(y)
            if order != .equal { return order }
        }
        return Ordering(a.count, b.count)
    }

    private var typeRank: Int {
        switch self {
        case .map: 0
        case .node: 1
        case .relationship: 2
        case .list: 3
        case .path: 4
        case .string: 5
        case .boolean: 6
        case .integer, .float: 7
        case .null: 8
        }
    }
}
