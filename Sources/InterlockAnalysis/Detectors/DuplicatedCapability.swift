import InterlockCore

extension RuleID {
    /// `duplicated-capability`.
    public static let duplicatedCapability = RuleID("duplicated-capability")
}

/// `duplicated-capability`: two or more active initiatives deliver the same business capability.
///
/// A warning; an error when the initiatives sit in different business units *and* their dates
/// overlap, the classic uncoordinated duplicate. States the combined budget and what consolidating
/// on the largest initiative could save.
public struct DuplicatedCapability: Detector {
    /// `duplicated-capability`.
    public let id = RuleID.duplicatedCapability
    /// How the board report speaks of it.
    public let wording = RuleWording(
        title: LocalizedText(en: "The same thing built twice", fr: "Le même besoin construit deux fois"),
        whyItMatters: LocalizedText(
            en: "Paying twice for one capability, and ending with two systems to run and reconcile.",
            fr: "On paie deux fois pour la même capacité, et l'on se retrouve avec deux systèmes à exploiter et à réconcilier."))
    /// What the detector looks for.
    public let summary = "Two or more active initiatives deliver the same capability, worse across units and when dates overlap."

    /// Creates the detector.
    public init() {}

    /// One finding per capability delivered more than once.
    public func run(in context: AnalysisContext) -> [Finding] {
        let graph = context.graph
        return graph.nodes(ofKind: .capability).compactMap { capability in
            let builders = graph.predecessors(of: capability, via: .delivers).filter { graph.isActiveInitiative($0) }
            guard builders.count > 1 else { return nil }
            let units = builders.compactMap { graph.unitNode(of: $0) }.uniqued()
            let acrossUnits = units.count > 1
            let overlapping = datesOverlap(builders.map { (graph.field(\.start, ofInitiative: $0) ?? nil, graph.field(\.end, ofInitiative: $0) ?? nil) })
            let budget = graph.budget(of: builders)
            let largest = builders.compactMap { graph.budget(ofInitiative: $0) }.max() ?? 0
            let explanation = Explanation(
                capability: capability, builders: builders, units: acrossUnits ? units : [], overlapping: overlapping, budget: budget,
                savings: budget.flatMap { $0 > largest ? $0 - largest : nil })
            return Finding(
                rule: id, severity: acrossUnits && overlapping ? .error : .warning,
                nodes: [capability] + builders, in: graph, explanation: explanation,
                owners: graph.contactableOwners(of: builders), budgetAtStake: budget)
        }
    }

    /// A capability, its builders, and the money.
    struct Explanation: FindingExplanation {
        let capability: Int
        let builders: [Int]
        /// The builders' units when there are several, else empty.
        let units: [Int]
        let overlapping: Bool
        let budget: Double?
        let savings: Double?

        func message(_ phrasing: Phrasing, in graph: PortfolioGraph) -> String {
            let (name, names) = (graph.quoted(capability, phrasing), graph.quotedList(builders, phrasing))
            let unitNames = graph.quotedList(units, phrasing)
            let total = budget.map { graph.money($0, phrasing) }
            switch phrasing.language {
            case .en:
                var message = "Capability \(name) is being built \(builders.count) times: \(names)"
                if !units.isEmpty { message += " in \(units.count) business units (\(unitNames))" }
                if overlapping { message += ", at the same time" }
                if let total { message += "; together \(total)" }
                return message + "."
            case .fr:
                var message: FrenchText = "La capacité \(name) est construite \(phrasing.number(builders.count)) fois : \(names)"
                if !units.isEmpty { message = message + ", dans \(phrasing.number(units.count)) unités métier (\(unitNames))" }
                if overlapping { message = message + ", en même temps" }
                if let total { message = message + " ; au total \(total)" }
                return (message + ".").text
            }
        }

        func action(_ phrasing: Phrasing, in graph: PortfolioGraph) -> String {
            let name = graph.quoted(capability, phrasing)
            let saved = savings.map { graph.money($0, phrasing) }
            return phrasing.text(
                en: "Pick one initiative to deliver \(name) for everyone and merge or stop the others"
                    + (saved.map { "; consolidating could save up to \($0)." } ?? "."),
                fr: "Choisir une seule initiative pour fournir \(name) à tous, et fusionner ou arrêter les autres"
                    + (saved.map { " ; regrouper permettrait d'économiser jusqu'à \($0)." } ?? "."))
        }
    }

    /// True when two of the initiatives' date ranges overlap; initiatives without both dates are left out.
    /// O(k log k): after sorting by start, an overlap is a start before the latest end seen so far.
    private func datesOverlap(_ dates: [(start: Day?, end: Day?)]) -> Bool {
        let ranges = dates.compactMap { item -> (Day, Day)? in
            guard let start = item.start, let end = item.end else { return nil }
            return (start, end)
        }.sorted { $0.0 < $1.0 }
        var latestEnd: Day?
        for (start, end) in ranges {
            if let latestEnd, start <= latestEnd { return true }
            latestEnd = max(latestEnd ?? end, end)
        }
        return false
    }
}
