import InterlockAnalysis
import InterlockReports
import InterlockCore

/// A diagram the board report embeds, already rendered to SVG (by the Graphviz views).
public struct ReportDiagram: Hashable, Sendable {
    /// The view's name (`risks`, `units`, `capabilities`), also the section anchor.
    public var view: String
    /// The heading above the diagram.
    public var title: String
    /// One sentence saying how to read it.
    public var caption: String
    /// The SVG document; an XML prolog or DOCTYPE is dropped when embedded.
    public var svg: String

    /// Creates a diagram entry.
    public init(view: String, title: String, caption: String, svg: String) {
        self.view = view
        self.title = title
        self.caption = caption
        self.svg = svg
    }
}

/// Everything the board pack shows: the analysed portfolio, scores, optional baseline and diagrams.
///
/// Figures for the page (money at stake, heat map, entanglement, who must act) are computed in
/// `BoardReport+Figures.swift`; `HTMLReporter` only lays them out.
public struct BoardReport: Sendable {
    /// The analysed graph and the facts shared with the detectors and the diagrams.
    public let analysis: AnalysisContext
    /// The rules that ran, for their board wording.
    public let rules: RuleCatalog
    /// The findings, in report order.
    public let findings: [Finding]
    /// Scores of the findings and initiatives, and the portfolio's health.
    public let scores: RiskScores
    /// The money at risk, each initiative counted once.
    let moneyAtRisk: PortfolioMoney
    /// Positions in `findings`, biggest risk for the board first (docs/scoring.md, "Ranking").
    let ranking: [Int]
    /// The language of the page: `--lang`, else the portfolio's `language:`, else English.
    public let language: BoardLanguage
    /// The page title.
    public let title: String
    /// The day the report was made, `YYYY-MM-DD` (given, so a report can be reproduced).
    public let date: String
    /// SHA-256 of the input files, so readers can tell which version of the portfolio they see.
    public let inputHash: String
    /// What changed since the baseline, when one was given.
    public let baseline: FindingComparison?
    /// A scenario compared with today (`report --scenario`), shown in its own section.
    public var scenario: BoardScenario?
    /// Points of the portfolio's history (`report --trend`), shown in their own section.
    public var trend: [TrendPoint]?
    /// Diagrams to embed, in order.
    public private(set) var diagrams: [ReportDiagram]
    /// Per rule, the positions of the findings the page shows in full: all of them up to
    /// `rowsPerRule`, else the highest-scoring ones, in report order. Keeps the page readable
    /// (and small) on portfolios with hundreds of thousands of findings.
    let shownByRule: [RuleID: [Int]]
    /// Every position in `shownByRule`.
    let shown: Set<Int>

    /// The most findings of one rule shown in full.
    static let rowsPerRule = 200
    /// The most involved items listed (and indexed) per finding.
    static let involvedShown = 8

    /// Creates a report of the findings `rules` found in `analysis`'s graph; `baselineFindings`
    /// are the findings of the previous version, if any. `language` overrides the portfolio's.
    public init(
        analysis: AnalysisContext, findings: [Finding], rules: RuleCatalog = RuleCatalog(), language: BoardLanguage? = nil,
        title: String? = nil, date: String, inputHash: String, baselineFindings: [Finding]? = nil, diagrams: [ReportDiagram] = []
    ) {
        let ordered = findings.sortedForReport()
        let graph = analysis.graph
        self.analysis = analysis
        self.rules = rules
        self.findings = ordered
        scores = RiskScores(graph: graph, findings: ordered)
        moneyAtRisk = PortfolioMoney(analysis: analysis, findings: ordered)
        ranking = Self.ranking(ordered, scores: scores, in: graph)
        let language = language ?? graph.portfolio.language ?? .en
        self.language = language
        let name = graph.portfolio.name ?? LocalizedText(en: "Portfolio", fr: "Portefeuille")[language]
        self.title = title ?? LocalizedText(en: "\(name): board report", fr: "\(name) : rapport au conseil")[language]
        self.date = date
        self.inputHash = inputHash
        baseline = baselineFindings.map { FindingComparison(old: $0, new: ordered) }
        self.diagrams = diagrams
        var shownByRule: [RuleID: [Int]] = [:]
        for (rule, positions) in Dictionary(grouping: ordered.indices, by: { ordered[$0].rule }) {
            let scores = self.scores.findingScores
            let kept = positions.count <= Self.rowsPerRule ? positions
                : Array(positions.sorted { (scores[$0], $1) > (scores[$1], $0) }.prefix(Self.rowsPerRule)).sorted()
            shownByRule[rule] = kept
        }
        self.shownByRule = shownByRule
        shown = Set(shownByRule.values.joined())
    }

    /// The same report with `diagrams` after its own.
    public func adding(diagrams more: [ReportDiagram]) -> BoardReport {
        var copy = self
        copy.diagrams += more
        return copy
    }

    /// The analysed graph.
    public var graph: PortfolioGraph { analysis.graph }

    /// The portfolio's name, or a neutral stand-in.
    public var portfolioName: String { graph.portfolio.name ?? text(en: "Portfolio", fr: "Portefeuille") }

    /// How the page writes words and figures.
    var phrasing: Phrasing { .board(language) }

    /// Money in the portfolio's currency: "EUR 1,200,000", "1 200 000 €".
    func money(_ amount: Double) -> String { phrasing.money(amount, currency: graph.portfolio.currency) }

    /// A count with grouped digits.
    func number(_ count: Int) -> String { phrasing.number(count) }

    /// A day of the report (`YYYY-MM-DD`) spelled out: "30 November 2026", "30 novembre 2026".
    func day(_ text: String) -> String { Day(text).map(phrasing.day) ?? text }

    /// A finding's message in the page's language (`Finding.message(_:in:)`).
    func message(of finding: Finding) -> String { finding.message(phrasing, in: graph) }

    /// A finding's action in the page's language.
    func action(of finding: Finding) -> String { finding.action(phrasing, in: graph) }

    /// A rule's title in the page's language.
    func title(of rule: RuleID) -> String { rules.wording(of: rule).title[language] }

    /// The display name of an id: the node's name when it exists, else the id.
    func name(of id: String) -> String { graph.node(withID: id).map { graph.name(of: $0) } ?? id }
}
