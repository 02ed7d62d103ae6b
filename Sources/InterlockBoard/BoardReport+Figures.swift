import InterlockAnalysis
import InterlockCore

extension BoardReport {
    /// The budget of every active initiative.
    var activeBudget: Double {
        graph.nodes(ofKind: .initiative).reduce(0) { total, node in
            analysis.isActiveInitiative(node) ? total + (graph.budget(ofInitiative: node) ?? 0) : total
        }
    }

    /// Money in duplicated capabilities: the combined budget of the duplicates, and what keeping
    /// only the largest initiative of each would save (the sum minus the largest, per capability).
    var duplication: (count: Int, atStake: Double, saving: Double) {
        var atStake = 0.0
        var saving = 0.0
        let duplicates = findings.filter { $0.rule == .duplicatedCapability }
        for finding in duplicates {
            let budgets = finding.nodes(in: graph).dropFirst().compactMap { graph.budget(ofInitiative: $0) }
            atStake += budgets.reduce(0, +)
            saving += budgets.reduce(0, +) - (budgets.max() ?? 0)
        }
        return (duplicates.count, atStake, saving)
    }

    /// The budget of the active initiatives that at least one error names.
    var budgetNamedByErrors: Double {
        var named = Set<Int>()
        for finding in findings where finding.severity == .error {
            for node in finding.nodes(in: graph) where analysis.isActiveInitiative(node) { named.insert(node) }
        }
        return named.reduce(0) { $0 + (graph.budget(ofInitiative: $1) ?? 0) }
    }

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

    /// Number of findings per business unit and rule.
    struct HeatMap {
        /// The rules, as columns, in report section order.
        let rules: [RuleID]
        /// One row per unit with findings (portfolio order), then "no unit" when some finding has none.
        let rows: [(name: String, counts: [Int])]
        /// The largest cell, for colour scaling.
        var maximum: Int { rows.flatMap(\.counts).max() ?? 0 }
    }

    /// The heat map of business units × risk kinds.
    func heatMap() -> HeatMap {
        let rules = ruleOrder
        var counts: [Int: [Int]] = [:]
        var withoutUnit = [Int](repeating: 0, count: rules.count)
        for finding in findings {
            guard let column = rules.firstIndex(of: finding.rule) else { continue }
            let units = units(of: finding)
            if units.isEmpty { withoutUnit[column] += 1 }
            for unit in units { counts[unit, default: [Int](repeating: 0, count: rules.count)][column] += 1 }
        }
        var rows = graph.nodes(ofKind: .unit).compactMap { unit in counts[unit].map { (graph.name(of: unit), $0) } }
        if withoutUnit.contains(where: { $0 > 0 }) { rows.append(("No business unit", withoutUnit)) }
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
        /// The owner's name, or a call to name one.
        let name: String
        /// Indexes into `findings`, most urgent (highest score) first.
        let findings: [Int]
        /// The combined budget at stake of those findings (each finding counted once).
        let atStake: Double
    }

    /// The owners findings name, with the findings each must act on; findings without a
    /// contactable owner go to "No accountable owner". Most urgent first.
    func actors() -> [Actor] {
        let scoreOf = Dictionary(uniqueKeysWithValues: zip(findings.indices, scores.findingScores))
        var byOwner: [String: [Int]] = [:]
        var order: [String] = []
        let nobody = "No accountable owner: the sponsor must name one"
        for (index, finding) in findings.enumerated() {
            let owners = finding.owners.isEmpty ? [nobody] : finding.owners.map { name(of: $0) }
            for owner in owners {
                if byOwner[owner] == nil { order.append(owner) }
                byOwner[owner, default: []].append(index)
            }
        }
        let actors = order.map { owner in
            let items = (byOwner[owner] ?? []).sorted { (scoreOf[$0] ?? 0, $1) > (scoreOf[$1] ?? 0, $0) }
            return Actor(name: owner, findings: items, atStake: items.reduce(0) { $0 + (findings[$1].budgetAtStake ?? 0) })
        }
        let top: (Actor) -> Double = { actor in actor.findings.first.flatMap { scoreOf[$0] } ?? 0 }
        return actors.sorted { (top($0), $1.name) > (top($1), $0.name) }
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
