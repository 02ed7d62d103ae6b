import InterlockCore

/// How tightly two business units are tied: the one definition the units diagram and the board
/// report both show (docs/scoring.md, "Entanglement").
///
/// Only active initiatives that name a unit count, and a pair of units is unordered:
/// - a dependency is a `dependsOn` edge between active initiatives of the two units, in either
///   direction, each edge once;
/// - a data flow is a data source that an active initiative of one unit writes and an active
///   initiative of the other reads, each source once per pair, whichever way the data goes;
/// - a shared platform tie is an active initiative of one unit that uses, reads, writes or
///   depends on a technology or data source owned by someone of the other unit, each initiative
///   once per pair: the unit that runs a platform must plan with those who build on it.
/// Two units that merely read the same source are not tied: neither feeds the other.
public struct UnitEntanglement: Hashable, Sendable {
    /// One unit's node, the one declared first.
    public let first: Int
    /// The other unit's node.
    public let second: Int
    /// `dependsOn` edges between active initiatives of the two units.
    public let dependencies: Int
    /// Data sources one unit's active initiatives write and the other's read.
    public let dataFlows: Int
    /// Active initiatives of one unit building on a technology or data source the other unit owns.
    public let platforms: Int

    /// Every kind of tie.
    public var total: Int { dependencies + dataFlows + platforms }

    /// Every tied pair of `context`'s graph, most tied first, then by the units' names.
    /// - Complexity: O(edges + Σ writers × readers per data source).
    static func all(in context: AnalysisContext) -> [UnitEntanglement] {
        let graph = context.graph
        var dependencies: [UnitPair: Int] = [:]
        var flows: [UnitPair: Set<Int>] = [:]
        for link in context.dependencyLinks {
            guard let unit = graph.unitNode(of: link.dependent), let other = graph.unitNode(of: link.dependency), unit != other else { continue }
            dependencies[UnitPair(unit, other), default: 0] += 1
        }
        for exchange in context.dataExchanges {
            let writers = Set(exchange.writers.compactMap { graph.unitNode(of: $0) })
            let readers = Set(exchange.readers.compactMap { graph.unitNode(of: $0) })
            for writer in writers {
                for reader in readers where reader != writer { flows[UnitPair(writer, reader), default: []].insert(exchange.source) }
            }
        }
        let platforms = platformTies(in: context)
        let tied = Set(dependencies.keys).union(flows.keys).union(platforms.keys).map { pair in
            UnitEntanglement(
                first: pair.low, second: pair.high, dependencies: dependencies[pair] ?? 0, dataFlows: flows[pair]?.count ?? 0,
                platforms: platforms[pair]?.count ?? 0)
        }
        return tied.sorted { lhs, rhs in
            if lhs.total != rhs.total { return lhs.total > rhs.total }
            let left = (graph.name(of: lhs.first), graph.name(of: lhs.second)), right = (graph.name(of: rhs.first), graph.name(of: rhs.second))
            return left != right ? left < right : (lhs.first, lhs.second) < (rhs.first, rhs.second)
        }
    }

    /// Per pair of units, the active initiatives of one building on an asset the other owns.
    private static func platformTies(in context: AnalysisContext) -> [UnitPair: Set<Int>] {
        let graph = context.graph
        let building: Set<EdgeKind> = [.uses, .reads, .writes, .dependsOn]
        var ties: [UnitPair: Set<Int>] = [:]
        for asset in graph.nodes(ofKind: .technology).lowerBound..<graph.nodes(ofKind: .dataSource).upperBound {
            guard let owningUnit = graph.ownerNode(of: asset).flatMap({ graph.unitNode(of: $0) }) else { continue }
            for edge in graph.incoming(asset) where building.contains(graph.kind(ofEdge: Int(edge))) {
                let user = graph.source(ofEdge: Int(edge))
                guard context.isActiveInitiative(user), let unit = graph.unitNode(of: user), unit != owningUnit else { continue }
                ties[UnitPair(unit, owningUnit), default: []].insert(user)
            }
        }
        return ties
    }

    /// Two units in node order.
    private struct UnitPair: Hashable {
        let low: Int
        let high: Int

        init(_ one: Int, _ other: Int) {
            low = min(one, other)
            high = max(one, other)
        }
    }
}
