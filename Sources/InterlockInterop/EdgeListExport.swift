import InterlockCore

/// The portfolio graph as an edge list for graph libraries (NetworkX, igraph, SciPy, Graphviz):
/// a header `# nodes N edges M`, then `source target` per relationship, nodes numbered as in
/// `PortfolioGraph` (every node, initiatives first).
public enum EdgeListExport {
    /// Writes the edges of `relationships` to `write` in chunks of about a megabyte, so a graph
    /// of ten million edges never sits in memory as one text.
    /// - Complexity: O(edges).
    public static func write(
        _ graph: PortfolioGraph, relationships: EdgeKindSet, to write: (String) throws -> Void
    ) rethrows {
        let edges = (0..<graph.edgeCount).filter { relationships.contains(graph.kind(ofEdge: $0)) }
        var text = "# nodes \(graph.nodeCount) edges \(edges.count)\n"
        for edge in edges {
            text += "\(graph.source(ofEdge: edge)) \(graph.target(ofEdge: edge))\n"
            if text.utf8.count >= 1 << 20 {
                try write(text)
                text.removeAll(keepingCapacity: true)
            }
        }
        try write(text)
    }
}
