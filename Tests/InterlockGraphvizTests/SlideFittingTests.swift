import Foundation
import InterlockAnalysis
import InterlockCore
import InterlockGenerator
import Testing
@testable import InterlockGraphviz

/// Every view drawn for a slide: text a board can read, on portfolios of the sizes companies have.
@Suite("Views fitted to a slide")
struct SlideFittingTests {
    /// The views a page shows whole (focus and finding views are small by construction).
    static let views: [DiagramView] = [.overview, .risks, .capabilities, .units, .roadmap, .landscape]

    @Test(
        "on generated portfolios of 10, 50 and 300 initiatives every view's smallest text is 7 points or more after scaling to the slide",
        arguments: [(10, 1), (10, 2), (50, 1), (50, 2), (300, 1)] as [(Int, UInt64)])
    func readableOnASlide(initiatives: Int, seed: UInt64) throws {
        let text = String(decoding: PortfolioGenerator(initiatives: initiatives, seed: seed).text(.json), as: UTF8.self)
        let analysis = AnalysisContext(PortfolioGraph(try PortfolioLoader.load(text: text, file: "generated.json")))
        let context = ViewContext(analysis: analysis, findings: Analyzer(context: analysis).findings)
        for view in Self.views {
            let fitted = try view.fitted(in: context, options: ViewOptions(today: Day("2026-06-01")), render: RenderOptions(page: .slide))
            let svg = String(decoding: fitted.rendered.data, as: UTF8.self)
            // Measured in the file, not taken from the fitting's own arithmetic.
            let smallest = try #require(Self.fontSizes(svg).min()) * DiagramView.scale(ofSVG: fitted.rendered.data)
            #expect(smallest >= PageSize.minimumReadableFontSize, "\(view), \(initiatives) initiatives, seed \(seed): \(smallest) pt")
            let size = try #require(Self.pageSize(svg))
            #expect(size.width <= 13.33 * 72 + 1 && size.height <= 7.5 * 72 + 1, "\(view): \(size)")
        }
    }

    @Test("the overview on a slide accounts for every initiative: drawn, counted in its unit's box, or in the subtitle")
    func overviewCountsWhatItLeavesOut() throws {
        let text = String(decoding: PortfolioGenerator(initiatives: 300, seed: 1).text(.json), as: UTF8.self)
        let analysis = AnalysisContext(PortfolioGraph(try PortfolioLoader.load(text: text, file: "generated.json")))
        let context = ViewContext(analysis: analysis, findings: Analyzer(context: analysis).findings)
        let fitted = try DiagramView.overview.fitted(in: context, render: RenderOptions(page: .slide))
        let graph = analysis.graph
        let initiatives = Set(graph.nodes(ofKind: .initiative).map(graph.id(of:)))
        let drawn = fitted.diagram.nodes.filter { initiatives.contains($0.id) }.count
        func number(after marker: String, in text: String) -> Int {
            guard let range = text.range(of: marker) else { return 0 }
            return Int(text[range.upperBound...].prefix { $0.isNumber }) ?? 0
        }
        let inBoxes = fitted.diagram.clusters.map { number(after: " · and ", in: $0.label ?? "") }.reduce(0, +)
        let elsewhere = fitted.diagram.notes.map { number(after: "Not drawn: ", in: $0) }.reduce(0, +)
        #expect(drawn < 300 && inBoxes > 0)
        #expect(drawn + inBoxes + elsewhere == 300, "\(drawn) drawn, \(inBoxes) in boxes, \(elsewhere) elsewhere")
    }

    @Test("the legend goes beside a tall drawing and below a wide one; positions move by pairs, sizes stay")
    func legendPlacement() {
        let legend = LayoutBox(minX: 0, minY: 0, maxX: 200, maxY: 150)
        // A tall drawing on a wide page: beside, under the 40-point title band.
        let tall = LegendPlacement.best(
            drawing: LayoutBox(minX: 0, minY: 0, maxX: 400, maxY: 600), titleHeight: 40, legend: legend, pageWidth: 960, pageHeight: 540, pad: 0)
        #expect(tall.dx == 400 + LegendPlacement.gap && tall.dy == 600 - 40 - 150)
        // Drawing and legend (614 × 600) grown sideways to the page's proportions around them.
        #expect(abs(tall.box.width / tall.box.height - 960.0 / 540) < 1e-9 && tall.box.height == 600)
        #expect(tall.box.minX < 0 && tall.box.maxX > 614 && abs(tall.box.minX + tall.box.maxX - 614) < 1e-9)
        // A strip as wide as the page: below, flush left.
        let wide = LegendPlacement.best(
            drawing: LayoutBox(minX: 0, minY: 0, maxX: 1_900, maxY: 300), titleHeight: 40, legend: legend, pageWidth: 960, pageHeight: 540, pad: 0)
        #expect(wide.dx == 0 && wide.dy == -LegendPlacement.gap - 150)
        // 1,900 × 464, grown upwards and downwards to the page's proportions.
        #expect(abs(wide.box.width / wide.box.height - 960.0 / 540) < 1e-9 && wide.box.width == 1_900)
        #expect(abs(wide.box.minY + wide.box.maxY - (300 - 164)) < 1e-9)
        // A drawing smaller than the page is not scaled up: the box becomes the page itself.
        let small = LegendPlacement.best(
            drawing: LayoutBox(minX: 0, minY: 0, maxX: 100, maxY: 100), titleHeight: 0, legend: legend, pageWidth: 960, pageHeight: 540, pad: 10)
        #expect(abs(small.box.width - 940) < 1e-9 && abs(small.box.height - 520) < 1e-9)
        #expect(tall.moved("e,1,2 3,4 5.5,6") == "e,415,412 417,414 419.5,416")
        #expect(tall.moved("0,0,200,150") == "414,410,614,560")
        #expect(tall.moved("0.5") == "0.5", "a size is not a position")
        #expect(LayoutBox(bb: "0,0,12.5,7") == LayoutBox(minX: 0, minY: 0, maxX: 12.5, maxY: 7))
        #expect(LayoutBox(bb: "0,0,12") == nil)
    }

    @Test("on a slide the legend is laid out apart and joined to the drawing once: its samples are there, with one title")
    func legendApart() throws {
        let fitted = try DiagramView.risks.fitted(in: LoadedPortfolio.acme.context, options: ViewOptions(today: Day("2026-06-01")), render: RenderOptions(page: .slide))
        let svg = try SVGDocument(fitted.rendered.data)
        #expect(svg.nodeIDs.filter { $0.hasPrefix(Diagram.legendNodeID + ":") && !$0.hasSuffix(":text") }.count >= 4)
        let text = String(decoding: fitted.rendered.data, as: UTF8.self)
        #expect(text.components(separatedBy: ">Legend<").count == 2, "one legend title")
    }

    private static func fontSizes(_ svg: String) -> [Double] {
        svg.components(separatedBy: "font-size=\"").dropFirst().compactMap { Double($0.prefix { $0.isNumber || $0 == "." }) }
    }

    private static func pageSize(_ svg: String) -> (width: Double, height: Double)? {
        func number(after key: String) -> Double? {
            guard let start = svg.range(of: "<svg")?.upperBound, let found = svg.range(of: key, range: start..<svg.endIndex)?.upperBound else { return nil }
            return Double(svg[found...].prefix { $0.isNumber || $0 == "." })
        }
        guard let width = number(after: "width=\""), let height = number(after: "height=\"") else { return nil }
        return (width, height)
    }
}
