import InterlockCore

/// The facts about one portfolio graph that detectors, views and the board report share, each
/// with one definition and computed at most once per graph.
///
/// Facts are computed on first use (a `render` that needs no blast radius never pays for it)
/// and then shared; detectors running in parallel wait for a fact another is computing rather
/// than computing it again. The context never changes the graph.
public final class AnalysisContext: Sendable {
    /// The graph every fact is about.
    public let graph: PortfolioGraph

    private let components = SharedFact<StronglyConnectedComponents>()
    private let cycles = SharedFact<[[Int]]>()
    private let links = SharedFact<[DependencyLink]>()
    private let exchanges = SharedFact<[DataExchange]>()
    private let stacks = SharedFact<TechnologyStacks>()
    private let table = SharedFact<IncompatibilityTable>()
    private let entanglement = SharedFact<[UnitEntanglement]>()

    /// A context for `graph`; nothing is computed yet.
    public init(_ graph: PortfolioGraph) {
        self.graph = graph
    }

    /// Whether an initiative node still matters: every status but `retired`. The one
    /// definition of "active" that detectors, views and report figures use.
    public func isActiveInitiative(_ node: Int) -> Bool { graph.isActiveInitiative(node) }

    /// How many times the strongly connected components of `dependsOn` were computed for this
    /// context: at most once, however many detectors, views and report figures read them.
    package var dependencyComponentComputations: Int { components.computations }

    /// The strongly connected components of `dependsOn`, numbered in reverse topological order.
    public var dependencyComponents: StronglyConnectedComponents {
        components.value { graph.stronglyConnectedComponents(over: EdgeKindSet(.dependsOn)) }
    }

    /// The components of `dependsOn` that hold a cycle (several nodes, or one depending on
    /// itself), each as its nodes in node order, ordered by their first node.
    public var dependencyCycles: [[Int]] {
        cycles.value { graph.cyclicComponents(dependencyComponents, over: EdgeKindSet(.dependsOn)) }
    }

    /// Every `dependsOn` edge between two different active initiatives, in edge order.
    public var dependencyLinks: [DependencyLink] { links.value { graph.dependencyLinks() } }

    /// The data sources written by one active initiative and read by another, in node order.
    public var dataExchanges: [DataExchange] { exchanges.value { graph.dataExchanges() } }

    /// The technologies every initiative builds on.
    var technologyStacks: TechnologyStacks { stacks.value { TechnologyStacks(graph) } }

    /// The pairs of technologies that must not meet, with the reason.
    public var incompatibilities: IncompatibilityTable { table.value { IncompatibilityTable(graph) } }

    /// The pairs of business units whose active initiatives are tied, most tied first.
    public var unitEntanglement: [UnitEntanglement] { entanglement.value { UnitEntanglement.all(in: self) } }
}

extension PortfolioGraph {
    /// True for initiatives that still matter: everything but `retired`.
    func isActiveInitiative(_ node: Int) -> Bool { status(ofInitiative: node)?.isActive ?? false }

    /// Every dependsOn edge between two active initiatives; read it from `AnalysisContext`. O(edges).
    fileprivate func dependencyLinks() -> [DependencyLink] {
        var links: [DependencyLink] = []
        for node in nodes(ofKind: .initiative) where isActiveInitiative(node) {
            for target in successors(of: node, via: .dependsOn) where target != node && isActiveInitiative(target) {
                links.append(DependencyLink(dependent: node, dependency: target))
            }
        }
        return links
    }

    /// For each data source written by one active initiative and read by another, who writes and
    /// who reads; read it from `AnalysisContext`. O(edges).
    fileprivate func dataExchanges() -> [DataExchange] {
        nodes(ofKind: .dataSource).compactMap { source in
            let writers = predecessors(of: source, via: .writes).filter { isActiveInitiative($0) }
            let readers = predecessors(of: source, via: .reads).filter { isActiveInitiative($0) }
            guard !writers.isEmpty, !readers.isEmpty, Set(writers + readers).count > 1 else { return nil }
            return DataExchange(source: source, writers: writers, readers: readers)
        }
    }
}

