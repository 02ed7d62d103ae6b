import InterlockAnalysis

/// The part of a node list a view keeps under its node budget (``ViewOptions/maxNodes``).
struct NodeCut {
    /// The nodes kept, in their original order.
    let kept: [Int]
    /// How many nodes were left out.
    let leftOut: Int

    /// Keeps the first `limit` nodes in the order `precedes` (ties by node number), preserving
    /// the original order of the kept ones.
    ///
    /// - Complexity: O(n log n).
    init(_ nodes: [Int], limit: Int, keepFirst precedes: (Int, Int) -> Bool) {
        guard nodes.count > limit else {
            kept = nodes
            leftOut = 0
            return
        }
        let ranked = nodes.sorted { precedes($0, $1) || (!precedes($1, $0) && $0 < $1) }
        let keep = Set(ranked.prefix(max(limit, 0)))
        kept = nodes.filter(keep.contains)
        leftOut = nodes.count - kept.count
    }

    /// Keeps the nodes of `nodes` that are in `kept`, in their original order.
    init(_ nodes: [Int], keeping kept: Set<Int>) {
        self.kept = nodes.filter(kept.contains)
        leftOut = nodes.count - self.kept.count
    }

    /// `lead`, then the note saying what was left out when something was: a view's notes.
    func notes(after lead: String, criterion: String, _ context: ViewContext) -> [String] {
        [lead] + [note(criterion: criterion, context)].compactMap { $0 }
    }

    /// The title note saying what was left out, or nil when nothing was; `criterion` says which
    /// ones ("with the lowest risk" / "les moins risqués").
    func note(criterion: String, _ context: ViewContext) -> String? {
        guard leftOut > 0 else { return nil }
        let total = kept.count + leftOut
        return context.text(
            en: "Showing \(kept.count) of \(total) nodes: \(leftOut) \(criterion) left out (--max-nodes).",
            fr: "\(context.phrasing.number(kept.count)) nœuds sur \(context.phrasing.number(total)) : les \(context.phrasing.number(leftOut)) \(criterion) sont omis (--max-nodes).")
    }
}
