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
          interlock check Samples/acme --format junit -o interlock.xml      # for CI test reports
          interlock baseline Samples/acme -o .interlock-baseline.json       # accept today's findings
          interlock check Samples/acme --baseline .interlock-baseline.json  # fail only on new ones
        """
    )

    /// Output formats of `check`.
    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json, markdown, sarif, junit
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

    @OptionGroup var ruleLimits: RuleLimitOptions

    @Option(help: ArgumentHelp(
        "A baseline written by `interlock baseline`: its findings are reported as known and never fail the check; only new ones do.",
        valueName: "file"))
    var baseline: String?

    @Flag(name: .customLong("update-baseline"), help: "Rewrite the --baseline file with today's findings after the check (after a fix, so it shrinks).")
    var updateBaseline = false

    @Flag(help: "Print the time spent loading, building, in each detector and writing the output to standard error.")
    var timings = false

    @Option(name: [.short, .customLong("output")], help: "Write the result to this file (atomically) instead of standard output.")
    var output: String?

    /// The detectors `--only` selects.
    var selection: PortfolioAnalysis.Selection {
        guard let only else { return .all }
        let ids = only.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        return .only(Set(ids.map { RuleID($0) }))
    }

    func run() throws {
        for file in ruleFiles {
            do { try PortfolioLoader.checkRulesFile(file) } catch { throw CommandFailure.badInput(error.description) }
        }
        let analysis = try input.analyse(selection, ruleFiles: ruleFiles, ruleLimits: ruleLimits.limits)
        if timings {
            printToStandardError("load   \(analysis.timings.load)")
            printToStandardError("build  \(analysis.timings.build)")
            for (detector, duration) in analysis.timings.detectors { printToStandardError("\(detector)  \(duration)") }
            printToStandardError("all detectors, in parallel  \(analysis.timings.analysis)")
        }
        let outputStart = ContinuousClock.now
        let findings = try againstBaseline(analysis.findings)
        // The board page's money, written by the JSON output so that every figure of the page can
        // be checked against it.
        let money = format == .json ? PortfolioMoney(analysis: analysis.context, findings: findings) : nil
        let report = CheckReport(graph: analysis.graph, findings: findings, money: money)
        let destination = OutputDestination(path: output)
        switch format {
        case .text:
            let colour = destination.isTerminal && ProcessInfo.processInfo.environment["NO_COLOR"] == nil
            try destination.write(TextReporter.render(report, colour: colour))
        case .json:
            try destination.stream { try JSONReporter.write(report, to: $0) }
        case .markdown:
            try destination.write(MarkdownReporter.render(report))
        case .sarif:
            try destination.write(SARIFReporter.render(report, detectors: analysis.detectors))
        case .junit:
            try destination.write(JUnitReporter.render(report, detectors: analysis.detectors))
        }
        if timings { printToStandardError("output \(ContinuousClock.now - outputStart)") }
        let level = failOn ?? analysis.portfolio.policy.failOn ?? .error
        let failed = report.findings.contains { $0.severity.reaches(level) }
        if updateBaseline, let baseline {
            try OutputDestination(path: baseline).write(FindingBaseline(analysis.findings).fileText())
            printToStandardError("interlock: baseline \(baseline) rewritten with \(analysis.findings.count) findings")
        }
        // End here, while the graph and the findings are still referenced: freeing a million
        // findings and initiatives one by one takes seconds and serves nothing when the process ends.
        Foundation.exit(failed ? 1 : 0)
    }

    func validate() throws {
        if updateBaseline, baseline == nil { throw ValidationError("--update-baseline needs --baseline FILE.") }
    }

    /// The findings that count: all of them without a baseline; with one, the new ones, after
    /// saying on standard error how many known ones remain and which entries are stale.
    private func againstBaseline(_ findings: [Finding]) throws -> [Finding] {
        guard let baseline else { return findings }
        let text: String
        do {
            text = try String(contentsOfFile: baseline, encoding: .utf8)
        } catch {
            throw CommandFailure.badInput("error: \(baseline): cannot read the baseline (\(error.localizedDescription))")
        }
        let accepted: FindingBaseline
        do {
            accepted = try FindingBaseline(fileText: text, file: baseline)
        } catch {
            throw CommandFailure.badInput("error: \(error)")
        }
        let comparison = accepted.compare(findings)
        printToStandardError("interlock: \(comparison.new.count) new findings; \(comparison.known.count) known ones from \(baseline) remain")
        if !comparison.stale.isEmpty {
            printToStandardError("interlock: \(comparison.stale.count) baseline entries are fixed (stale); shrink the baseline with --update-baseline:")
            for entry in comparison.stale { printToStandardError("  \(entry.key)") }
        }
        return comparison.new
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
