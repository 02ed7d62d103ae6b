import ArgumentParser
import Foundation
import InterlockAnalysis
import InterlockCore
import InterlockQuery
import InterlockReports

/// `interlock whatif`: what breaks, what appears and what disappears if the portfolio changed so.
struct WhatIfCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "whatif",
        abstract: "Try changes on a copy of the portfolio: who loses what is removed or retired, and which findings and budgets change.",
        discussion: """
        The changes apply in the order given to a copy in memory; the files are not touched.
        --retire sets an initiative's status or a technology's lifecycle to retired; --remove
        takes a node away with every reference initiatives make to it; --delay moves an
        initiative's start and end (90d, -30d); --replace switches every use of one technology to
        another. For what is removed or retired, every active initiative that needs it, directly
        or through others, is listed with the way it does; then the difference as `diff` shows it.
        Exits 1 when the change brings an error finding that today has not, 0 otherwise, 2 on bad
        input or usage.

        Examples:
          interlock whatif Samples/acme --retire sap-ecc
          interlock whatif Samples/acme --remove entra-id --format json
          interlock whatif Samples/acme --delay s4hana-migration:90d --replace oracle-db:postgresql
          interlock whatif Samples/acme --scenario plans/retire-ecc.yaml

        A scenario file (YAML or JSON) has a name and a list of changes (docs/whatif.md):
          name: Retire SAP ECC in Q3
          changes: [{retire: sap-ecc}, {delay: s4hana-migration, days: 90}]
        """
    )

    /// Output formats of `whatif`.
    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json
    }

    @OptionGroup var input: PortfolioInput

    @Option(help: ArgumentHelp("Retire an initiative or a technology (its id). Repeatable.", valueName: "id"))
    var retire: [String] = []

    @Option(help: ArgumentHelp("Remove a node and the references to it (its id). Repeatable.", valueName: "id"))
    var remove: [String] = []

    @Option(help: ArgumentHelp("Move an initiative's dates by a number of days, as ID:90d (or ID:-30d). Repeatable.", valueName: "id:days"))
    var delay: [String] = []

    @Option(help: ArgumentHelp("Switch every use of a technology to another, as OLD:NEW. Repeatable.", valueName: "old:new"))
    var replace: [String] = []

    @Option(help: ArgumentHelp("A scenario file: a name and a list of changes, applied before those of the options.", valueName: "file"))
    var scenario: String?

    @Option(help: "A name for the scenario in the output (default: the scenario file's, else the changes).")
    var name: String?

    @Option(help: "Output format.")
    var format: Format = .text

    @Option(name: [.short, .customLong("output")], help: "Write the result to this file (atomically) instead of standard output.")
    var output: String?

    func validate() throws {
        _ = try changes()
    }

    /// The changes in the order of the options' kinds: removals, retirements, delays, replacements.
    func changes() throws -> [Scenario.Change] {
        var changes = remove.map(Scenario.Change.remove) + retire.map(Scenario.Change.retire)
        for value in delay {
            let parts = value.split(separator: ":", maxSplits: 1).map(String.init)
            guard parts.count == 2, parts[1].hasSuffix("d"), let days = Int(parts[1].dropLast()), abs(days) <= 36_500, !parts[0].isEmpty else {
                throw ValidationError("--delay takes ID:DAYSd, such as crm-rollout:90d or crm-rollout:-30d (at most 36500 days), not \"\(value)\".")
            }
            changes.append(.delay(parts[0], days: days))
        }
        for value in replace {
            let parts = value.split(separator: ":", maxSplits: 1).map(String.init)
            guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty, parts[0] != parts[1] else {
                throw ValidationError("--replace takes OLD:NEW, two different technology ids such as oracle-db:postgresql, not \"\(value)\".")
            }
            changes.append(.replace(parts[0], with: parts[1]))
        }
        if changes.isEmpty, scenario == nil {
            throw ValidationError("Give at least one change: --retire, --remove, --delay or --replace, or a --scenario file.")
        }
        return changes
    }

    func run() throws {
        let planned: Scenario?
        do {
            planned = try scenario.map { path throws(LoadError) in try Scenario.load(path: path) }
        } catch {
            throw CommandFailure.badInput(error.description)
        }
        let changes = (planned?.changes ?? []) + (try changes())
        let scenario = Scenario(name: name ?? planned?.name ?? changes.map(\.description).joined(separator: " "), changes: changes)
        let result: WhatIf
        do {
            result = try WhatIf(scenario, on: try input.load())
        } catch let error as WhatIfError {
            throw CommandFailure.badInput(error.description)
        }
        let destination = OutputDestination(path: output)
        switch format {
        case .text:
            try destination.write(WhatIfReporter.text(scenario, losses: result.losses, diff: result.diff, currency: result.before.graph.portfolio.currency))
        case .json:
            try destination.write(WhatIfReporter.json(scenario, losses: result.losses, diff: result.diff))
        }
        if result.diff.hasNewErrors { throw ExitCode(1) }
    }
}
