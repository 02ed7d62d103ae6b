import ArgumentParser
import Foundation
import InterlockAnalysis
import InterlockCore
import InterlockReports

/// `interlock diff`: what changed between two versions of a portfolio, and whether it brought new errors.
struct Diff: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Compare two versions of a portfolio: nodes, findings and budgets.",
        discussion: """
        Exits 1 when the new version has an error finding the old one did not (so CI can gate a
        pull request on it), 0 otherwise, 2 on bad input or usage.

        Examples:
          interlock diff main-checkout/portfolio portfolio
          interlock diff old.yaml new.yaml --format markdown
        """
    )

    /// Output formats of `diff`.
    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json, markdown
    }

    @Argument(help: ArgumentHelp("The old version: a portfolio file or folder.", valueName: "old"))
    var old: String

    @Argument(help: ArgumentHelp("The new version: a portfolio file or folder.", valueName: "new"))
    var new: String

    @OptionGroup var source: PortfolioSource

    @Option(help: "Output format.")
    var format: Format = .text

    @Option(name: [.short, .customLong("output")], help: "Write the result to this file (atomically) instead of standard output.")
    var output: String?

    func run() throws {
        let before = try source.analyse([old])
        let after = try source.analyse([new])
        let diff = PortfolioDiff(old: before.graph, oldFindings: before.findings, new: after.graph, newFindings: after.findings)
        let currency = after.graph.portfolio.currency ?? before.graph.portfolio.currency
        let destination = OutputDestination(path: output)
        switch format {
        case .text: try destination.write(DiffReporter.text(diff, currency: currency))
        case .json: try destination.write(DiffReporter.json(diff))
        case .markdown: try destination.write(DiffReporter.markdown(diff, currency: currency))
        }
        if diff.hasNewErrors { throw ExitCode(1) }
    }
}
