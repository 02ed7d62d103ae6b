/// The variables visible at a point of a query and the row slot each one occupies.
///
/// Rows are arrays of values; a variable's value sits at its slot. Names starting with a space
/// are hidden slots (anonymous pattern elements) that RETURN * does not show.
struct Scope: Sendable {
    /// The name of each slot, in order.
    private(set) var names: [String] = []
    private var slots: [String: Int] = [:]

    /// The number of slots, which is the length of every row in this scope.
    var count: Int { names.count }

    /// The slot of a visible variable.
    func slot(of name: String) -> Int? { slots[name] }

    /// Adds a slot for `name`; the new slot shadows any earlier slot of that name.
    @discardableResult
    mutating func add(_ name: String) -> Int {
        names.append(name)
        slots[name] = names.count - 1
        return names.count - 1
    }

    /// Adds a hidden slot: an anonymous element, or a value kept only to line rows up.
    mutating func addHidden() -> Int {
        names.append(" \(names.count)")
        return names.count - 1
    }

    /// The user-visible variable names in slot order (RETURN * sorts them by name itself).
    var visibleNames: [String] {
        names.enumerated().compactMap { slot, name in
            !name.hasPrefix(" ") && slots[name] == slot ? name : nil
        }
    }
}

/// One row of values, indexed by the slots of a `Scope`.
typealias Row = [QueryValue]

extension Row {
    /// The row followed by nulls up to `width` slots (the row itself when it is that wide): a
    /// row of a clause's input made ready for the slots the clause binds.
    func padded(to width: Int) -> Row {
        var extended = self
        extended.append(contentsOf: repeatElement(QueryValue.null, count: Swift.max(0, width - count)))
        return extended
    }
}
