/// The strongly connected components of a graph over some edge kinds.
public struct StronglyConnectedComponents: Sendable {
    /// The component number of every node. Numbers follow Tarjan's order: a component is numbered
    /// before every component that can reach it (reverse topological order).
    public let componentOf: [Int32]
    /// Number of components, singletons included.
    public let count: Int
}

extension PortfolioGraph {
    /// Strongly connected components over the edges whose kind is in `kinds`.
    ///
    /// Pearce's space-efficient variant of Tarjan's algorithm ("A space-efficient algorithm for
    /// finding strongly connected components", 2016), iterative with an explicit stack of frames,
    /// so a million-node chain needs no deep recursion. On large graphs the cost is cache misses,
    /// so the search reads as little as it can: one `Int32` per node serves as DFS index, low
    /// link, on-stack mark and finally component number, so following an edge reads one number
    /// where Tarjan's reads two; and when every edge of the graph is followed, edge kinds are not
    /// read at all.
    /// - Complexity: O(nodes + edges) time; 4 bytes per node for the result, and 16 per node
    ///   reserved for the DFS path and the stack, of which only what the search reaches is used.
    public func stronglyConnectedComponents(over kinds: EdgeKindSet) -> StronglyConnectedComponents {
        // Stops at the first edge not followed, so a mixed graph pays almost nothing here.
        let followsEveryEdge = storage.edgeKinds.allSatisfy { kinds.contains($0) }
        return storage.edgeKinds.withUnsafeBufferPointer { edgeKinds in
            followsEveryEdge ? search { _ in true } : search { kinds.contains(edgeKinds[$0]) }
        }
    }

    /// The search itself, following the edges `follows` accepts; inlined into each caller, so the
    /// test is compiled away when every edge is followed.
    @inline(__always)
    private func search(follows: (Int) -> Bool) -> StronglyConnectedComponents {
        let nodeCount = self.nodeCount
        precondition(nodeCount < 1 << 30, "component numbers are stored above the node count in an Int32")
        let finishedBase = Int32(nodeCount) + 1
        // 0: unvisited; 1...nodeCount: the DFS index, lowered to the smallest index reachable
        // while the node is open; finishedBase + k: in component k. Finished values are larger
        // than every index, so an edge to a finished node never lowers anything.
        var rank = [Int32](repeating: 0, count: nodeCount)
        var componentCount: Int32 = 0
        // The DFS path (a node, its next outgoing edge, its own DFS index) and the open nodes
        // that are not the root of their component, waiting for it. Neither holds a node twice,
        // so node-count capacity never overflows; untouched pages cost no memory.
        let frames = UnsafeMutableBufferPointer<(node: Int32, edge: Int32, index: Int32)>.allocate(capacity: max(nodeCount, 1))
        let waiting = UnsafeMutableBufferPointer<Int32>.allocate(capacity: max(nodeCount, 1))
        defer {
            frames.deallocate()
            waiting.deallocate()
        }
        rank.withUnsafeMutableBufferPointer { rank in
            storage.edgeTargets.withUnsafeBufferPointer { targets in
                storage.outOffsets.withUnsafeBufferPointer { offsets in
                    var depth = 0, waitingCount = 0
                    var nextIndex: Int32 = 0
                    for root in 0..<nodeCount where rank[root] == 0 {
                        nextIndex += 1
                        rank[root] = nextIndex
                        frames[0] = (Int32(root), offsets[root], nextIndex)
                        depth = 1
                        while depth > 0 {
                            let frame = frames[depth - 1]
                            let node = Int(frame.node)
                            var low = rank[node]
                            var edge = Int(frame.edge)
                            let end = Int(offsets[node + 1])
                            var child = -1
                            while edge < end {
                                let target = Int(targets[edge])
                                let followed = follows(edge)
                                edge += 1
                                guard followed else { continue }
                                let targetRank = rank[target]
                                if targetRank == 0 {
                                    child = target
                                    break
                                }
                                low = min(low, targetRank)
                            }
                            rank[node] = low
                            if child >= 0 {
                                frames[depth - 1].edge = Int32(edge)
                                nextIndex += 1
                                rank[child] = nextIndex
                                frames[depth] = (Int32(child), offsets[child], nextIndex)
                                depth += 1
                                continue
                            }
                            depth -= 1
                            if low == frame.index {
                                // A root: it and every waiting node ranked at least its index form a component.
                                let component = finishedBase + componentCount
                                while waitingCount > 0, rank[Int(waiting[waitingCount - 1])] >= low {
                                    waitingCount -= 1
                                    rank[Int(waiting[waitingCount])] = component
                                }
                                rank[node] = component
                                componentCount += 1
                            } else {
                                waiting[waitingCount] = frame.node
                                waitingCount += 1
                            }
                            if depth > 0 {
                                let parent = Int(frames[depth - 1].node)
                                rank[parent] = min(rank[parent], rank[node])
                            }
                        }
                    }
                }
            }
            for node in rank.indices { rank[node] -= finishedBase }
        }
        return StronglyConnectedComponents(componentOf: rank, count: Int(componentCount))
    }

