import InterlockCore
import Foundation

/// What a generated portfolio contains on purpose: its size and every fault injected into it,
/// so tests can assert the exact output of the detectors.
///
/// Guarantees of the generator, relied on by such tests:
/// - the only cycles of `dependsOn` are `cycles`, each a simple cycle with no other edge among
///   its members;
/// - the only initiatives without a valid owner are `unownedInitiatives`: every other one is
///   owned by an existing, active person or by an existing team;
/// - the only data sources without an owner are `unownedDataSources`; every technology has one;
/// - every reference names an existing id (no dangling references).
///
/// Incompatible technology pairs are declared, not forced: whether two initiatives actually use
/// both technologies of a pair depends on the draw.
public struct GeneratorManifest: Codable, Hashable, Sendable {
    /// How many entities of each kind the portfolio holds.
    public struct Counts: Codable, Hashable, Sendable {
        /// Number of initiatives.
        public var initiatives: Int
        /// Number of business units.
        public var units: Int
        /// Number of people, active or not.
        public var people: Int
        /// Number of people marked `active: false`.
        public var inactivePeople: Int
        /// Number of teams.
        public var teams: Int
        /// Number of goals.
        public var goals: Int
        /// Number of capabilities.
        public var capabilities: Int
        /// Number of technologies.
        public var technologies: Int
        /// Number of data sources.
        public var dataSources: Int
        /// Number of owner ids that deliberately name nobody (`former-1`, ...).
        public var formerOwners: Int
    }

    /// Why an injected initiative has no valid owner.
    public enum UnownedReason: String, Codable, Hashable, Sendable, CaseIterable {
        /// The initiative has no `owner` field.
        case none
        /// The owner id names no person or team.
        case unknown
        /// The owner is a person marked `active: false`.
        case inactive
    }

    /// An initiative injected without a valid owner.
    public struct UnownedInitiative: Codable, Hashable, Sendable {
        /// The initiative's id.
        public var initiative: String
        /// Why its owner is not valid.
        public var reason: UnownedReason
        /// The owner id written in the file, if any.
        public var owner: String?
    }

    /// Where an incompatible pair is declared in the portfolio.
    public enum PairDeclaration: String, Codable, Hashable, Sendable {
        /// In the first technology's `incompatibleWith`.
        case technology
        /// In `policy.incompatible`.
        case policy
    }

    /// A pair of technologies declared incompatible.
    public struct IncompatiblePair: Codable, Hashable, Sendable {
        /// The two technology ids, in the order of the technology list.
        public var technologies: [String]
        /// Where the pair is declared.
        public var declaredIn: PairDeclaration
    }

    /// The seed the portfolio was generated from.
    public var seed: UInt64
    /// Entity counts.
    public var counts: Counts
    /// The injected dependency cycles, each in dependency order (`[a, b, c]` means a depends on
    /// b, b on c, c on a) and starting at its smallest id; sorted by that id.
    public var cycles: [[String]]
    /// The injected unowned initiatives, sorted by id.
    public var unownedInitiatives: [UnownedInitiative]
    /// Data sources generated without an owner, sorted by id.
    public var unownedDataSources: [String]
    /// The declared incompatible pairs, sorted.
    public var incompatiblePairs: [IncompatiblePair]
    /// Categories listed in `policy.exclusiveCategories`.
    public var exclusiveCategories: [String]

    /// The manifest as pretty-printed JSON with sorted keys: byte-identical for the same seed.
    public func jsonData() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        var data = try encoder.encode(self)
        data.append(UInt8(ascii: "\n"))
        return data
    }
}
