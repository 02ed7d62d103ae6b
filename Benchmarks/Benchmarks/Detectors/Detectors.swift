import Benchmark
import BenchmarkSupport
import InterlockAnalysis
import InterlockCore
import StageSupport

/// Each built-in detector alone over the built graph, then all of them as `interlock check`
/// runs them (in parallel, findings sorted).
let benchmarks: @Sendable () -> Void = {
    for initiatives in BenchmarkSizes.initiatives {
        for detector in Detectors.builtIn {
            Benchmark(
                StageConfiguration.name(detector.id.rawValue, initiatives),
                configuration: StageConfiguration.forPortfolio(of: initiatives),
                closure: { benchmark, graph in
                    for _ in benchmark.scaledIterations { blackHole(detector.run(in: AnalysisContext(graph))) }
                },
                setup: { try GeneratedPortfolios.graph(initiatives: initiatives) }
            )
        }
        Benchmark(
            StageConfiguration.name("all detectors", initiatives),
            configuration: StageConfiguration.forPortfolio(of: initiatives),
            closure: { benchmark, graph in
                for _ in benchmark.scaledIterations { blackHole(Analyzer(context: AnalysisContext(graph)).findings) }
            },
            setup: { try GeneratedPortfolios.graph(initiatives: initiatives) }
        )
    }
}
