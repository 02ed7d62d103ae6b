import Foundation
import InterlockAnalysis
import InterlockCore
import InterlockGenerator
import Testing
@testable import InterlockGraphviz

/// Every view renders, as valid SVG, on generated portfolios of every size a company has.
@Suite("Every view on portfolios of 10 to 3,000 initiatives")
struct EveryViewTests {
    static let sizes = [10, 20, 50, 100, 150, 200, 250, 300, 500, 1_000, 3_000]
    static let seeds: [UInt64] = [1, 2, 3]

    /// The cases of this run: the whole grid with `INTERLOCK_VIEW_GRID=all`, else three sizes,
    /// one per seed, chosen by the day of the year so every size comes round within days and a
    /// failure can be replayed the same day.
    static var cases: [(initiatives: Int, seed: UInt64)] {
        let grid = sizes.flatMap { size in seeds.map { (size, $0) } }
        if ProcessInfo.processInfo.environment["INTERLOCK_VIEW_GRID"] == "all" { return grid }
        let day = Calendar(identifier: .gregorian).ordinality(of: .day, in: .year, for: Date()) ?? 1
        return seeds.enumerated().map { offset, seed in (sizes[(day + offset * 4) % sizes.count], seed) }
    }

    @Test("each view renders valid SVG with its nodes, in this process")
    func everyView() throws {
        for (initiatives, seed) in Self.cases {
            let text = String(decoding: PortfolioGenerator(initiatives: initiatives, seed: seed).text(.json), as: UTF8.self)
            let analysis = AnalysisContext(PortfolioGraph(try PortfolioLoader.load(text: text, file: "generated.json")))
            let context = ViewContext(analysis: analysis, findings: Analyzer(context: analysis).findings)
            let centre = analysis.graph.id(of: analysis.graph.nodes(ofKind: .initiative).lowerBound)
            let options = ViewOptions(focus: Focus(nodeID: centre, depth: 1), finding: .number(1), today: Day("2026-06-01"))
            for view in DiagramView.allCases {
                let diagram = try view.diagram(in: context, options: options)
                let rendered = try Graphviz.shared.render(diagram, options: RenderOptions(format: .svg))
                let svg = try SVGDocument(rendered.data)
                #expect(rendered.fallback == nil, "\(view) of \(initiatives) initiatives, seed \(seed): \(rendered.fallback ?? "")")
                #expect(svg.nodeIDs.count >= diagram.nodes.count, "\(view) of \(initiatives) initiatives, seed \(seed)")
                #expect(diagram.nodes.count <= ViewOptions.defaultMaxNodes + 200, "\(view) stays within its node budget")
            }
        }
    }
}
