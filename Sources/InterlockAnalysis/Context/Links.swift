import InterlockCore

/// Two active initiatives that must work together because one depends on the other.
public struct DependencyLink: Hashable, Sendable {
    /// The initiative that needs the other.
    public let dependent: Int
    /// The initiative it needs.
    public let dependency: Int
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

/// The active initiatives exchanging data through one data source: writers feed readers.
public struct DataExchange: Hashable, Sendable {
    /// The data source.
    public let source: Int
    /// The active initiatives writing it, in node order.
    public let writers: [Int]
    /// The active initiatives reading it, in node order.
    public let readers: [Int]
}

extension PortfolioGraph {
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

/// The technologies every initiative builds on, computed once per analysis: detectors that
/// look at each dependency and data exchange would otherwise rebuild them for every link.
struct TechnologyStacks: Sendable {
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
