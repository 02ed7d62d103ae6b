import Benchmark
import BenchmarkSupport
import InterlockAnalysis
import InterlockCore
import InterlockGraphviz
import StageSupport

/// Rendering: the risks and units views of the analysed graph as SVG, as `interlock render`
/// draws them: the view cuts the graph to its bound, then Graphviz lays it out in-process.
let benchmarks: @Sendable () -> Void = {
    for initiatives in BenchmarkSizes.initiatives {
        for view in [DiagramView.risks, .units] {
            Benchmark(
                StageConfiguration.name("render \(view.rawValue) svg", initiatives),
                configuration: StageConfiguration.forPortfolio(of: initiatives),
                closure: { (benchmark: Benchmark, analysed: (context: AnalysisContext, findings: [Finding])) throws in
                    for _ in benchmark.scaledIterations {
                        let diagram = try view.diagram(in: ViewContext(analysis: analysed.context, findings: analysed.findings))
                        blackHole(try Graphviz.shared.render(diagram, options: RenderOptions(format: .svg)))
                    }
                },
                setup: {
                    let context = AnalysisContext(try GeneratedPortfolios.graph(initiatives: initiatives))
                    return (context: context, findings: Analyzer(context: context).findings)
                }
            )
        }
    }
}
