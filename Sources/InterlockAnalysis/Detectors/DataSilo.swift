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
        title: LocalizedText(en: "Data kept in silos", fr: "Données cloisonnées"),
        whyItMatters: LocalizedText(
            en: "The same business data lives in several places that never talk to each other: several versions of the truth.",
            fr: "Les mêmes données vivent à plusieurs endroits qui ne communiquent pas : il existe plusieurs versions de la vérité."))
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
        return Finding(
            rule: id, severity: personal ? .error : .warning, nodes: sources, in: graph,
            explanation: Explanation(domain: domain, sources: sources, islands: islands, personal: personal),
            owners: graph.contactableOwners(of: sources))
    }

    /// A domain's sources in unconnected groups.
    struct Explanation: FindingExplanation {
        let domain: String
        let sources: [Int]
        let islands: [[Int]]
        let personal: Bool

        func message(_ phrasing: Phrasing, in graph: PortfolioGraph) -> String {
            let listed = islands.count == sources.count
                ? graph.quotedList(sources, phrasing)
                : islands.map { "(\(graph.quotedList($0, phrasing)))" }.joined(separator: ", ")
            switch phrasing.language {
            case .en:
                var message = "\(domain.capitalizedFirst) data is held in \(sources.count) data sources "
                message += islands.count == sources.count
                    ? "that no initiative connects: \(listed)" : "in \(islands.count) groups that no initiative connects: \(listed)"
                return message + (personal ? "; some of it is personal data." : ".")
            case .fr:
                let count = phrasing.number(sources.count)
                let spread: FrenchText = islands.count == sources.count
                    ? "sont réparties entre \(count) sources qu'aucune initiative ne relie : \(listed)"
                    : "sont réparties entre \(count) sources, en \(phrasing.number(islands.count)) groupes qu'aucune initiative ne relie : \(listed)"
                let personalPart: FrenchText = personal ? " ; une partie sont des données personnelles." : "."
                return ("Les données du domaine \(phrasing.quoted(domain)) " as FrenchText).text + spread.text + personalPart.text
            }
        }

        func action(_ phrasing: Phrasing, in graph: PortfolioGraph) -> String {
            phrasing.text(
                en: "Name one system of record for \(domain) data and plan an initiative that keeps the other sources in step with it.",
                fr: "Désigner une source de référence pour les données du domaine \(phrasing.quoted(domain)) et prévoir une initiative qui aligne les autres sources sur elle.")
        }
    }
}
