import InterlockAnalysis
import InterlockCore

extension BoardReport {
    /// The business units a finding concerns: the units of the initiatives, people and teams it
    /// names, and of the owners of the data sources and technologies it names.
    func units(of finding: Finding) -> [Int] {
        var units: [Int] = []
        for node in finding.nodes(in: graph) {
            let unit: Int?
            switch graph.kind(of: node) {
            case .initiative, .person, .team: unit = graph.unitNode(of: node)
            case .dataSource, .technology: unit = graph.ownerNode(of: node).flatMap { graph.unitNode(of: $0) }
            case .unit: unit = node
            case .capability, .goal: unit = nil
            }
            if let unit, !units.contains(unit) { units.append(unit) }
        }
        return units
    }

    /// The budget at risk per business unit and kind of risk: what a board weighs, where a count
    /// of findings would make a cluster of small clashes look worse than one large exposure.
    struct HeatMap {
        /// The rules, as columns, in report section order.
        let rules: [RuleID]
        /// One row per unit with findings (portfolio order), then "no unit" when some finding has
        /// none; each cell the budget of the active initiatives of that kind of risk, each once.
        let rows: [(name: String, budgets: [Double])]
        /// The largest cell, for colour scaling.
        var maximum: Double { rows.flatMap(\.budgets).max() ?? 0 }
    }

    /// The heat map of business units × kinds of risk, in money.
    func heatMap() -> HeatMap {
        let rules = ruleOrder
        var cells: [Int: [Set<Int>]] = [:]
        let noUnit = -1
        for finding in findings where finding.severity != .info {
            guard let column = rules.firstIndex(of: finding.rule) else { continue }
            for initiative in analysis.initiativesAtRisk(of: finding) {
                let unit = graph.unitNode(of: initiative) ?? noUnit
                cells[unit, default: Array(repeating: [], count: rules.count)][column].insert(initiative)
            }
        }
        let budgets = { (sets: [Set<Int>]) in sets.map { $0.reduce(0.0) { $0 + (self.graph.budget(ofInitiative: $1) ?? 0) } } }
        var rows = graph.nodes(ofKind: .unit).compactMap { unit in cells[unit].map { (graph.name(of: unit), budgets($0)) } }
        if let orphans = cells[noUnit] { rows.append((say(.noBusinessUnit), budgets(orphans))) }
        return HeatMap(rules: rules, rows: rows)
    }

    /// The rules that have findings, built-in detectors first in registry order, then custom rules by id.
    var ruleOrder: [RuleID] {
        let present = Set(findings.map(\.rule))
        let builtIn = Detectors.builtIn.map(\.id).filter(present.contains)
        return builtIn + present.subtracting(builtIn).sorted()
    }

    /// Someone who must act, and on what.
    struct Actor {
        /// Who: a name with its role ("Clara Weber, Chief Sales Officer"), and what they must do
        /// when they are asked to name an owner.
        let name: String
        /// Indexes into `findings`, biggest risk first.
        let findings: [Int]
        /// The combined budget at stake of those findings (each finding counted once).
        let atStake: Double
    }

    /// The owners findings name, with the findings each must act on. A finding without a
    /// contactable owner goes to whoever must name one (`ownerAppointer(for:)`). Biggest risk first.
    func actors() -> [Actor] {
        let rank = Dictionary(uniqueKeysWithValues: ranking.enumerated().map { ($1, $0) })
        var byOwner: [String: [Int]] = [:]
        var order: [String] = []
        for (index, finding) in findings.enumerated() {
            let owners = finding.owners.isEmpty
                ? [appointerLabel(for: finding.nodes(in: graph).first)]
                : finding.owners.map { personLabel(of: $0) }
            for owner in owners {
                if byOwner[owner] == nil { order.append(owner) }
                byOwner[owner, default: []].append(index)
            }
        }
        let actors = order.map { owner in
            let items = (byOwner[owner] ?? []).sorted { (rank[$0] ?? 0) < (rank[$1] ?? 0) }
            return Actor(name: owner, findings: items, atStake: items.reduce(0) { $0 + (findings[$1].budgetAtStake ?? 0) })
        }
        let top: (Actor) -> Int = { actor in actor.findings.first.flatMap { rank[$0] } ?? Int.max }
        return actors.sorted { (top($0), $0.name) < (top($1), $1.name) }
    }

