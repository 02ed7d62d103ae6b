import ArgumentParser
import Foundation
import InterlockCore
import InterlockInterop
import InterlockQuery

/// The portfolio paths every command that reads a portfolio takes.
struct PortfolioInput: ParsableArguments {
    @Argument(help: ArgumentHelp("Portfolio files or folders (YAML or JSON); folders are read recursively and merged.", valueName: "path"))
    var paths: [String]

    @OptionGroup var source: PortfolioSource

    /// Loads (or, with `--from`, imports), builds and analyses the portfolio with the selected
    /// detectors; `ruleFiles` are YAML or JSON files whose custom rules run too.
    func analyse(
        _ selection: PortfolioAnalysis.Selection = .all, ruleFiles: [String] = [], ruleLimits: QueryRule.Limits = .standard
    ) throws -> PortfolioAnalysis {
        try source.analyse(paths, selection, ruleFiles: ruleFiles, ruleLimits: ruleLimits)
    }

    /// Loads (or, with `--from`, imports) the portfolio without analysing it, for a command
    /// that analyses it its own way (`whatif`); a structural fault is exit code 2 with its message.
    func load() throws -> Portfolio {
        if let format = source.from { return try source.mapping.importPortfolio(paths, format: format).portfolio }
        var skipped: [SkippedFile] = []
        do {
            let portfolio = try PortfolioLoader.load(paths: paths, skipped: &skipped)
            for file in skipped { printToStandardError("interlock: note: \(file)") }
            return portfolio
        } catch {
            throw CommandFailure.badInput("error: \(error)")
        }
    }

    func validate() throws {
        if paths.isEmpty { throw ValidationError("Give at least one portfolio file or folder.") }
    }
}

/// How paths are read: Interlock YAML or JSON, or another tool's format with `--from` (and its
/// mapping). Commands whose paths are arguments of their own (`query`, `diff`) take this group.
struct PortfolioSource: ParsableArguments {
    @Option(help: ArgumentHelp(
        "Read the paths as this format instead of Interlock YAML or JSON, imported in memory as `interlock import` would: "
            + ImportFormat.allCases.map(\.rawValue).joined(separator: ", ") + ".",
        valueName: "format"))
    var from: ImportFormat?

    @OptionGroup var mapping: ImportMappingOptions

    /// Loads (or, with `--from`, imports), builds and analyses the portfolio at `paths` with the
    /// selected detectors; `ruleFiles` are YAML or JSON files whose custom rules run too.
    func analyse(
        _ paths: [String], _ selection: PortfolioAnalysis.Selection = .all, ruleFiles: [String] = [],
        ruleLimits: QueryRule.Limits = .standard
    ) throws -> PortfolioAnalysis {
        guard let from else { return try PortfolioInput.analyse(paths + ruleFiles, selection, ruleLimits: ruleLimits) }
        var portfolio = try mapping.importPortfolio(paths, format: from).portfolio
        do {
            if !ruleFiles.isEmpty { portfolio.rules += try PortfolioLoader.load(paths: ruleFiles).rules }
            return try PortfolioAnalysis(portfolio: portfolio, selection: selection, ruleLimits: ruleLimits, progress: ProgressDisplay())
        } catch {
            throw CommandFailure.badInput("\(error)")
        }
    }
}

extension PortfolioInput {
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
}
