import InterlockCore
/// Everything decided before the first byte is written: entity counts, who is active, the
/// popularity of technologies and capabilities, and the faults injected on purpose.
///
/// The plan takes memory proportional to the number of people, technologies and capabilities
/// (a few bytes each) and to the number of injected faults; initiatives are drawn one at a time
/// while writing and never held.
struct GenerationPlan: Sendable {
    /// Independent random streams, so each part of the generation draws its own values.
    enum Stream: UInt64 {
        case people = 1, cycles, unowned, incompatible, unownedData, technologyVersions
        case units, personNames, teams, goals, capabilities, technologies, dataSources, initiatives
    }

    /// How an injected unowned initiative names (or does not name) its owner.
    enum InjectedOwner: Sendable {
        case none
        case unknown(formerOwner: Int)
        case inactive(person: Int)
    }

    /// An injected cycle seen from one member: the member it depends on next, and the lowest
    /// member of its cycle, below which all its other initiative dependencies must stay.
    struct CycleLink: Sendable {
        let next: Int
        let floor: Int
    }

    /// A declared incompatible pair of technology indices, `first < second`.
    struct IncompatiblePair: Sendable {
        let first: Int
        let second: Int
        let declaredIn: GeneratorManifest.PairDeclaration
    }

    let seed: UInt64
    let counts: GeneratorManifest.Counts
    let ids: IDScheme

    let isActive: [Bool]
    let activePeople: [Int]
    /// Synthetic technologies' version counts (0: unversioned); named ones use the vocabulary.
    let syntheticVersionCounts: [UInt8]

    let technologyPopularity: ZipfSampler
    let capabilityPopularity: ZipfSampler
    /// Scatters capability popularity ranks over the capability tree (rank → index), so the
    /// popular capabilities are not all roots. A bijection: `rank * multiplier + 1 mod count`.
    let capabilityScatter: Int
    let dataSourcePopularity: ZipfSampler
    /// Popularity of the first initiatives as dependencies: platforms many others build on.
    let platformPopularity: ZipfSampler

    /// Injected cycles, each in dependency order starting at its lowest initiative index.
    let cycles: [[Int]]
    let cycleLinks: [Int: CycleLink]
    let unowned: [Int: InjectedOwner]
    let incompatiblePairs: [IncompatiblePair]
    let unownedDataSources: Set<Int>

    /// - Precondition: `initiatives >= 1`, `units >= 1`.
    init(initiatives: Int, seed: UInt64, units: Int) {
        precondition(initiatives >= 1 && units >= 1, "a portfolio needs at least one initiative and one unit")
        self.seed = seed
        let people = max(20, initiatives / 3)
        let technologies = max(Vocabulary.technologies.count, initiatives / 10)
        let capabilities = max(10, initiatives / 6)
        let dataSources = max(5, initiatives / 20)

        var random = SeededRandom(seed: seed, stream: Stream.people.rawValue)
        var isActive = (0..<people).map { _ in !random.chance(0.08) }
        // The inactive-owner fault needs one inactive person, every other owner an active one.
        if !isActive.contains(false) { isActive[people - 1] = false }
        if !isActive.contains(true) { isActive[0] = true }
        self.isActive = isActive
        activePeople = isActive.indices.filter { isActive[$0] }

        random = SeededRandom(seed: seed, stream: Stream.technologyVersions.rawValue)
        syntheticVersionCounts = (Vocabulary.technologies.count..<technologies).map { _ in
            random.chance(0.25) ? UInt8(random.int(in: 2...4)) : 0
        }

        technologyPopularity = ZipfSampler(count: technologies, offset: 1)
        capabilityPopularity = ZipfSampler(count: capabilities, offset: 2)
        capabilityScatter = [7919, 104_729, 1_299_709, 15_485_863].first { Self.gcd($0, capabilities) == 1 } ?? 1
        dataSourcePopularity = ZipfSampler(count: dataSources, offset: 5)
        platformPopularity = ZipfSampler(count: min(initiatives, 1000))

        cycles = Self.drawCycles(initiatives: initiatives, seed: seed)
        var links: [Int: CycleLink] = [:]
        for cycle in cycles {
            let floor = cycle[0]
            for (position, member) in cycle.enumerated() {
                links[member] = CycleLink(next: cycle[(position + 1) % cycle.count], floor: floor)
            }
        }
        cycleLinks = links

        unowned = Self.drawUnowned(initiatives: initiatives, seed: seed, isActive: isActive)
        let formerOwners = unowned.values.filter { if case .unknown = $0 { true } else { false } }.count

        counts = GeneratorManifest.Counts(
            initiatives: initiatives, units: units, people: people,
            inactivePeople: people - activePeople.count, teams: max(3, initiatives / 40),
            goals: min(200, 5 + initiatives / 5000), capabilities: capabilities, technologies: technologies,
            dataSources: dataSources, formerOwners: formerOwners)
        ids = IDScheme(counts: counts)

        random = SeededRandom(seed: seed, stream: Stream.incompatible.rawValue)
        incompatiblePairs = Self.drawIncompatiblePairs(popularity: technologyPopularity, random: &random)

        random = SeededRandom(seed: seed, stream: Stream.unownedData.rawValue)
        unownedDataSources = Set((0..<dataSources).filter { _ in random.chance(0.12) })
    }

