import InterlockCore

/// The money the findings put at stake, built so that it adds up (docs/scoring.md, "Money on the
/// board page"): every figure counts an initiative's budget at most once, whatever number of
/// findings name it. The board page states these figures and `check --format json` writes them
/// (its `money` object), so every figure on the page can be checked against the JSON.
public struct PortfolioMoney: Sendable {
    /// The budget of every active initiative.
    public let activeBudget: Double
    /// The budget of the active initiatives an error puts at risk, each once.
    public let atRiskFromErrors: Double
    /// How many active initiatives an error puts at risk.
    public let initiativesAtRiskFromErrors: Int
    /// The budget of the active initiatives only warnings put at risk (none of them named by an error).
    public let atRiskFromWarningsOnly: Double
    /// Per kind of error, the budget of the initiatives it puts at risk (each once within the kind),
    /// largest first. Kinds overlap: their sum exceeds `atRiskFromErrors` by `overlap`.
    public let errorsByRule: [(rule: RuleID, budget: Double, initiatives: Int)]
    /// How many capabilities are built more than once.
    public let duplicatedCapabilities: Int
    /// The budget of the active initiatives building a duplicated capability, each once.
    public let duplicatedBudget: Double
    /// What consolidating each duplicated capability (its node) on its largest initiative could
    /// save, counting each initiative for the first capability it builds (report order).
    public let savingsByCapability: [Int: Double]

    /// What consolidating every duplicated capability could save, each initiative counted once;
    /// never above `duplicatedBudget`.
    public var savings: Double { savingsByCapability.values.reduce(0, +) }

    /// How much the kinds of error share: the budget counted under more than one kind.
    public var overlap: Double { errorsByRule.reduce(0) { $0 + $1.budget } - atRiskFromErrors }
}

extension PortfolioMoney {
    /// The money figures of `findings` (in any order) of `analysis`'s graph.
    /// O(findings × nodes named + edges of the assets named).
    public init(analysis: AnalysisContext, findings: [Finding]) {
        let graph = analysis.graph
        // Summed in node order, so that fractional budgets give the same figure on every run.
        let budget = { (nodes: Set<Int>) in nodes.sorted().reduce(0.0) { $0 + (graph.budget(ofInitiative: $1) ?? 0) } }
        var errorNodes = Set<Int>(), warningNodes = Set<Int>()
        var byRule: [RuleID: Set<Int>] = [:]
        for finding in findings where finding.severity != .info {
            let atRisk = analysis.initiativesAtRisk(of: finding)
            if finding.severity == .error {
                errorNodes.formUnion(atRisk)
                byRule[finding.rule, default: []].formUnion(atRisk)
            } else {
                warningNodes.formUnion(atRisk)
            }
        }
        let errorsByRule = byRule.map { (rule: $0.key, budget: budget($0.value), initiatives: $0.value.count) }
            .sorted { ($0.budget, $1.rule) > ($1.budget, $0.rule) }
        var duplicated = Set<Int>()
        var savingsByCapability: [Int: Double] = [:]
        // Report order decides which capability an initiative building several is counted for,
        // whatever order the caller holds the findings in.
        let duplicates = findings.filter { $0.rule == .duplicatedCapability }.sortedForReport()
        for finding in duplicates {
            let nodes = finding.nodes(in: graph)
            guard let capability = nodes.first else { continue }
            let builders = Array(nodes.dropFirst()).filter { analysis.isActiveInitiative($0) }
            let largest = builders.max { (graph.budget(ofInitiative: $0) ?? 0, $1) < (graph.budget(ofInitiative: $1) ?? 0, $0) }
            // Only initiatives not yet counted for another capability save money here; the one
            // everybody consolidates on (the largest) saves nothing.
            let new = builders.filter { !duplicated.contains($0) }
            duplicated.formUnion(new)
            savingsByCapability[capability, default: 0] += budget(Set(new.filter { $0 != largest }))
        }
        let activeBudget = budget(Set(graph.nodes(ofKind: .initiative).filter { analysis.isActiveInitiative($0) }))
        self = PortfolioMoney(
            activeBudget: activeBudget, atRiskFromErrors: budget(errorNodes), initiativesAtRiskFromErrors: errorNodes.count,
            atRiskFromWarningsOnly: budget(warningNodes.subtracting(errorNodes)), errorsByRule: errorsByRule,
            duplicatedCapabilities: duplicates.count, duplicatedBudget: budget(duplicated), savingsByCapability: savingsByCapability)
    }
}
