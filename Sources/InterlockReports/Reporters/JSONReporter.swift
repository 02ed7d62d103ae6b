import InterlockAnalysis

/// `check --format json`: one object with the portfolio name, a summary and the findings.
///
/// The shape is a contract: `{"portfolio", "summary": {"errors", "warnings", "infos"},
/// "findings": [{"rule", "severity", "nodes", "message", "action", "owners", "budgetAtStake"}]}`.
public enum JSONReporter {
    /// The report as JSON text with a final newline.
    public static func render(_ report: CheckReport) -> String {
        String(decoding: renderBytes(report), as: UTF8.self)
    }

    /// The report as UTF-8 JSON with a final newline, for large outputs.
    public static func renderBytes(_ report: CheckReport) -> [UInt8] {
        let document = JSONValue.object([
            ("portfolio", .string(report.portfolioName)),
            ("summary", .object([
                ("errors", .integer(report.count(.error))),
                ("warnings", .integer(report.count(.warning))),
                ("infos", .integer(report.count(.info))),
            ])),
            ("findings", .array(report.findings.map(json))),
        ])
        return document.serializedBytes() + [UInt8(ascii: "\n")]
    }

    /// One finding as a JSON object in the contract's key order.
    public static func json(_ finding: Finding) -> JSONValue {
        .object([
            ("rule", .string(finding.rule)),
            ("severity", .string(finding.severity.rawValue)),
            ("nodes", .array(finding.nodes.map(JSONValue.string))),
            ("message", .string(finding.message)),
            ("action", .string(finding.action)),
            ("owners", .array(finding.owners.map(JSONValue.string))),
            ("budgetAtStake", .amount(finding.budgetAtStake)),
        ])
    }
}
