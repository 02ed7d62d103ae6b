import InterlockAnalysis
import InterlockCore

/// The health of a portfolio at one point of its history (a commit, or a folder).
public struct TrendPoint: Hashable, Sendable {
    /// The commit's short hash and day, or the folder.
    public var label: String
    /// The commit's subject, or empty.
    public var subject: String
    /// 0 to 100, as the board report's health score.
    public var health: Double
    /// Findings by severity.
    public var errors: Int
    public var warnings: Int
    public var infos: Int
    /// Active budget of the initiatives an error names, each counted once.
    public var budgetAtRisk: Double
    /// The portfolio's currency at that point.
    public var currency: String?

    /// A point measured from an analysis.
    public init(label: String, subject: String, graph: PortfolioGraph, findings: [Finding]) {
        self.label = label
        self.subject = subject
        health = RiskScores(graph: graph, findings: findings).health
        errors = findings.count { $0.severity == .error }
        warnings = findings.count { $0.severity == .warning }
        infos = findings.count { $0.severity == .info }
        budgetAtRisk = PortfolioMoney(analysis: AnalysisContext(graph), findings: findings).atRiskFromErrors
        currency = graph.portfolio.currency
    }
}

/// `interlock trend`: health, findings and budget at risk over a portfolio's history.
public enum TrendReporter {
    /// A table, oldest first, with a final newline. Portfolio text is sanitised.
    public static func text(_ points: [TrendPoint]) -> String {
        let header = ["point", "health", "errors", "warnings", "info", "at risk", "subject"]
        let rows = points.map { point in
            [point.label, String(format: "%.0f", point.health), String(point.errors), String(point.warnings), String(point.infos),
             Money.format(point.budgetAtRisk, currency: point.currency), point.subject.escapingControlCharacters()]
        }
        let widths = header.indices.map { column in ([header] + rows).map { $0[column].count }.max() ?? 0 }
        let line = { (cells: [String]) in
            cells.enumerated().map { $0.element.padding(toLength: widths[$0.offset], withPad: " ", startingAt: 0) }.joined(separator: "  ")
                .trimmingTrailingSpaces()
        }
        return ([line(header)] + rows.map(line)).joined(separator: "\n") + "\n"
    }

    /// `[{"point", "subject", "health", "errors", "warnings", "info", "budgetAtRisk"}]`, oldest first.
    public static func json(_ points: [TrendPoint]) -> String {
        JSONValue.array(points.map { point in
            .object([
                ("point", .string(point.label)), ("subject", .string(point.subject)), ("health", .amount(point.health.rounded())),
                ("errors", .integer(point.errors)), ("warnings", .integer(point.warnings)), ("info", .integer(point.infos)),
                ("budgetAtRisk", .amount(point.budgetAtRisk)),
            ])
        }).serialized() + "\n"
    }

    /// CSV with a header row; text fields quoted, and a leading `=`, `+`, `-` or `@` neutralised.
    public static func csv(_ points: [TrendPoint]) -> String {
        func field(_ text: String) -> String {
            let safe = text.first.map { "=+-@\t\r".contains($0) } == true ? "'" + text : text
            return "\"" + safe.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        }
        let rows = points.map { point in
            [field(point.label), String(format: "%.0f", point.health), String(point.errors), String(point.warnings), String(point.infos),
             String(format: "%.0f", point.budgetAtRisk), field(point.subject)].joined(separator: ",")
        }
        return (["point,health,errors,warnings,info,budgetAtRisk,subject"] + rows).joined(separator: "\n") + "\n"
    }

    /// A small SVG line chart of the health (0–100) and the error count, oldest on the left;
    /// every text escaped.
    public static func svg(_ points: [TrendPoint], title: String) -> String {
        let (width, height, left, bottom, top) = (680.0, 280.0, 64.0, 40.0, 36.0)
        // Room on the right as on the left, for the last commit's label centred under its point.
        let plotWidth = width - 2 * left, plotHeight = height - bottom - top
        let step = points.count > 1 ? plotWidth / Double(points.count - 1) : 0
        let maximumErrors = Double(max(points.map(\.errors).max() ?? 0, 1))
        func x(_ index: Int) -> Double { left + Double(index) * step }
        func y(_ fraction: Double) -> Double { top + plotHeight * (1 - fraction) }
        func number(_ value: Double) -> String { String(format: "%.1f", value) }
        let health = points.indices.map { "\(number(x($0))),\(number(y(points[$0].health / 100)))" }.joined(separator: " ")
        let errors = points.indices.map { "\(number(x($0))),\(number(y(Double(points[$0].errors) / maximumErrors)))" }.joined(separator: " ")
        var parts = [
            "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(Int(width))\" height=\"\(Int(height))\" viewBox=\"0 0 \(Int(width)) \(Int(height))\" font-family=\"Helvetica, Arial, sans-serif\" font-size=\"11\">",
            "<title>\(XMLText.escaped(title))</title>",
            "<rect width=\"100%\" height=\"100%\" fill=\"white\"/>",
            "<text x=\"\(Int(left))\" y=\"20\" font-size=\"14\" font-weight=\"bold\">\(XMLText.escaped(title))</text>",
            "<line x1=\"\(Int(left))\" y1=\"\(number(y(0)))\" x2=\"\(number(left + plotWidth))\" y2=\"\(number(y(0)))\" stroke=\"#999\"/>",
            "<text x=\"\(Int(left) - 6)\" y=\"\(number(y(1) + 4))\" text-anchor=\"end\">100</text>",
            "<text x=\"\(Int(left) - 6)\" y=\"\(number(y(0) + 4))\" text-anchor=\"end\">0</text>",
            "<polyline points=\"\(health)\" fill=\"none\" stroke=\"#2a7ab0\" stroke-width=\"2\"/>",
            "<polyline points=\"\(errors)\" fill=\"none\" stroke=\"#c62828\" stroke-width=\"1.5\" stroke-dasharray=\"4 3\"/>",
            "<text x=\"\(number(left + plotWidth))\" y=\"20\" text-anchor=\"end\"><tspan fill=\"#2a7ab0\">— health (0–100)</tspan>  <tspan fill=\"#c62828\">- - errors (0–\(Int(maximumErrors)))</tspan></text>",
        ]
        for (index, point) in points.enumerated() where points.count <= 12 || index % max(1, points.count / 8) == 0 || index == points.count - 1 {
            parts.append("<text x=\"\(number(x(index)))\" y=\"\(number(height - bottom + 16))\" text-anchor=\"middle\" font-size=\"9\">\(XMLText.escaped(point.label))</text>")
        }
        parts.append("</svg>")
        return parts.joined(separator: "\n") + "\n"
    }

}

private extension String {
    func trimmingTrailingSpaces() -> String {
        var copy = self
        while copy.last == " " { copy.removeLast() }
        return copy
    }
}
