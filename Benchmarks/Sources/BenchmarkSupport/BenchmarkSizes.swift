import Foundation

/// The portfolio sizes the benchmarks run at: 10,000 and 100,000 initiatives, and 1,000,000 when
/// the environment sets `BENCH_1M=1` (a million initiatives take minutes and gigabytes per stage).
public enum BenchmarkSizes {
    /// Initiative counts, smallest first.
    public static var initiatives: [Int] {
        ProcessInfo.processInfo.environment["BENCH_1M"] == "1" ? [10_000, 100_000, 1_000_000] : [10_000, 100_000]
    }

    /// `10k`, `100k`, `1M`: how sizes read in benchmark names.
    public static func label(_ initiatives: Int) -> String {
        switch initiatives {
        case let count where count >= 1_000_000 && count % 1_000_000 == 0: "\(count / 1_000_000)M"
        case let count where count >= 1_000 && count % 1_000 == 0: "\(count / 1_000)k"
        default: String(initiatives)
        }
    }
}
