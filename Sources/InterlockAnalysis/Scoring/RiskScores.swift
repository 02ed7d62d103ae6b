import InterlockCore

/// Risk scores of findings and initiatives, and the portfolio's health (docs/scoring.md).
///
/// - A finding scores 0–100: 40 for an error, 20 for a warning, 5 for information, plus up to 40
///   for the share of the active budget it puts at stake and up to 20 for the share of active
///   initiatives it names (for a single point of failure, its whole blast radius).
/// - An initiative scores as much as the worst finding that names it (0 without findings).
/// - The portfolio's health is 100 minus the average score of its active initiatives.
///
/// Scores are rounded to whole numbers only for display; ranking uses the exact values, so the
/// order is stable and deterministic (ties keep report order).
public struct RiskScores: Sendable {
    /// Points for the severity of a finding.
    public static func severityPoints(_ severity: Severity) -> Double {
        switch severity {
        case .error: 40
        case .warning: 20
        case .info: 5
        }
    }
    /// The most points the budget at stake adds (when it is the whole active budget).
    public static let moneyPoints = 40.0
    /// The most points the initiatives named add (when the finding names every active initiative).
    public static let reachPoints = 20.0

    /// The findings, in the order given.
    public let findings: [Finding]
    /// The score of each finding, parallel to `findings`.
    public let findingScores: [Double]
    /// The score of each active initiative, by id.
    public let initiativeScores: [String: Double]
    /// 0 (every initiative at maximum risk) to 100 (no finding names an active initiative).
    public let health: Double

    /// Scores `findings` of `graph`. O(findings × nodes per finding + initiatives).
    public init(graph: PortfolioGraph, findings: [Finding]) {
        let active = graph.nodes(ofKind: .initiative).filter { graph.isActiveInitiative($0) }
        let activeIDs = Set(active.map { graph.id(of: $0) })
        let totalBudget = active.compactMap { graph.budget(ofInitiative: $0) }.reduce(0, +)
        var initiativeScores = Dictionary(uniqueKeysWithValues: active.map { (graph.id(of: $0), 0.0) })
        var findingScores: [Double] = []
        for finding in findings {
            let named = Set(finding.nodes).intersection(activeIDs)
            let moneyShare = totalBudget > 0 ? min(1, (finding.budgetAtStake ?? 0) / totalBudget) : 0
            let reachShare = active.isEmpty ? 0 : Double(named.count) / Double(active.count)
            let score = Self.severityPoints(finding.severity) + Self.moneyPoints * moneyShare + Self.reachPoints * reachShare
            findingScores.append(score)
            for id in named { initiativeScores[id] = max(initiativeScores[id] ?? 0, score) }
        }
        self.findings = findings
        self.findingScores = findingScores
        self.initiativeScores = initiativeScores
        let average = active.isEmpty ? 0 : initiativeScores.values.reduce(0, +) / Double(active.count)
        health = 100 - average
    }

    /// The findings with their scores, highest score first; ties keep the order of `findings`.
    public func ranked() -> [(finding: Finding, score: Double)] {
        rankedIndices().map { (findings[$0], findingScores[$0]) }
    }

    /// Positions in `findings`, highest score first; ties keep the order of `findings`.
    public func rankedIndices() -> [Int] {
        findings.indices.sorted { findingScores[$0] != findingScores[$1] ? findingScores[$0] > findingScores[$1] : $0 < $1 }
    }
}
