import ArgumentParser
import Foundation
import InterlockCore
import InterlockGenerator

/// `interlock generate`: writes a large, realistic portfolio and, on request, the manifest of the
/// faults injected into it.
struct Generate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Generate a large, realistic portfolio for tests and benchmarks.",
        discussion: """
        The portfolio follows the documented format: business units, people (some inactive), \
        teams, goals, capabilities and technologies with Zipf-like popularity (so capabilities \
        are duplicated and a few technologies are everywhere), data sources (some without \
        owner), and initiatives that depend only on earlier ones, except for injected dependency \
        cycles of lengths 2 to 8. A few initiatives are injected without a valid owner (none, \
        unknown or inactive); every other owner exists and is active.

        --manifest writes what was injected (cycles, unowned initiatives, incompatible pairs) as \
        JSON, so tests can compare it with what `interlock check` finds. The same options give \
        byte-identical output. The text is streamed: a million initiatives take a few seconds \
        and about 30 MB of memory, for a 420 MB YAML file.

        Examples:
          interlock generate --initiatives 100000 --seed 7 -o big.yaml --manifest big-manifest.json
          interlock generate --initiatives 1000 --format json > small.json
        """
    )

    @Option(help: "Number of initiatives to generate (1 to 100,000,000).")
    var initiatives: Int

    @Option(help: "Seed of the random draws; the same seed gives byte-identical output.")
    var seed: UInt64 = 1

    @Option(help: "Number of business units (1 to 10,000).")
    var units: Int = 8

    @Option(help: "Output format: yaml or json (default: from the extension of -o, else yaml).")
    var format: PortfolioGenerator.Format?

    @Option(name: [.short, .customLong("output")], help: "Write the portfolio to this file (atomically) instead of standard output.")
    var output: String?

    @Option(help: "Write the manifest of injected faults (JSON) to this file.")
    var manifest: String?

    func validate() throws {
        guard (1...100_000_000).contains(initiatives) else {
            throw ValidationError("--initiatives must be between 1 and 100,000,000, got \(initiatives).")
        }
        guard (1...10_000).contains(units) else {
            throw ValidationError("--units must be between 1 and 10,000, got \(units).")
        }
        if let output, let manifest, URL(fileURLWithPath: output).standardized == URL(fileURLWithPath: manifest).standardized {
            throw ValidationError("--manifest must name another file than -o/--output.")
        }
    }

    /// The explicit format, else the one the output file's extension names, else YAML.
    var resolvedFormat: PortfolioGenerator.Format {
        if let format { return format }
        return output.map { URL(fileURLWithPath: $0).pathExtension.lowercased() } == "json" ? .json : .yaml
    }

    func run() throws {
        let generator = PortfolioGenerator(initiatives: initiatives, seed: seed, units: units)
        let started = Date()
        let generated = try OutputDestination(path: output).stream { try generator.write(resolvedFormat, to: $0) }
        if let manifest { try OutputDestination(path: manifest).write(generated.jsonData()) }
        if let output, standardErrorIsTerminal {
            let size = (try? FileManager.default.attributesOfItem(atPath: output)[.size] as? Int) ?? 0
            printToStandardError(String(format: "generated %d initiatives, %.1f MB, in %.2f s",
                                        initiatives, Double(size) / 1e6, Date().timeIntervalSince(started)))
        }
    }
}

extension PortfolioGenerator.Format: ExpressibleByArgument {}
