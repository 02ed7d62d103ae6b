/// Equivalence, used by DISTINCT, grouping keys and UNION: unlike `=`, null is equivalent to
/// null and NaN to NaN; an integer and a float of the same value are equivalent.
extension QueryValue: Hashable {
    /// Whether two values are equivalent (the same group, the same distinct row).
    public static func == (lhs: QueryValue, rhs: QueryValue) -> Bool {
        switch (lhs, rhs) {
        case (.null, .null): true
        case (.boolean(let a), .boolean(let b)): a == b
        case (.integer(let a), .integer(let b)): a == b
        case (.integer, .float), (.float, .integer), (.float, .float):
            lhs.number == rhs.number || (lhs.number?.isNaN == true && rhs.number?.isNaN == true)
        case (.string(let a), .string(let b)): a == b
        case (.list(let a), .list(let b)): a == b
        case (.map(let a), .map(let b)): a == b
        case (.node(let a), .node(let b)): a == b
        case (.relationship(let a), .relationship(let b)): a == b
        case (.path(let a), .path(let b)): a == b
        default: false
        }
    }

    /// Hashes consistently with equivalence: numbers hash by their Double value.
    public func hash(into hasher: inout Hasher) {
        switch self {
        case .null: hasher.combine(0)
        case .boolean(let value): hasher.combine(value)
        case .integer, .float:
            // Double's own hashing already makes -0.0 and 0.0 alike; every NaN gets one hash.
            let value = number ?? 0
            if value.isNaN { hasher.combine("NaN") } else { hasher.combine(value) }
        case .string(let value): hasher.combine(value)
        case .list(let values): hasher.combine(values)
        case .map(let values): hasher.combine(values)
        case .node(let node):
            hasher.combine(1)
            hasher.combine(node)
        case .relationship(let relationship):
            hasher.combine(2)
            hasher.combine(relationship)
        case .path(let path): hasher.combine(path)
        }
    }
}
