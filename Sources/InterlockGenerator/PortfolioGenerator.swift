import InterlockCore
import Foundation

/// Generates large, realistic portfolios in the documented format, for tests and benchmarks.
///
/// The text is written directly, record by record, never through a document tree, so a million
/// initiatives take seconds and little memory. The same parameters give byte-identical output.
/// What the portfolio contains on purpose (cycles, unowned initiatives, incompatible pairs) is
/// described by its ``GeneratorManifest``.
///
/// ```swift
/// let generator = PortfolioGenerator(initiatives: 100_000, seed: 7)
/// let manifest = try generator.write(.yaml, to: FileHandle(forWritingTo: url))
/// let json = generator.text(.json)   // small portfolios, in memory
/// ```
///
/// What it draws, per `N` initiatives: `N/3` people (8% inactive), `N/40` teams, `N/6`
/// capabilities and `N/10` technologies with Zipf popularity (so capabilities are duplicated and
/// a few technologies are everywhere), `N/20` data sources (12% without owner), dependencies on
/// lower-numbered initiatives only, and the injected faults listed in the manifest.
public struct PortfolioGenerator: Sendable {
    /// The text format of the generated portfolio.
    public enum Format: String, CaseIterable, Sendable {
        /// Block-style YAML with inline lists.
        case yaml
        /// JSON, one record per line.
        case json
    }

    /// Number of initiatives.
    public let initiatives: Int
    /// The seed every random draw derives from.
    public let seed: UInt64
    /// Number of business units.
    public let units: Int

    /// - Precondition: `initiatives >= 1` and `units >= 1`.
    public init(initiatives: Int, seed: UInt64 = 1, units: Int = 8) {
        precondition(initiatives >= 1, "a generated portfolio needs at least one initiative")
        precondition(units >= 1, "a generated portfolio needs at least one unit")
        self.initiatives = initiatives
        self.seed = seed
        self.units = units
    }

    /// The manifest of the portfolio these parameters generate, without generating it.
    /// - Complexity: O(N) for the plan (people and popularity tables), no text.
    public func manifest() -> GeneratorManifest {
        GenerationPlan(initiatives: initiatives, seed: seed, units: units).manifest()
    }

    /// Writes the portfolio to `handle`, in chunks of about a megabyte.
    /// - Returns: the manifest of what was injected.
    /// - Throws: the handle's write error.
    @discardableResult
    public func write(_ format: Format, to handle: FileHandle) throws -> GeneratorManifest {
        let plan = GenerationPlan(initiatives: initiatives, seed: seed, units: units)
        _ = try emit(plan, format, into: ByteSink(handle: handle))
        return plan.manifest()
    }

    /// The portfolio as text in memory; for small portfolios (tests, examples).
    public func text(_ format: Format) -> Data {
        let plan = GenerationPlan(initiatives: initiatives, seed: seed, units: units)
        do {
            return Data(try emit(plan, format, into: ByteSink(handle: nil)))
        } catch {
            // An in-memory sink never writes to a handle, so nothing in emitting can throw.
            preconditionFailure("writing to memory failed: \(error)")
        }
    }

    private func emit(_ plan: GenerationPlan, _ format: Format, into sink: ByteSink) throws -> [UInt8] {
        let emitter = PortfolioEmitter(plan: plan)
        switch format {
        case .yaml:
            var writer = YAMLPortfolioWriter(sink: sink, ids: plan.ids)
            try emitter.emit(into: &writer)
            return try writer.endDocument()
        case .json:
            var writer = JSONPortfolioWriter(sink: sink, ids: plan.ids)
            try emitter.emit(into: &writer)
            return try writer.endDocument()
        }
    }
}
