/// One risk found in the portfolio: plain data that reporters format and never change.
public struct Finding: Hashable, Sendable, Codable {
    /// The detector's stable id (`dependency-cycle`, ...).
    public var rule: String
    /// How urgent it is.
    public var severity: Severity
    /// Ids of the nodes involved, the most important first; for a cycle, in cycle order.
    public var nodes: [String]
    /// One sentence in business language.
    public var message: String
    /// What to do about it.
    public var action: String
    /// Ids of the people or teams to contact.
    public var owners: [String]
    /// The money involved, in the portfolio's currency, where money is involved.
    public var budgetAtStake: Double?

    /// Creates a finding.
    public init(
        rule: String, severity: Severity, nodes: [String], message: String, action: String,
        owners: [String] = [], budgetAtStake: Double? = nil
    ) {
        self.rule = rule
        self.severity = severity
        self.nodes = nodes
        self.message = message
        self.action = action
        self.owners = owners
        self.budgetAtStake = budgetAtStake
    }
}

extension Finding {
    /// The order every output uses: most severe first, then by rule, nodes and message.
    public static func reportOrder(_ lhs: Finding, _ rhs: Finding) -> Bool {
        if lhs.severity != rhs.severity { return lhs.severity > rhs.severity }
        if lhs.rule != rhs.rule { return lhs.rule < rhs.rule }
        if lhs.nodes != rhs.nodes { return lhs.nodes.lexicographicallyPrecedes(rhs.nodes) }
        return lhs.message < rhs.message
    }
}