    /// The components that hold a cycle: two or more nodes, or one node with an edge to itself.
    ///
    /// Members are in node order and components ordered by their first member, so output is stable.
    /// - Complexity: O(nodes + edges).
    public func cyclicComponents(over kinds: EdgeKindSet) -> [[Int]] {
        cyclicComponents(stronglyConnectedComponents(over: kinds), over: kinds)
    }

    /// The components of `components` (computed over `kinds`) that hold a cycle, as
    /// `cyclicComponents(over:)` gives them, for callers that already have the components.
    /// - Complexity: O(nodes + edges).
    public func cyclicComponents(_ components: StronglyConnectedComponents, over kinds: EdgeKindSet) -> [[Int]] {
        var size = [Int32](repeating: 0, count: components.count)
        for component in components.componentOf { size[Int(component)] += 1 }
        var membersByComponent: [Int32: [Int]] = [:]
        for node in 0..<nodeCount {
            let component = components.componentOf[node]
            let isCyclic = size[Int(component)] > 1
                || outgoing(node).contains { kinds.contains(storage.edgeKinds[$0]) && Int(storage.edgeTargets[$0]) == node }
            if isCyclic { membersByComponent[component, default: []].append(node) }
        }
        return membersByComponent.values.sorted { $0[0] < $1[0] }
    }

    /// One shortest cycle inside a strongly connected component, as nodes in cycle order.
    ///
    /// A member that depends on itself is the shortest cycle. Otherwise the cycle starts at the
    /// member with the smallest id; among equally short cycles the one
    /// found from that start wins, so output is stable. For components up to `exactLimit` nodes
    /// the cycle is the shortest of the whole component (a BFS from every member); above it, the
    /// shortest through the member with the smallest id, which keeps the cost linear.
    /// - Complexity: O(k·(k + e)) up to `exactLimit`, O(k + e) above, for k members and e edges among them.
    public func shortestCycle(in component: [Int], over kinds: EdgeKindSet, exactLimit: Int = 1_000) -> [Int] {
        guard let first = component.min(by: { id(of: $0) < id(of: $1) }) else { return [] }
        let member = Set(component)
        if component.count == 1 { return [first] }
        let selfDependent = component.filter { node in
            outgoing(node).contains { kinds.contains(storage.edgeKinds[$0]) && Int(storage.edgeTargets[$0]) == node }
        }
        if let loop = selfDependent.min(by: { id(of: $0) < id(of: $1) }) { return [loop] }
        let starts = component.count <= exactLimit
            ? component.sorted { id(of: $0) < id(of: $1) }
            : [first]
        var best: [Int] = []
        for start in starts {
            let cycle = shortestCycle(through: start, within: member, over: kinds, longerThan: best.isEmpty ? Int.max : best.count)
            if let cycle, best.isEmpty || cycle.count < best.count { best = cycle }
            if best.count == 2 { break }
        }
        guard let smallest = best.indices.min(by: { id(of: best[$0]) < id(of: best[$1]) }) else { return best }
        return Array(best[smallest...] + best[..<smallest])
    }

    /// Breadth-first search from `start` back to itself inside `member`; nil when longer than `bound`.
    private func shortestCycle(through start: Int, within member: Set<Int>, over kinds: EdgeKindSet, longerThan bound: Int) -> [Int]? {
        var parent: [Int: Int] = [start: start]
        var frontier = [start]
        var depth = 0
        while !frontier.isEmpty, depth < bound {
            depth += 1
            var next: [Int] = []
            for node in frontier {
                for edge in outgoing(node) where kinds.contains(storage.edgeKinds[edge]) {
                    let target = Int(storage.edgeTargets[edge])
                    guard member.contains(target) else { continue }
                    if target == start {
                        var path = [node]
                        while let previous = parent[path[path.count - 1]], previous != path[path.count - 1] { path.append(previous) }
                        return path.reversed()
                    }
                    if parent[target] == nil {
                        parent[target] = node
                        next.append(target)
                    }
                }
            }
            frontier = next
        }
        return nil
    }
}
