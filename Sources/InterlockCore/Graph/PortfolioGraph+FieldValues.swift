extension NodeKind {
    /// The names and types of the fields of this kind's entity, in the format's order (the
    /// entity's `fields` table without its readers, for code that works on any kind).
    public var fields: [(name: String, type: FieldType)] { Self.fieldsByKind[Int(rawValue)] }

    private static let fieldsByKind: [[(name: String, type: FieldType)]] = [
        described(Initiative.fields), described(Technology.fields), described(DataSource.fields),
        described(Capability.fields), described(Goal.fields), described(BusinessUnit.fields),
        described(Person.fields), described(Team.fields),
    ]

    private static func described<Entity>(_ table: EntityFields<Entity>) -> [(name: String, type: FieldType)] {
        table.fields.map { ($0.name, $0.type) }
    }
}

extension PortfolioGraph {
    /// The value of the field at `position` in `kind(of: node).fields`, read in place from the
    /// node's entity; nil when the entity leaves it out.
    public func fieldValue(at position: Int, of node: Int) -> FieldValue? {
        let index = entityIndex(of: node), portfolio = storage.portfolio
        switch kind(of: node) {
        case .initiative: return Initiative.fields.fields[position].value(in: portfolio.initiatives, at: index)
        case .technology: return Technology.fields.fields[position].value(in: portfolio.technologies, at: index)
        case .dataSource: return DataSource.fields.fields[position].value(in: portfolio.dataSources, at: index)
        case .capability: return Capability.fields.fields[position].value(in: portfolio.capabilities, at: index)
        case .goal: return Goal.fields.fields[position].value(in: portfolio.goals, at: index)
        case .unit: return BusinessUnit.fields.fields[position].value(in: portfolio.units, at: index)
        case .person: return Person.fields.fields[position].value(in: portfolio.people, at: index)
        case .team: return Team.fields.fields[position].value(in: portfolio.teams, at: index)
        }
    }
}

extension PortfolioGraph {
    /// A reader of the field at `position` in `kind.fields`, resolved once: given a node of
    /// that kind, the field's value read in place (nil when the entity leaves it out). For code
    /// that reads one field of many nodes, as a query reads a property on every row: the kind's
    /// table, entity array and field are looked up here, not on every read.
    public func fieldReader(at position: Int, of kind: NodeKind) -> @Sendable (Int) -> FieldValue? {
        let start = storage.kindStarts[Int(kind.rawValue)], portfolio = storage.portfolio
        switch kind {
        case .initiative: return Self.reader(Initiative.fields.fields[position], portfolio.initiatives, start: start)
        case .technology: return Self.reader(Technology.fields.fields[position], portfolio.technologies, start: start)
        case .dataSource: return Self.reader(DataSource.fields.fields[position], portfolio.dataSources, start: start)
        case .capability: return Self.reader(Capability.fields.fields[position], portfolio.capabilities, start: start)
        case .goal: return Self.reader(Goal.fields.fields[position], portfolio.goals, start: start)
        case .unit: return Self.reader(BusinessUnit.fields.fields[position], portfolio.units, start: start)
        case .person: return Self.reader(Person.fields.fields[position], portfolio.people, start: start)
        case .team: return Self.reader(Team.fields.fields[position], portfolio.teams, start: start)
        }
    }

    private static func reader<Entity: Sendable>(
        _ field: EntityField<Entity>, _ entities: [Entity], start: Int
    ) -> @Sendable (Int) -> FieldValue? {
        { node in entities.withUnsafeBufferPointer { $0.baseAddress.flatMap { field.read($0 + (node - start)) } } }
    }

    /// Whether `node` and `other`'s node `otherNode` are the same entity, field for field and
    /// written at the same place: a cheap test that lets a comparison of two versions skip what
    /// did not change (nearly everything, when a scenario changes one node of 100,000).
    public func isUnchanged(_ node: Int, in other: PortfolioGraph, as otherNode: Int) -> Bool {
        guard kind(of: node) == other.kind(of: otherNode) else { return false }
        let (index, otherIndex) = (entityIndex(of: node), other.entityIndex(of: otherNode))
        switch kind(of: node) {
        case .initiative: return portfolio.initiatives[index] == other.portfolio.initiatives[otherIndex]
        case .technology: return portfolio.technologies[index] == other.portfolio.technologies[otherIndex]
        case .dataSource: return portfolio.dataSources[index] == other.portfolio.dataSources[otherIndex]
        case .capability: return portfolio.capabilities[index] == other.portfolio.capabilities[otherIndex]
        case .goal: return portfolio.goals[index] == other.portfolio.goals[otherIndex]
        case .unit: return portfolio.units[index] == other.portfolio.units[otherIndex]
        case .person: return portfolio.people[index] == other.portfolio.people[otherIndex]
        case .team: return portfolio.teams[index] == other.portfolio.teams[otherIndex]
        }
    }
}
