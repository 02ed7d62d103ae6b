import FuzzSupport
import InterlockCore
import InterlockQuery

/// Limits small enough that one input stays well under libFuzzer's per-input timeout.
private let ruleLimits = QueryRule.Limits(
    query: QueryLimits(timeout: .milliseconds(200), maximumValueSize: 100_000, maximumHeldValues: 100_000),
    maximumFindings: 1_000)

/// The decoder and what follows it: a JSON portfolio (the seeds are the samples, so most inputs
/// parse) decoded, merged, built into the graph and analysed by every built-in detector and its
/// own custom rules. Money sums, dates, references and cycles all come from the input.
func fuzzDecode(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    guard let text = fuzzText(data, size) else { return 0 }
    guard let portfolio = try? PortfolioLoader.load(text: text, file: "fuzz.json") else { return 0 }
    _ = try? PortfolioAnalysis(portfolio: portfolio, ruleLimits: ruleLimits)
    return 0
}
