import Benchmark
import BenchmarkSupport
import InterlockCore
import StageSupport

/// The graph: build the compact graph from the loaded model, and the strongly connected
/// components of DEPENDS_ON over it (the algorithm behind dependency-cycle).
let benchmarks: @Sendable () -> Void = {
    for initiatives in BenchmarkSizes.initiatives {
        Benchmark(
            StageConfiguration.name("build graph", initiatives),
            configuration: StageConfiguration.forPortfolio(of: initiatives),
            closure: { benchmark, portfolio in
                for _ in benchmark.scaledIterations { blackHole(PortfolioGraph(portfolio)) }
            },
            setup: { try GeneratedPortfolios.portfolio(initiatives: initiatives) }
        )
        Benchmark(
            StageConfiguration.name("scc DEPENDS_ON", initiatives),
            configuration: StageConfiguration.forPortfolio(of: initiatives),
            closure: { benchmark, graph in
                for _ in benchmark.scaledIterations {
                    blackHole(graph.stronglyConnectedComponents(over: EdgeKindSet(.dependsOn)))
                }
            },
            setup: { try GeneratedPortfolios.graph(initiatives: initiatives) }
        )
    }
}
