import InterlockCore
/// Units, people, teams and goals.
extension PortfolioEmitter {
    func emitUnits<Writer: PortfolioTextWriter>(into writer: inout Writer) throws {
        try emitList("units", of: .unit, count: plan.counts.units, stream: .units, into: &writer) { writer, index, random in
            writer.field("name", text: Self.name(Vocabulary.units, index))
            // A shallow hierarchy under the first unit; parents precede children, so no cycle.
            if index > 0 {
                let parent = index > 1 && random.chance(0.3) ? random.int(in: 1...(index - 1)) : 0
                writer.field("parent", id: EntityRef(.unit, parent))
            }
        }
    }

    func emitPeople<Writer: PortfolioTextWriter>(into writer: inout Writer) throws {
        try emitList("people", of: .person, count: plan.counts.people, stream: .personNames, into: &writer) { writer, index, random in
            writer.field("name", text: random.element(of: Vocabulary.firstNames) + " " + random.element(of: Vocabulary.lastNames))
            writer.field("unit", id: EntityRef(.unit, random.int(below: plan.counts.units)))
            if !plan.isActive[index] { writer.field("active", bool: false) }
        }
    }

    func emitTeams<Writer: PortfolioTextWriter>(into writer: inout Writer) throws {
        var members: [EntityRef] = []
        try emitList("teams", of: .team, count: plan.counts.teams, stream: .teams, into: &writer) { writer, index, random in
            writer.field("name", text: Self.name(Vocabulary.teams, index))
            writer.field("unit", id: EntityRef(.unit, random.int(below: plan.counts.units)))
            // The first member is active, so no team is made only of people who have left.
            let lead = EntityRef(.person, plan.randomActivePerson(&random))
            drawDistinct(random.int(in: 1...5), into: &members) { EntityRef(.person, random.int(below: plan.counts.people)) }
            members.removeAll { $0 == lead }
            members.insert(lead, at: 0)
            writer.field("members", ids: members)
        }
    }

    func emitGoals<Writer: PortfolioTextWriter>(into writer: inout Writer) throws {
        try emitList("goals", of: .goal, count: plan.counts.goals, stream: .goals, into: &writer) { writer, index, _ in
            writer.field("name", text: Self.name(Vocabulary.goals, index))
        }
    }
}
