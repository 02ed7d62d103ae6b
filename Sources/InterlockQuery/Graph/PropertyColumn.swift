/// One property of the nodes of a label, as a scan reads it node after node
/// (`QueryableGraph.propertyColumn`).
public enum PropertyColumn: Sendable {
    /// Any value, null when absent, read by a function of the node.
    case values(@Sendable (Int) -> QueryValue)
    /// Values kept in an array: node `n`'s is `values[n - first]`.
    case stored([QueryValue], first: Int)
    /// One of a few values kept as its position in `choices` (`UInt8.max`: null): node `n`'s
    /// is `positions[n - first]`. Grouping by it indexes an array: no value is made,
    /// compared or hashed per node.
    case choices([QueryValue], positions: [UInt8], first: Int)

    /// The reader of the property's value, by node.
    var reader: @Sendable (Int) -> QueryValue {
        switch self {
        case .values(let read):
            read
        case .stored(let values, let first):
            { node in values[node - first] }
        case .choices(let choices, let positions, let first):
            { node in
                let position = positions[node - first]
                return position == UInt8.max ? .null : choices[Int(position)]
            }
        }
    }
}
