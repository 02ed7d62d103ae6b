import InterlockAnalysis
import InterlockCore
import InterlockQuery

/// A portfolio loaded, built and checked by every built-in detector and its own custom rules:
/// the one path `check`, `report` and `diff` share.
struct PortfolioAnalysis {
    /// The portfolio as loaded.
    let portfolio: Portfolio
    /// The graph.
    let graph: PortfolioGraph
    /// The built-in detectors followed by the portfolio's custom rules.
    let detectors: [any Detector]
    /// Every finding of the selected detectors, in report order.
    let findings: [Finding]
    /// How long loading and building took, each detector, and all detectors with their findings
    /// put in report order (less than the detectors' sum: they run in parallel).
    let loadDuration: Duration
    let buildDuration: Duration
    let detectorTimings: [(detector: String, duration: Duration)]
    let analysisDuration: Duration

    /// Loads `paths` and analyses them with the detectors whose ids are in `only` (all by default).
    ///
    /// Bad input, a custom rule that does not parse, or an id in `only` that is neither a built-in
    /// detector nor a custom rule is exit code 2.
    init(paths: [String], only: Set<String>? = nil) throws {
        let clock = ContinuousClock()
        var start = clock.now
        portfolio = try PortfolioInput.load(paths)
        let customRules: [QueryRule]
        do {
            customRules = try QueryRule.all(in: portfolio)
        } catch {
            throw CommandFailure.badInput("error: \(error)")
        }
        detectors = Detectors.builtIn + customRules
        let known = Set(detectors.map(\.id))
        if let unknown = only?.subtracting(known).sorted(), !unknown.isEmpty {
            throw CommandFailure.badInput(
                "Unknown rule \(unknown.joined(separator: ", ")) in --only; known rules: \(known.sorted().joined(separator: ", ")).")
        }
        loadDuration = clock.now - start
        start = clock.now
        let portfolio = portfolio
        let graph = ProgressDisplay.during("Building the graph") { PortfolioGraph(portfolio) }
        self.graph = graph
        buildDuration = clock.now - start
        start = clock.now
        let detectors = detectors
        let analysis = ProgressDisplay.during("Finding risks") { Analyzer(graph: graph, detectors: detectors, only: only) }
        findings = analysis.findings
        detectorTimings = analysis.timings
        analysisDuration = clock.now - start
    }
}
