import InterlockAnalysis
import InterlockCore

/// `check --format junit`: JUnit XML for CI systems that show test results but not SARIF.
///
/// One test suite, `interlock`, with one test case per rule that ran (a rule without findings
/// passes) and one `<failure>` per finding of that rule, its message the finding's message, its
/// type the severity, its text where the first item is defined, what to do and whom to call.
public enum JUnitReporter {
    /// The JUnit document with a final newline.
    public static func render(_ report: CheckReport, detectors: [any Detector]) -> String {
        var rules = detectors.map(\.id).uniqued()
        for finding in report.findings where !rules.contains(finding.rule) { rules.append(finding.rule) }
        let byRule = Dictionary(grouping: report.findings, by: \.rule)
        var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        xml += "<testsuites name=\"interlock\" tests=\"\(rules.count)\" failures=\"\(report.findings.count)\">\n"
        xml += "  <testsuite name=\"\(XMLText.escaped(report.portfolioName))\" tests=\"\(rules.count)\" failures=\"\(report.findings.count)\" errors=\"0\" skipped=\"0\">\n"
        for rule in rules {
            let findings = byRule[rule] ?? []
            xml += "    <testcase classname=\"interlock\" name=\"\(XMLText.escaped(rule.rawValue))\""
            guard !findings.isEmpty else {
                xml += "/>\n"
                continue
            }
            xml += ">\n"
            for finding in findings {
                var details = finding.nodes.first.flatMap { report.graph.node(withID: $0) }.map { "\(report.graph.location(of: $0))\n" } ?? ""
                details += "Involved: \(finding.nodes.joined(separator: ", "))\nAction: \(finding.action)"
                if !finding.owners.isEmpty { details += "\nOwners: \(finding.owners.joined(separator: ", "))" }
                xml += "      <failure type=\"\(finding.severity.rawValue)\" message=\"\(XMLText.escaped(finding.message))\">\(XMLText.escaped(details))</failure>\n"
            }
            xml += "    </testcase>\n"
        }
        xml += "  </testsuite>\n</testsuites>\n"
        return xml
    }
}
