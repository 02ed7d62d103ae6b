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
    /// Tarjan's algorithm with an explicit stack, so a million-node chain needs no deep recursion.
    /// - Complexity: O(nodes + edges).
    public func stronglyConnectedComponents(over kinds: EdgeKindSet) -> StronglyConnectedComponents {
        let unvisited: Int32 = -1
        var order = [Int32](repeating: unvisited, count: nodeCount)
        var lowLink = [Int32](repeating: 0, count: nodeCount)
        var componentOf = [Int32](repeating: -1, count: nodeCount)
        var onStack = [Bool](repeating: false, count: nodeCount)
        var stack: [Int32] = []
        // Each frame is a node and the next outgoing edge to look at.
        var frames: [(node: Int32, edge: Int32)] = []
        var nextOrder: Int32 = 0
        var componentCount: Int32 = 0

        for root in 0..<nodeCount where order[root] == unvisited {
            frames.append((Int32(root), outOffsets[root]))
            order[root] = nextOrder
            lowLink[root] = nextOrder
            nextOrder += 1
            stack.append(Int32(root))
            onStack[root] = true
            while let frame = frames.last {
                let node = Int(frame.node)
                var edge = Int(frame.edge)
                let end = Int(outOffsets[node + 1])
                var descended = false
                while edge < end {
                    let target = Int(edgeTargets[edge])
                    let followed = kinds.contains(edgeKinds[edge])
                    edge += 1
                    guard followed else { continue }
                    if order[target] == unvisited {
                        frames[frames.count - 1].edge = Int32(edge)
                        order[target] = nextOrder
                        lowLink[target] = nextOrder
                        nextOrder += 1
                        stack.append(Int32(target))
                        onStack[target] = true
                        frames.append((Int32(target), outOffsets[target]))
                        descended = true
                        break
                    } else if onStack[target] {
                        lowLink[node] = min(lowLink[node], order[target])
                    }
                }
                if descended { continue }
                frames.removeLast()
                if lowLink[node] == order[node] {
                    while let member = stack.popLast() {
                        onStack[Int(member)] = false
                        componentOf[Int(member)] = componentCount
                        if Int(member) == node { break }
                    }
                    componentCount += 1
                }
                if let parent = frames.last {
                    lowLink[Int(parent.node)] = min(lowLink[Int(parent.node)], lowLink[node])
                }
            }
        }
        return StronglyConnectedComponents(componentOf: componentOf, count: Int(componentCount))
    }

    /// The components that hold a cycle: two or more nodes, or one node with an edge to itself.
    ///
    /// Members are in node order and components ordered by their first member, so output is stable.
    /// - Complexity: O(nodes + edges).
    public func cyclicComponents(over kinds: EdgeKindSet) -> [[Int]] {
        let components = stronglyConnectedComponents(over: kinds)
        var size = [Int32](repeating: 0, count: components.count)
        for component in components.componentOf { size[Int(component)] += 1 }
        var membersByComponent: [Int32: [Int]] = [:]
        for node in 0..<nodeCount {
            let component = components.componentOf[node]
            let isCyclic = size[Int(component)] > 1
                || outgoing(node).contains { kinds.contains(edgeKinds[$0]) && Int(edgeTargets[$0]) == node }
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
            outgoing(node).contains { kinds.contains(edgeKinds[$0]) && Int(edgeTargets[$0]) == node }
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
                for edge in outgoing(node) where kinds.contains(edgeKinds[edge]) {
                    let target = Int(edgeTargets[edge])
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
