/// A business unit (`units:`), the level at which budgets and accountability are organised.
public struct BusinessUnit: Hashable, Sendable {
    /// Unique id in the portfolio.
    public var id: String
    /// Display name.
    public var name: String
    /// The enclosing unit's id, if any.
    public var parent: String?
    /// Where the unit was defined.
    public var location: SourceLocation

    /// Creates a business unit.
    public init(id: String, name: String, parent: String? = nil, location: SourceLocation) {
        self.id = id
        self.name = name
        self.parent = parent
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
    /// False once the person has left: what they own is then effectively unowned.
    public var active: Bool
    /// Where the person was defined.
    public var location: SourceLocation

    /// Creates a person.
    public init(id: String, name: String, unit: String? = nil, active: Bool = true, location: SourceLocation) {
        self.id = id
        self.name = name
        self.unit = unit
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
