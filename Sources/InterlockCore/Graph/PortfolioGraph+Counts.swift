extension PortfolioGraph {
    /// How many edges of each kind the graph has, every kind listed (zero included), in
    /// `EdgeKind` order. O(edges).
    public func edgeCounts() -> [(kind: EdgeKind, count: Int)] {
        var counts = [Int](repeating: 0, count: EdgeKind.allCases.count)
        for edge in 0..<edgeCount { counts[Int(kind(ofEdge: edge).rawValue)] += 1 }
        return EdgeKind.allCases.map { ($0, counts[Int($0.rawValue)]) }
    }

    /// How many nodes of each kind the graph has, in `NodeKind` order. O(kinds).
    public func nodeCounts() -> [(kind: NodeKind, count: Int)] {
        NodeKind.allCases.map { ($0, nodes(ofKind: $0).count) }
    }
}
