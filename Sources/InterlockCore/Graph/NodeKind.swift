/// What a node of the portfolio graph stands for; the raw value orders nodes in the graph.
public enum NodeKind: UInt8, CaseIterable, Hashable, Sendable, Comparable {
    /// An `Initiative`.
    case initiative
    /// A `Technology`.
    case technology
    /// A `DataSource`.
    case dataSource
    /// A `Capability`.
    case capability
    /// A `Goal`.
    case goal
    /// A `BusinessUnit`.
    case unit
    /// A `Person`.
    case person
    /// A `Team`.
    case team

    /// The label queries and exports use (DESIGN.md, "The graph as queries and exports see it").
    public var label: String {
        switch self {
        case .initiative: "Initiative"
        case .technology: "Technology"
        case .dataSource: "DataSource"
        case .capability: "Capability"
        case .goal: "Goal"
        case .unit: "Unit"
        case .person: "Person"
        case .team: "Team"
        }
    }

    /// Lower-case words for messages ("data source").
    public var noun: String {
        switch self {
        case .initiative: "initiative"
        case .technology: "technology"
        case .dataSource: "data source"
        case .capability: "capability"
        case .goal: "goal"
        case .unit: "business unit"
        case .person: "person"
        case .team: "team"
        }
    }

    /// Declaration order.
    public static func < (lhs: NodeKind, rhs: NodeKind) -> Bool { lhs.rawValue < rhs.rawValue }
}
