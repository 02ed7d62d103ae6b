import ArgumentParser
import Foundation
import InterlockCore
import InterlockQuery

/// The portfolio paths every command that reads a portfolio takes.
struct PortfolioInput: ParsableArguments {
    @Argument(help: ArgumentHelp("Portfolio files or folders (YAML or JSON); folders are read recursively and merged.", valueName: "path"))
    var paths: [String]

    /// Loads, builds and analyses the portfolio with the selected detectors.
    func analyse(_ selection: PortfolioAnalysis.Selection = .all) throws -> PortfolioAnalysis {
        try Self.analyse(paths, selection)
    }

    /// Loads, builds and analyses the portfolio at `paths`, with progress on a terminal; a
    /// structural fault, a broken custom rule or an unknown rule id is exit code 2 with its message.
    static func analyse(
        _ paths: [String], _ selection: PortfolioAnalysis.Selection = .all, ruleLimits: QueryRule.Limits = .standard
    ) throws -> PortfolioAnalysis {
        do {
            let analysis = try PortfolioAnalysis(paths: paths, selection: selection, ruleLimits: ruleLimits, progress: ProgressDisplay())
            for file in analysis.skippedFiles { printToStandardError("interlock: note: \(file)") }
            return analysis
        } catch {
            throw CommandFailure.badInput(error.description)
        }
    }

    func validate() throws {
        if paths.isEmpty { throw ValidationError("Give at least one portfolio file or folder.") }
    }
}
