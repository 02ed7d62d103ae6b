import InterlockAnalysis
import InterlockCore

/// What every view of one portfolio reads: the analysis context's shared facts and the findings
/// arranged by node. Build it once and draw as many views from it as needed.
public struct ViewContext: Sendable {
    /// The shared facts of the portfolio's graph.
    public let analysis: AnalysisContext
    /// The findings by node.
    let findings: FindingIndex
    /// How the drawings' words and figures are written: English as `check` writes them (days
    /// `YYYY-MM-DD`), or French as the board reads it.
    public let phrasing: Phrasing

    /// A context for drawing `findings` (in any order) of `analysis`'s graph, with every title,
    /// legend, label and tooltip in `language`.
    public init(analysis: AnalysisContext, findings: [Finding], language: BoardLanguage = .en) {
        self.analysis = analysis
        phrasing = language == .en ? .findings : .board(language)
        self.findings = FindingIndex(findings, in: analysis, phrasing: phrasing)
    }

    /// The portfolio graph.
    var graph: PortfolioGraph { analysis.graph }

    /// The text in the drawings' language.
    func text(en english: @autoclosure () -> String, fr french: @autoclosure () -> FrenchText) -> String {
        phrasing.text(en: english(), fr: french())
    }

    /// A legend of `entries` under the drawings' word for it.
    func legend(_ entries: [LegendEntry]) -> Legend {
        Legend(title: text(en: "Legend", fr: "Légende"), entries: entries)
    }

    /// A node kind as legends and notes name it: "Data source" / "Source de données".
    func name(of kind: NodeKind) -> String {
        let noun = phrasing.noun(kind)
        return noun.prefix(1).uppercased() + noun.dropFirst()
    }

    /// A severity as legends name it.
    func name(of severity: Severity) -> String {
        switch severity {
        case .error: text(en: "Error finding", fr: "Constat grave")
        case .warning: text(en: "Warning finding", fr: "Avertissement")
        case .info: text(en: "Information", fr: "Information")
        }
    }

    /// The title of a view: the portfolio name, a dash, the view's subject.
    func title(_ subject: String) -> String {
        "\(graph.portfolio.name ?? text(en: "Portfolio", fr: "Portefeuille")) — \(subject)"
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
