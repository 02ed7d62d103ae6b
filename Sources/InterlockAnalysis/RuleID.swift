/// The stable id of a rule, the key every finding carries (`dependency-cycle`, or a custom
/// rule's own id): a contract with CI baselines, SARIF consumers and scripts.
///
/// Each built-in detector declares its constant next to its code (`RuleID.dependencyCycle` in
/// `Detectors/DependencyCycle.swift`), so other targets name rules through the type, never as
/// string literals.
public struct RuleID: RawRepresentable, Hashable, Comparable, Sendable, Codable, CustomStringConvertible, ExpressibleByStringLiteral {
    /// The id as written in outputs (kebab-case).
    public let rawValue: String

    /// A rule id; any text, since custom rules choose their own.
    public init(rawValue: String) {
        self.rawValue = rawValue
    }

    /// A rule id; any text, since custom rules choose their own.
    public init(_ rawValue: String) {
        self.rawValue = rawValue
    }

    /// A custom rule's id written as a literal (`finding.rule == "large-initiative-team-owned"`);
    /// built-in rules have constants (`.dependencyCycle`).
    public init(stringLiteral value: String) {
        rawValue = value
    }

    /// The id as written in outputs.
    public var description: String { rawValue }

    /// Ordered by their text, as reports list rules.
    public static func < (lhs: RuleID, rhs: RuleID) -> Bool { lhs.rawValue < rhs.rawValue }

    /// Encoded as the bare string.
    public init(from decoder: any Decoder) throws {
        rawValue = try decoder.singleValueContainer().decode(String.self)
    }

    /// Encoded as the bare string.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}
