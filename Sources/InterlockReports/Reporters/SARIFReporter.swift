import Foundation
import InterlockAnalysis
import InterlockCore

/// `check --format sarif`: a SARIF 2.1.0 log, so code-scanning tools show findings on the portfolio files.
///
/// One run whose driver lists one rule per detector (id, PascalCase name, summary as short
/// description and help) plus any other rule a finding carries (custom rules). Each result points
/// at the file, line and column where its first node is defined, carries a fingerprint made of
/// the rule and nodes (stable across runs, so a tool can tell new results from old ones) and keeps
/// the action, nodes, owners and budget in its property bag.
public enum SARIFReporter {
    /// The SARIF log as JSON text with a final newline.
    public static func render(_ report: CheckReport, detectors: [any Detector] = Detectors.builtIn) -> String {
        let rules = ruleDescriptors(report, detectors)
        let ruleIndex = Dictionary(uniqueKeysWithValues: rules.enumerated().map { ($0.element.id, $0.offset) })
        let log = JSONValue.object([
            ("$schema", .string("https://json.schemastore.org/sarif-2.1.0.json")),
            ("version", .string("2.1.0")),
            ("runs", .array([.object([
                ("tool", .object([("driver", .object([
                    ("name", .string("interlock")),
                    ("version", .string(InterlockRelease.version)),
                    ("rules", .array(rules.map(json))),
                ]))])),
                ("results", .array(report.findings.map { result($0, ruleIndex: ruleIndex[$0.rule] ?? -1, report.graph) })),
            ])])),
        ])
        return log.serialized() + "\n"
    }

    private struct Rule {
        let id: RuleID
        let summary: String
        let level: Severity?
    }

    /// The detectors' rules first, in registry order, then any other rule findings name, sorted.
    private static func ruleDescriptors(_ report: CheckReport, _ detectors: [any Detector]) -> [Rule] {
        let known = Set(detectors.map(\.id))
        let custom = Set(report.findings.map(\.rule)).subtracting(known).sorted()
        return detectors.map { Rule(id: $0.id, summary: $0.summary, level: nil) }
            + custom.map { id in
                let custom = report.graph.portfolio.rules.first { RuleID($0.id) == id }
                return Rule(id: id, summary: custom?.message ?? "Custom rule \(id).", level: custom?.severity)
            }
    }

    private static func json(_ rule: Rule) -> JSONValue {
        var entries: [(String, JSONValue)] = [
            ("id", .string(rule.id.rawValue)),
            ("name", .string(pascalCase(rule.id.rawValue))),
            ("shortDescription", .object([("text", .string(rule.summary))])),
            ("help", .object([("text", .string(rule.summary + " Each result names the nodes involved, the suggested action and whom to contact."))])),
        ]
        if let level = rule.level { entries.append(("defaultConfiguration", .object([("level", .string(sarifLevel(level)))]))) }
        return .object(entries)
    }

    private static func result(_ finding: Finding, ruleIndex: Int, _ graph: PortfolioGraph) -> JSONValue {
        var entries: [(String, JSONValue)] = [
            ("ruleId", .string(finding.rule.rawValue)),
            ("ruleIndex", .integer(ruleIndex)),
            ("level", .string(sarifLevel(finding.severity))),
            ("message", .object([("text", .string("\(finding.message) \(finding.action)"))])),
        ]
        if let node = finding.nodes.first.flatMap(graph.node(withID:)) {
            let location = graph.location(of: node)
            entries.append(("locations", .array([.object([
                ("physicalLocation", .object([
                    ("artifactLocation", .object([("uri", .string(uri(forPath: location.file)))])),
                    ("region", .object([("startLine", .integer(location.line)), ("startColumn", .integer(location.column))])),
                ])),
            ])])))
        }
        entries.append(("partialFingerprints", .object([
            ("interlockFinding/v1", .string(finding.fingerprint)),
        ])))
        entries.append(("properties", .object([
            ("action", .string(finding.action)),
            ("nodes", .array(finding.nodes.map(JSONValue.string))),
            ("owners", .array(finding.owners.map(JSONValue.string))),
            ("budgetAtStake", .amount(finding.budgetAtStake)),
        ])))
        return .object(entries)
    }

    /// SARIF levels: `error`, `warning`, `note`.
    static func sarifLevel(_ severity: Severity) -> String {
        switch severity {
        case .error: "error"
        case .warning: "warning"
        case .info: "note"
        }
    }

    /// `dependency-cycle` → `DependencyCycle`.
    static func pascalCase(_ id: String) -> String {
        id.split(whereSeparator: { !$0.isLetter && !$0.isNumber }).map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined()
    }

    /// A relative path stays a relative URI reference (resolved against the checkout by code-scanning
    /// tools); an absolute path becomes a `file://` URI. Characters outside a URI path are percent-encoded.
    static func uri(forPath path: String) -> String {
        var allowed = CharacterSet.urlPathAllowed
        allowed.remove(charactersIn: ";:")
        let encoded = path.addingPercentEncoding(withAllowedCharacters: allowed) ?? path
        return path.hasPrefix("/") ? "file://" + encoded : encoded
    }
}
