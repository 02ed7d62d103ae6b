import InterlockCore

/// Who stops when a node fails: the active initiatives with a `dependsOn` path to it.
///
/// Every `dependsOn` edge is followed (a retired initiative still sitting in a path passes the
/// failure on), but only active initiatives are counted. Work is kept near-linear by the
/// condensation of `dependsOn` into strongly connected components, whose numbers are a reverse
/// topological order (a component is numbered before every component that reaches it):
/// - `upperBound`: one pass from dependents to dependencies adding up, per component, the
///   initiatives that reach it; a diamond counts twice, so it is an upper bound, exact on trees.
/// - `exactCounts`: one pass from dependencies to dependents per 64 candidates, OR-ing a 64-bit
///   mask of "candidates this component reaches", then one pass over the initiatives counting bits.
struct BlastRadius {
    private let graph: PortfolioGraph
    private let componentOf: [Int32]
    /// Node ids of each component, components in number order (a CSR layout).
    private let members: [Int32]
    private let memberOffsets: [Int]
    private let dependsOn = EdgeKindSet(.dependsOn)

    /// Computes the condensation. O(nodes + edges).
    init(_ context: AnalysisContext) {
        graph = context.graph
        let components = context.dependencyComponents
        componentOf = components.componentOf
        var offsets = [Int](repeating: 0, count: components.count + 1)
        for component in componentOf { offsets[Int(component) + 1] += 1 }
        for index in 0..<components.count { offsets[index + 1] += offsets[index] }
        var cursor = offsets
        var members = [Int32](repeating: 0, count: graph.nodeCount)
        for node in 0..<graph.nodeCount {
            let component = Int(componentOf[node])
            members[cursor[component]] = Int32(node)
            cursor[component] += 1
        }
        self.members = members
        memberOffsets = offsets
    }

    private var componentCount: Int { memberOffsets.count - 1 }

    private func members(of component: Int) -> ArraySlice<Int32> {
        members[memberOffsets[component]..<memberOffsets[component + 1]]
    }

    /// Calls `body` with each `dependsOn` target of `node` in another component. A loop with a
    /// closure rather than a lazy sequence: the sequence captured a copy of this value (the graph's
    /// arrays retained and released) for every node, 90% of the passes' time on a million nodes.
    private func forEachDependency(of node: Int, _ body: (Int) -> Void) {
        for edge in graph.outgoing(node) where graph.kind(ofEdge: edge) == .dependsOn {
            let target = graph.target(ofEdge: edge)
            if componentOf[target] != componentOf[node] { body(target) }
        }
    }

    /// The active initiatives naming `node` in `dependsOn`. O(in-degree).
    func directDependents(of node: Int) -> [Int] {
        graph.predecessors(of: node, via: .dependsOn).filter { $0 != node && graph.isActiveInitiative($0) }
    }

    /// The active initiatives with a `dependsOn` path to `node`, `node` left out. O(nodes + edges) at most.
    func dependents(of node: Int) -> [Int] {
        graph.reachable(from: [node], over: dependsOn, direction: .backward)
            .map(\.node).filter { $0 != node && graph.isActiveInitiative($0) }
    }

    /// Nodes with two or more direct dependents whose upper bound reaches `threshold`, largest
    /// bound first (ties by id), at most `limit`. O(nodes + edges + c log c) for c candidates.
    func candidates(threshold: Int, limit: Int) -> [Int] {
        let bound = upperBounds()
        var found: [(node: Int, bound: Int)] = []
        for node in 0..<graph.nodeCount where bound[node] >= threshold && directDependents(of: node).count >= 2 {
            found.append((node, bound[node]))
        }
        found.sort { $0.bound != $1.bound ? $0.bound > $1.bound : graph.id(of: $0.node) < graph.id(of: $1.node) }
        return found.prefix(limit).map(\.node)
    }

    /// An upper bound of every node's blast radius, saturated at the number of initiatives.
    private func upperBounds() -> [Int] {
        let cap = graph.nodes(ofKind: .initiative).count
        var reaching = [Int](repeating: 0, count: componentCount)
        for node in graph.nodes(ofKind: .initiative) where graph.isActiveInitiative(node) {
            reaching[Int(componentOf[node])] += 1
        }
        // Dependents have higher component numbers: walk down so each total is final before it is pushed on.
        for component in stride(from: componentCount - 1, through: 0, by: -1) where reaching[component] > 0 {
            for member in members(of: component) {
                forEachDependency(of: Int(member)) { target in
                    let other = Int(componentOf[target])
                    reaching[other] = min(cap, reaching[other] + reaching[component])
                }
            }
        }
        return (0..<graph.nodeCount).map { node in
            reaching[Int(componentOf[node])] - (graph.isActiveInitiative(node) ? 1 : 0)
        }
    }

    /// The exact blast radius of each candidate, in the same order. O((nodes + edges) · ⌈k / 64⌉).
    func exactCounts(of candidates: [Int]) -> [Int] {
        var counts: [Int] = []
        var start = 0
        while start < candidates.count {
            let batch = Array(candidates[start..<min(start + 64, candidates.count)])
            counts += exactCounts(ofBatch: batch)
            start += 64
        }
        return counts
    }

    private func exactCounts(ofBatch batch: [Int]) -> [Int] {
        var bitOf: [Int: UInt64] = [:]
        var mask = [UInt64](repeating: 0, count: componentCount)
        for (index, node) in batch.enumerated() {
            bitOf[node] = 1 << UInt64(index)
            mask[Int(componentOf[node])] |= 1 << UInt64(index)
        }
        // Dependencies have lower component numbers: walk up so each mask is final before it is read.
        for component in 0..<componentCount {
            for member in members(of: component) {
                forEachDependency(of: Int(member)) { target in mask[component] |= mask[Int(componentOf[target])] }
            }
        }
        var counts = [Int](repeating: 0, count: batch.count)
        for node in graph.nodes(ofKind: .initiative) where graph.isActiveInitiative(node) {
            // An initiative is not in its own blast radius, even inside a cycle.
            var bits = mask[Int(componentOf[node])] & ~(bitOf[node] ?? 0)
            while bits != 0 {
                counts[bits.trailingZeroBitCount] += 1
                bits &= bits - 1
            }
        }
        return counts
    }
}
