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
        if lhs.severity != rhs.severity || lhs.rule != rhs.rule { return groupPrecedes(lhs, rhs) }
        // One pass over the node ids: a million findings are sorted with this.
        for (left, right) in zip(lhs.nodes, rhs.nodes) where left != right { return left < right }
        if lhs.nodes.count != rhs.nodes.count { return lhs.nodes.count < rhs.nodes.count }
        return lhs.message < rhs.message
    }

    /// The order of the groups of findings that share severity and rule: report order's first two keys.
    static func groupPrecedes(_ lhs: Finding, _ rhs: Finding) -> Bool {
        lhs.severity != rhs.severity ? lhs.severity > rhs.severity : lhs.rule < rhs.rule
    }
}

extension Array where Element == Finding {
    /// The findings in report order.
    ///
    /// Every comparison copies the two findings it reads (five strings and arrays retained and
    /// released), so a million findings are sorted with as few comparisons as possible: first
    /// split by severity, in one pass, which leaves a detector's findings in the order it found
    /// them, usually already sorted; a sort then confirms such a run in one comparison per finding.
    public func sortedForReport() -> [Finding] {
        withUnsafeBufferPointer { findings in
            Severity.allCases.sorted(by: >).flatMap { severity in
                var positions = findings.indices.filter { findings[$0].severity == severity }
                positions.sort { Finding.reportOrder(findings[$0], findings[$1]) }
                return positions.map { findings[$0] }
            }
        }
    }
}
