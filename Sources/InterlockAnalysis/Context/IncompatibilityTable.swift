import InterlockCore

/// Tells in O(1) whether two technologies must not meet, and why.
///
/// Declared pairs come from INCOMPATIBLE_WITH edges (`incompatibleWith` and `policy.incompatible`);
/// exclusive categories (`policy.exclusiveCategories`) make any two different technologies of one
/// such category a pair. Categories are kept as categories, not expanded into pairs: a category
/// with thousands of technologies would otherwise mean millions of pairs.
public struct IncompatibilityTable: Sendable {
    private struct Pair: Hashable {
        let low: Int
        let high: Int
        init(_ first: Int, _ second: Int) {
            low = min(first, second)
            high = max(first, second)
        }
    }

    private var declared = Set<Pair>()
    private var declaredPartners: [Int: [Int]] = [:]
    private var exclusiveCategory: [Int: String] = [:]

    /// The pairs of `graph`.
    public init(_ graph: PortfolioGraph) {
        for technology in graph.nodes(ofKind: .technology) {
            for edge in graph.outgoing(technology) where graph.kind(ofEdge: edge) == .incompatibleWith {
                let other = graph.target(ofEdge: edge)
                if other != technology, declared.insert(Pair(technology, other)).inserted {
                    declaredPartners[technology, default: []].append(other)
                    declaredPartners[other, default: []].append(technology)
                }
            }
        }
        let exclusive = Set(graph.portfolio.policy.exclusiveCategories)
        guard !exclusive.isEmpty else { return }
        for technology in graph.nodes(ofKind: .technology) {
            if let category = graph.field(\.category, ofTechnology: technology) ?? nil, exclusive.contains(category) {
                exclusiveCategory[technology] = category
            }
        }
    }

    /// Why two technologies must not meet, in English words, nil when they may.
    public func reason(_ first: Int, _ second: Int) -> String? {
        incompatibility(first, second)?.words(.findings)
    }

    /// Why two technologies must not meet, nil when they may.
    public func incompatibility(_ first: Int, _ second: Int) -> Incompatibility? {
        guard first != second else { return nil }
        if declared.contains(Pair(first, second)) { return .declared }
        if let category = exclusiveCategory[first], exclusiveCategory[second] == category { return .exclusiveCategory(category) }
        return nil
    }

    /// The technologies among `candidates` that `technology` must not meet, with the reason, in the
    /// order of `candidates`. Costs the declared partners plus the candidates of the same exclusive
    /// category, not all candidates: a data source read with thousands of technologies stays cheap.
    public func clashes(
        of technology: Int, among candidates: [Int: [Int]], categories: [String: [Int]]
    ) -> [(technology: Int, reason: Incompatibility)] {
        var found: [(technology: Int, reason: Incompatibility)] = []
        for partner in declaredPartners[technology] ?? [] where candidates[partner] != nil {
            found.append((partner, .declared))
        }
        if let category = exclusiveCategory[technology] {
            for partner in categories[category] ?? [] where partner != technology && !declared.contains(Pair(technology, partner)) {
                found.append((partner, .exclusiveCategory(category)))
            }
        }
        return found
    }

    /// The exclusive category of a technology, if any.
    public func exclusiveCategory(of technology: Int) -> String? { exclusiveCategory[technology] }

    /// True when no pair is known, so detectors can skip their work.
    var isEmpty: Bool { declared.isEmpty && exclusiveCategory.isEmpty }
}

/// Why two technologies must not meet.
public enum Incompatibility: Hashable, Sendable {
    /// Declared incompatible (`incompatibleWith`, `policy.incompatible`).
    case declared
    /// Both of a category the policy allows once (`policy.exclusiveCategories`).
    case exclusiveCategory(String)

    /// Completes "the two are …" / "les deux technologies sont …".
    public func words(_ phrasing: Phrasing) -> String {
        switch self {
        case .declared:
            return phrasing.text(en: "declared incompatible", fr: "déclarées incompatibles")
        case .exclusiveCategory(let category):
            return phrasing.text(
                en: "both \(category), a category the policy allows only once",
                fr: "de la catégorie \(phrasing.quoted(category)), que la politique n'autorise qu'une fois")
        }
    }
}
