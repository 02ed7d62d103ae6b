import InterlockCore

/// One risk found in the portfolio: plain data that reporters format and never change.
public struct Finding: Sendable, Codable, Hashable {
    /// The rule that found it (`dependency-cycle`, or a custom rule's id).
    public var rule: RuleID
    /// How urgent it is.
    public var severity: Severity
    /// Ids of the nodes involved, the most important first; for a cycle, in cycle order.
    public var nodes: [String]
    /// The graph's node numbers of `nodes`, in the same order, so views and reports reach the
    /// nodes without hashing ids; empty for findings built without a graph (decoded, hand-made).
    /// Not part of equality or of the encoded form: ids are the finding's identity.
    public var nodeIndexes: [Int]
    /// One sentence in business language.
    public var message: String
    /// What to do about it.
    public var action: String
    /// Ids of the people or teams to contact.
    public var owners: [String]
    /// The money involved, in the portfolio's currency, where money is involved.
    public var budgetAtStake: Double?
    /// The facts behind `message` and `action`, from which the board writes them in its language;
    /// nil for custom rules (their message is the organisation's own text) and decoded findings.
    /// Like `nodeIndexes`, not part of equality or of the encoded form.
    public var explanation: (any FindingExplanation)?

    /// Creates a finding from node ids, without node numbers.
    public init(
        rule: RuleID, severity: Severity, nodes: [String], message: String, action: String,
        owners: [String] = [], budgetAtStake: Double? = nil
    ) {
        self.init(rule: rule, severity: severity, nodes: nodes, nodeIndexes: [], message: message, action: action,
                  owners: owners, budgetAtStake: budgetAtStake)
    }

    /// Creates a finding about nodes of `graph`, keeping both their ids and their numbers.
    public init(
        rule: RuleID, severity: Severity, nodes: [Int], in graph: PortfolioGraph, message: String, action: String,
        owners: [String] = [], budgetAtStake: Double? = nil
    ) {
        self.init(rule: rule, severity: severity, nodes: nodes.map { graph.id(of: $0) }, nodeIndexes: nodes, message: message,
                  action: action, owners: owners, budgetAtStake: budgetAtStake)
    }

    private init(
        rule: RuleID, severity: Severity, nodes: [String], nodeIndexes: [Int], message: String, action: String,
        owners: [String], budgetAtStake: Double?
    ) {
        self.rule = rule
        self.severity = severity
        self.nodes = nodes
        self.nodeIndexes = nodeIndexes
        self.message = message
        self.action = action
        self.owners = owners
        self.budgetAtStake = budgetAtStake
    }

    private enum CodingKeys: String, CodingKey {
        case rule, severity, nodes, message, action, owners, budgetAtStake
    }

    /// Decodes a finding; it has no node numbers.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            rule: try container.decode(RuleID.self, forKey: .rule), severity: try container.decode(Severity.self, forKey: .severity),
            nodes: try container.decode([String].self, forKey: .nodes), message: try container.decode(String.self, forKey: .message),
            action: try container.decode(String.self, forKey: .action), owners: try container.decode([String].self, forKey: .owners),
            budgetAtStake: try container.decodeIfPresent(Double.self, forKey: .budgetAtStake))
    }

    /// Equal when everything a reader sees is equal; node numbers depend on the graph, not the finding.
    public static func == (lhs: Finding, rhs: Finding) -> Bool {
        lhs.rule == rhs.rule && lhs.severity == rhs.severity && lhs.nodes == rhs.nodes && lhs.message == rhs.message
            && lhs.action == rhs.action && lhs.owners == rhs.owners && lhs.budgetAtStake == rhs.budgetAtStake
    }

    /// Hashes what equality compares.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(rule)
        hasher.combine(severity)
        hasher.combine(nodes)
        hasher.combine(message)
        hasher.combine(action)
        hasher.combine(owners)
        hasher.combine(budgetAtStake)
    }
}

extension Finding {
    /// The finding's stable key, `rule|node|node…` in its node order: SARIF's
    /// `interlockFinding/v1` fingerprint, and how `render --view finding --finding KEY` names it.
    public var fingerprint: String { ([rule.rawValue] + nodes).joined(separator: "|") }

    /// The nodes of `graph` the finding names, in its order: its node numbers when they are
    /// `graph`'s (checked by comparing ids, far cheaper than hashing them), else its ids looked up,
    /// as for a finding of another version of the portfolio; ids `graph` lacks are left out.
    public func nodes(in graph: PortfolioGraph) -> [Int] {
        isNumbered(in: graph) ? nodeIndexes : nodes.compactMap { graph.node(withID: $0) }
    }

    /// Whether the node numbers are `graph`'s: the finding was made in that graph.
    func isNumbered(in graph: PortfolioGraph) -> Bool {
        nodeIndexes.count == nodes.count && zip(nodeIndexes, nodes).allSatisfy { $0 < graph.nodeCount && graph.id(of: $0) == $1 }
    }

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
    /// Every comparison copies the two findings it reads (their strings and arrays retained and
    /// released), so a million findings are sorted with as few comparisons as possible: first
    /// split by severity, in one pass, which leaves a detector's findings in the order it found
    /// them, usually already sorted; a sort then confirms such a run in one comparison per finding.
    public func sortedForReport() -> [Finding] {
        // An analysis's findings are already in this order; checking costs one comparison per
        // finding, sorting them again a hundred thousand string comparisons (`whatif` and `diff`
        // compare two such lists).
        if isInReportOrder { return self }
        return withUnsafeBufferPointer { findings in
            Severity.allCases.sorted(by: >).flatMap { severity in
                var positions = findings.indices.filter { findings[$0].severity == severity }
                positions.sort { Finding.reportOrder(findings[$0], findings[$1]) }
                return positions.map { findings[$0] }
            }
        }
    }

    /// Whether no finding comes before the one ahead of it in report order.
    var isInReportOrder: Bool {
        withUnsafeBufferPointer { findings in
            findings.indices.dropFirst().allSatisfy { !Finding.reportOrder(findings[$0], findings[$0 - 1]) }
        }
    }
}
