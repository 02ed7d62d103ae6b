import ArgumentParser
import Foundation
import InterlockAnalysis
import InterlockCore
import InterlockQuery
import InterlockReports

extension FailLevel: ExpressibleByArgument {}

/// `interlock check`: runs the detectors and fails when findings reach the fail level.
struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Find the risks in a portfolio and fail when they reach the fail level.",
        discussion: """
        Exits 0 when no finding reaches the fail level, 1 when one does, 2 on bad input or usage.
        The fail level comes from --fail-on, else the portfolio's policy.failOn, else error.

        Custom rules (the portfolio's rules: and the files given with --rules) run
        with the built-in detectors: each row their query returns is a finding
        (see docs/queries.md).

        Examples:
          interlock check Samples/acme
          interlock check Samples/acme --format json --only dependency-cycle,unowned-initiative
          interlock check Samples/acme --rules ci-rules.yaml
          interlock check Samples/acme --format sarif -o interlock.sarif   # for code scanning
          interlock check Samples/acme --format markdown                    # for a pull-request comment
        """
    )

    /// Output formats of `check`.
    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json, markdown, sarif
    }

    @OptionGroup var input: PortfolioInput

    @Option(help: "Output format.")
    var format: Format = .text

    @Option(name: .customLong("fail-on"), help: "Lowest severity that makes the check fail (exit 1): error, warning or never.")
    var failOn: FailLevel?

    @Option(help: ArgumentHelp("Run only these rules (comma-separated ids).", valueName: "rule,..."))
    var only: String?

    @Option(name: .customLong("rules"), help: ArgumentHelp(
        "A YAML or JSON file with a rules: list of custom query rules, run with the portfolio's own. Repeatable.",
        valueName: "file"))
    var ruleFiles: [String] = []

    @Flag(help: "Print the time spent loading, building and in each detector to standard error.")
    var timings = false

    @Option(name: [.short, .customLong("output")], help: "Write the result to this file (atomically) instead of standard output.")
    var output: String?

    /// The rule ids `--only` names.
    var selectedRules: Set<String>? {
        only.map { Set($0.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }) }
    }

    /// Rejects --only ids that are neither built-in nor custom rules of the portfolio.
    func checkSelection(customRules: [QueryRule]) throws {
        let known = Set(Detectors.builtIn.map(\.id) + customRules.map(\.id))
        if let unknown = selectedRules?.subtracting(known).sorted(), !unknown.isEmpty {
            throw CommandFailure.badInput(
                "Unknown rule \(unknown.joined(separator: ", ")) in --only; known rules: \(known.sorted().joined(separator: ", ")).")
        }
    }

    func run() throws {
        let clock = ContinuousClock()
        var start = clock.now
        let portfolio = try input.loadPortfolio(adding: ruleFiles)
        let customRules: [QueryRule]
        do {
            customRules = try QueryRule.all(in: portfolio)
        } catch {
            throw CommandFailure.badInput("error: \(error)")
        }
        try checkSelection(customRules: customRules)
        let loaded = clock.now - start
        start = clock.now
        let graph = ProgressDisplay.during("Building the graph") { PortfolioGraph(portfolio) }
        let built = clock.now - start
        let analysis = ProgressDisplay.during("Finding risks") {
            Analyzer(graph: graph, detectors: Detectors.builtIn + customRules, only: selectedRules)
        }
        if timings {
            printToStandardError("load   \(loaded)")
            printToStandardError("build  \(built)")
            for (detector, duration) in analysis.timings { printToStandardError("\(detector)  \(duration)") }
        }
        let report = CheckReport(graph: graph, findings: analysis.findings)
        let destination = OutputDestination(path: output)
        switch format {
        case .text:
            let colour = destination.isTerminal && ProcessInfo.processInfo.environment["NO_COLOR"] == nil
            try destination.write(TextReporter.render(report, colour: colour))
        case .json:
            try destination.write(Data(JSONReporter.renderBytes(report)))
        case .markdown:
            try destination.write(MarkdownReporter.render(report))
        case .sarif:
            try destination.write(SARIFReporter.render(report, detectors: Detectors.builtIn + customRules))
        }
        let level = failOn ?? portfolio.policy.failOn ?? .error
        if report.findings.contains(where: { $0.severity.reaches(level) }) { throw ExitCode(1) }
    }
}

extension Severity {
    /// True when a finding of this severity fails a check at `level`.
    func reaches(_ level: FailLevel) -> Bool {
        switch level {
        case .error: self == .error
        case .warning: self >= .warning
        case .never: false
        }
    }
}
