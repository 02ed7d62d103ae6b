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
                StageConfiguration.name(detector.id, initiatives),
                configuration: StageConfiguration.forPortfolio(of: initiatives),
                closure: { benchmark, graph in
                    for _ in benchmark.scaledIterations { blackHole(detector.run(on: graph)) }
                },
                setup: { try GeneratedPortfolios.graph(initiatives: initiatives) }
            )
        }
        Benchmark(
            StageConfiguration.name("all detectors", initiatives),
            configuration: StageConfiguration.forPortfolio(of: initiatives),
            closure: { benchmark, graph in
                for _ in benchmark.scaledIterations { blackHole(Analyzer(graph: graph).findings) }
            },
            setup: { try GeneratedPortfolios.graph(initiatives: initiatives) }
        )
    }
}
