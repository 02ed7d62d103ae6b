import Foundation
import InterlockAnalysis
import InterlockCore
import Testing
@testable import InterlockGraphviz

/// Drawing to a page: scaled down to fit it, nodes left out while the text is too small.
@Suite("Fitting a diagram to a page")
struct FittingTests {
    let small = LoadedPortfolio.small

    @Test("Graphviz's scale is read from the SVG, 1 when it drew at natural size")
    func scaleOfSVG() {
        #expect(DiagramView.scale(ofSVG: Data(#"<svg width="9pt"><g id="graph0" class="graph" transform="scale(0.53 0.53) rotate(0)">"#.utf8)) == 0.53)
        #expect(DiagramView.scale(ofSVG: Data(#"<svg><g transform="rotate(0) translate(4 4)">"#.utf8)) == 1)
    }

    @Test("the smallest text counts node labels at their size and edge labels at 9 points, 11 on a page")
    func smallestText() throws {
        var diagram = try small.diagram(.units)
        #expect(diagram.smallestFontSize() == 9, "the units view labels its ties")
        #expect(diagram.smallestFontSize(onPage: true) == 11)
        diagram.edges = []
        #expect(diagram.smallestFontSize() == 11)
        diagram.nodes[0].fontSize = 8
        #expect(diagram.smallestFontSize() == 8)
    }

    @Test("the node budget search: estimate from the text size first, then halve the gap geometrically until it is within a tenth")
    func budgetSearch() {
        // 100 nodes at 3.5 pt: a quarter of them should bring the text to 7 pt.
        #expect(DiagramView.nextBudget(readable: nil, unreadable: (100, 3.5)) == 25)
        #expect(DiagramView.nextBudget(readable: nil, unreadable: (100, 0.1)) == DiagramView.smallestCut)
        #expect(DiagramView.nextBudget(readable: nil, unreadable: (DiagramView.smallestCut, 3)) == nil, "nothing smaller to try")
        #expect(DiagramView.nextBudget(readable: 25, unreadable: nil) == nil, "the whole view is readable")
        #expect(DiagramView.nextBudget(readable: 25, unreadable: (100, 6)) == 50)
        #expect(DiagramView.nextBudget(readable: 40, unreadable: (44, 6.9)) == nil, "within a tenth")
        #expect(DiagramView.nextBudget(readable: 10, unreadable: (12, 6.9)) == 11)
    }

    @Test("on a slide, the drawing is no larger than 13.33 by 7.5 inches; without a page it keeps its size", arguments: [DiagramView.risks, .units, .roadmap])
    func slide(view: DiagramView) throws {
        let fitted = try view.fitted(in: small.context, options: ViewOptions(today: Day("2026-06-01")), render: RenderOptions(page: .slide))
        let svg = String(decoding: fitted.rendered.data, as: UTF8.self)
        let width = try #require(Self.points(svg, "width=\""))
        let height = try #require(Self.points(svg, "height=\""))
        #expect(width <= 13.33 * 72 + 1 && height <= 7.5 * 72 + 1, "\(width) × \(height)")
        #expect(fitted.scale > 0 && fitted.scale <= 1)
        #expect(abs(fitted.smallestFontSize - fitted.diagram.smallestFontSize(onPage: true) * fitted.scale) < 1e-9)
        let natural = try view.fitted(in: small.context, options: ViewOptions(today: Day("2026-06-01")), render: RenderOptions(page: .none))
        #expect(natural.scale == 1)
    }

    @Test("a portfolio too large for a slide is cut, riskiest first, and the subtitle says so")
    func cut() throws {
        let text = (0..<120).map { "  - {id: i\($0), name: Initiative number \($0) with a long name, dependsOn: [i\(($0 + 1) % 120)]}" }.joined(separator: "\n")
        let context = AnalysisContext(PortfolioGraph(try PortfolioLoader.load(text: "initiatives:\n" + text, file: "t.yaml")))
        let view = ViewContext(analysis: context, findings: Analyzer(context: context).findings)
        let fitted = try DiagramView.risks.fitted(in: view, render: RenderOptions(page: .slide))
        #expect(fitted.diagram.nodes.count < 121)
        #expect(fitted.diagram.notes.contains { $0.hasPrefix("Showing ") && $0.contains(" of 120 items") })
    }

    private static func points(_ svg: String, _ key: String) -> Double? {
        guard let start = svg.range(of: "<svg")?.upperBound, let found = svg.range(of: key, range: start..<svg.endIndex)?.upperBound else { return nil }
        return Double(svg[found...].prefix { $0.isNumber || $0 == "." })
    }
}

@Suite("Fitting: a subtitle wraps to what the page holds at readable size")
struct SubtitleWrappingTests {
    @Test("a long note is cut into lines that fit the page's width at 7 pt; without a page it stays whole")
    func notesWrap() {
        let sentence = Array(repeating: "word", count: 60).joined(separator: " ")
        let box = RenderOptions(format: .svg, frame: DiagramSize(width: 3.5, height: 2.75))
        let lines = GraphPlan.notesFitting([sentence], options: box)
        // 3.5 in = 252 pt; at 7 pt for 11 pt text, 396 pt of 11-pt text, less 29 pt of padding:
        // about 55 characters, 11 words of 5.
        #expect(lines.count == 6)
        #expect(lines.allSatisfy { $0.count <= 55 })
        #expect(lines.joined(separator: " ") == sentence)
        #expect(GraphPlan.notesFitting([sentence], options: nil) == [sentence])
        #expect(GraphPlan.notesFitting([sentence], options: RenderOptions(format: .png, frame: DiagramSize(width: 3.5, height: 2.75))) == [sentence])
    }
}
