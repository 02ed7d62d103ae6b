import InterlockCore

/// `unowned-initiative`: an active initiative with no owner, an owner id nobody has, or an owner
/// who has left (a person marked inactive, or a team whose members have all left).
public struct UnownedInitiative: OwnershipDetector {
    /// `unowned-initiative`.
    public let id = "unowned-initiative"
    /// What the detector looks for.
    public let summary = "An initiative with no owner, an unknown owner, or an owner who is not active."
    let kind = NodeKind.initiative
    let severity = Severity.error
    let action = "Name an active person or team accountable for the initiative, or stop it."

    /// Creates the detector.
    public init() {}

    func writtenOwner(of node: Int, in graph: PortfolioGraph) -> String?? {
        guard let status = graph.status(ofInitiative: node), status != .retired else { return nil }
        return graph.field(\.owner, ofInitiative: node)
    }
}

/// `unowned-data-source`: a data source nobody active is accountable for.
public struct UnownedDataSource: OwnershipDetector {
    /// `unowned-data-source`.
    public let id = "unowned-data-source"
    /// What the detector looks for.
    public let summary = "A data source with no owner, an unknown owner, or an owner who is not active."
    let kind = NodeKind.dataSource
    let severity = Severity.warning
    let action = "Name a data owner who decides who may read and write it and answers for its quality."

    /// Creates the detector.
    public init() {}

    func writtenOwner(of node: Int, in graph: PortfolioGraph) -> String?? {
        graph.field(\.owner, ofDataSource: node)
    }
}

/// `unowned-technology`: a technology still in use nobody active is accountable for (retired ones are skipped).
public struct UnownedTechnology: OwnershipDetector {
    /// `unowned-technology`.
    public let id = "unowned-technology"
    /// What the detector looks for.
    public let summary = "A technology not retired with no owner, an unknown owner, or an owner who is not active."
    let kind = NodeKind.technology
    let severity = Severity.warning
    let action = "Name an owner who answers for the technology's licences, upgrades and support."

    /// Creates the detector.
    public init() {}

    func writtenOwner(of node: Int, in graph: PortfolioGraph) -> String?? {
        guard graph.field(\.lifecycle, ofTechnology: node) != .retired else { return nil }
        return graph.field(\.owner, ofTechnology: node)
    }
}
