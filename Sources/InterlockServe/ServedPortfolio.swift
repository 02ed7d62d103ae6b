import Foundation
import InterlockAnalysis
import InterlockCore
import InterlockGraphviz
import InterlockQuery
import InterlockReports

/// One loaded and analysed version of the portfolio, with what the page asks of it indexed
/// ahead: immutable, so that every request reads a consistent state while a reload builds the
/// next one beside it.
public struct ServedPortfolio: Sendable {
    /// The portfolio as loaded, built and checked.
    public let analysis: PortfolioAnalysis
    /// Counts the versions served since start-up (1 is the first), so that the page knows
    /// whether what it shows is current.
    public let generation: Int
    /// The query engine over this version's graph.
    let engine: QueryEngine<PortfolioQueryGraph>
    /// The facts every view draws from, in the portfolio's language.
    let viewContext: ViewContext
    /// The language of rule titles and diagrams: the portfolio's, else English.
    let language: BoardLanguage
    /// Per node, its id and name folded for search (lower case, no accents).
    private let searchKeys: [String]
    /// Per node, the positions in `analysis.findings` of the findings that name it.
    let findingsByNode: [Int: [Int]]
    /// Per finding, the business units its nodes belong to (node indexes, no repeats).
    let findingUnits: [[Int]]
    /// The summary, but for the state of the files now (`summary(problem:)`).
    let summaryPayload: JSONValue

    /// Indexes `analysis` as version `generation`.
    public init(analysis: PortfolioAnalysis, generation: Int) {
        self.analysis = analysis
        self.generation = generation
        let graph = analysis.graph
        engine = QueryEngine(portfolio: graph)
        language = graph.portfolio.language ?? .en
        viewContext = ViewContext(analysis: analysis.context, findings: analysis.findings, language: language)
        searchKeys = (0..<graph.nodeCount).map { Self.folded(graph.id(of: $0) + "\n" + graph.name(of: $0)) }
        var byNode: [Int: [Int]] = [:]
        var units: [[Int]] = []
        units.reserveCapacity(analysis.findings.count)
        for (position, finding) in analysis.findings.enumerated() {
            var seen: [Int] = []
            for node in finding.nodes(in: graph) {
                byNode[node, default: []].append(position)
                if let unit = graph.kind(of: node) == .unit ? node : graph.unitNode(of: node), !seen.contains(unit) { seen.append(unit) }
            }
            units.append(seen)
        }
        findingsByNode = byNode
        findingUnits = units
        summaryPayload = Self.summary(of: analysis, generation: generation, language: language)
    }

    /// The graph.
    public var graph: PortfolioGraph { analysis.graph }

    /// The nodes whose id or name contains every word of `text` (case and accents ignored): an
    /// exact id first, then ids or names that start with the text, then the rest, each group
    /// in portfolio order; at most `limit`.
    public func search(_ text: String, limit: Int) -> [Int] {
        let words = Self.folded(text).split(whereSeparator: \.isWhitespace).map(String.init)
        guard !words.isEmpty else { return [] }
        let whole = words.joined(separator: " ")
        var exact: [Int] = [], starting: [Int] = [], containing: [Int] = []
        for (node, key) in searchKeys.enumerated() where words.allSatisfy(key.contains) {
            let (id, name) = Self.split(key)
            if id == whole {
                exact.append(node)
            } else if id.hasPrefix(whole) || name.hasPrefix(whole) {
                if starting.count < limit { starting.append(node) }
            } else if containing.count < limit {
                containing.append(node)
            }
        }
        return Array((exact + starting + containing).prefix(limit))
    }

    /// Text folded for search: lower case, without diacritics.
    static func folded(_ text: String) -> String {
        text.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
    }

    private static func split(_ key: String) -> (id: Substring, name: Substring) {
        guard let newline = key.firstIndex(of: "\n") else { return (key[...], "") }
        return (key[..<newline], key[key.index(after: newline)...])
    }
}
