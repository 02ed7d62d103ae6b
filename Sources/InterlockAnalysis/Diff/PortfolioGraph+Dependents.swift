import InterlockCore

/// An initiative that needs a node, and how: what loses something when the node goes.
public struct Dependent: Hashable, Sendable {
    /// The initiative's id.
    public var initiative: String
    /// Its name.
    public var name: String
    /// The ids from the initiative to the node, each needing the next (`[crm-app, crm-db,
    /// oracle]`: the app reads the database, which runs on Oracle).
    public var path: [String]

    /// Whether the initiative needs the node itself, not through another.
    public var isDirect: Bool { path.count == 2 }
}

/// What a removed or retired node takes with it (`interlock whatif`).
public struct ScenarioLoss: Sendable {
    /// The change that removes or retires it.
    public var change: Scenario.Change
    /// The node's id.
    public var id: String
    /// The node's name.
    public var name: String
    /// The active initiatives that needed it, directly or not, with the way.
    public var dependents: [Dependent]

    /// A loss.
    public init(change: Scenario.Change, id: String, name: String, dependents: [Dependent]) {
        self.change = change
        self.id = id
        self.name = name
        self.dependents = dependents
    }
}

extension PortfolioGraph {
    /// Relations that make the source need the target (as `interlock.blastRadius` follows them).
    static let needing = EdgeKindSet([.dependsOn, .uses, .reads, .writes, .hostedOn])

    /// The active initiatives that need `node`, directly or through other nodes, each with its
    /// shortest path, nearest first and then in portfolio order.
    ///
    /// - Complexity: O(nodes + edges), breadth first.
    public func dependents(of node: Int) -> [Dependent] {
        var next: [Int: Int] = [node: node]
        var frontier = [node]
        var found: [Int] = []
        while !frontier.isEmpty {
            var following: [Int] = []
            var reached: [Int] = []
            for target in frontier {
                for edge in incoming(target) where Self.needing.contains(kind(ofEdge: Int(edge))) {
                    let source = self.source(ofEdge: Int(edge))
                    guard next[source] == nil else { continue }
                    next[source] = target
                    following.append(source)
                    if kind(of: source) == .initiative, isActiveInitiative(source) { reached.append(source) }
                }
            }
            found += reached.sorted()
            frontier = following.sorted()
        }
        return found.map { initiative in
            var path = [initiative]
            while let step = path.last, step != node, let target = next[step] { path.append(target) }
            return Dependent(initiative: id(of: initiative), name: name(of: initiative), path: path.map(id(of:)))
        }
    }
}
