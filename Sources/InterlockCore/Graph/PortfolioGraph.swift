/// The portfolio as one compact, immutable graph: the input of every detector, view and query.
///
/// Nodes are the integers `0..<nodeCount`, grouped by kind in `NodeKind` order (all initiatives,
/// then technologies, ...), each kind in the order the files declare them, so a label scan is a
/// range. Edges are `0..<edgeCount`, stored by source (CSR) with a second index by target, so
/// both directions are walked without hashing. Ids are interned once; entity details stay in
/// `portfolio` and are reached by `entityIndex(of:)`.
///
/// Building is O(nodes + edges); every accessor is O(1) except the ones documented otherwise.
///
/// A copy retains every array here and in `portfolio`, some thirty of them. On paths that run
/// per node or per finding, pass closures (`nodes.map { graph.id(of: $0) }`), not method
/// references (`nodes.map(graph.id(of:))`): a method reference copies the graph each time it is
/// formed, which was a third of the cost of some detectors on a million initiatives.
public struct PortfolioGraph: Sendable {
    /// The portfolio the graph was built from.
    public let portfolio: Portfolio
    /// References to unknown ids, for the detectors that report them.
    public let danglingReferences: [DanglingReference]

    let nodeKinds: [NodeKind]
    let kindStarts: [Int]
    let nodeIDs: [String]
    let nodeIndexByID: [String: Int32]
    let edgeSources: [Int32]
    let edgeTargets: [Int32]
    let edgeKinds: [EdgeKind]
    let edgeVersionIndex: [Int32]
    let versions: [String]
    let outOffsets: [Int32]
    let inOffsets: [Int32]
    let inEdges: [Int32]

    /// Number of nodes.
    public var nodeCount: Int { nodeKinds.count }
    /// Number of edges.
    public var edgeCount: Int { edgeTargets.count }

    /// The kind of `node`.
    public func kind(of node: Int) -> NodeKind { nodeKinds[node] }

    /// The id of `node` as written in the portfolio.
    public func id(of node: Int) -> String { nodeIDs[node] }

    /// The node with `id`, if any. O(1) expected.
    public func node(withID id: String) -> Int? { nodeIndexByID[id].map(Int.init) }

    /// All nodes of one kind, a contiguous range.
    public func nodes(ofKind kind: NodeKind) -> Range<Int> {
        kindStarts[Int(kind.rawValue)]..<kindStarts[Int(kind.rawValue) + 1]
    }

    /// The position of `node`'s entity in its kind's array of `portfolio` (`portfolio.initiatives[...]`).
    public func entityIndex(of node: Int) -> Int { node - kindStarts[Int(nodeKinds[node].rawValue)] }

    /// Edges leaving `node`, in the order the portfolio lists them.
    public func outgoing(_ node: Int) -> Range<Int> { Int(outOffsets[node])..<Int(outOffsets[node + 1]) }

    /// Edges entering `node`, by source order.
    public func incoming(_ node: Int) -> ArraySlice<Int32> { inEdges[Int(inOffsets[node])..<Int(inOffsets[node + 1])] }

    /// The node an edge leaves.
    public func source(ofEdge edge: Int) -> Int { Int(edgeSources[edge]) }

    /// The node an edge enters.
    public func target(ofEdge edge: Int) -> Int { Int(edgeTargets[edge]) }

    /// The relationship an edge stands for.
    public func kind(ofEdge edge: Int) -> EdgeKind { edgeKinds[edge] }

    /// The version of a `USES` edge (`17` of `java@17`), nil for other edges or no version.
    public func version(ofEdge edge: Int) -> String? {
        let index = edgeVersionIndex[edge]
        return index < 0 ? nil : versions[Int(index)]
    }

    /// Nodes `node` points to through edges of `kind`, in edge order. O(out-degree).
    public func successors(of node: Int, via kind: EdgeKind) -> [Int] {
        outgoing(node).compactMap { edgeKinds[$0] == kind ? Int(edgeTargets[$0]) : nil }
    }

    /// The first node `node` points to through an edge of `kind`, without allocating. O(out-degree).
    public func firstSuccessor(of node: Int, via kind: EdgeKind) -> Int? {
        for edge in outgoing(node) where edgeKinds[edge] == kind { return Int(edgeTargets[edge]) }
        return nil
    }

    /// Nodes pointing to `node` through edges of `kind`, in source order. O(in-degree).
    public func predecessors(of node: Int, via kind: EdgeKind) -> [Int] {
        incoming(node).compactMap { edgeKinds[Int($0)] == kind ? Int(edgeSources[Int($0)]) : nil }
    }
}
