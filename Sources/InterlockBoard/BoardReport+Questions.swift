import InterlockAnalysis
import InterlockCore

/// The figures behind the board's questions that findings alone do not give: how initiatives
/// serve the goals, when technologies reach their end of life, where personal data lives, and
/// which units build which capabilities.
extension BoardReport {
    /// A goal with the active initiatives serving it.
    struct GoalCoverage {
        /// The goal's node.
        let goal: Int
        /// The active initiatives serving it, largest budget first.
        let initiatives: [Int]
        /// Their budget, each once.
        let budget: Double
    }

    /// Every goal with the active initiatives that serve it, in portfolio order.
    func goalCoverage() -> [GoalCoverage] {
        graph.nodes(ofKind: .goal).map { goal in
            let serving = graph.predecessors(of: goal, via: .supports).filter { analysis.isActiveInitiative($0) }.uniqued()
            return GoalCoverage(goal: goal, initiatives: byBudget(serving), budget: budget(of: serving))
        }
    }

    /// The active initiatives that serve no goal, largest budget first.
    func initiativesServingNoGoal() -> [Int] {
        byBudget(graph.nodes(ofKind: .initiative).filter {
            analysis.isActiveInitiative($0) && graph.firstSuccessor(of: $0, via: .supports) == nil
        })
    }

    /// A technology whose support ends, with who builds on it.
    struct EndOfLife {
        /// The technology's node.
        let technology: Int
        /// The day support ends, when known.
        let date: Day?
        /// Its lifecycle, when stated.
        let lifecycle: Lifecycle?
        /// The active initiatives using it or depending on it, largest budget first.
        let users: [Int]
        /// Their budget, each once.
        let budget: Double
    }

    /// Technologies with an end-of-life date, on hold or retired, that active initiatives still
    /// build on: dated ones first, earliest first.
    func endOfLifeCalendar() -> [EndOfLife] {
        let entries = graph.nodes(ofKind: .technology).compactMap { technology -> EndOfLife? in
            let date = graph.field(\.endOfLife, ofTechnology: technology) ?? nil
            let lifecycle = graph.field(\.lifecycle, ofTechnology: technology) ?? nil
            guard date != nil || lifecycle == .hold || lifecycle == .retired else { return nil }
            let users = (graph.predecessors(of: technology, via: .uses) + graph.predecessors(of: technology, via: .dependsOn))
                .filter { analysis.isActiveInitiative($0) }.uniqued()
            guard !users.isEmpty else { return nil }
            return EndOfLife(technology: technology, date: date, lifecycle: lifecycle, users: byBudget(users), budget: budget(of: users))
        }
        return entries.sorted { lhs, rhs in
            switch (lhs.date, rhs.date) {
            case let (left?, right?): return left != right ? left < right : lhs.technology < rhs.technology
            case (.some, nil): return true
            case (nil, .some): return false
            case (nil, nil): return lhs.technology < rhs.technology
            }
        }
    }

    /// One domain of personal data: where it lives and who moves it.
    struct PersonalData {
        /// The domain (`customer`).
        let domain: String
        /// Its data sources, in portfolio order.
        let sources: [Int]
        /// The findings about its sources (silos, unowned sources), positions in `findings`.
        let findings: [Int]
        /// The goals served by active initiatives that read or write its sources.
        let goals: [Int]
    }

    /// The data domains that hold personal data (a source classified `pii`) or are named
    /// `customer`, in the order their first source is declared.
    func personalData() -> [PersonalData] {
        var order: [String] = []
        var sourcesByDomain: [String: [Int]] = [:]
        for source in graph.nodes(ofKind: .dataSource) {
            guard let domain = graph.field(\.domain, ofDataSource: source) ?? nil else { continue }
            if sourcesByDomain[domain] == nil { order.append(domain) }
            sourcesByDomain[domain, default: []].append(source)
        }
        return order.compactMap { domain in
            let sources = sourcesByDomain[domain] ?? []
            let personal = domain == "customer" || sources.contains { graph.field(\.classification, ofDataSource: $0) == .pii }
            guard personal else { return nil }
            let members = Set(sources)
            let about = findings.indices.filter { findings[$0].nodes(in: graph).contains(where: members.contains) }
            let users = sources.flatMap { writers(of: $0) + readers(of: $0) }
            let goals = users.flatMap { graph.successors(of: $0, via: .supports) }.uniqued().sorted()
            return PersonalData(domain: domain, sources: sources, findings: about, goals: goals)
        }
    }

    /// The active initiatives writing a data source.
    func writers(of source: Int) -> [Int] { graph.predecessors(of: source, via: .writes).filter { analysis.isActiveInitiative($0) } }

    /// The active initiatives reading a data source.
    func readers(of source: Int) -> [Int] { graph.predecessors(of: source, via: .reads).filter { analysis.isActiveInitiative($0) } }

    /// Which business units build which capabilities: active initiatives per capability and unit.
    struct CapabilityMatrix {
        /// The units that build something, as columns, in portfolio order; `nil` for initiatives without one.
        let units: [Int?]
        /// The capabilities, most builders first, with the builders per unit (parallel to `units`).
        let rows: [(capability: Int, builders: [Int])]
        /// How many capabilities were left out to keep the table to a page.
        let omitted: Int
    }

    /// The unit × capability matrix, at most `limit` capabilities (the most built first).
    func capabilityMatrix(limit: Int = 12) -> CapabilityMatrix {
        var columns: [Int?] = []
        var counts: [(capability: Int, perUnit: [Int?: Int], total: Int)] = []
        for capability in graph.nodes(ofKind: .capability) {
            let builders = graph.predecessors(of: capability, via: .delivers).filter { analysis.isActiveInitiative($0) }
            guard !builders.isEmpty else { continue }
            var perUnit: [Int?: Int] = [:]
            for builder in builders { perUnit[graph.unitNode(of: builder), default: 0] += 1 }
            counts.append((capability, perUnit, builders.count))
            for unit in perUnit.keys where !columns.contains(unit) { columns.append(unit) }
        }
        columns.sort { ($0 ?? Int.max) < ($1 ?? Int.max) }
        let ranked = counts.sorted { $0.total != $1.total ? $0.total > $1.total : $0.capability < $1.capability }
        let rows = ranked.prefix(limit).map { row in (row.capability, columns.map { row.perUnit[$0] ?? 0 }) }
        return CapabilityMatrix(units: columns, rows: rows, omitted: max(0, ranked.count - limit))
    }

    /// The budget of `initiatives`, each once.
    func budget(of initiatives: [Int]) -> Double {
        Set(initiatives).reduce(0) { $0 + (graph.budget(ofInitiative: $1) ?? 0) }
    }

    /// `initiatives` largest budget first, ties in portfolio order.
    private func byBudget(_ initiatives: [Int]) -> [Int] {
        initiatives.sorted { (graph.budget(ofInitiative: $0) ?? 0, $1) > (graph.budget(ofInitiative: $1) ?? 0, $0) }
    }
}
