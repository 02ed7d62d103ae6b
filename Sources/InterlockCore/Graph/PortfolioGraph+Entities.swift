extension PortfolioGraph {
    /// The display name of `node`.
    public func name(of node: Int) -> String {
        let index = entityIndex(of: node)
        switch kind(of: node) {
        case .initiative: return portfolio.initiatives[index].name
        case .technology: return portfolio.technologies[index].name
        case .dataSource: return portfolio.dataSources[index].name
        case .capability: return portfolio.capabilities[index].name
        case .goal: return portfolio.goals[index].name
        case .unit: return portfolio.units[index].name
        case .person: return portfolio.people[index].name
        case .team: return portfolio.teams[index].name
        }
    }

    /// Where `node` was defined.
    public func location(of node: Int) -> SourceLocation {
        let index = entityIndex(of: node)
        switch kind(of: node) {
        case .initiative: return portfolio.initiatives[index].location
        case .technology: return portfolio.technologies[index].location
        case .dataSource: return portfolio.dataSources[index].location
        case .capability: return portfolio.capabilities[index].location
        case .goal: return portfolio.goals[index].location
        case .unit: return portfolio.units[index].location
        case .person: return portfolio.people[index].location
        case .team: return portfolio.teams[index].location
        }
    }

    /// The initiative at `node`, nil when `node` is of another kind.
    public func initiative(_ node: Int) -> Initiative? {
        kind(of: node) == .initiative ? portfolio.initiatives[entityIndex(of: node)] : nil
    }

    /// One field of an initiative node, read in place (`graph.field(\.budget, ofInitiative: node)`):
    /// far cheaper than copying the whole `Initiative` (and retaining its arrays) on paths that
    /// visit every initiative. The field is a function, which a key path literal converts to:
    /// applying a `KeyPath` value copied the whole initiative on every read (measured on a
    /// million initiatives), a function reads the element where it lies.
    @inlinable
    public func field<Value>(_ field: (Initiative) -> Value, ofInitiative node: Int) -> Value? {
        kind(of: node) == .initiative ? field(portfolio.initiatives[entityIndex(of: node)]) : nil
    }

    /// One field of a technology node, read in place.
    @inlinable
    public func field<Value>(_ field: (Technology) -> Value, ofTechnology node: Int) -> Value? {
        kind(of: node) == .technology ? field(portfolio.technologies[entityIndex(of: node)]) : nil
    }

    /// One field of a data source node, read in place.
    @inlinable
    public func field<Value>(_ field: (DataSource) -> Value, ofDataSource node: Int) -> Value? {
        kind(of: node) == .dataSource ? field(portfolio.dataSources[entityIndex(of: node)]) : nil
    }

    /// One field of a person node, read in place.
    @inlinable
    public func field<Value>(_ field: (Person) -> Value, ofPerson node: Int) -> Value? {
        kind(of: node) == .person ? field(portfolio.people[entityIndex(of: node)]) : nil
    }

    /// The status of an initiative node, read in place.
    @inlinable
    public func status(ofInitiative node: Int) -> InitiativeStatus? { field(\.status, ofInitiative: node) }

    /// The budget of an initiative node, read in place.
    @inlinable
    public func budget(ofInitiative node: Int) -> Double? { field(\.budget, ofInitiative: node) ?? nil }

    /// The technology at `node`, nil when `node` is of another kind.
    public func technology(_ node: Int) -> Technology? {
        kind(of: node) == .technology ? portfolio.technologies[entityIndex(of: node)] : nil
    }

    /// The data source at `node`, nil when `node` is of another kind.
    public func dataSource(_ node: Int) -> DataSource? {
        kind(of: node) == .dataSource ? portfolio.dataSources[entityIndex(of: node)] : nil
    }

    /// The capability at `node`, nil when `node` is of another kind.
    public func capability(_ node: Int) -> Capability? {
        kind(of: node) == .capability ? portfolio.capabilities[entityIndex(of: node)] : nil
    }

    /// The goal at `node`, nil when `node` is of another kind.
    public func goal(_ node: Int) -> Goal? {
        kind(of: node) == .goal ? portfolio.goals[entityIndex(of: node)] : nil
    }

    /// The business unit at `node`, nil when `node` is of another kind.
    public func unit(_ node: Int) -> BusinessUnit? {
        kind(of: node) == .unit ? portfolio.units[entityIndex(of: node)] : nil
    }

    /// The person at `node`, nil when `node` is of another kind.
    public func person(_ node: Int) -> Person? {
        kind(of: node) == .person ? portfolio.people[entityIndex(of: node)] : nil
    }

    /// The team at `node`, nil when `node` is of another kind.
    public func team(_ node: Int) -> Team? {
        kind(of: node) == .team ? portfolio.teams[entityIndex(of: node)] : nil
    }

    /// The unit node an initiative, person or team belongs to.
    public func unitNode(of node: Int) -> Int? { firstSuccessor(of: node, via: .inUnit) }

    /// The person or team node owning an initiative, technology or data source, when the owner exists.
    public func ownerNode(of node: Int) -> Int? { firstSuccessor(of: node, via: .ownedBy) }
}
