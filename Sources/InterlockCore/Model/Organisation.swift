/// A business unit (`units:`), the level at which budgets and accountability are organised.
public struct BusinessUnit: Hashable, Sendable {
    /// Unique id in the portfolio.
    public var id: String
    /// Display name.
    public var name: String
    /// The enclosing unit's id, if any.
    public var parent: String?
    /// The person who heads the unit: who must name an owner when one of its initiatives has none.
    public var head: String?
    /// Where the unit was defined.
    public var location: SourceLocation

    /// Creates a business unit.
    public init(id: String, name: String, parent: String? = nil, head: String? = nil, location: SourceLocation) {
        self.id = id
        self.name = name
        self.parent = parent
        self.head = head
        self.location = location
    }
}

/// A person (`people:`) who can own initiatives, technologies and data sources.
public struct Person: Hashable, Sendable {
    /// Unique id in the portfolio.
    public var id: String
    /// Display name.
    public var name: String
    /// The person's business unit id.
    public var unit: String?
    /// The person's role as the board knows it ("CIO", "Head of Sales").
    public var role: String?
    /// False once the person has left: what they own is then effectively unowned.
    public var active: Bool
    /// Where the person was defined.
    public var location: SourceLocation

    /// Creates a person.
    public init(id: String, name: String, unit: String? = nil, role: String? = nil, active: Bool = true, location: SourceLocation) {
        self.id = id
        self.name = name
        self.unit = unit
        self.role = role
        self.active = active
        self.location = location
    }
}

/// A team (`teams:`): a group of people that can own things collectively.
public struct Team: Hashable, Sendable {
    /// Unique id in the portfolio.
    public var id: String
    /// Display name.
    public var name: String
    /// The team's business unit id.
    public var unit: String?
    /// Ids of the people in the team.
    public var members: [String]
    /// Where the team was defined.
    public var location: SourceLocation

    /// Creates a team.
    public init(id: String, name: String, unit: String? = nil, members: [String] = [], location: SourceLocation) {
        self.id = id
        self.name = name
        self.unit = unit
        self.members = members
        self.location = location
    }
}

/// A strategic goal (`goals:`): part of the vision initiatives should serve.
public struct Goal: Hashable, Sendable {
    /// Unique id in the portfolio.
    public var id: String
    /// Display name.
    public var name: String
    /// A longer statement of the goal.
    public var description: String?
    /// Where the goal was defined.
    public var location: SourceLocation

    /// Creates a goal.
    public init(id: String, name: String, description: String? = nil, location: SourceLocation) {
        self.id = id
        self.name = name
        self.description = description
        self.location = location
    }
}

/// A business capability (`capabilities:`), what the organisation is able to do, independent of who builds it.
public struct Capability: Hashable, Sendable {
    /// Unique id in the portfolio.
    public var id: String
    /// Display name.
    public var name: String
    /// The enclosing capability's id, if any.
    public var parent: String?
    /// Where the capability was defined.
    public var location: SourceLocation

    /// Creates a capability.
    public init(id: String, name: String, parent: String? = nil, location: SourceLocation) {
        self.id = id
        self.name = name
        self.parent = parent
        self.location = location
    }
}

extension BusinessUnit {
    /// The fields of a business unit in the format, in the order of `docs/portfolio.schema.json`.
    public static let fields = EntityFields<BusinessUnit>(id: { $0.pointee.id }, name: { $0.pointee.name }, [
        EntityField("parent", .reference) { .text(ifAny: $0.pointee.parent) },
        EntityField("head", .reference) { .text(ifAny: $0.pointee.head) },
    ])
}

extension Person {
    /// The fields of a person in the format, in the order of `docs/portfolio.schema.json`.
    public static let fields = EntityFields<Person>(id: { $0.pointee.id }, name: { $0.pointee.name }, [
        EntityField("unit", .reference) { .text(ifAny: $0.pointee.unit) },
        EntityField("role", .text) { .text(ifAny: $0.pointee.role) },
        EntityField("active", .boolean) { .boolean($0.pointee.active) },
    ])
}

extension Team {
    /// The fields of a team in the format, in the order of `docs/portfolio.schema.json`.
    public static let fields = EntityFields<Team>(id: { $0.pointee.id }, name: { $0.pointee.name }, [
        EntityField("unit", .reference) { .text(ifAny: $0.pointee.unit) },
        EntityField("members", .references) { .list($0.pointee.members) },
    ])
}

extension Goal {
    /// The fields of a goal in the format, in the order of `docs/portfolio.schema.json`.
    public static let fields = EntityFields<Goal>(id: { $0.pointee.id }, name: { $0.pointee.name }, [
        EntityField("description", .text) { .text(ifAny: $0.pointee.description) },
    ])
}

extension Capability {
    /// The fields of a capability in the format, in the order of `docs/portfolio.schema.json`.
    public static let fields = EntityFields<Capability>(id: { $0.pointee.id }, name: { $0.pointee.name }, [
        EntityField("parent", .reference) { .text(ifAny: $0.pointee.parent) },
    ])
}
