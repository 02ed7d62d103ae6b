/// Which findings are new, resolved or persisting between two runs (a baseline and now).
///
/// A finding persists when the same rule names the same nodes in both runs. Findings left over
/// are then paired by rule and first node (the capability of a duplicate, the hub of a single
/// point of failure, the initiative of a conflict), in report order, so a finding whose list of
/// involved nodes grew or shrank persists — changed — instead of showing as resolved and new.
public struct FindingComparison: Sendable {
    /// Findings of the new run with no counterpart in the old one, in report order.
    public var new: [Finding]
    /// Findings of the old run with no counterpart in the new one, in report order.
    public var resolved: [Finding]
    /// Findings in both runs, old and new versions, in the new run's report order.
    public var persisting: [(old: Finding, new: Finding)]

    /// Compares two lists of findings. O(n log n) for n findings.
    public init(old: [Finding], new: [Finding]) {
        let oldSorted = old.sortedForReport()
        let newSorted = new.sortedForReport()
        var oldUsed = [Bool](repeating: false, count: oldSorted.count)
        var match = [Int?](repeating: nil, count: newSorted.count)
        for key in [Self.exactKey, Self.headKey] {
            // Nothing left to pair (a scenario that changes little): the second pass would only
            // build keys for findings already matched.
            guard oldUsed.contains(false), match.contains(where: { $0 == nil }) else { break }
            var unmatched: [Key: [Int]] = [:]
            for (index, finding) in oldSorted.enumerated().reversed() where !oldUsed[index] {
                unmatched[key(finding), default: []].append(index)
            }
            for (index, finding) in newSorted.enumerated() where match[index] == nil {
                guard let candidate = unmatched[key(finding)]?.popLast() else { continue }
                match[index] = candidate
                oldUsed[candidate] = true
            }
        }
        self.new = newSorted.indices.filter { match[$0] == nil }.map { newSorted[$0] }
        resolved = oldSorted.indices.filter { !oldUsed[$0] }.map { oldSorted[$0] }
        persisting = newSorted.indices.compactMap { index in match[index].map { (oldSorted[$0], newSorted[index]) } }
    }

    /// What pairs two findings: their rule and all their nodes, or (second pass) the first one.
    private struct Key: Hashable {
        var rule: RuleID
        var nodes: ArraySlice<String>
    }

    private static func exactKey(_ finding: Finding) -> Key { Key(rule: finding.rule, nodes: finding.nodes[...]) }
    private static func headKey(_ finding: Finding) -> Key { Key(rule: finding.rule, nodes: finding.nodes.prefix(1)) }

    /// True when a new finding is an error: what makes `interlock diff` exit 1.
    public var hasNewErrors: Bool { new.contains { $0.severity == .error } }
}
