import InterlockCore
/// Capabilities, technologies and data sources: what initiatives deliver and share.
extension PortfolioEmitter {
    /// A capability tree with six roots; each parent precedes its children, so no cycle.
    func emitCapabilities<Writer: PortfolioTextWriter>(into writer: inout Writer) throws {
        try emitList("capabilities", of: .capability, count: plan.counts.capabilities, stream: .capabilities, into: &writer) {
            writer, index, _ in
            let round = index / (Vocabulary.capabilityNouns.count * Vocabulary.capabilityActivities.count)
            writer.field("name", text: Self.numbered(Self.capabilityPhrase(index), round: round))
            if index >= 6 { writer.field("parent", id: EntityRef(.capability, index / 6 - 1)) }
        }
    }

    /// "Customer onboarding": the noun and activity of a capability, without its serial.
    static func capabilityPhrase(_ capability: Int) -> String {
        let nouns = Vocabulary.capabilityNouns
        let activities = Vocabulary.capabilityActivities
        return nouns[capability % nouns.count] + " " + activities[(capability / nouns.count) % activities.count]
    }

    func emitTechnologies<Writer: PortfolioTextWriter>(into writer: inout Writer) throws {
        var incompatibleWith: [Int: [EntityRef]] = [:]
        for pair in plan.incompatiblePairs where pair.declaredIn == .technology {
            incompatibleWith[pair.first, default: []].append(EntityRef(.technology, pair.second))
        }
        let named = Vocabulary.technologies
        try emitList("technologies", of: .technology, count: plan.counts.technologies, stream: .technologies, into: &writer) {
            writer, index, random in
            if index < named.count {
                writer.field("name", text: named[index].name)
                writer.field("category", text: named[index].category)
                writer.field("vendor", text: named[index].vendor)
            } else {
                writer.field("name", text: Self.syntheticTechnologyName(index))
                writer.field("category", text: random.element(of: Vocabulary.technologyCategories))
                writer.field("vendor", text: random.element(of: Vocabulary.vendors))
            }
            let weights = index < named.count ? Vocabulary.namedLifecycleWeights : Vocabulary.syntheticLifecycleWeights
            let lifecycle = Vocabulary.lifecycles[random.index(weightedBy: weights)]
            writer.field("lifecycle", text: lifecycle)
            // Support ends soon for most technologies on hold or retired, and years ahead for a few others.
            let fading = lifecycle == "hold" || lifecycle == "retired"
            if random.chance(fading ? 0.6 : 0.1) {
                let january = CalendarDate(year: fading ? random.int(in: 2024...2028) : random.int(in: 2029...2035), month: 1, day: 1)
                writer.field("endOfLife", date: january.endOfMonth(after: random.chance(0.5) ? 5 : 11))
            }
            writer.field("owner", id: drawOwner(&random, teamShare: 0.3))
            if let partners = incompatibleWith[index] { writer.field("incompatibleWith", ids: partners) }
        }
    }

    /// "Nimbus Gateway", ..., then "Nimbus Gateway 2" once the combinations run out.
    private static func syntheticTechnologyName(_ index: Int) -> String {
        let prefixes = Vocabulary.technologyPrefixes
        let suffixes = Vocabulary.technologySuffixes
        let phrase = prefixes[index % prefixes.count] + " " + suffixes[(index / prefixes.count) % suffixes.count]
        return numbered(phrase, round: index / (prefixes.count * suffixes.count))
    }

    func emitDataSources<Writer: PortfolioTextWriter>(into writer: inout Writer) throws {
        // Named technologies come first in every portfolio, so their databases always exist.
        let databases = Vocabulary.technologies.indices.filter {
            Vocabulary.technologies[$0].category == Vocabulary.databaseCategory
        }
        try emitList("dataSources", of: .dataSource, count: plan.counts.dataSources, stream: .dataSources, into: &writer) {
            writer, index, random in
            let domain = Vocabulary.dataDomains[random.index(weightedBy: Vocabulary.dataDomainWeights)]
            writer.field("name", text: domain.prefix(1).uppercased() + domain.dropFirst() + " "
                + random.element(of: Vocabulary.dataStoreWords))
            writer.field("domain", text: domain)
            writer.field("classification", text: Self.classification(of: domain, &random))
            if !plan.unownedDataSources.contains(index) {
                writer.field("owner", id: drawOwner(&random, teamShare: 0.2))
            }
            writer.field("technology", id: EntityRef(.technology, random.element(of: databases)))
            if random.chance(0.15) { writer.field("systemOfRecord", bool: true) }
        }
    }

    /// Personal data is mostly `pii`, money `confidential`, the rest `internal` or `public`.
    private static func classification(of domain: String, _ random: inout SeededRandom) -> String {
        switch domain {
        case "customer", "employee": random.chance(0.8) ? "pii" : "confidential"
        case "finance": "confidential"
        default: random.chance(0.7) ? "internal" : "public"
        }
    }
}
