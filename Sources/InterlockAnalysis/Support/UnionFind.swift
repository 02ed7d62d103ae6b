/// Disjoint sets over `0..<count` with path halving and union by size: near-constant time per operation.
struct UnionFind {
    private var parent: [Int32]
    private var size: [Int32]

    init(count: Int) {
        parent = (0..<count).map(Int32.init)
        size = [Int32](repeating: 1, count: count)
    }

    /// The representative of `element`'s set.
    mutating func root(of element: Int) -> Int {
        var node = element
        while Int(parent[node]) != node {
            parent[node] = parent[Int(parent[node])]
            node = Int(parent[node])
        }
        return node
    }

    /// Merges the sets of `first` and `second`.
    mutating func join(_ first: Int, _ second: Int) {
        var a = root(of: first)
        var b = root(of: second)
        guard a != b else { return }
        if size[a] < size[b] { swap(&a, &b) }
        parent[b] = Int32(a)
        size[a] += size[b]
    }
}
