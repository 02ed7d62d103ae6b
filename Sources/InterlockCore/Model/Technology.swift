/// Where a technology stands in the organisation's technology radar.
public enum Lifecycle: String, CaseIterable, Hashable, Sendable {
    /// Recommended for new work.
    case adopt
    /// Being tried on limited work.
    case trial
    /// Being evaluated.
    case assess
    /// No new work should start on it.
    case hold
    /// Out of service.
    case retired
}

/// A technology (`technologies:`): a product, platform, language or service initiatives build on.
public struct Technology: Hashable, Sendable {
    /// Unique id in the portfolio.
    public var id: String
    /// Display name.
    public var name: String
    /// A free category such as `database` or `crm-platform` (see `Policy.exclusiveCategories`).
    public var category: String?
    /// The vendor.
    public var vendor: String?
    /// Radar position; nil when not assessed.
    public var lifecycle: Lifecycle?
    /// The day support ends.
    public var endOfLife: Day?
    /// The owning person or team id.
    public var owner: String?
    /// Ids of technologies that cannot be combined with this one.
    public var incompatibleWith: [String]
    /// Where the technology was defined.
    public var location: SourceLocation

    /// Creates a technology.
    public init(
        id: String, name: String, category: String? = nil, vendor: String? = nil, lifecycle: Lifecycle? = nil,
        endOfLife: Day? = nil, owner: String? = nil, incompatibleWith: [String] = [], location: SourceLocation
    ) {
        self.id = id
        self.name = name
        self.category = category
        self.vendor = vendor
        self.lifecycle = lifecycle
        self.endOfLife = endOfLife
        self.owner = owner
        self.incompatibleWith = incompatibleWith
        self.location = location
    }
}

extension Technology {
    /// The fields of a technology in the format, in the order of `docs/portfolio.schema.json`.
    public static let fields = EntityFields<Technology>(id: { $0.pointee.id }, name: { $0.pointee.name }, [
        EntityField("category", .text) { .text(ifAny: $0.pointee.category) },
        EntityField("vendor", .text) { .text(ifAny: $0.pointee.vendor) },
        EntityField("lifecycle", choice: Lifecycle.self) { $0.pointee.lifecycle },
        EntityField("endOfLife", .date) { .day($0.pointee.endOfLife) },
        EntityField("owner", .reference) { .text(ifAny: $0.pointee.owner) },
        EntityField("incompatibleWith", .references) { .list($0.pointee.incompatibleWith) },
    ])
}
