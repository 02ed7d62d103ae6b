import InterlockAnalysis

/// The findings arranged the way the views look them up: by node id.
struct FindingIndex: Sendable {
    /// A capability delivered by several initiatives (`duplicated-capability`).
    struct Duplicate: Hashable, Sendable {
        /// The capability's id.
        var capability: String
        /// Ids of the initiatives delivering it.
        var builders: [String]
        /// The finding's severity.
        var severity: Severity
        /// The combined budget, when known.
        var budget: Double?
    }

    /// Rules whose finding means the first node has no accountable owner.
    static let ownershipRules: Set<String> = ["unowned-initiative", "unowned-data-source", "unowned-technology"]

    /// The findings in report order.
    let findings: [Finding]
    /// The worst severity among the findings that involve each node.
    private(set) var worst: [String: Severity] = [:]
    /// The messages of the findings that involve each node, worst first.
    private(set) var messages: [String: [String]] = [:]
    /// For initiatives in a dependency cycle, the number of their cycle finding: a
    /// `dependsOn` edge lies on a cycle exactly when both ends have the same number.
    private(set) var cycleGroup: [String: Int] = [:]
    /// Nodes nobody accountable owns.
    private(set) var unowned: Set<String> = []
    /// Duplicated capabilities, in report order.
    private(set) var duplicates: [Duplicate] = []
    /// Every node id some finding involves, in report order, each once.
    private(set) var touched: [String] = []

    /// Indexes `findings` (in any order).
    init(_ findings: [Finding]) {
        self.findings = findings.sortedForReport()
        var seen: Set<String> = []
        for (number, finding) in self.findings.enumerated() {
            for id in finding.nodes {
                if worst[id].map({ finding.severity > $0 }) ?? true { worst[id] = finding.severity }
                messages[id, default: []].append(finding.message)
                if seen.insert(id).inserted { touched.append(id) }
            }
            switch finding.rule {
            case "dependency-cycle":
                for id in finding.nodes { cycleGroup[id] = number }
            case "duplicated-capability":
                if let capability = finding.nodes.first {
                    duplicates.append(
                        Duplicate(capability: capability, builders: Array(finding.nodes.dropFirst()), severity: finding.severity, budget: finding.budgetAtStake))
                }
            case let rule where Self.ownershipRules.contains(rule):
                if let id = finding.nodes.first { unowned.insert(id) }
            default:
                break
            }
        }
    }

    /// Hover text for a node: its worst finding's message, and how many more there are.
    func tooltip(for id: String) -> String? {
        guard let messages = messages[id], let first = messages.first else { return nil }
        let more = messages.count - 1
        return more == 0 ? first : "\(first) (+\(more) more finding\(more == 1 ? "" : "s"))"
    }
}
