@testable import InterlockCore
import FuzzSupport

/// YAML: libyaml, the conversion (nesting limit, alias budget) and the decoder; any `LoadError`
/// is a correct answer, anything else (a trap, a hang, a leak of memory) is a bug.
func fuzzYAML(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    guard let text = fuzzText(data, size) else { return 0 }
    do {
        let portfolio = try PortfolioLoader.load(text: text, file: "fuzz.yaml")
        _ = PortfolioGraph(portfolio)
    } catch {
        // A located error must name the file it was given.
        if !error.description.hasPrefix("fuzz.yaml") { fuzzFailure("unlocated error: \(error.description)") }
    }
    return 0
}
