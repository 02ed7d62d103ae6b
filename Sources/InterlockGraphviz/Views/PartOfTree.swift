import InterlockCore

/// The `PART_OF` tree of business units or of capabilities, read defensively: a parent is
/// dropped where it would close a loop, because portfolios are messy and clusters must nest.
struct PartOfTree {
    let graph: PortfolioGraph
    /// The kind of node the tree holds (`unit` or `capability`).
    let kind: NodeKind

    init(_ graph: PortfolioGraph, of kind: NodeKind) {
        self.graph = graph
        self.kind = kind
    }

    /// The nodes `units` with all their ancestors, each mapped to its parent (nil for a top
    /// node or where the parent would close a loop).
    ///
    /// - Complexity: O(units × depth), iterative.
    func parents(closing units: [Int]) -> [Int: Int?] {
        var parents: [Int: Int?] = [:]
        for start in units where parents[start] == nil {
            var chain: [Int] = []
            var onChain: Set<Int> = []
            var current = start
            while parents[current] == nil, onChain.insert(current).inserted {
                chain.append(current)
                guard let parent = graph.successors(of: current, via: .partOf).first(where: { graph.kind(of: $0) == kind }) else { break }
                current = parent
            }
            for (index, unit) in chain.enumerated() {
                let next = index + 1 < chain.count ? chain[index + 1] : graph.successors(of: unit, via: .partOf).first(where: { graph.kind(of: $0) == kind })
                // The last unit of the chain points into an already resolved unit, or back into
                // the chain (a loop), or nowhere.
                let closesLoop = next.map { index + 1 >= chain.count && onChain.contains($0) } ?? false
                parents[unit] = closesLoop ? Int?.none : next
            }
        }
        return parents
    }
}
