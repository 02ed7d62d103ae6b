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
    /// ones ("with the lowest risk" / "les moins risqués"). It is written for whoever reads the
    /// picture, the board included: "items", not nodes, and no option name (`render --help` and
    /// docs/diagrams.md say that `--max-nodes` sets the budget).
    func note(criterion: String, _ context: ViewContext) -> String? {
        guard leftOut > 0 else { return nil }
        let say = context.phrasing
        let (shown, total) = (say.number(kept.count), say.number(kept.count + leftOut))
        return leftOut == 1
            ? context.text(en: "Showing \(shown) of \(total) items: the one \(criterion) is left out.",
                           fr: "\(shown) éléments sur \(total) : un seul est omis.")
            : context.text(en: "Showing \(shown) of \(total) items: the \(say.number(leftOut)) \(criterion) are left out.",
                           fr: "\(shown) éléments sur \(total) : les \(say.number(leftOut)) \(criterion) sont omis.")
    }
}
