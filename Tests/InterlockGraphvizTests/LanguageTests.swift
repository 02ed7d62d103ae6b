import Foundation
import InterlockAnalysis
import InterlockCore
@testable import InterlockGraphviz
import Testing

/// Diagrams speak the reader's language (#10 item 7): every title, note, legend, label and
/// tooltip a view writes is French in a French drawing; only the portfolio's own words (names,
/// ids, a custom rule's message) and words both languages spell alike stay as they are.
@Suite struct LanguageTests {
    /// Words French writes exactly as English does.
    private static let shared: Set<String> = ["initiative", "initiatives", "information", "version", "eur"]

    @Test(arguments: DiagramView.allCases)
    func everyViewWritesFrenchInAFrenchDrawing(_ view: DiagramView) throws {
        let portfolio = LoadedPortfolio.acme
        let options = ViewOptions(
            focus: view == .focus ? Focus(nodeID: "entra-id", depth: 1) : nil, finding: view == .finding ? .number(1) : nil,
            today: Day("2026-12-05"))
        let english = try view.diagram(in: portfolio.context, options: options)
        let french = try view.diagram(
            in: ViewContext(analysis: portfolio.context.analysis, findings: portfolio.findings, language: .fr), options: options)
        let pairs = zip(Self.texts(of: english), Self.texts(of: french))
        #expect(Self.texts(of: english).count == Self.texts(of: french).count, "the two drawings differ in what they draw")
        #expect(english.title != french.title)
        let portfolioWords = Self.portfolioWords(portfolio)
        for (inEnglish, inFrench) in pairs where inEnglish == inFrench {
            // A roadmap bar too short for its name shows its beginning and an ellipsis.
            if inFrench.hasSuffix("…"), portfolioWords.contains(where: { $0.hasPrefix(inFrench.dropLast()) }) { continue }
            // A long name is cut into lines in a small picture.
            var rest = inFrench.replacingOccurrences(of: "\n", with: " ")
            for word in portfolioWords where rest.contains(word) { rest = rest.replacingOccurrences(of: word, with: " ") }
            let left = rest.lowercased().split { !$0.isLetter }.map(String.init).filter { !Self.shared.contains($0) }
            #expect(left.isEmpty, "\(view): \"\(inFrench)\" is the same in English and French (\(left))")
        }
    }

    /// A French drawing of the sample: the words a board member reads, checked by eye once and
    /// kept here so that a change shows.
    @Test func theUnitsViewInFrench() throws {
        let portfolio = LoadedPortfolio.acme
        let french = try DiagramView.units.diagram(
            in: ViewContext(analysis: portfolio.context.analysis, findings: portfolio.findings, language: .fr), options: ViewOptions())
        #expect(french.title == "Acme Group — unités métier")
        #expect(french.notes.first == "7 unités métier menant 51 initiatives actives")
        #expect(french.legend?.title == "Légende")
        #expect(french.edges.contains { $0.label?.contains("sur des plateformes partagées") == true })
    }

    /// Every text a drawing holds, in a fixed order, so that two drawings of one view pair up.
    private static func texts(of diagram: Diagram) -> [String] {
        var texts = [diagram.title] + diagram.notes
        if let legend = diagram.legend { texts += [legend.title] + legend.entries.map(\.text) }
        for node in diagram.nodes {
            if case .plain(let label) = node.label { texts.append(label) }
            texts.append(node.tooltip ?? "")
        }
        for edge in diagram.edges { texts += [edge.label ?? "", edge.tooltip ?? ""] }
        for cluster in diagram.clusters { texts += [cluster.label ?? "", cluster.tooltip ?? ""] }
        return texts
    }

    /// The portfolio's own words, longest first: names, ids, and the messages of findings that
    /// have no sentences of their own (custom rules write their messages themselves).
    private static func portfolioWords(_ portfolio: LoadedPortfolio) -> [String] {
        let graph = portfolio.graph
        var words = Set<String>()
        for node in 0..<graph.nodeCount { words.formUnion([graph.name(of: node), graph.id(of: node)]) }
        words.formUnion(portfolio.findings.filter { $0.explanation == nil }.map(\.message))
        return words.filter { !$0.isEmpty }.sorted { $0.count > $1.count }
    }
}
