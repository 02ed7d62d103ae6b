import InterlockCore

/// `unaligned-initiative`: an active initiative that serves none of the portfolio's goals, so
/// nobody can say how it moves the vision forward. A goal id that does not exist does not count
/// (it is reported as a dangling reference as well).
public struct UnalignedInitiative: Detector {
    /// `unaligned-initiative`.
    public let id = "unaligned-initiative"
    /// What the detector looks for.
    public let summary = "An active initiative that serves no goal of the portfolio."

    /// Creates the detector.
    public init() {}

    /// One warning per active initiative without an existing goal.
    public func run(on graph: PortfolioGraph) -> [Finding] {
        graph.nodes(ofKind: .initiative).compactMap { node in
            guard graph.isActiveInitiative(node), graph.successors(of: node, via: .supports).isEmpty else { return nil }
            let budget = graph.budget(ofInitiative: node)
            var message = "Initiative \(graph.quoted(node)) serves none of the organisation's goals"
            if let budget { message += ", yet it spends \(graph.money(budget))" }
            message += "."
            return Finding(
                rule: id, severity: .warning, nodes: [graph.id(of: node)], message: message,
                action: "Name the goal \(graph.quoted(node)) serves, or stop it and free its budget.",
                owners: graph.contactableOwners(of: [node]), budgetAtStake: budget)
        }
    }
}
