/// Breadth-first search for `shortestPath` and `allShortestPaths` between two nodes.
///
/// - Complexity: O(V + E) per search, plus the size of the paths returned.
struct ShortestPathFinder<Graph: QueryableGraph> {
    let graph: Graph
    let context: ExecutionContext<Graph>
    let search: ShortestSearch
    /// Whether a relationship may be crossed (its property constraints).
    let accepts: (Int) throws(QueryError) -> Bool

    /// The shortest paths from `from` to `to` as relationship lists in pattern order: at most
    /// one for shortestPath, every one for allShortestPaths; none when the length is out of bounds.
    /// A path from a node to itself is the empty path, allowed only when the lower bound is 0.
    func paths(from: Int, to: Int) throws(QueryError) -> [[Int]] {
        if from == to { return search.hop.length.lowerBound == 0 ? [[]] : [] }
        // For each reached node, the relationships that reach it on a shortest path.
        var parents: [Int: [Int]] = [from: []]
        var frontier = [from]
        var depth = 0
        while !frontier.isEmpty, parents[to] == nil, depth < search.hop.length.upperBound {
            depth += 1
            var next: [Int] = []
            var reachedNow: Set<Int> = []
            for node in frontier {
                try context.tick()
                for (edge, other) in graph.adjacent(to: node, search.hop.direction, types: search.hop.types) {
                    let isNew = parents[other] == nil
                    guard isNew || reachedNow.contains(other), try accepts(edge) else { continue }
                    if isNew {
                        parents[other] = [edge]
                        reachedNow.insert(other)
                        next.append(other)
                    } else if search.all {
                        parents[other, default: []].append(edge)
                    }
                }
            }
            frontier = next
        }
        guard parents[to] != nil, search.hop.length.contains(depth) else { return [] }
        return search.all ? try allPaths(to: to, parents: parents) : [firstPath(to: to, parents: parents)]
    }

    private func firstPath(to: Int, parents: [Int: [Int]]) -> [Int] {
        var relationships: [Int] = []
        var node = to
        while let edge = parents[node]?.first {
            relationships.append(edge)
            node = graph.otherNode(of: edge, from: node)
        }
        return relationships.reversed()
    }

    /// Every path through the parent lists, enumerated with an explicit stack.
    private func allPaths(to: Int, parents: [Int: [Int]]) throws(QueryError) -> [[Int]] {
        var paths: [[Int]] = []
        // Each entry: the node reached walking back, and the relationships walked so far (reversed).
        var stack: [(Int, [Int])] = [(to, [])]
        while let (node, walked) = stack.popLast() {
            try context.tick()
            let edges = parents[node] ?? []
            if edges.isEmpty {
                paths.append(walked.reversed())
                continue
            }
            for edge in edges.reversed() {
                stack.append((graph.otherNode(of: edge, from: node), walked + [edge]))
            }
        }
        return paths
    }
}
