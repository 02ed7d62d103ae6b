import InterlockAnalysis
import InterlockCore

/// `interlock diff`: what changed between two versions of a portfolio, as text, JSON or Markdown.
public enum DiffReporter {
    /// The diff as terminal text with a final newline. Portfolio text is sanitised.
    public static func text(_ diff: PortfolioDiff, currency: String?) -> String {
        var lines = [summary(diff)]
        if !diff.added.isEmpty || !diff.removed.isEmpty || !diff.changed.isEmpty {
            lines += ["", "Nodes"]
            lines += diff.added.map { "  + \(describe($0))" }
            lines += diff.removed.map { "  - \(describe($0))" }
            for change in diff.changed {
                lines.append("  ~ \(describe(change.node))")
                lines += change.fields.map { "      \($0.field): \(value($0.old)) → \(value($0.new))" }
            }
        }
        let groups: [(String, [Finding])] = [("New findings", diff.findings.new), ("Resolved findings", diff.findings.resolved)]
        for (title, findings) in groups where !findings.isEmpty {
            lines += ["", "\(title) (\(findings.count))"]
            lines += findings.map { "  \($0.severity.rawValue) [\($0.rule)] \($0.message)" }
        }
        lines += ["", "Budget"]
        lines.append("  total: \(money(diff.totalBudget, currency))")
        lines += diff.unitBudgets.map { "  \($0.unit ?? "(no unit)"): \(money($0, currency))" }
        return lines.map { $0.escapingControlCharacters() }.joined(separator: "\n") + "\n"
    }

    /// The diff as JSON with a final newline.
    ///
    /// Shape: `{"summary": {...}, "nodes": {"added", "removed", "changed"}, "findings": {"new",
    /// "resolved", "persisting"}, "budget": {"total", "units"}}`; findings as in `check --format json`.
    public static func json(_ diff: PortfolioDiff) -> String {
        document(diff).serialized() + "\n"
    }

    /// The JSON document of ``json(_:)``, to embed in another.
    static func document(_ diff: PortfolioDiff) -> JSONValue {
        func node(_ reference: PortfolioDiff.NodeReference) -> [(String, JSONValue)] {
            [("kind", .string(reference.kind.label)), ("id", .string(reference.id)), ("name", .string(reference.name))]
        }
        func optional(_ text: String?) -> JSONValue { text.map(JSONValue.string) ?? .null }
        func budget(_ change: PortfolioDiff.BudgetChange) -> JSONValue {
            .object([("unit", optional(change.unit)), ("old", .amount(change.old)), ("new", .amount(change.new)), ("delta", .amount(change.delta))])
        }
        return JSONValue.object([
            ("summary", .object([
                ("nodesAdded", .integer(diff.added.count)), ("nodesRemoved", .integer(diff.removed.count)),
                ("nodesChanged", .integer(diff.changed.count)), ("findingsNew", .integer(diff.findings.new.count)),
                ("findingsResolved", .integer(diff.findings.resolved.count)),
                ("findingsPersisting", .integer(diff.findings.persisting.count)), ("newErrors", .bool(diff.hasNewErrors)),
            ])),
            ("nodes", .object([
                ("added", .array(diff.added.map { .object(node($0)) })),
                ("removed", .array(diff.removed.map { .object(node($0)) })),
                ("changed", .array(diff.changed.map { change in
                    .object(node(change.node) + [("fields", .array(change.fields.map {
                        .object([("field", .string($0.field)), ("old", optional($0.old)), ("new", optional($0.new))])
                    }))])
                })),
            ])),
            ("findings", .object([
                ("new", .array(diff.findings.new.map(JSONReporter.json))),
                ("resolved", .array(diff.findings.resolved.map(JSONReporter.json))),
                ("persisting", .array(diff.findings.persisting.map { JSONReporter.json($0.new) })),
            ])),
            ("budget", .object([("total", budget(diff.totalBudget)), ("units", .array(diff.unitBudgets.map(budget)))])),
        ])
    }

    /// The diff as GitHub-flavoured Markdown with a final newline; portfolio text escaped.
    public static func markdown(_ diff: PortfolioDiff, currency: String?) -> String {
        let escaped = MarkdownReporter.escaped
        var lines = ["### Interlock diff", "", escaped(summary(diff))]
        if !diff.added.isEmpty || !diff.removed.isEmpty || !diff.changed.isEmpty {
            lines += ["", "| Change | Kind | Id | Name | Fields |", "| --- | --- | --- | --- | --- |"]
            lines += diff.added.map { "| added | \($0.kind.noun) | \(escaped($0.id)) | \(escaped($0.name)) |  |" }
            lines += diff.removed.map { "| removed | \($0.kind.noun) | \(escaped($0.id)) | \(escaped($0.name)) |  |" }
            lines += diff.changed.map { change in
                let fields = change.fields.map { "\($0.field): \(value($0.old)) → \(value($0.new))" }.joined(separator: "; ")
                return "| changed | \(change.node.kind.noun) | \(escaped(change.node.id)) | \(escaped(change.node.name)) | \(escaped(fields)) |"
            }
        }
        let groups: [(String, [Finding])] = [("new", diff.findings.new), ("resolved", diff.findings.resolved)]
        if groups.contains(where: { !$0.1.isEmpty }) {
            lines += ["", "| Finding | Severity | Rule | Message |", "| --- | --- | --- | --- |"]
            for (title, findings) in groups {
                lines += findings.map { "| \(title) | \($0.severity.rawValue) | \(escaped($0.rule.rawValue)) | \(escaped($0.message)) |" }
            }
        }
        lines += ["", "Budget: \(escaped(money(diff.totalBudget, currency)))"]
        return lines.joined(separator: "\n") + "\n"
    }

    /// "2 nodes added, 1 removed, 3 changed; 1 new finding (1 error), 2 resolved, 28 persisting."
    static func summary(_ diff: PortfolioDiff) -> String {
        let newErrors = diff.findings.new.count { $0.severity == .error }
        let nodes = "\(diff.added.count) nodes added, \(diff.removed.count) removed, \(diff.changed.count) changed"
        let findings = "\(diff.findings.new.count) new findings (\(newErrors) errors), \(diff.findings.resolved.count) resolved, \(diff.findings.persisting.count) persisting"
        return "\(nodes); \(findings)."
    }

    private static func describe(_ node: PortfolioDiff.NodeReference) -> String { "\(node.kind.noun) \(node.id) \"\(node.name)\"" }

    private static func value(_ text: String?) -> String { text.map { "\"\($0)\"" } ?? "(none)" }

    /// "EUR 36,020,000 → EUR 36,500,000 (+480,000)".
    private static func money(_ change: PortfolioDiff.BudgetChange, _ currency: String?) -> String {
        let sign = change.delta > 0 ? "+" : ""
        return "\(Money.format(change.old, currency: currency)) → \(Money.format(change.new, currency: currency)) (\(sign)\(Money.format(change.delta, currency: nil)))"
    }
}