    /// How many versions initiatives pin for `technology` (0: used unversioned).
    func versionCount(ofTechnology technology: Int) -> Int {
        let named = Vocabulary.technologies
        return technology < named.count
            ? named[technology].versions.count
            : Int(syntheticVersionCounts[technology - named.count])
    }

    /// Capability index for a popularity rank.
    func capability(atRank rank: Int) -> Int {
        (rank * capabilityScatter + 1) % counts.capabilities
    }

    /// A uniformly drawn active person.
    func randomActivePerson(_ random: inout SeededRandom) -> Int {
        random.element(of: activePeople)
    }

    // MARK: - Injected faults

    /// Disjoint cycles of lengths 2, 3, ..., 8, 2, ... (7 plus one per 10,000 initiatives),
    /// using at most half of the initiatives so most of the portfolio stays acyclic.
    private static func drawCycles(initiatives: Int, seed: UInt64) -> [[Int]] {
        var random = SeededRandom(seed: seed, stream: Stream.cycles.rawValue)
        var used = Set<Int>()
        var cycles: [[Int]] = []
        for number in 0..<(7 + initiatives / 10_000) {
            let length = 2 + number % 7
            guard used.count + length <= initiatives / 2 else { break }
            var members: [Int] = []
            while members.count < length {
                let candidate = random.int(below: initiatives)
                if used.insert(candidate).inserted { members.append(candidate) }
            }
            // Start at the lowest member: the manifest's canonical rotation.
            let lowest = members.indices.min { members[$0] < members[$1] } ?? 0
            cycles.append(Array(members[lowest...] + members[..<lowest]))
        }
        return cycles.sorted { $0[0] < $1[0] }
    }

    /// Three plus one per 20,000 initiatives, reasons in turn: none, unknown, inactive.
    private static func drawUnowned(initiatives: Int, seed: UInt64, isActive: [Bool]) -> [Int: InjectedOwner] {
        var random = SeededRandom(seed: seed, stream: Stream.unowned.rawValue)
        let inactivePeople = isActive.indices.filter { !isActive[$0] }
        var unowned: [Int: InjectedOwner] = [:]
        var formerOwners = 0
        for number in 0..<min(initiatives, 3 + initiatives / 20_000) {
            var initiative = random.int(below: initiatives)
            while unowned[initiative] != nil { initiative = random.int(below: initiatives) }
            switch number % 3 {
            case 0: unowned[initiative] = InjectedOwner.none
            case 1:
                unowned[initiative] = .unknown(formerOwner: formerOwners)
                formerOwners += 1
            default: unowned[initiative] = .inactive(person: random.element(of: inactivePeople))
            }
        }
        return unowned
    }

    /// One pair per 50 technologies (at least two), drawn by popularity so they meet in the
    /// portfolio; declared alternately in a technology's `incompatibleWith` and in the policy.
    private static func drawIncompatiblePairs(popularity: ZipfSampler, random: inout SeededRandom) -> [IncompatiblePair] {
        let wanted = max(2, popularity.count / 50)
        var seen = Set<[Int]>()
        var pairs: [IncompatiblePair] = []
        var attempts = 0
        while pairs.count < wanted, attempts < wanted * 50 {
            attempts += 1
            // A widely used technology and a rival drawn uniformly (so usually from the long tail):
            // real conflicts are a standard against a niche alternative, rarely two standards.
            let one = popularity.sample(&random)
            let other = random.int(in: 0...(popularity.count - 1))
            guard one != other, seen.insert([min(one, other), max(one, other)]).inserted else { continue }
            let declaredIn: GeneratorManifest.PairDeclaration = pairs.count % 2 == 0 ? .technology : .policy
            pairs.append(IncompatiblePair(first: min(one, other), second: max(one, other), declaredIn: declaredIn))
        }
        return pairs
    }

    private static func gcd(_ first: Int, _ second: Int) -> Int {
        var (a, b) = (first, second)
        while b != 0 { (a, b) = (b, a % b) }
        return a
    }
}
