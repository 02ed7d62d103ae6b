import Benchmark
import BenchmarkSupport
import InterlockCore
import InterlockGenerator
import StageSupport

/// Loading: parse and decode a generated portfolio file (YAML, JSON) into the model.
let benchmarks: @Sendable () -> Void = {
    for initiatives in BenchmarkSizes.initiatives {
        for format in PortfolioGenerator.Format.allCases {
            Benchmark(
                StageConfiguration.name("load \(format.rawValue)", initiatives),
                configuration: StageConfiguration.forPortfolio(of: initiatives),
                closure: { benchmark, path in
                    for _ in benchmark.scaledIterations {
                        blackHole(try PortfolioLoader.load(paths: [path]))
                    }
                },
                setup: { try GeneratedPortfolios.path(initiatives: initiatives, format: format) }
            )
        }
    }
}
