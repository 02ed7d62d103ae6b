import ArgumentParser
import Foundation
import InterlockReports

/// The `interlock` command: finds the risks in a portfolio of digital initiatives.
@main
struct Interlock: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "interlock",
        abstract: "Map digital initiatives, technologies and data as one graph and find the risks between them.",
        discussion: """
        Exit codes: 0 clean, 1 findings at or above the fail level, 2 bad input or usage.
        The portfolio format is described in docs/format.md.
        """,
        version: InterlockRelease.version,
        subcommands: [
            Check.self, Baseline.self, Diff.self, WhatIfCommand.self, Trend.self, Report.self, Render.self, Serve.self, QueryCommand.self, Stats.self, Generate.self, Import.self, Export.self,
            LayoutServer.self,
        ]
    )

    /// Runs the command, mapping every failure to the documented exit codes (usage errors are 2, not 64).
    static func main() async {
        do {
            var command = try parseAsRoot()
            if var command = command as? AsyncParsableCommand {
                try await command.run()
            } else {
                try command.run()
            }
        } catch let failure as CommandFailure {
            writeToStandardError("interlock: \(failure.message)\n")
            Foundation.exit(failure.exitCode)
        } catch let code as ExitCode {
            Foundation.exit(code.rawValue)
        } catch {
            let code = exitCode(for: error)
            if code == .success {
                exit(withError: error)
            }
            writeToStandardError(fullMessage(for: error) + "\n")
            Foundation.exit(2)
        }
    }
}
