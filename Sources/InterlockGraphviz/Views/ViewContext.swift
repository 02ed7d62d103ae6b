import InterlockAnalysis
import InterlockCore

/// What every view of one portfolio reads: the analysis context's shared facts and the findings
/// arranged by node. Build it once and draw as many views from it as needed.
public struct ViewContext: Sendable {
    /// The shared facts of the portfolio's graph.
    public let analysis: AnalysisContext
    /// The findings by node.
    let findings: FindingIndex

    /// A context for drawing `findings` (in any order) of `analysis`'s graph.
    public init(analysis: AnalysisContext, findings: [Finding]) {
        self.analysis = analysis
        self.findings = FindingIndex(findings, in: analysis)
    }

    /// The portfolio graph.
    var graph: PortfolioGraph { analysis.graph }

    /// The title of a view: the portfolio name, a dash, the view's subject.
    func title(_ subject: String) -> String {
        "\(graph.portfolio.name ?? "Portfolio") — \(subject)"
    }

    /// The worst severity of the findings involving `node`.
    func severity(of node: Int) -> Severity? { findings.worst[node] }

    /// True when `first` carries more risk than `second`: worse severity, then more findings,
    /// then more connections. Used to keep the highest-risk part of a large graph.
    func isRiskier(_ first: Int, than second: Int) -> Bool {
        riskKey(first).lexicographicallyPrecedes(riskKey(second), by: >)
    }

    private func riskKey(_ node: Int) -> [Int] {
        let severity = findings.worst[node].map { Severity.allCases.firstIndex(of: $0) ?? 0 } ?? -1
        return [severity, findings.messages[node]?.count ?? 0, graph.outgoing(node).count + graph.incoming(node).count]
    }
}
