import InterlockCore

/// Every pair of technologies that must not meet, with the reason in words.
///
/// Pairs come from INCOMPATIBLE_WITH edges (`incompatibleWith` and `policy.incompatible`) and from
/// `policy.exclusiveCategories` (two different technologies of one exclusive category).
public struct IncompatibilityTable: Sendable {
    private var partners: [Int: [(technology: Int, reason: String)]] = [:]

    /// The pairs of `graph`, with their reasons.
    public init(_ graph: PortfolioGraph) {
        for technology in graph.nodes(ofKind: .technology) {
            for other in graph.successors(of: technology, via: .incompatibleWith) where other != technology {
                add(technology, other, reason: "declared incompatible")
            }
        }
        let exclusive = Set(graph.portfolio.policy.exclusiveCategories)
        var byCategory: [String: [Int]] = [:]
        for technology in graph.nodes(ofKind: .technology) {
            if let category = graph.technology(technology)?.category, exclusive.contains(category) {
                byCategory[category, default: []].append(technology)
            }
        }
        for (category, members) in byCategory {
            for (index, first) in members.enumerated() {
                for second in members[(index + 1)...] {
                    add(first, second, reason: "both \(category), a category the policy allows only once")
                }
            }
        }
    }

    private mutating func add(_ first: Int, _ second: Int, reason: String) {
        guard self.reason(first, second) == nil else { return }
        partners[first, default: []].append((second, reason))
        partners[second, default: []].append((first, reason))
    }

    /// The technologies `technology` must not meet.
    public func partners(of technology: Int) -> [(technology: Int, reason: String)] { partners[technology] ?? [] }

    /// Why two technologies must not meet, nil when they may.
    public func reason(_ first: Int, _ second: Int) -> String? {
        partners[first]?.first { $0.technology == second }?.reason
    }

    /// True when no pair is known, so detectors can skip their work.
    public var isEmpty: Bool { partners.isEmpty }
}
