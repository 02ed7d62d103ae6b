import InterlockAnalysis
import InterlockCore
import InterlockQuery

/// A portfolio loaded, built and checked by every built-in detector and its own custom rules,
/// as `report` and `diff` need it (`check` runs the same, with its selection and timings).
struct PortfolioAnalysis {
    /// The graph.
    let graph: PortfolioGraph
    /// Every finding, in report order.
    let findings: [Finding]

    /// Loads `paths` and analyses them; bad input or a custom rule that does not parse is exit code 2.
    init(paths: [String]) throws {
        let portfolio = try PortfolioInput.load(paths)
        let customRules: [QueryRule]
        do {
            customRules = try QueryRule.all(in: portfolio)
        } catch {
            throw CommandFailure.badInput("error: \(error)")
        }
        let graph = ProgressDisplay.during("Building the graph") { PortfolioGraph(portfolio) }
        self.graph = graph
        findings = ProgressDisplay.during("Finding risks") { Analyzer(graph: graph, detectors: Detectors.builtIn + customRules).findings }
    }
}
