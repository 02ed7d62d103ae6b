import ArgumentParser
import Foundation
import InterlockCore

/// The portfolio paths every command that reads a portfolio takes.
struct PortfolioInput: ParsableArguments {
    @Argument(help: ArgumentHelp("Portfolio files or folders (YAML or JSON); folders are read recursively and merged.", valueName: "path"))
    var paths: [String]

    /// Loads and merges the portfolio; a structural fault becomes exit code 2 with the located message.
    func loadPortfolio() throws -> Portfolio { try Self.load(paths) }

    /// Loads and merges the portfolio at `paths`, mapping a structural fault to exit code 2.
    static func load(_ paths: [String]) throws -> Portfolio {
        do {
            return try ProgressDisplay.during("Loading the portfolio") { () throws(LoadError) in try PortfolioLoader.load(paths: paths) }
        } catch {
            throw CommandFailure.badInput("error: \(error)")
        }
    }

    func validate() throws {
        if paths.isEmpty { throw ValidationError("Give at least one portfolio file or folder.") }
    }
}
