/// A relationship of the portfolio graph (DESIGN.md's relationship table).
public enum EdgeKind: UInt8, CaseIterable, Hashable, Sendable {
    /// Initiative → Initiative, Technology or DataSource, from `dependsOn`.
    case dependsOn
    /// Initiative → Technology, from `technologies` (with a version).
    case uses
    /// Initiative → DataSource, from `data` with `access: read`.
    case reads
    /// Initiative → DataSource, from `data` with `access: write`.
    case writes
    /// Initiative → Capability, from `capabilities`.
    case delivers
    /// Initiative → Goal, from `goals`.
    case supports
    /// Initiative, Technology or DataSource → Person or Team, from `owner`.
    case ownedBy
    /// Initiative, Person or Team → Unit, from `unit`.
    case inUnit
    /// Person → Team, from `teams[].members`.
    case memberOf
    /// DataSource → Technology, from `technology`.
    case hostedOn
    /// Technology → Technology, from `incompatibleWith` and `policy.incompatible`.
    case incompatibleWith
    /// Capability → Capability or Unit → Unit, from `parent`.
    case partOf
    /// Unit → Person, from `head`.
    case headedBy

    /// The relationship type queries and exports use (`DEPENDS_ON`, ...).
    public var relationshipType: String {
        switch self {
        case .dependsOn: "DEPENDS_ON"
        case .uses: "USES"
        case .reads: "READS"
        case .writes: "WRITES"
        case .delivers: "DELIVERS"
        case .supports: "SUPPORTS"
        case .ownedBy: "OWNED_BY"
        case .inUnit: "IN_UNIT"
        case .memberOf: "MEMBER_OF"
        case .hostedOn: "HOSTED_ON"
        case .incompatibleWith: "INCOMPATIBLE_WITH"
        case .partOf: "PART_OF"
        case .headedBy: "HEADED_BY"
        }
    }

    /// The kind with this relationship type, if any.
    public init?(relationshipType: String) {
        guard let kind = EdgeKind.allCases.first(where: { $0.relationshipType == relationshipType }) else { return nil }
        self = kind
    }
}

/// A set of edge kinds, one bit each, for filters on hot paths.
public struct EdgeKindSet: OptionSet, Hashable, Sendable {
    /// The bits, one per `EdgeKind.rawValue`.
    public let rawValue: UInt16

    /// Creates a set from its bits.
    public init(rawValue: UInt16) { self.rawValue = rawValue }

    /// The set holding one kind.
    public init(_ kind: EdgeKind) { self.rawValue = 1 << UInt16(kind.rawValue) }

    /// The set holding the given kinds.
    public init(_ kinds: [EdgeKind]) { self = kinds.reduce(into: EdgeKindSet()) { $0.formUnion(EdgeKindSet($1)) } }

    /// True when `kind` is in the set.
    @inlinable public func contains(_ kind: EdgeKind) -> Bool { rawValue & (1 << UInt16(kind.rawValue)) != 0 }
}
