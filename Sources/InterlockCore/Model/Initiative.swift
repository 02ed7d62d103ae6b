/// Where an initiative is in its life.
public enum InitiativeStatus: String, CaseIterable, Hashable, Sendable {
    /// Proposed, not approved.
    case idea
    /// Approved, not started (the default).
    case planned
    /// Being built.
    case inProgress = "in-progress"
    /// In production.
    case live
    /// Stopped or decommissioned: no longer a risk.
    case retired
}

/// One technology an initiative uses, with the version when the portfolio names one (`java@17`).
public struct TechnologyUse: Hashable, Sendable {
    /// The technology id.
    public var technology: String
    /// The version after `@`, if any.
    public var version: String?

    /// Creates a technology use.
    public init(technology: String, version: String? = nil) {
        self.technology = technology
        self.version = version
    }

    /// The use as the format writes it: `java@17`, or the id alone.
    public var written: String { version.map { technology + "@" + $0 } ?? technology }

    /// The leading number of the version (`17` of `17.0.2`), used to compare major versions.
    public var majorVersion: String? { version.flatMap(Self.majorVersion(of:)) }

    /// The leading number of a version text (`17` of `17.0.2`), nil when it has none.
    public static func majorVersion(of version: String) -> String? {
        let major = version.prefix { $0 != "." && $0 != "-" }
        return major.isEmpty ? nil : String(major)
    }
}

/// Whether an initiative reads or writes a data source.
public enum DataAccess: String, CaseIterable, Hashable, Sendable {
    /// Reads only.
    case read
    /// Writes (and usually reads).
    case write
}

/// One data source an initiative touches.
public struct DataUse: Hashable, Sendable {
    /// The data source id.
    public var source: String
    /// Read or write.
    public var access: DataAccess

    /// Creates a data use.
    public init(source: String, access: DataAccess) {
        self.source = source
        self.access = access
    }
}

/// A digital initiative (`initiatives:`): a project, product or programme that spends budget to deliver capabilities.
public struct Initiative: Hashable, Sendable {
    /// The largest budget accepted: a thousand trillion, beyond any organisation's, and below
    /// 2^53, so every amount and every sum of a few of them is exact to the unit as a `Double`.
    /// Sums of many are Doubles too: they lose cents past 2^53 but never trap.
    public static let maximumBudget = 1e15

    /// Unique id in the portfolio.
    public var id: String
    /// Display name.
    public var name: String
    /// The business unit id running it.
    public var unit: String?
    /// The accountable person or team id.
    public var owner: String?
    /// Life-cycle status (default `planned`).
    public var status: InitiativeStatus
    /// Budget in the portfolio's currency.
    public var budget: Double?
    /// First day of work.
    public var start: Day?
    /// Day of delivery.
    public var end: Day?
    /// Capability ids it delivers.
    public var capabilities: [String]
    /// Technologies it uses.
    public var technologies: [TechnologyUse]
    /// Data sources it reads or writes.
    public var data: [DataUse]
    /// Ids of initiatives, technologies or data sources it cannot work without.
    public var dependsOn: [String]
    /// Goal ids it serves.
    public var goals: [String]
    /// Free tags.
    public var tags: [String]
    /// Where the initiative was defined.
    public var location: SourceLocation

    /// Creates an initiative.
    public init(
        id: String, name: String, unit: String? = nil, owner: String? = nil, status: InitiativeStatus = .planned,
        budget: Double? = nil, start: Day? = nil, end: Day? = nil, capabilities: [String] = [],
        technologies: [TechnologyUse] = [], data: [DataUse] = [], dependsOn: [String] = [], goals: [String] = [],
        tags: [String] = [], location: SourceLocation
    ) {
        self.id = id
        self.name = name
        self.unit = unit
        self.owner = owner
        self.status = status
        self.budget = budget
        self.start = start
        self.end = end
        self.capabilities = capabilities
        self.technologies = technologies
        self.data = data
        self.dependsOn = dependsOn
        self.goals = goals
        self.tags = tags
        self.location = location
    }
}

extension Initiative {
    /// The fields of an initiative in the format, in the order of `docs/portfolio.schema.json`.
    public static let fields = EntityFields<Initiative>(id: { $0.pointee.id }, name: { $0.pointee.name }, [
        EntityField("unit", .reference) { .text(ifAny: $0.pointee.unit) },
        EntityField("owner", .reference) { .text(ifAny: $0.pointee.owner) },
        EntityField("status", choice: InitiativeStatus.self) { $0.pointee.status },
        EntityField("budget", .number) { $0.pointee.budget.map(FieldValue.number) },
        EntityField("start", .date) { .day($0.pointee.start) },
        EntityField("end", .date) { .day($0.pointee.end) },
        EntityField("capabilities", .references) { .list($0.pointee.capabilities) },
        EntityField("technologies", .technologyUses) { .list($0.pointee.technologies.map(\.written)) },
        EntityField("data", .dataUses) { .list($0.pointee.data.map { "\($0.source) (\($0.access.rawValue))" }) },
        EntityField("dependsOn", .references) { .list($0.pointee.dependsOn) },
        EntityField("goals", .references) { .list($0.pointee.goals) },
        EntityField("tags", .texts) { .list($0.pointee.tags) },
    ])
}
