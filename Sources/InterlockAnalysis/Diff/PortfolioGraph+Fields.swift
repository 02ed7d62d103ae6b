import InterlockCore

extension PortfolioGraph {
    /// The fields of a node's entity as written in the format (`name`, `owner`, `budget`...), in
    /// the order of the entity's field table, each as display text, absent fields and empty lists
    /// left out; lists are joined with ", ". The id is what pairs nodes, so it is not a field here;
    /// neither is the location: moving a definition to another file changes nothing.
    public func fields(of node: Int) -> [(field: String, value: String)] {
        kind(of: node).fields.enumerated().compactMap { position, field in
            guard field.type != .id, let value = fieldValue(at: position, of: node).flatMap(Self.text) else { return nil }
            return (field.name, value)
        }
    }

    private static func text(_ value: FieldValue) -> String? {
        switch value {
        case .text(let text): text
        case .number(let number): Self.number(number)
        case .boolean(let flag): String(flag)
        case .list(let items): items.isEmpty ? nil : items.joined(separator: ", ")
        }
    }

    /// A budget as written: whole amounts without a fraction.
    private static func number(_ value: Double) -> String {
        value.rounded() == value && abs(value) < 1e15 ? String(Int(value)) : String(value)
    }
}
