import InterlockCore

extension RuleID {
    /// `data-silo`.
    public static let dataSilo = RuleID("data-silo")
}

/// `data-silo`: one data domain (such as `customer`) is held in several data sources with no
/// initiative moving data between them, so the organisation has several truths.
///
/// Two sources of a domain are connected when a planned, in-progress or live initiative writes
/// one and reads or writes the other (ideas move no data yet). A domain whose sources form more
/// than one connected group is reported once, listing its sources in portfolio order. A warning;
/// an error when one of the sources holds personal data (`pii`), which data-protection law wants
/// kept consistent and erasable in one go.
public struct DataSilo: Detector {
    /// `data-silo`.
    public let id = RuleID.dataSilo
    /// How the board report speaks of it.
    public let wording = RuleWording(
        title: "Data kept in silos",
        whyItMatters: "The same business data lives in several places that never talk to each other: several versions of the truth.")
    /// What the detector looks for.
    public let summary = "One data domain held in several sources with no initiative moving data between them."

    /// Creates the detector.
    public init() {}

    /// One finding per domain split into unconnected groups of sources. O(nodes + edges) with union–find.
    public func run(in context: AnalysisContext) -> [Finding] {
        let graph = context.graph
        var domains: [String] = []
        var sourcesByDomain: [String: [Int]] = [:]
        for source in graph.nodes(ofKind: .dataSource) {
            guard let domain = graph.dataSource(source)?.domain else { continue }
            if sourcesByDomain[domain] == nil { domains.append(domain) }
            sourcesByDomain[domain, default: []].append(source)
        }
        var groups = UnionFind(count: graph.nodeCount)
        for initiative in graph.nodes(ofKind: .initiative) {
            guard graph.status(ofInitiative: initiative)?.isUnderway == true else { continue }
            // Joining every source it touches to the first one it writes in that domain is enough: union is transitive.
            var writtenByDomain: [String: Int] = [:]
            for target in graph.successors(of: initiative, via: .writes) {
                if let domain = graph.dataSource(target)?.domain, writtenByDomain[domain] == nil { writtenByDomain[domain] = target }
            }
            for edge in graph.outgoing(initiative) where [.reads, .writes].contains(graph.kind(ofEdge: edge)) {
                let source = graph.target(ofEdge: edge)
                if let domain = graph.dataSource(source)?.domain, let written = writtenByDomain[domain] { groups.join(written, source) }
            }
        }
        return domains.compactMap { domain in
            guard let sources = sourcesByDomain[domain], sources.count > 1 else { return nil }
            var islands: [[Int]] = []
            var islandOfRoot: [Int: Int] = [:]
            for source in sources {
                let root = groups.root(of: source)
                if let island = islandOfRoot[root] {
                    islands[island].append(source)
                } else {
                    islandOfRoot[root] = islands.count
                    islands.append([source])
                }
            }
            guard islands.count > 1 else { return nil }
            return finding(domain: domain, sources: sources, islands: islands, graph)
        }
    }

    private func finding(domain: String, sources: [Int], islands: [[Int]], _ graph: PortfolioGraph) -> Finding {
        let personal = sources.contains { graph.dataSource($0)?.classification == .pii }
        var message = "\(domain.capitalizedFirst) data is held in \(sources.count) data sources "
        if islands.count == sources.count {
            message += "that no initiative connects: \(graph.quotedList(sources))"
        } else {
            message += "in \(islands.count) groups that no initiative connects: "
                + islands.map { "(\(graph.quotedList($0)))" }.joined(separator: ", ")
        }
        if personal { message += "; some of it is personal data" }
        message += "."
        return Finding(
            rule: id, severity: personal ? .error : .warning, nodes: sources, in: graph, message: message,
            action: "Name one system of record for \(domain) data and plan an initiative that keeps the other sources in step with it.",
            owners: graph.contactableOwners(of: sources))
    }
}
