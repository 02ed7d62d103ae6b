import InterlockAnalysis
import InterlockCore

/// What `interlock check` found: the input of every check reporter.
public struct CheckReport: Sendable {
    /// The analysed graph, for names and locations.
    public var graph: PortfolioGraph
    /// The findings, in report order.
    public var findings: [Finding]
    /// The money the findings put at stake, as the board page states it; nil when not computed
    /// (the JSON then has no `money` object).
    public var money: PortfolioMoney?

    /// Creates a report.
    public init(graph: PortfolioGraph, findings: [Finding], money: PortfolioMoney? = nil) {
        self.graph = graph
        self.findings = findings
        self.money = money
    }

    /// Number of findings of `severity`.
    public func count(_ severity: Severity) -> Int { findings.count { $0.severity == severity } }

    /// "1 error, 16 warnings, 0 infos": the counts by severity, each noun agreeing with its number.
    public var countSummary: String {
        [(Severity.error, "error"), (.warning, "warning"), (.info, "info")].map { severity, noun in
            let count = count(severity)
            return "\(count) \(noun)\(count == 1 ? "" : "s")"
        }.joined(separator: ", ")
    }

    /// The portfolio's name, or a neutral stand-in.
    public var portfolioName: String { graph.portfolio.name ?? "Portfolio" }
}
