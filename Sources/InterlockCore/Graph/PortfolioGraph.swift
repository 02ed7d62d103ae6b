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
/// Every array and the portfolio live in one immutable `Storage` object, so copying the graph
/// costs one reference count: method references (`nodes.map(graph.id(of:))`), captures and
/// key-path reads of a graph are as cheap as closures, where a value of some thirty arrays
/// retained each of them.
public struct PortfolioGraph: Sendable {
    /// The graph's arrays, shared by every copy (the way swift-collections' `Deque` holds `_storage`).
    @usableFromInline let storage: Storage

    /// The arrays of a graph, built once and never changed.
    @usableFromInline
    final class Storage: Sendable {
        @usableFromInline let portfolio: Portfolio
        let danglingReferences: [DanglingReference]
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
        /// The source and kind of each entry of `inEdges`: a walk against the arrows reads
        /// them in order instead of looking each edge up across the whole graph.
        let inSources: [Int32]
        let inKinds: [EdgeKind]

        init(
            portfolio: Portfolio, danglingReferences: [DanglingReference], nodeKinds: [NodeKind], kindStarts: [Int],
            nodeIDs: [String], nodeIndexByID: [String: Int32], edgeSources: [Int32], edgeTargets: [Int32],
            edgeKinds: [EdgeKind], edgeVersionIndex: [Int32], versions: [String], outOffsets: [Int32],
            inOffsets: [Int32], inEdges: [Int32], inSources: [Int32], inKinds: [EdgeKind]
        ) {
            self.portfolio = portfolio
            self.danglingReferences = danglingReferences
            self.nodeKinds = nodeKinds
            self.kindStarts = kindStarts
            self.nodeIDs = nodeIDs
            self.nodeIndexByID = nodeIndexByID
            self.edgeSources = edgeSources
            self.edgeTargets = edgeTargets
            self.edgeKinds = edgeKinds
            self.edgeVersionIndex = edgeVersionIndex
            self.versions = versions
            self.outOffsets = outOffsets
            self.inOffsets = inOffsets
            self.inEdges = inEdges
            self.inSources = inSources
            self.inKinds = inKinds
        }
    }

    /// The portfolio the graph was built from.
    @inlinable public var portfolio: Portfolio { storage.portfolio }
    /// References to unknown ids, for the detectors that report them.
    public var danglingReferences: [DanglingReference] { storage.danglingReferences }

    /// Number of nodes.
    public var nodeCount: Int { storage.nodeKinds.count }
    /// Number of edges.
    public var edgeCount: Int { storage.edgeTargets.count }

    /// The kind of `node`.
    public func kind(of node: Int) -> NodeKind { storage.nodeKinds[node] }

    /// The id of `node` as written in the portfolio.
    public func id(of node: Int) -> String { storage.nodeIDs[node] }

    /// The node with `id`, if any. O(1) expected.
    public func node(withID id: String) -> Int? { storage.nodeIndexByID[id].map(Int.init) }

    /// All nodes of one kind, a contiguous range.
    public func nodes(ofKind kind: NodeKind) -> Range<Int> {
        storage.kindStarts[Int(kind.rawValue)]..<storage.kindStarts[Int(kind.rawValue) + 1]
    }

    /// The position of `node`'s entity in its kind's array of `portfolio` (`portfolio.initiatives[...]`).
    public func entityIndex(of node: Int) -> Int { node - storage.kindStarts[Int(storage.nodeKinds[node].rawValue)] }

    /// Edges leaving `node`, in the order the portfolio lists them.
    public func outgoing(_ node: Int) -> Range<Int> { Int(storage.outOffsets[node])..<Int(storage.outOffsets[node + 1]) }

    /// Edges entering `node`, by source order.
    public func incoming(_ node: Int) -> ArraySlice<Int32> {
        storage.inEdges[incomingRange(node)]
    }

    /// The sources of the edges entering `node`, in the order of `incoming(node)`.
    public func incomingSources(_ node: Int) -> ArraySlice<Int32> { storage.inSources[incomingRange(node)] }

    /// The kinds of the edges entering `node`, in the order of `incoming(node)`.
    public func incomingKinds(_ node: Int) -> ArraySlice<EdgeKind> { storage.inKinds[incomingRange(node)] }

    private func incomingRange(_ node: Int) -> Range<Int> { Int(storage.inOffsets[node])..<Int(storage.inOffsets[node + 1]) }

    /// The node an edge leaves.
    public func source(ofEdge edge: Int) -> Int { Int(storage.edgeSources[edge]) }

    /// The node an edge enters.
    public func target(ofEdge edge: Int) -> Int { Int(storage.edgeTargets[edge]) }

    /// The relationship an edge stands for.
    public func kind(ofEdge edge: Int) -> EdgeKind { storage.edgeKinds[edge] }

    /// The version of a `USES` edge (`17` of `java@17`), nil for other edges or no version.
    public func version(ofEdge edge: Int) -> String? {
        let index = storage.edgeVersionIndex[edge]
        return index < 0 ? nil : storage.versions[Int(index)]
    }

    /// Nodes `node` points to through edges of `kind`, in edge order. O(out-degree).
    public func successors(of node: Int, via kind: EdgeKind) -> [Int] {
        outgoing(node).compactMap { storage.edgeKinds[$0] == kind ? Int(storage.edgeTargets[$0]) : nil }
    }

    /// The first node `node` points to through an edge of `kind`, without allocating. O(out-degree).
    public func firstSuccessor(of node: Int, via kind: EdgeKind) -> Int? {
        for edge in outgoing(node) where storage.edgeKinds[edge] == kind { return Int(storage.edgeTargets[edge]) }
        return nil
    }

    /// Nodes pointing to `node` through edges of `kind`, in source order. O(in-degree).
    public func predecessors(of node: Int, via kind: EdgeKind) -> [Int] {
        incoming(node).compactMap { storage.edgeKinds[Int($0)] == kind ? Int(storage.edgeSources[Int($0)]) : nil }
    }
}
