import InterlockCore

/// Why something has nobody accountable for it.
enum OwnershipProblem: Equatable, Sendable {
    /// No `owner` is written.
    case missing
    /// The `owner` id is not a person or team of the portfolio.
    case unknown(String)
    /// The owner is a person marked `active: false`.
    case departed(Int)
    /// The owner is a team whose members have all left.
    case teamWithoutActiveMembers(Int)

    /// The explanation, completing "… has nobody accountable:".
    func explanation(_ phrasing: Phrasing, in graph: PortfolioGraph) -> String {
        switch (self, phrasing.language) {
        case (.missing, .en): "no owner is named"
        case (.missing, .fr): "aucun responsable n'est désigné"
        case (.unknown(let id), .en): "its owner \(phrasing.quoted(id)) is not a known person or team"
        case (.unknown(let id), .fr): "son responsable \(phrasing.quoted(id)) n'est ni une personne ni une équipe connue"
        case (.departed(let person), .en): "its owner \(graph.quoted(person, phrasing)) has left the organisation"
        case (.departed(let person), .fr): "son responsable, \(graph.quoted(person, phrasing)), a quitté l'organisation"
        case (.teamWithoutActiveMembers(let team), .en): "its owning team \(graph.quoted(team, phrasing)) has no active member left"
        case (.teamWithoutActiveMembers(let team), .fr): "l'équipe qui en est responsable, \(graph.quoted(team, phrasing)), n'a plus aucun membre actif"
        }
    }
}

extension PortfolioGraph {
    /// The ownership problem of an initiative, technology or data source, nil when someone active owns it.
    func ownershipProblem(of node: Int, writtenOwner: String?) -> OwnershipProblem? {
        guard let writtenOwner else { return .missing }
        guard let owner = ownerNode(of: node) else { return .unknown(writtenOwner) }
        if field(\.active, ofPerson: owner) == false { return .departed(owner) }
        if kind(of: owner) == .team {
            let members = predecessors(of: owner, via: .memberOf)
            if !members.isEmpty, members.allSatisfy({ field(\.active, ofPerson: $0) == false }) { return .teamWithoutActiveMembers(owner) }
        }
        return nil
    }
}

/// The three ownership detectors differ only in which nodes they look at and how they word it.
protocol OwnershipDetector: Detector {
    /// The kind of node checked.
    var kind: NodeKind { get }
    /// The severity of a finding.
    var severity: Severity { get }
    /// Whether a node of `kind` is checked at all (retired ones are not).
    func isChecked(_ node: Int, in graph: PortfolioGraph) -> Bool
    /// The `owner` field of a node of `kind`, nil when none is written.
    func writtenOwner(of node: Int, in graph: PortfolioGraph) -> String?
    /// The suggested action about `node`, naming it.
    func action(for node: Int, _ phrasing: Phrasing, in graph: PortfolioGraph) -> String
}

/// Why a node has nobody accountable, and what to do: the detector words the action.
struct OwnershipExplanation<Checker: OwnershipDetector>: FindingExplanation {
    let detector: Checker
    let node: Int
    let problem: OwnershipProblem

    func message(_ phrasing: Phrasing, in graph: PortfolioGraph) -> String {
        let name = graph.quoted(node, phrasing)
        let why = problem.explanation(phrasing, in: graph)
        return phrasing.text(
            en: "\(detector.kind.noun.capitalizedFirst) \(name) has nobody accountable: \(why).",
            fr: "\(phrasing.definite(detector.kind).capitalizedFirst) \(name) n'a pas de responsable : \(why).")
    }

    func action(_ phrasing: Phrasing, in graph: PortfolioGraph) -> String { detector.action(for: node, phrasing, in: graph) }
}

extension OwnershipDetector {
    /// Checks every node of `kind` in scope.
    public func run(in context: AnalysisContext) -> [Finding] {
        let graph = context.graph
        return graph.nodes(ofKind: kind).compactMap { node in
            guard isChecked(node, in: graph),
                  let problem = graph.ownershipProblem(of: node, writtenOwner: writtenOwner(of: node, in: graph)) else { return nil }
            return Finding(
                rule: id, severity: severity, nodes: [node], in: graph,
                explanation: OwnershipExplanation(detector: self, node: node, problem: problem),
                owners: [], budgetAtStake: graph.budget(ofInitiative: node))
        }
    }
}
