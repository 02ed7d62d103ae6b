import Foundation
import InterlockAnalysis
import InterlockCore
@testable import InterlockGraphviz
import Testing

/// `export --format mermaid --view VIEW` (#14): a flowchart per view with the view's nodes, boxes
/// and edges, every line in the part of Mermaid's grammar it relies on, hostile names inert.
@Suite struct MermaidViewTests {
    static let views: [DiagramView] = [.overview, .risks, .units, .capabilities, .roadmap, .landscape]

    @Test(arguments: views)
    func everyLineFollowsTheGrammar(_ view: DiagramView) throws {
        for portfolio in [LoadedPortfolio.acme, LoadedPortfolio.hostile] {
            let diagram = try portfolio.diagram(view)
            let text = diagram.mermaid
            let lines = text.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
            #expect(lines.prefix(4) == ["---", "title: \"\(MermaidText.label(diagram.title))\"", "---", "flowchart \(view == .landscape ? "TB" : "LR")"])
            for line in lines.dropFirst(4) {
                // A comment, a box, its end, a node (id d<n>, a quoted label without raw quotes),
                // or an edge between two such ids.
                #expect(line.wholeMatch(of: /%%[^\n]*|subgraph c\d+\["[^"]*"\]|end|d\d+(\[|\[\[|\[\(|\(\[|\{\{|>)"[^"]*"(\]|\]\]|\)\]|\]\)|\}\}|\])|d\d+ (-->|---|-\.->)(\|"[^"]*"\|)? d\d+/) != nil,
                        "\(view): \(line)")
            }
            // Every drawn node is declared once, every box opened is closed.
            #expect(lines.filter { $0.wholeMatch(of: /d\d+[\[\(\{>].*/) != nil }.count == diagram.nodes.count)
            #expect(lines.filter { $0.hasPrefix("subgraph ") }.count == lines.filter { $0 == "end" }.count)
            #expect(lines.filter { $0.hasPrefix("subgraph ") }.count == diagram.clusters.count)
        }
    }

    /// Boxes nest as deep as the portfolio's capability tree: 20,000 levels are written without
    /// recursion (a recursive writer overflowed the stack near 6,000), opened and closed in order.
    @Test func deeplyNestedBoxes() {
        let clusters = (0..<20_000).map { DiagramCluster(id: "c\($0)", label: "level \($0)", parent: $0 == 0 ? nil : "c\($0 - 1)") }
        let text = Diagram(title: "deep", clusters: clusters).mermaid
        let lines = text.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
        #expect(lines.filter { $0.hasPrefix("subgraph ") }.count == 20_000)
        #expect(lines.filter { $0 == "end" }.count == 20_000)
        #expect(lines[4] == "subgraph c0[\"level 0\"]" && lines[20_003] == "subgraph c19999[\"level 19999\"]" && lines[20_004] == "end")
    }

    @Test func theUnitsOfTheSample() throws {
        let text = try LoadedPortfolio.acme.diagram(.units).mermaid
        #expect(text.contains("d0([\"Sales & Marketing<br/>8 initiatives<br/>EUR 3.4M at risk (58 %)\"])"))
        #expect(text.contains("d2 ---|\"1 dependency<br/>1 data flow<br/>9 on shared platforms\"| d5"))
    }
}

/// The capability landscape of a deep tree (a chain of 2,000 parts): boxes stop at
/// `LandscapeView.maximumBoxDepth` and the deeper parts are drawn in the deepest box, so
/// Graphviz's osage is never handed thousands of nested boxes (it crashed on them).
@Suite struct DeepLandscapeTests {
    @Test func boxesStopAtTheMaximumDepth() throws {
        var lines = ["capabilities:"]
        for index in 0..<2_000 { lines.append("  - {id: c\(index)" + (index > 0 ? ", parent: c\(index - 1)" : "") + "}") }
        lines += ["initiatives:", "  - {id: a, capabilities: [c1999]}"]
        let graph = PortfolioGraph(try PortfolioLoader.load(text: lines.joined(separator: "\n"), file: "deep.yaml"))
        let analysis = AnalysisContext(graph)
        let context = ViewContext(analysis: analysis, findings: Analyzer(context: analysis).findings)
        let diagram = try DiagramView.landscape.diagram(in: context, options: ViewOptions(maxNodes: 50))
        #expect(diagram.clusters.map(\.id) == (0..<LandscapeView.maximumBoxDepth).map { "landscape:c\($0)" })
        #expect(diagram.clusters.map(\.parent) == [nil] + (0..<(LandscapeView.maximumBoxDepth - 1)).map { "landscape:c\($0)" })
        let deepest = try #require(diagram.nodes.first { $0.id == "c1999" })
        #expect(deepest.cluster == "landscape:c\(LandscapeView.maximumBoxDepth - 1)")
    }
}
