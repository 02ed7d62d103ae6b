/// The `=`, `<>`, `<`, `<=`, `>`, `>=` operators with openCypher's three-valued results:
/// nil stands for null (unknown).
extension QueryValue {
    /// `self = other`: nil when either side is null or a null inside a list or map decides it.
    public func equals(_ other: QueryValue) -> Bool? {
        switch (self, other) {
        case (.null, _), (_, .null): return nil
        case (.integer(let a), .integer(let b)): return a == b
        case (.integer, .float), (.float, .integer), (.float, .float): return number == other.number
        case (.list(let a), .list(let b)):
            guard a.count == b.count else { return false }
            return Self.all(zip(a, b).lazy.map { $0.equals($1) })
        case (.map(let a), .map(let b)):
            guard a.count == b.count, a.keys.allSatisfy({ b[$0] != nil }) else { return false }
            return Self.all(a.lazy.map { key, value in value.equals(b[key] ?? .null) })
        default:
            // Same-typed scalars and graph elements compare as equivalence does; mixed types are unequal.
            return sameType(as: other) ? self == other : false
        }
    }

    /// The conjunction of three-valued results: false if any is false, else null if any is null.
    private static func all(_ results: some Sequence<Bool?>) -> Bool? {
        var sawNull = false
        for result in results {
            if result == false { return false }
            if result == nil { sawNull = true }
        }
        return sawNull ? nil : true
    }

    private func sameType(as other: QueryValue) -> Bool {
        typeName == other.typeName
    }

    /// How `self` compares with `other` for `<` and its siblings: nil when they are not
    /// comparable (different types, null, NaN, maps, graph elements).
    public func compare(_ other: QueryValue) -> Ordering? {
        switch (self, other) {
        case (.integer(let a), .integer(let b)): return Ordering(a, b)
        case (.integer, .float), (.float, .integer), (.float, .float):
            guard let a = number, let b = other.number, !a.isNaN, !b.isNaN else { return nil }
            return Ordering(a, b)
        case (.string(let a), .string(let b)): return Ordering(a, b)
        case (.boolean(let a), .boolean(let b)): return Ordering(a ? 1 : 0, b ? 1 : 0)
        case (.list(let a), .list(let b)):
            for (x, y) in zip(a, b) {
                guard let order = x.compare(y) else { return nil }
                if order != .equal { return order }
            }
            return Ordering(a.count, b.count)
        default:
            return nil
        }
    }

    /// The result of comparing two values.
    public enum Ordering: Sendable, Hashable {
        /// Before, the same as, after.
        case less, equal, greater

        init<T: Comparable>(_ a: T, _ b: T) {
            self = a < b ? .less : a == b ? .equal : .greater
        }
    }
}
