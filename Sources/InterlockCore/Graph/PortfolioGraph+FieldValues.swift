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
        let index = entityIndex(of: node)
        switch kind(of: node) {
        case .initiative: return Initiative.fields.fields[position].value(portfolio.initiatives[index])
        case .technology: return Technology.fields.fields[position].value(portfolio.technologies[index])
        case .dataSource: return DataSource.fields.fields[position].value(portfolio.dataSources[index])
        case .capability: return Capability.fields.fields[position].value(portfolio.capabilities[index])
        case .goal: return Goal.fields.fields[position].value(portfolio.goals[index])
        case .unit: return BusinessUnit.fields.fields[position].value(portfolio.units[index])
        case .person: return Person.fields.fields[position].value(portfolio.people[index])
        case .team: return Team.fields.fields[position].value(portfolio.teams[index])
        }
    }
}
