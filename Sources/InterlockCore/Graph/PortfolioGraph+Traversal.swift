/// Which way to follow edges.
public enum TraversalDirection: String, CaseIterable, Hashable, Sendable {
    /// From source to target: what a node depends on ("downstream" of its needs).
    case forward
    /// From target to source: what depends on a node.
    case backward
    /// Both ways.
    case both
}

extension PortfolioGraph {
    /// Every node reachable from `starts` through edges of `kinds`, with its distance in edges,
    /// in breadth-first order. The starts themselves are never listed, even on a cycle back to
    /// them: they count as visited at distance 0.
    ///
    /// - Parameter maxDepth: stop after this many edges; nil for no limit.
    /// - Complexity: O(nodes + edges) at most.
    public func reachable(
        from starts: [Int], over kinds: EdgeKindSet, direction: TraversalDirection, maxDepth: Int? = nil
    ) -> [(node: Int, distance: Int)] {
        var distance = [Int32](repeating: -1, count: nodeCount)
        var frontier = starts
        for start in starts { distance[start] = 0 }
        var found: [(node: Int, distance: Int)] = []
        var depth = 0
        while !frontier.isEmpty, maxDepth.map({ depth < $0 }) ?? true {
            depth += 1
            var next: [Int] = []
            func visit(_ node: Int) {
                guard distance[node] < 0 else { return }
                distance[node] = Int32(depth)
                found.append((node, depth))
                next.append(node)
            }
            for node in frontier {
                if direction != .backward {
                    for edge in outgoing(node) where kinds.contains(storage.edgeKinds[edge]) {
                        visit(Int(storage.edgeTargets[edge]))
                    }
                }
                if direction != .forward {
                    for edge in incoming(node) where kinds.contains(storage.edgeKinds[Int(edge)]) {
                        visit(Int(storage.edgeSources[Int(edge)]))
                    }
                }
            }
            frontier = next
        }
        return found
    }
}
