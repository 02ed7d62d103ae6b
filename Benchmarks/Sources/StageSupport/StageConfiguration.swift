import Benchmark
import BenchmarkSupport

/// How long each stage benchmark runs, by portfolio size: enough runs for a median at 10k
/// initiatives, a few at 100k, and three without warm-up at 1M, whose single runs take seconds.
public enum StageConfiguration {
    /// The configuration of a benchmark over a portfolio of `initiatives`.
    public static func forPortfolio(of initiatives: Int) -> Benchmark.Configuration {
        let metrics: [BenchmarkMetric] = [.wallClock, .cpuTotal, .peakMemoryResident]
        switch initiatives {
        case ..<50_000:
            return .init(metrics: metrics, warmupIterations: 1,
                         maxDuration: .seconds(5), maxIterations: 20)
        case ..<500_000:
            return .init(metrics: metrics, warmupIterations: 1,
                         maxDuration: .seconds(15), maxIterations: 7)
        default:
            return .init(metrics: metrics, warmupIterations: 0,
                         maxDuration: .seconds(60), maxIterations: 3)
        }
    }

    /// `name 100k`: the benchmark name with its size.
    public static func name(_ name: String, _ initiatives: Int) -> String {
        "\(name) \(BenchmarkSizes.label(initiatives))"
    }
}
