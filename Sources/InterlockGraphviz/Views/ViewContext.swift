import InterlockAnalysis
import InterlockCore

/// Everything a view reads: the graph, the findings by node, the incompatible pairs, the options.
struct ViewContext: Sendable {
    /// The portfolio graph.
    let graph: PortfolioGraph
    /// The findings by node.
    let findings: FindingIndex
    /// The view options.
    let options: ViewOptions
    /// Pairs of technologies that must not meet, with the reason.
    let incompatibilities: IncompatibilityTable

    /// A context for one diagram.
    init(graph: PortfolioGraph, findings: [Finding], options: ViewOptions) {
        self.graph = graph
        self.findings = FindingIndex(findings)
        self.options = options
        incompatibilities = IncompatibilityTable(graph)
    }

    /// The title of a view: the portfolio name, a dash, the view's subject.
    func title(_ subject: String) -> String {
        "\(graph.portfolio.name ?? "Portfolio") — \(subject)"
    }

    /// The worst severity of the findings involving `node`.
    func severity(of node: Int) -> Severity? { findings.worst[graph.id(of: node)] }

    /// True when `first` carries more risk than `second`: worse severity, then more findings,
    /// then more connections. Used to keep the highest-risk part of a large graph.
    func isRiskier(_ first: Int, than second: Int) -> Bool {
        riskKey(first).lexicographicallyPrecedes(riskKey(second), by: >)
    }

    private func riskKey(_ node: Int) -> [Int] {
        let id = graph.id(of: node)
        let severity = findings.worst[id].map { Severity.allCases.firstIndex(of: $0) ?? 0 } ?? -1
        return [severity, findings.messages[id]?.count ?? 0, graph.outgoing(node).count + graph.incoming(node).count]
    }
}
