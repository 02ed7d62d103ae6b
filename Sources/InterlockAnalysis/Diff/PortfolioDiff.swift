import InterlockCore

/// What changed between two versions of a portfolio: nodes added, removed and changed field by
/// field, findings new, resolved and persisting, and budgets by business unit.
public struct PortfolioDiff: Sendable {
    /// A node named by kind and id, with its name in the version it comes from.
    public struct NodeReference: Hashable, Sendable {
        /// The node's kind.
        public var kind: NodeKind
        /// The node's id.
        public var id: String
        /// The node's display name.
        public var name: String
    }

    /// One field whose value differs; nil where the field is absent.
    public struct FieldChange: Hashable, Sendable {
        /// The field as named in the format.
        public var field: String
        /// The old value.
        public var old: String?
        /// The new value.
        public var new: String?

        /// Creates a field change.
        public init(field: String, old: String?, new: String?) {
            self.field = field
            self.old = old
            self.new = new
        }
    }

    /// A node present in both versions whose fields differ.
    public struct NodeChange: Hashable, Sendable {
        /// The node, named as in the new version.
        public var node: NodeReference
        /// The fields that differ, in format order.
        public var fields: [FieldChange]
    }

    /// The budget of active initiatives of one business unit (or of none) in both versions.
    public struct BudgetChange: Hashable, Sendable {
        /// The unit id; nil for initiatives without a unit.
        public var unit: String?
        /// The old total.
        public var old: Double
        /// The new total.
        public var new: Double
        /// `new - old`.
        public var delta: Double { new - old }
    }

    /// Nodes only in the new version, by kind then in portfolio order.
    public var added: [NodeReference]
    /// Nodes only in the old version, by kind then in portfolio order.
    public var removed: [NodeReference]
    /// Nodes in both whose fields differ, in the new version's order.
    public var changed: [NodeChange]
    /// New, resolved and persisting findings.
    public var findings: FindingComparison
    /// The budget of all active initiatives, old and new.
    public var totalBudget: BudgetChange
    /// Budget by business unit where it changed, units in id order (no unit last).
    public var unitBudgets: [BudgetChange]

    /// Compares two analysed versions. O(nodes + findings log findings).
    public init(old: PortfolioGraph, oldFindings: [Finding], new: PortfolioGraph, newFindings: [Finding]) {
        func key(_ graph: PortfolioGraph, _ node: Int) -> NodeKey { NodeKey(kind: graph.kind(of: node), id: graph.id(of: node)) }
        func reference(_ graph: PortfolioGraph, _ node: Int) -> NodeReference {
            NodeReference(kind: graph.kind(of: node), id: graph.id(of: node), name: graph.name(of: node))
        }
        var oldNodes: [NodeKey: Int] = [:]
        for node in 0..<old.nodeCount where oldNodes[key(old, node)] == nil { oldNodes[key(old, node)] = node }
        var seen = Set<NodeKey>()
        var added: [NodeReference] = []
        var changed: [NodeChange] = []
        for node in 0..<new.nodeCount {
            let nodeKey = key(new, node)
            guard seen.insert(nodeKey).inserted else { continue }
            guard let before = oldNodes[nodeKey] else {
                added.append(reference(new, node))
                continue
            }
            if new.isUnchanged(node, in: old, as: before) { continue }
            let fields = Self.fieldChanges(old.fields(of: before), new.fields(of: node))
            if !fields.isEmpty { changed.append(NodeChange(node: reference(new, node), fields: fields)) }
        }
        self.added = added
        removed = (0..<old.nodeCount).filter { !seen.contains(key(old, $0)) }.map { reference(old, $0) }
        self.changed = changed
        findings = FindingComparison(old: oldFindings, new: newFindings)
        let oldBudgets = Self.budgetsByUnit(old)
        let newBudgets = Self.budgetsByUnit(new)
        totalBudget = BudgetChange(unit: nil, old: oldBudgets.values.reduce(0, +), new: newBudgets.values.reduce(0, +))
        let units = Set(oldBudgets.keys).union(newBudgets.keys).sorted { ($0 ?? "\u{10FFFF}") < ($1 ?? "\u{10FFFF}") }
        unitBudgets = units.map { BudgetChange(unit: $0, old: oldBudgets[$0] ?? 0, new: newBudgets[$0] ?? 0) }.filter { $0.delta != 0 }
    }

    /// True when the new version has an error finding the old one did not.
    /// A node as the two versions name it: its kind and id (no string is built per node).
    private struct NodeKey: Hashable {
        var kind: NodeKind
        var id: String
    }

    public var hasNewErrors: Bool { findings.hasNewErrors }

    /// True when nothing differs.
    public var isEmpty: Bool {
        added.isEmpty && removed.isEmpty && changed.isEmpty && findings.new.isEmpty && findings.resolved.isEmpty
            && totalBudget.delta == 0
    }

    private static func fieldChanges(_ old: [(field: String, value: String)], _ new: [(field: String, value: String)]) -> [FieldChange] {
        let before = Dictionary(old.map { ($0.field, $0.value) }, uniquingKeysWith: { first, _ in first })
        let after = Dictionary(new.map { ($0.field, $0.value) }, uniquingKeysWith: { first, _ in first })
        let order = (new.map(\.field) + old.map(\.field)).uniqued()
        return order.compactMap { field in
            before[field] == after[field] ? nil : FieldChange(field: field, old: before[field], new: after[field])
        }
    }

    private static func budgetsByUnit(_ graph: PortfolioGraph) -> [String?: Double] {
        var budgets: [String?: Double] = [:]
        for node in graph.nodes(ofKind: .initiative) {
            guard let initiative = graph.initiative(node), initiative.status.isActive, let budget = initiative.budget else { continue }
            budgets[initiative.unit, default: 0] += budget
        }
        return budgets
    }
}
