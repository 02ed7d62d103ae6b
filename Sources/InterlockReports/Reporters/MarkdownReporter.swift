import InterlockAnalysis
import InterlockCore

/// `check --format markdown`: a summary and one table per severity, for pull-request comments.
///
/// Errors are shown open; warnings and information sit in collapsed `<details>` blocks so a
/// comment stays short. Every text from the portfolio goes through `escaped(_:)`, so a name
/// cannot break a table, inject HTML or mention (notify) anybody.
public enum MarkdownReporter {
    /// The report as GitHub-flavoured Markdown with a final newline.
    public static func render(_ report: CheckReport) -> String {
        let graph = report.graph
        var lines = ["### Interlock: \(escaped(report.portfolioName))", ""]
        let initiatives = graph.nodes(ofKind: .initiative).count
        if report.findings.isEmpty {
            lines.append("No findings in \(initiatives) initiatives.")
            return lines.joined(separator: "\n") + "\n"
        }
        lines.append("**\(report.countSummary)** in \(initiatives) initiatives.")
        for severity in Severity.allCases.reversed() {
            let group = report.findings.filter { $0.severity == severity }
            guard !group.isEmpty else { continue }
            let title = "\(heading(severity)) (\(group.count))"
            lines.append("")
            if severity == .error {
                lines += ["#### \(title)", ""]
            } else {
                lines += ["<details><summary>\(title)</summary>", ""]
            }
            lines.append("| Rule | Where | Finding | Action | Owner | At stake |")
            lines.append("| --- | --- | --- | --- | --- | --- |")
            for finding in group { lines.append(row(finding, graph)) }
            if severity != .error { lines += ["", "</details>"] }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private static func row(_ finding: Finding, _ graph: PortfolioGraph) -> String {
        let place = finding.nodes.first.flatMap(graph.node(withID:)).map { location in
            let at = graph.location(of: location)
            return "\(at.file):\(at.line)"
        } ?? ""
        let owners = finding.owners.map { id in graph.node(withID: id).map { graph.name(of: $0) } ?? id }
        let money = finding.budgetAtStake.map { Money.format($0, currency: graph.portfolio.currency) } ?? ""
        let cells = [finding.rule.rawValue, place, finding.message, finding.action, owners.joined(separator: ", "), money]
        return "| " + cells.map(escaped).joined(separator: " | ") + " |"
    }

    private static func heading(_ severity: Severity) -> String {
        switch severity {
        case .error: "Errors"
        case .warning: "Warnings"
        case .info: "Information"
        }
    }

    /// Text safe in a Markdown table cell: Markdown punctuation is backslash-escaped, HTML
    /// characters and `@` (a mention) become entities, line breaks become spaces, other control
    /// characters visible escapes.
    public static func escaped(_ text: String) -> String {
        var result = ""
        for character in text.escapingControlCharacters() {
            switch character {
            case "\\", "`", "*", "_", "[", "]", "|", "~": result += "\\\(character)"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "&": result += "&amp;"
            case "@": result += "&#64;"
            default: result += character.isNewline ? " " : String(character)
            }
        }
        return result
    }
}
