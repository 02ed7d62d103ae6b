import InterlockCore

/// Small helpers that keep finding messages, and the reports around them, in one consistent, readable voice.
public enum Wording {
    /// "A", "A and B", "A, B and C".
    public static func list(_ items: [String]) -> String {
        switch items.count {
        case 0: return ""
        case 1: return items[0]
        default: return items.dropLast().joined(separator: ", ") + " and " + items[items.count - 1]
        }
    }

    /// "A", "A or B", "A, B or C".
    static func alternatives(_ items: [String]) -> String {
        items.count < 2 ? list(items) : items.dropLast().joined(separator: ", ") + " or " + items[items.count - 1]
    }

    /// "an initiative", "a capability".
    static func withArticle(_ noun: String) -> String {
        guard let first = noun.first else { return noun }
        return ("aeiou".contains(first) ? "an " : "a ") + noun
    }
}

extension PortfolioGraph {
    /// The `limit` nodes with the smallest ids, in id order. Keeps a sorted window instead of
    /// sorting everything, so listing the first thousand of a million dependents stays cheap.
    /// - Complexity: O(n log limit) comparisons, plus window shifts.
    func firstByID(_ nodes: [Int], limit: Int) -> [Int] {
        guard limit > 0 else { return [] }
        guard nodes.count > limit else { return nodes.sorted { id(of: $0) < id(of: $1) } }
        var window: [Int] = []
        window.reserveCapacity(limit + 1)
        for node in nodes {
            if window.count == limit, let last = window.last, id(of: node) >= id(of: last) { continue }
            let nodeID = id(of: node)
            var low = 0, high = window.count
            while low < high {
                let middle = (low + high) / 2
                if id(of: window[middle]) < nodeID { low = middle + 1 } else { high = middle }
            }
            window.insert(node, at: low)
            if window.count > limit { window.removeLast() }
        }
        return window
    }

    /// The sum of the initiatives' budgets, nil when none has one.
    func budget(of nodes: [Int]) -> Double? {
        let budgets = nodes.compactMap { budget(ofInitiative: $0) }
        return budgets.isEmpty ? nil : budgets.reduce(0, +)
    }

    /// Ids of the owners one can contact about `nodes`: existing people who are active, and teams;
    /// de-duplicated, in the order of `nodes`.
    public func contactableOwners(of nodes: [Int]) -> [String] {
        // Most findings involve one to four nodes: a linear scan of the few owners found beats
        // a set, and nodes are compared, not their id strings. Large groups get a set.
        let manyNodes = nodes.count > 16
        var owners: [Int] = []
        var seen = Set<Int>()
        for node in nodes {
            guard let owner = ownerNode(of: node), field(\.active, ofPerson: owner) != false else { continue }
            let isNew = manyNodes ? seen.insert(owner).inserted : !owners.contains(owner)
            if isNew { owners.append(owner) }
        }
        return owners.map { id(of: $0) }
    }
}

extension String {
    /// The string with its first letter upper-cased ("data source" → "Data source").
    public var capitalizedFirst: String { prefix(1).uppercased() + dropFirst() }
}
