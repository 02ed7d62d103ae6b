import InterlockCore

/// Two active initiatives that must work together because one depends on the other.
struct DependencyLink {
    let dependent: Int
    let dependency: Int
}

/// Two initiatives (in either order) and the technology a finding about them concerns, to report a pair once.
struct LinkedPair: Hashable {
    let first: Int
    let second: Int
    let technology: Int

    init(_ one: Int, _ other: Int, _ technology: Int) {
        first = min(one, other)
        second = max(one, other)
        self.technology = technology
    }
}

/// The initiatives exchanging data through one data source: writers feed readers.
struct DataExchange {
    let source: Int
    let writers: [Int]
    let readers: [Int]
}

extension PortfolioGraph {
    /// Every dependsOn edge between two active initiatives. O(edges).
    func dependencyLinks() -> [DependencyLink] {
        var links: [DependencyLink] = []
        for node in nodes(ofKind: .initiative) where isActiveInitiative(node) {
            for target in successors(of: node, via: .dependsOn) where target != node && isActiveInitiative(target) {
                links.append(DependencyLink(dependent: node, dependency: target))
            }
        }
        return links
    }

    /// For each data source written by one active initiative and read by another, who writes and who reads. O(edges).
    func dataExchanges() -> [DataExchange] {
        nodes(ofKind: .dataSource).compactMap { source in
            let writers = predecessors(of: source, via: .writes).filter { isActiveInitiative($0) }
            let readers = predecessors(of: source, via: .reads).filter { isActiveInitiative($0) }
            guard !writers.isEmpty, !readers.isEmpty, Set(writers + readers).count > 1 else { return nil }
            return DataExchange(source: source, writers: writers, readers: readers)
        }
    }

    /// The technologies an initiative builds on: `technologies` and technologies in `dependsOn`,
    /// each once, with the version written on `technologies` (nil otherwise).
    func technologyUses(of initiative: Int) -> [(technology: Int, version: String?)] {
        var uses: [(technology: Int, version: String?)] = []
        for edge in outgoing(initiative) where kind(ofEdge: edge) == .uses {
            uses.append((target(ofEdge: edge), version(ofEdge: edge)))
        }
        let used = Set(uses.map(\.technology))
        for target in successors(of: initiative, via: .dependsOn) where kind(of: target) == .technology && !used.contains(target) {
            uses.append((target, nil))
        }
        return uses
    }
}

/// The technologies every initiative builds on, computed once per detector run: detectors that
/// look at each dependency and data exchange would otherwise rebuild them for every link.
struct TechnologyStacks {
    private let stacks: [[Int]]
    private let first: Int

    init(_ graph: PortfolioGraph) {
        let initiatives = graph.nodes(ofKind: .initiative)
        first = initiatives.lowerBound
        stacks = initiatives.map { graph.technologyUses(of: $0).map(\.technology) }
    }

    /// The technologies of `initiative`, as `technologyUses(of:)` orders them.
    subscript(initiative: Int) -> [Int] { stacks[initiative - first] }
}
