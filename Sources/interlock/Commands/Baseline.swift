import ArgumentParser
import Foundation
import InterlockAnalysis
import InterlockQuery

/// `interlock baseline`: records today's findings so that `check --baseline` fails only on new ones.
struct Baseline: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Record the findings of today, so that check --baseline fails only on new ones.",
        discussion: """
        A team adopting Interlock on a portfolio with 300 old findings records them once and
        gates CI on what is new. Findings are matched by their rule and the ids they name, not by
        their wording or where items are defined: re-wording a rule or moving an initiative to
        another file keeps them matched. The file is sorted JSON, one finding a line; commit it.

        Examples:
          interlock baseline portfolio/ -o .interlock-baseline.json
          interlock check portfolio/ --baseline .interlock-baseline.json
        """
    )

    @OptionGroup var input: PortfolioInput

    @Option(name: [.short, .customLong("output")], help: "Write the baseline to this file (atomically) instead of standard output.")
    var output: String?

    func run() throws {
        let analysis = try input.analyse()
        try OutputDestination(path: output).write(FindingBaseline(analysis.findings).fileText())
        printToStandardError("interlock: \(analysis.findings.count) findings recorded in the baseline")
    }
}
