import InterlockAnalysis
import InterlockCore

/// `check --format text`: findings grouped by severity, each with where it is, what to do and whom to call.
public enum TextReporter {
    /// The report as terminal text; `colour` adds ANSI colours (only when writing to a terminal).
    public static func render(_ report: CheckReport, colour: Bool) -> String {
        let graph = report.graph
        var output = ""
        func paint(_ text: String, _ code: String) -> String { colour ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text }
        output += paint("\(report.portfolioName.escapingControlCharacters()): \(report.graph.nodes(ofKind: .initiative).count) initiatives checked", "1") + "\n"
        // Numbered in report order, the number `render --view finding --finding N` takes.
        let numbered = Array(report.findings.enumerated())
        for severity in Severity.allCases.reversed() {
            let group = numbered.filter { $0.element.severity == severity }
            guard !group.isEmpty else { continue }
            let (title, code) = heading(severity)
            output += "\n" + paint("\(title) (\(group.count))", code) + "\n"
            for (index, finding) in group {
                let place = finding.nodes.first.flatMap(graph.node(withID:)).map { " \(graph.location(of: $0))" } ?? ""
                output += "  \(index + 1). " + paint("[\(finding.rule)]", code) + place + "\n"
                output += "    \(finding.message.escapingControlCharacters())\n"
                output += "    → \(finding.action.escapingControlCharacters())\n"
                if !finding.owners.isEmpty {
                    let owners = finding.owners.map { id in graph.node(withID: id).map { graph.name(of: $0) } ?? id }
                    output += "    owner: \(owners.joined(separator: ", ").escapingControlCharacters())\n"
                }
            }
        }
        let summary = report.countSummary
        output += "\n" + (report.findings.isEmpty ? "No findings." : summary) + "\n"
        return output
    }

    private static func heading(_ severity: Severity) -> (String, String) {
        switch severity {
        case .error: ("Errors", "31;1")
        case .warning: ("Warnings", "33;1")
        case .info: ("Information", "36")
        }
    }
}
