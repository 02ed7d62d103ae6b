import InterlockAnalysis
import InterlockCore

/// `interlock whatif`: who loses what the scenario removes or retires, then what changes, as
/// `diff` says it.
public enum WhatIfReporter {
    /// The scenario's result as terminal text with a final newline. Portfolio text is sanitised.
    public static func text(_ scenario: Scenario, losses: [ScenarioLoss], diff: PortfolioDiff, currency: String?) -> String {
        let changes = scenario.changes.map(\.description).joined(separator: " ")
        var lines = ["What if: " + (scenario.name == changes ? changes : "\(scenario.name) (\(changes))")]
        for loss in losses {
            let count = loss.dependents.count == 1 ? "1 active initiative needs it" : "\(loss.dependents.count) active initiatives need it"
            lines += ["", "\(loss.name) (\(loss.id)), \(loss.change): \(count) (\(loss.dependents.filter(\.isDirect).count) directly)"]
            lines += loss.dependents.map { "  \($0.name): \($0.path.joined(separator: " → "))" }
        }
        let text = lines.map { $0.escapingControlCharacters() }.joined(separator: "\n")
        return text + "\n\n" + DiffReporter.text(diff, currency: currency)
    }

    /// The result as JSON with a final newline: `{"scenario": {"name", "changes"}, "losses":
    /// [{"change", "id", "name", "dependents": [{"initiative", "name", "direct", "path"}]}],
    /// "diff": <as diff --format json>}`.
    public static func json(_ scenario: Scenario, losses: [ScenarioLoss], diff: PortfolioDiff) -> String {
        JSONValue.object([
            ("scenario", .object([("name", .string(scenario.name)), ("changes", .array(scenario.changes.map { .string($0.description) }))])),
            ("losses", .array(losses.map { loss in
                .object([
                    ("change", .string(loss.change.description)), ("id", .string(loss.id)), ("name", .string(loss.name)),
                    ("dependents", .array(loss.dependents.map { dependent in
                        .object([
                            ("initiative", .string(dependent.initiative)), ("name", .string(dependent.name)),
                            ("direct", .bool(dependent.isDirect)), ("path", .array(dependent.path.map(JSONValue.string))),
                        ])
                    })),
                ])
            })),
            ("diff", DiffReporter.document(diff)),
        ]).serialized() + "\n"
    }
}
