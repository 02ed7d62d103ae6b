import Foundation
import InterlockAnalysis
import InterlockCore

/// `check --format json`: one object with the portfolio name, a summary and the findings.
///
/// The shape is a contract: `{"portfolio", "summary": {"errors", "warnings", "infos"},
/// "money": {...}, "findings": [{"rule", "severity", "nodes", "message", "action", "owners",
/// "budgetAtStake"}]}`; `money` holds the board page's figures (docs/report.md) when the report
/// has them.
public enum JSONReporter {
    /// The report as JSON text with a final newline.
    public static func render(_ report: CheckReport) -> String {
        var text: [UInt8] = []
        forEachChunk(of: report) { chunk in
            text += chunk
            return true
        }
        return String(decoding: text, as: UTF8.self)
    }

    /// Writes the report as JSON text with a final newline to `handle`. A million findings are
    /// 700 MB of JSON: they are written a megabyte at a time, never held whole, and serialised on
    /// this thread while another copies the previous megabyte into the file.
    public static func write(_ report: CheckReport, to handle: FileHandle) throws {
        _ = try Pipeline.run(capacity: 4, state: handle) { send in
            forEachChunk(of: report, send)
        } consume: { handle, chunk in
            try handle.write(contentsOf: chunk)
        }
    }

    /// The report's JSON text, in order, in pieces of about `chunkSize` bytes; stops early when
    /// `body` returns false. The same bytes as `JSONValue.serialized()` of the whole report.
    private static func forEachChunk(of report: CheckReport, chunkSize: Int = 1 << 20, _ body: ([UInt8]) -> Bool) {
        let summary = JSONValue.object([
            ("errors", .integer(report.count(.error))),
            ("warnings", .integer(report.count(.warning))),
            ("infos", .integer(report.count(.info))),
        ])
        var chunk: [UInt8] = []
        chunk.reserveCapacity(chunkSize + chunkSize / 4)
        chunk += "{\n  \"portfolio\": ".utf8
        JSONValue.writeString(report.portfolioName, to: &chunk)
        chunk += ",\n  \"summary\": ".utf8
        summary.write(to: &chunk, indent: 2)
        if let money = report.money {
            chunk += ",\n  \"money\": ".utf8
            json(money, currency: report.graph.portfolio.currency).write(to: &chunk, indent: 2)
        }
        chunk += ",\n  \"findings\": [".utf8
        for (index, finding) in report.findings.enumerated() {
            chunk += (index == 0 ? "\n    " : ",\n    ").utf8
            json(finding).write(to: &chunk, indent: 4)
            if chunk.count >= chunkSize {
                guard body(chunk) else { return }
                chunk.removeAll(keepingCapacity: true)
            }
        }
        chunk += (report.findings.isEmpty ? "]\n}\n" : "\n  ]\n}\n").utf8
        _ = body(chunk)
    }

    /// The money figures, each as the board page states it.
    public static func json(_ money: PortfolioMoney, currency: String?) -> JSONValue {
        .object([
            ("currency", currency.map(JSONValue.string) ?? .null),
            ("activeBudget", .amount(money.activeBudget)),
            ("budgetAtRisk", .object([
                ("errors", .amount(money.atRiskFromErrors)),
                ("initiatives", .integer(money.initiativesAtRiskFromErrors)),
                ("warningsOnly", .amount(money.atRiskFromWarningsOnly)),
                ("overlap", .amount(money.overlap)),
                ("byRule", .array(money.errorsByRule.map { entry in
                    .object([("rule", .string(entry.rule.rawValue)), ("budget", .amount(entry.budget)), ("initiatives", .integer(entry.initiatives))])
                })),
            ])),
            ("duplicated", .object([
                ("capabilities", .integer(money.duplicatedCapabilities)),
                ("budget", .amount(money.duplicatedBudget)),
                ("savings", .amount(money.savings)),
            ])),
        ])
    }

    /// One finding as a JSON object in the contract's key order.
    public static func json(_ finding: Finding) -> JSONValue {
        .object([
            ("rule", .string(finding.rule.rawValue)),
            ("severity", .string(finding.severity.rawValue)),
            ("nodes", .array(finding.nodes.map(JSONValue.string))),
            ("message", .string(finding.message)),
            ("action", .string(finding.action)),
            ("owners", .array(finding.owners.map(JSONValue.string))),
            ("budgetAtStake", .amount(finding.budgetAtStake)),
        ])
    }
}
