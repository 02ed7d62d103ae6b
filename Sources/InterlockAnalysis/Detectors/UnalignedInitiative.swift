import InterlockCore

extension RuleID {
    /// `unaligned-initiative`.
    public static let unalignedInitiative = RuleID("unaligned-initiative")
}

/// `unaligned-initiative`: an active initiative that serves none of the portfolio's goals, so
/// nobody can say how it moves the vision forward. A goal id that does not exist does not count
/// (it is reported as a dangling reference as well).
public struct UnalignedInitiative: Detector {
    /// `unaligned-initiative`.
    public let id = RuleID.unalignedInitiative
    /// How the board report speaks of it.
    public let wording = RuleWording(
        title: "Initiatives serving no goal",
        whyItMatters: "Budget goes to work that serves none of the organisation's goals.")
    /// What the detector looks for.
    public let summary = "An active initiative that serves no goal of the portfolio."

    /// Creates the detector.
    public init() {}

    /// One warning per active initiative without an existing goal.
    public func run(in context: AnalysisContext) -> [Finding] {
        let graph = context.graph
        return graph.nodes(ofKind: .initiative).compactMap { node in
            guard graph.isActiveInitiative(node), graph.successors(of: node, via: .supports).isEmpty else { return nil }
            let budget = graph.budget(ofInitiative: node)
            var message = "Initiative \(graph.quoted(node)) serves none of the organisation's goals"
            if let budget { message += ", yet it spends \(graph.money(budget))" }
            message += "."
            return Finding(
                rule: id, severity: .warning, nodes: [node], in: graph, message: message,
                action: "Name the goal \(graph.quoted(node)) serves, or stop it and free its budget.",
                owners: graph.contactableOwners(of: [node]), budgetAtStake: budget)
        }
    }
}
