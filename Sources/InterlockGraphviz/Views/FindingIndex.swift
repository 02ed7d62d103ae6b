import InterlockAnalysis
import InterlockCore

/// The findings arranged the way the views look them up: by node number.
struct FindingIndex: Sendable {
    /// A capability delivered by several initiatives (`duplicated-capability`).
    struct Duplicate: Hashable, Sendable {
        /// The capability's node.
        var capability: Int
        /// The initiatives delivering it.
        var builders: [Int]
        /// The finding's severity.
        var severity: Severity
        /// The combined budget, when known.
        var budget: Double?
    }

    /// Two technologies an `incompatible-stack` finding reports together, lower node first.
    struct TechnologyPair: Hashable, Sendable {
        let low: Int
        let high: Int

        init(_ one: Int, _ other: Int) {
            low = min(one, other)
            high = max(one, other)
        }
    }

    /// The findings in report order.
    let findings: [Finding]
    /// The worst severity among the findings that involve each node.
    private(set) var worst: [Int: Severity] = [:]
    /// The messages of the findings that involve each node, worst first.
    private(set) var messages: [Int: [String]] = [:]
    /// For initiatives in a dependency cycle, the number of their cycle finding: a
    /// `dependsOn` edge lies on a cycle exactly when both ends have the same number.
    private(set) var cycleGroup: [Int: Int] = [:]
    /// Nodes nobody accountable owns.
    private(set) var unowned: Set<Int> = []
    /// Duplicated capabilities, in report order.
    private(set) var duplicates: [Duplicate] = []
    /// Technologies that findings report as clashing.
    private(set) var clashes: Set<TechnologyPair> = []
    /// Every node some finding involves, in report order, each once.
    private(set) var touched: [Int] = []
    /// The language of the messages and tooltips.
    private let phrasing: Phrasing

    /// Indexes `findings` (in any order) of `context`'s graph, their messages in `phrasing`.
    init(_ findings: [Finding], in context: AnalysisContext, phrasing: Phrasing) {
        let graph = context.graph
        self.phrasing = phrasing
        self.findings = findings.sortedForReport()
        var seen: Set<Int> = []
        for (number, finding) in self.findings.enumerated() {
            let nodes = finding.nodes(in: graph)
            for node in nodes {
                if worst[node].map({ finding.severity > $0 }) ?? true { worst[node] = finding.severity }
                messages[node, default: []].append(finding.message(phrasing, in: graph))
                if seen.insert(node).inserted { touched.append(node) }
            }
            switch finding.rule {
            case .dependencyCycle:
                for node in nodes { cycleGroup[node] = number }
            case .duplicatedCapability:
                if let capability = nodes.first {
                    duplicates.append(
                        Duplicate(capability: capability, builders: Array(nodes.dropFirst()), severity: finding.severity, budget: finding.budgetAtStake))
                }
            case .incompatibleStack:
                let technologies = nodes.filter { graph.kind(of: $0) == .technology }
                for (index, first) in technologies.enumerated() {
                    for second in technologies[(index + 1)...] where context.incompatibilities.reason(first, second) != nil {
                        clashes.insert(TechnologyPair(first, second))
                    }
                }
            case let rule where RuleID.ownership.contains(rule):
                if let node = nodes.first { unowned.insert(node) }
            default:
                break
            }
        }
    }

    /// The position in `findings` of the selected finding, nil when there is none.
    func position(of selector: FindingSelector) -> Int? {
        switch selector {
        case .number(let number): return findings.indices.contains(number - 1) ? number - 1 : nil
        case .key(let key): return findings.firstIndex { $0.fingerprint == key }
        }
    }

    /// Hover text for a node: its worst finding's message, and how many more there are.
    func tooltip(for node: Int) -> String? {
        guard let messages = messages[node], let first = messages.first else { return nil }
        let more = messages.count - 1
        guard more > 0 else { return first }
        return "\(first) (+" + phrasing.text(en: "\(more) more finding\(more == 1 ? "" : "s")", fr: "\(phrasing.count(more, "autre constat", "autres constats"))") + ")"
    }
}