    /// An owner's name with the role the board knows them by: "Clara Weber, Chief Sales Officer";
    /// a team's name; an unknown id as written.
    func personLabel(of id: String) -> String {
        guard let node = graph.node(withID: id) else { return id }
        let role = graph.field(\.role, ofPerson: node) ?? nil
        return role.map { "\(graph.name(of: node)), \($0)" } ?? graph.name(of: node)
    }

    /// Who must name an owner for `node`: the active head of its business unit (for a data source
    /// or technology without a unit, or a unit without a head, the portfolio's sponsor), with why.
    func ownerAppointer(for node: Int?) -> (person: Int, why: String)? {
        let isActivePerson = { (person: Int) in self.graph.kind(of: person) == .person && self.graph.field(\.active, ofPerson: person) != false }
        if let node, let unit = graph.kind(of: node) == .unit ? node : graph.unitNode(of: node),
           let head = graph.firstSuccessor(of: unit, via: .headedBy), isActivePerson(head) {
            let unitName = graph.name(of: unit)
            return (head, text(en: "head of \(unitName)", fr: "à la tête de \(unitName)"))
        }
        if let sponsor = graph.portfolio.sponsor.flatMap({ graph.node(withID: $0) }), isActivePerson(sponsor) {
            return (sponsor, text(en: "sponsor of the portfolio", fr: "commanditaire du portefeuille"))
        }
        return nil
    }

    /// "Clara Weber, Chief Sales Officer (head of Sales & Marketing): name an owner", or a call
    /// for a sponsor when nobody is known.
    func appointerLabel(for node: Int?) -> String {
        guard let appointer = ownerAppointer(for: node) else {
            return text(
                en: "Nobody accountable, and no sponsor named: the board must name an owner",
                fr: "Ni responsable ni commanditaire : le conseil doit désigner un responsable")
        }
        let person = personLabel(of: graph.id(of: appointer.person))
        return text(en: "\(person) (\(appointer.why)): name an owner", fr: "\(person) (\(appointer.why)) : désigner un responsable")
    }

    /// Every node id the shown findings list (up to `involvedShown` each), in first-mention
    /// order, with the shown findings naming it: the targets of the page's item links.
    func findingsByNode() -> [(id: String, findings: [Int])] {
        var order: [String] = []
        var byNode: [String: [Int]] = [:]
        for (index, finding) in findings.enumerated() where shown.contains(index) {
            for id in Array(finding.nodes.prefix(Self.involvedShown)).uniqued() {
                if byNode[id] == nil { order.append(id) }
                byNode[id, default: []].append(index)
            }
        }
        return order.map { ($0, byNode[$0] ?? []) }
    }
}

extension BoardReport {
    /// Points added, for ranking only, to the risks a board must see before any other of the same
    /// size: a dependency cycle, a single point of failure, a technology clash, and any error
    /// about personal data. Half the gap between an error and a warning: a concern outranks
    /// another warning, never an error of the same size.
    static let concernPoints = 10.0

    /// Whether a finding is one of the board's standing concerns (see `concernPoints`).
    static func isBoardConcern(_ finding: Finding, in graph: PortfolioGraph) -> Bool {
        if [RuleID.dependencyCycle, .singlePointOfFailure, .incompatibleStack].contains(finding.rule) { return true }
        return finding.severity == .error
            && finding.nodes(in: graph).contains { graph.field(\.classification, ofDataSource: $0) == .pii }
    }

    /// Positions in `findings`, highest score plus concern points first; ties keep report order.
    static func ranking(_ findings: [Finding], scores: RiskScores, in graph: PortfolioGraph) -> [Int] {
        let rank = findings.indices.map { scores.findingScores[$0] + (isBoardConcern(findings[$0], in: graph) ? concernPoints : 0) }
        return findings.indices.sorted { rank[$0] != rank[$1] ? rank[$0] > rank[$1] : $0 < $1 }
    }
}
