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
        title: LocalizedText(en: "Initiatives serving no goal", fr: "Initiatives sans objectif"),
        whyItMatters: LocalizedText(
            en: "Budget goes to work that serves none of the organisation's goals.",
            fr: "Du budget part dans des travaux qui ne servent aucun des objectifs de l'organisation."))
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
            return Finding(
                rule: id, severity: .warning, nodes: [node], in: graph, explanation: Explanation(initiative: node, budget: budget),
                owners: graph.contactableOwners(of: [node]), budgetAtStake: budget)
        }
    }

    /// An initiative and what it spends.
    struct Explanation: FindingExplanation {
        let initiative: Int
        let budget: Double?

        func message(_ phrasing: Phrasing, in graph: PortfolioGraph) -> String {
            let (name, money) = (graph.quoted(initiative, phrasing), budget.map { graph.money($0, phrasing) })
            return phrasing.text(
                en: "Initiative \(name) serves none of the organisation's goals" + (money.map { ", yet it spends \($0)." } ?? "."),
                fr: "L'initiative \(name) ne sert aucun des objectifs de l'organisation" + (money.map { ", alors qu'elle dépense \($0)." } ?? "."))
        }

        func action(_ phrasing: Phrasing, in graph: PortfolioGraph) -> String {
            let name = graph.quoted(initiative, phrasing)
            return phrasing.text(
                en: "Name the goal \(name) serves, or stop it and free its budget.",
                fr: "Indiquer quel objectif sert \(name), ou l'arrêter et libérer son budget.")
        }
    }
}
