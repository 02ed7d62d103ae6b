import InterlockCore

/// Why something has nobody accountable for it.
enum OwnershipProblem: Equatable {
    /// No `owner` is written.
    case missing
    /// The `owner` id is not a person or team of the portfolio.
    case unknown(String)
    /// The owner is a person marked `active: false`.
    case departed(Int)
    /// The owner is a team whose members have all left.
    case teamWithoutActiveMembers(Int)

    /// The explanation, completing "… because".
    func explanation(in graph: PortfolioGraph) -> String {
        switch self {
        case .missing: "no owner is named"
        case .unknown(let id): "its owner \"\(id)\" is not a known person or team"
        case .departed(let person): "its owner \(graph.quoted(person)) has left the organisation"
        case .teamWithoutActiveMembers(let team): "its owning team \(graph.quoted(team)) has no active member left"
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
    func action(for node: Int, in graph: PortfolioGraph) -> String
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
                message: "\(kind.noun.capitalizedFirst) \(graph.quoted(node)) has nobody accountable: \(problem.explanation(in: graph)).",
                action: action(for: node, in: graph), owners: [], budgetAtStake: graph.budget(ofInitiative: node))
        }
    }
}
