import InterlockCore
/// Initiatives: drawn one at a time and written at once, so their number does not bound memory.
extension PortfolioEmitter {
    /// Reusable lists for one initiative, cleared and refilled for each, so the loop allocates
    /// no new arrays.
    private struct Lists {
        var capabilities: [EntityRef] = []
        var technologies: [EntityRef] = []
        var dataSources: [EntityRef] = []
        var dataUses: [(source: EntityRef, access: String)] = []
        var dependencies: [EntityRef] = []
        var goals: [EntityRef] = []
    }

    func emitInitiatives<Writer: PortfolioTextWriter>(into writer: inout Writer) throws {
        var lists = Lists()
        try emitList("initiatives", of: .initiative, count: plan.counts.initiatives, stream: .initiatives, into: &writer) {
            writer, index, random in
            drawDistinct(1 + (random.chance(0.35) ? 1 : 0) + (random.chance(0.1) ? 1 : 0), into: &lists.capabilities) {
                EntityRef(.capability, plan.capability(atRank: plan.capabilityPopularity.sample(&random)))
            }
            writer.field("name", text: Self.capabilityPhrase(lists.capabilities[0].index) + " "
                + random.element(of: Vocabulary.projectWords))
            writer.field("unit", id: EntityRef(.unit, random.int(below: plan.counts.units)))
            writeOwner(of: index, into: &writer, &random)
            let status = Vocabulary.statuses[random.index(weightedBy: Vocabulary.statusWeights)]
            writer.field("status", text: status)
            if random.chance(0.92) {
                writer.field("budget", integer: 25_000 * random.int(in: 1...40) * random.int(in: 1...5))
            }
            if status != "idea" || random.chance(0.5) {
                let start = CalendarDate(year: random.int(in: 2024...2027), month: random.int(in: 1...12), day: 1)
                writer.field("start", date: start)
                writer.field("end", date: start.endOfMonth(after: random.int(in: 2...23)))
            }
            writer.field("capabilities", ids: lists.capabilities)
            writeTechnologies(into: &writer, &lists.technologies, &random)
            writeData(into: &writer, &lists, &random)
            writeDependencies(of: index, into: &writer, &lists.dependencies, &random)
            drawDistinct(random.index(weightedBy: [20, 60, 20]), into: &lists.goals) {
                EntityRef(.goal, random.int(below: plan.counts.goals))
            }
            if !lists.goals.isEmpty { writer.field("goals", ids: lists.goals) }
            if random.chance(0.15) { writer.field("tags", words: [random.element(of: Vocabulary.tags)]) }
        }
    }

    /// An active person or a team, except for the initiatives the plan leaves unowned.
    private func writeOwner<Writer: PortfolioTextWriter>(of initiative: Int, into writer: inout Writer, _ random: inout SeededRandom) {
        switch plan.unowned[initiative] {
        case nil: writer.field("owner", id: drawOwner(&random, teamShare: 0.25))
        case .none?: break
        case .unknown(let former)?: writer.field("owner", id: EntityRef(.formerOwner, former))
        case .inactive(let person)?: writer.field("owner", id: EntityRef(.person, person))
        }
    }

    /// One to five technologies by popularity, most versioned ones pinned (`java@17`).
    private func writeTechnologies<Writer: PortfolioTextWriter>(
        into writer: inout Writer, _ technologies: inout [EntityRef], _ random: inout SeededRandom
    ) {
        // Distinct technologies first, then their versions: one technology appears once.
        drawDistinct(1 + random.index(weightedBy: [25, 35, 25, 10, 5]), into: &technologies) {
            EntityRef(.technology, plan.technologyPopularity.sample(&random))
        }
        for position in technologies.indices {
            let technology = technologies[position].index
            let versions = plan.versionCount(ofTechnology: technology)
            if versions > 0, random.chance(0.85) {
                technologies[position] = EntityRef(.technology, technology, version: random.int(below: versions))
            }
        }
        writer.field("technologies", ids: technologies)
    }

    /// Up to three data sources by popularity, read or (less often) written.
    private func writeData<Writer: PortfolioTextWriter>(
        into writer: inout Writer, _ lists: inout Lists, _ random: inout SeededRandom
    ) {
        drawDistinct(random.index(weightedBy: [30, 35, 25, 10]), into: &lists.dataSources) {
            EntityRef(.dataSource, plan.dataSourcePopularity.sample(&random))
        }
        guard !lists.dataSources.isEmpty else { return }
        lists.dataUses.removeAll(keepingCapacity: true)
        for source in lists.dataSources {
            lists.dataUses.append((source, random.chance(0.3) ? "write" : "read"))
        }
        writer.field("data", dataUses: lists.dataUses)
    }

    /// Dependencies on lower-numbered initiatives only, so the portfolio is acyclic except for
    /// the injected cycles: a cycle member depends on the next member, and otherwise only on
    /// initiatives below its cycle's lowest member, which can never lead back into the cycle.
    /// Now and then an initiative also depends on a technology or a data source.
    private func writeDependencies<Writer: PortfolioTextWriter>(
        of initiative: Int, into writer: inout Writer, _ dependencies: inout [EntityRef], _ random: inout SeededRandom
    ) {
        let link = plan.cycleLinks[initiative]
        let floor = link?.floor ?? initiative
        drawDistinct(min(floor, random.index(weightedBy: [30, 35, 20, 15])), into: &dependencies) {
            // A popular platform among the first initiatives, or a recent neighbour.
            let platform = random.chance(0.4) ? plan.platformPopularity.sample(&random) : floor
            return EntityRef(.initiative, platform < floor ? platform : floor - 1 - random.int(below: min(floor, 200)))
        }
        if let link { dependencies.append(EntityRef(.initiative, link.next)) }
        if random.chance(0.05) {
            dependencies.append(EntityRef(.technology, plan.technologyPopularity.sample(&random)))
        }
        if random.chance(0.03) {
            dependencies.append(EntityRef(.dataSource, plan.dataSourcePopularity.sample(&random)))
        }
        if !dependencies.isEmpty { writer.field("dependsOn", ids: dependencies) }
    }
}
