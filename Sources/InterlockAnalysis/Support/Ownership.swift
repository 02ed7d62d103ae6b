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
    /// The `owner` field of a node of `kind`, or nil when the node is out of scope (retired).
    func writtenOwner(of node: Int, in graph: PortfolioGraph) -> String??
    /// The suggested action.
    var action: String { get }
}

extension OwnershipDetector {
    /// Checks every node of `kind` in scope.
    public func run(on graph: PortfolioGraph) -> [Finding] {
        graph.nodes(ofKind: kind).compactMap { node in
            guard let owner = writtenOwner(of: node, in: graph),
                  let problem = graph.ownershipProblem(of: node, writtenOwner: owner) else { return nil }
            return Finding(
                rule: id, severity: severity, nodes: [graph.id(of: node)],
                message: "\(kind.noun.capitalizedFirst) \(graph.quoted(node)) has nobody accountable: \(problem.explanation(in: graph)).",
                action: action, owners: [], budgetAtStake: graph.budget(ofInitiative: node))
        }
    }
}
