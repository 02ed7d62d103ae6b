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
        title: "The same thing built twice",
        whyItMatters: "Paying twice for one capability, and ending with two systems to run and reconcile.")
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
            var message = "Capability \(graph.quoted(capability)) is being built \(builders.count) times: "
                + graph.quotedList(builders)
            if acrossUnits { message += " in \(units.count) business units (\(graph.quotedList(units)))" }
            if overlapping { message += ", at the same time" }
            if let budget { message += "; together \(graph.money(budget))" }
            message += "."
            var action = "Pick one initiative to deliver \(graph.quoted(capability)) for everyone and merge or stop the others"
            if let budget, budget > largest { action += "; consolidating could save up to \(graph.money(budget - largest))" }
            action += "."
            return Finding(
                rule: id, severity: acrossUnits && overlapping ? .error : .warning,
                nodes: [capability] + builders, in: graph, message: message, action: action,
                owners: graph.contactableOwners(of: builders), budgetAtStake: budget)
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
