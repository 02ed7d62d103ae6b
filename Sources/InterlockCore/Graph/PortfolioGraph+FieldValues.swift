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
        visitEntities(of: kind, FieldReading(position: position))
    }

    /// A reader of the position of a `choice` field's value among its choices (see
    /// `EntityField.choicePosition`), resolved once like `fieldReader`; nil when the field at
    /// `position` is not a choice.
    public func choiceReader(at position: Int, of kind: NodeKind) -> (@Sendable (Int) -> Int?)? {
        visitEntities(of: kind, ChoiceReading(position: position))
    }

    /// What `visitor` makes of `kind`'s field table and entities: the one switch from a kind to
    /// its entity type for the readers above.
    private func visitEntities<Visitor: EntityVisitor>(of kind: NodeKind, _ visitor: Visitor) -> Visitor.Result {
        let start = storage.kindStarts[Int(kind.rawValue)], portfolio = storage.portfolio
        switch kind {
        case .initiative: return visitor.visit(Initiative.fields, portfolio.initiatives, start: start)
        case .technology: return visitor.visit(Technology.fields, portfolio.technologies, start: start)
        case .dataSource: return visitor.visit(DataSource.fields, portfolio.dataSources, start: start)
        case .capability: return visitor.visit(Capability.fields, portfolio.capabilities, start: start)
        case .goal: return visitor.visit(Goal.fields, portfolio.goals, start: start)
        case .unit: return visitor.visit(BusinessUnit.fields, portfolio.units, start: start)
        case .person: return visitor.visit(Person.fields, portfolio.people, start: start)
        case .team: return visitor.visit(Team.fields, portfolio.teams, start: start)
        }
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

/// Something made from one kind's field table and entities, whatever the entity type (a reader
/// of one field); `start` is the node of the first entity.
private protocol EntityVisitor {
    associatedtype Result
    func visit<Entity: Sendable>(_ table: EntityFields<Entity>, _ entities: [Entity], start: Int) -> Result
}

/// The reader of one field's value, by node.
private struct FieldReading: EntityVisitor {
    let position: Int

    func visit<Entity: Sendable>(_ table: EntityFields<Entity>, _ entities: [Entity], start: Int) -> @Sendable (Int) -> FieldValue? {
        let field = table.fields[position]
        return { node in entities.withUnsafeBufferPointer { $0.baseAddress.flatMap { field.read($0 + (node - start)) } } }
    }
}

/// The reader of one choice field's position, by node; nil for a field that is not a choice.
private struct ChoiceReading: EntityVisitor {
    let position: Int

    func visit<Entity: Sendable>(_ table: EntityFields<Entity>, _ entities: [Entity], start: Int) -> (@Sendable (Int) -> Int?)? {
        guard let choice = table.fields[position].choicePosition else { return nil }
        return { node in entities.withUnsafeBufferPointer { $0.baseAddress.flatMap { choice($0 + (node - start)) } } }
    }
}
