import Foundation
import Testing
import Yams

@testable import InterlockCore
@testable import InterlockGenerator

/// A generated portfolio parsed back from its JSON text, with the relations the tests check.
private struct ParsedPortfolio {
    let root: [String: Any]

    init(_ data: Data) throws {
        root = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    func records(_ key: String) -> [[String: Any]] {
        root[key] as? [[String: Any]] ?? []
    }

    func ids(_ key: String) -> [String] {
        records(key).compactMap { $0["id"] as? String }
    }

    /// Initiative id → the initiative ids it depends on.
    var initiativeDependencies: [String: [String]] {
        let initiatives = Set(ids("initiatives"))
        var edges: [String: [String]] = [:]
        for record in records("initiatives") {
            let id = record["id"] as? String ?? ""
            edges[id] = (record["dependsOn"] as? [String] ?? []).filter { initiatives.contains($0) }
        }
        return edges
    }
}

/// Strongly connected components by Kosaraju's algorithm, iterative; independent of the core's.
private func stronglyConnectedComponents(_ edges: [String: [String]]) -> [Set<String>] {
    let nodes = edges.keys.sorted()
    var reversed: [String: [String]] = [:]
    for (source, targets) in edges { for target in targets { reversed[target, default: []].append(source) } }
    var finished: [String] = []
    var visited = Set<String>()
    for start in nodes where !visited.contains(start) {
        visited.insert(start)
        var stack: [(node: String, next: Int)] = [(start, 0)]
        while let top = stack.last {
            let successors = edges[top.node] ?? []
            if top.next < successors.count {
                stack[stack.count - 1].next += 1
                let successor = successors[top.next]
                if visited.insert(successor).inserted { stack.append((successor, 0)) }
            } else {
                finished.append(top.node)
                stack.removeLast()
            }
        }
    }
    var assigned = Set<String>()
    var components: [Set<String>] = []
    for start in finished.reversed() where !assigned.contains(start) {
        var component: Set<String> = [start]
        assigned.insert(start)
        var pending = [start]
        while let node = pending.popLast() {
            for predecessor in reversed[node] ?? [] where assigned.insert(predecessor).inserted {
                component.insert(predecessor)
                pending.append(predecessor)
            }
        }
        components.append(component)
    }
    return components
}

@Suite struct GeneratorTests {
    static let size = 3000
    let generator = PortfolioGenerator(initiatives: GeneratorTests.size, seed: 11, units: 5)

    @Test(arguments: PortfolioGenerator.Format.allCases)
    func sameSeedGivesSameBytes(format: PortfolioGenerator.Format) {
        let again = PortfolioGenerator(initiatives: GeneratorTests.size, seed: 11, units: 5)
        #expect(generator.text(format) == again.text(format))
    }

    @Test(arguments: PortfolioGenerator.Format.allCases)
    func differentSeedGivesDifferentPortfolio(format: PortfolioGenerator.Format) {
        let other = PortfolioGenerator(initiatives: GeneratorTests.size, seed: 12, units: 5)
        #expect(generator.text(format) != other.text(format))
        #expect(generator.manifest() != other.manifest())
    }

    @Test func writingToAFileGivesTheSameBytesAndManifest() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("generator-\(getpid()).yaml")
        defer { try? FileManager.default.removeItem(at: url) }
        #expect(FileManager.default.createFile(atPath: url.path, contents: nil))
        let handle = try FileHandle(forWritingTo: url)
        let manifest = try generator.write(.yaml, to: handle)
        try handle.close()
        let written = try Data(contentsOf: url)
        // Larger than one chunk, so the chunked flushing is exercised.
        #expect(written.count > 1 << 20)
        #expect(written == generator.text(.yaml))
        #expect(manifest == generator.manifest())
        #expect(try manifest.jsonData() == generator.manifest().jsonData())
    }

    @Test func jsonParsesWithTheCountsOfTheManifest() throws {
        let portfolio = try ParsedPortfolio(generator.text(.json))
        let counts = generator.manifest().counts
        #expect(portfolio.records("initiatives").count == GeneratorTests.size)
        #expect(counts.initiatives == GeneratorTests.size)
        #expect(portfolio.records("units").count == 5)
        #expect(portfolio.records("people").count == counts.people)
        #expect(portfolio.records("people").filter { $0["active"] as? Bool == false }.count == counts.inactivePeople)
        #expect(portfolio.records("teams").count == counts.teams)
        #expect(portfolio.records("goals").count == counts.goals)
        #expect(portfolio.records("capabilities").count == counts.capabilities)
        #expect(portfolio.records("technologies").count == counts.technologies)
        #expect(portfolio.records("dataSources").count == counts.dataSources)
        #expect(portfolio.root["portfolio"] as? String == "Generated portfolio (seed 11)")
    }

    @Test func idsAreUniqueAcrossAllKinds() throws {
        let portfolio = try ParsedPortfolio(generator.text(.json))
        let all = ["units", "people", "teams", "goals", "capabilities", "technologies", "dataSources", "initiatives"]
            .flatMap { portfolio.ids($0) }
        #expect(all.count == Set(all).count)
        #expect(all.count == portfolio.records("initiatives").count + portfolio.records("people").count
            + portfolio.records("teams").count + portfolio.records("goals").count + portfolio.records("capabilities").count
            + portfolio.records("technologies").count + portfolio.records("dataSources").count + 5)
    }

    @Test func everyReferenceNamesAnExistingIdOfTheRightKind() throws {
        let portfolio = try ParsedPortfolio(generator.text(.json))
        let manifest = generator.manifest()
        let units = Set(portfolio.ids("units")), people = Set(portfolio.ids("people"))
        let owners = people.union(portfolio.ids("teams")), goals = Set(portfolio.ids("goals"))
        let capabilities = Set(portfolio.ids("capabilities")), technologies = Set(portfolio.ids("technologies"))
        let dataSources = Set(portfolio.ids("dataSources")), initiatives = Set(portfolio.ids("initiatives"))
        let dependencyTargets = initiatives.union(technologies).union(dataSources)
        let unknownOwners = Set(manifest.unownedInitiatives.filter { $0.reason == .unknown }.compactMap(\.owner))
        var missing: [String] = []
        func check(_ references: [String], in valid: Set<String>, _ what: String) {
            missing += references.filter { !valid.contains($0) }.map { "\(what): \($0)" }
        }
        func optional(_ value: Any?) -> [String] { value.map { [$0 as? String ?? "?"] } ?? [] }
        for person in portfolio.records("people") { check(optional(person["unit"]), in: units, "unit") }
        for unit in portfolio.records("units") { check(optional(unit["parent"]), in: units, "parent") }
        for team in portfolio.records("teams") { check(team["members"] as? [String] ?? [], in: people, "member") }
        for capability in portfolio.records("capabilities") { check(optional(capability["parent"]), in: capabilities, "parent") }
        for technology in portfolio.records("technologies") {
            check(optional(technology["owner"]), in: owners, "technology owner")
            check(technology["incompatibleWith"] as? [String] ?? [], in: technologies, "incompatibleWith")
        }
        for source in portfolio.records("dataSources") {
            check(optional(source["owner"]), in: owners, "data owner")
            check(optional(source["technology"]), in: technologies, "hosting technology")
        }
        for initiative in portfolio.records("initiatives") {
            check(optional(initiative["owner"]).filter { !unknownOwners.contains($0) }, in: owners, "owner")
            check(optional(initiative["unit"]), in: units, "unit")
            check(initiative["capabilities"] as? [String] ?? [], in: capabilities, "capability")
            let uses = initiative["technologies"] as? [String] ?? []
            check(uses.map { String($0.split(separator: "@")[0]) }, in: technologies, "technology")
            let sources = (initiative["data"] as? [[String: String]] ?? []).map { $0["source"] ?? "?" }
            check(sources, in: dataSources, "data source")
            check(initiative["dependsOn"] as? [String] ?? [], in: dependencyTargets, "dependsOn")
            check(initiative["goals"] as? [String] ?? [], in: goals, "goal")
        }
        let policy = try #require(portfolio.root["policy"] as? [String: Any])
        check((policy["incompatible"] as? [[String]] ?? []).flatMap { $0 }, in: technologies, "policy pair")
        #expect(missing == [])
        #expect(!unknownOwners.isEmpty)
        #expect(unknownOwners.isDisjoint(with: owners.union(units).union(goals).union(capabilities).union(dependencyTargets)))
    }

    @Test func theOnlyCyclesAreTheInjectedOnes() throws {
        let dependencies = try ParsedPortfolio(generator.text(.json)).initiativeDependencies
        let cycles = generator.manifest().cycles
        // 3,000 initiatives get the seven base cycles, one of each length 2 through 8.
        #expect(cycles.map(\.count).sorted() == [2, 3, 4, 5, 6, 7, 8])
        for cycle in cycles {
            #expect(cycle[0] == cycle.min())
            for (position, member) in cycle.enumerated() {
                let next = cycle[(position + 1) % cycle.count]
                #expect(dependencies[member]?.contains(next) == true, "\(member) should depend on \(next)")
            }
        }
        let components = stronglyConnectedComponents(dependencies).filter { $0.count > 1 }
        #expect(Set(components) == Set(cycles.map { Set($0) }))
        // Each component is one simple cycle: exactly as many edges inside it as members.
        for component in components {
            let inside = component.map { member in dependencies[member]?.filter { component.contains($0) }.count ?? 0 }
            #expect(inside.reduce(0, +) == component.count)
        }
        #expect(dependencies.allSatisfy { source, targets in !targets.contains(source) })
    }

    @Test func theOnlyUnownedInitiativesAreTheInjectedOnes() throws {
        let portfolio = try ParsedPortfolio(generator.text(.json))
        let active = Set(portfolio.records("people").filter { $0["active"] as? Bool != false }.compactMap { $0["id"] as? String })
        let inactive = Set(portfolio.ids("people")).subtracting(active)
        let teams = Set(portfolio.ids("teams"))
        var found: [GeneratorManifest.UnownedInitiative] = []
        for initiative in portfolio.records("initiatives") {
            let id = initiative["id"] as? String ?? "?"
            guard let owner = initiative["owner"] as? String else {
                found.append(.init(initiative: id, reason: .none, owner: nil))
                continue
            }
            if inactive.contains(owner) {
                found.append(.init(initiative: id, reason: .inactive, owner: owner))
            } else if !active.contains(owner), !teams.contains(owner) {
                found.append(.init(initiative: id, reason: .unknown, owner: owner))
            }
        }
        let manifest = generator.manifest()
        #expect(found == manifest.unownedInitiatives)
        #expect(Set(found.map(\.reason)) == Set(GeneratorManifest.UnownedReason.allCases))
        let ownerless = portfolio.records("dataSources").filter { $0["owner"] == nil }.compactMap { $0["id"] as? String }
        #expect(ownerless == manifest.unownedDataSources)
    }

    @Test func declaredIncompatiblePairsMatchTheManifest() throws {
        let portfolio = try ParsedPortfolio(generator.text(.json))
        var declared: [GeneratorManifest.IncompatiblePair] = []
        for technology in portfolio.records("technologies") {
            for partner in technology["incompatibleWith"] as? [String] ?? [] {
                declared.append(.init(technologies: [technology["id"] as? String ?? "?", partner], declaredIn: .technology))
            }
        }
        let policy = try #require(portfolio.root["policy"] as? [String: Any])
        declared += (policy["incompatible"] as? [[String]] ?? []).map { .init(technologies: $0, declaredIn: .policy) }
        let manifest = generator.manifest()
        #expect(Set(declared) == Set(manifest.incompatiblePairs))
        #expect(declared.count == manifest.incompatiblePairs.count)
        #expect(policy["exclusiveCategories"] as? [String] == manifest.exclusiveCategories)
    }

    @Test(arguments: PortfolioGenerator.Format.allCases)
    func loadsThroughThePortfolioLoaderWithExactlyTheInjectedCycles(format: PortfolioGenerator.Format) throws {
        let text = String(decoding: generator.text(format), as: UTF8.self)
        let portfolio = try PortfolioLoader.load(text: text, file: "generated.\(format.rawValue)")
        let manifest = generator.manifest()
        let counts = manifest.counts
        #expect(portfolio.initiatives.count == counts.initiatives)
        #expect(portfolio.people.filter { !$0.active }.count == counts.inactivePeople)
        #expect(portfolio.technologies.count == counts.technologies)
        #expect(portfolio.dataSources.count == counts.dataSources)
        let graph = PortfolioGraph(portfolio)
        // The unknown owners are the only references to nothing.
        #expect(graph.danglingReferences.map(\.target).sorted()
            == manifest.unownedInitiatives.filter { $0.reason == .unknown }.compactMap(\.owner))
        let components = graph.stronglyConnectedComponents(over: EdgeKindSet(.dependsOn))
        var members: [Int32: Set<String>] = [:]
        for node in 0..<graph.nodeCount { members[components.componentOf[node], default: []].insert(graph.id(of: node)) }
        let cycles = Set(members.values.filter { $0.count > 1 })
        #expect(cycles == Set(manifest.cycles.map { Set($0) }))
    }

    /// YAML and JSON are two spellings of one portfolio: compare them scalar by scalar.
    @Test func yamlAndJSONHoldTheSameData() throws {
        let small = PortfolioGenerator(initiatives: 300, seed: 5, units: 3)
        let yaml = try #require(try Yams.compose(yaml: String(decoding: small.text(.yaml), as: UTF8.self)))
        let json = try JSONSerialization.jsonObject(with: small.text(.json))
        #expect(Self.canonical(yaml) == Self.canonical(json))
    }

    /// A YAML node or JSON value as nested arrays and dictionaries of scalar strings.
    private static func canonical(_ value: Any) -> String {
        switch value {
        case let node as Node:
            switch node {
            case .scalar(let scalar): return scalar.string
            case .mapping(let mapping):
                return "{" + mapping.map { "\($0.key.string ?? "?")=\(canonical($0.value))" }.sorted().joined(separator: ",") + "}"
            case .sequence(let sequence): return "[" + sequence.map { canonical($0) }.joined(separator: ",") + "]"
            case .alias: return "alias"
            }
        case let dictionary as [String: Any]:
            return "{" + dictionary.map { "\($0.key)=\(canonical($0.value))" }.sorted().joined(separator: ",") + "}"
        case let array as [Any]: return "[" + array.map { canonical($0) }.joined(separator: ",") + "]"
        case let string as String: return string
        case let number as NSNumber:
            // Booleans have the Objective-C type code "c" on every platform's Foundation.
            return String(cString: number.objCType) == "c" ? (number.boolValue ? "true" : "false") : number.stringValue
        default: return "\(value)"
        }
    }
}

@Suite struct GeneratorPartsTests {
    @Test func seededRandomMatchesTheSplitMix64Reference() {
        // First outputs of the reference SplitMix64 (Vigna) for seed 0.
        var random = SeededRandom(seed: 0)
        #expect(random.next() == 0xE220_A839_7B1D_CDAF)
        #expect(random.next() == 0x6E78_9E6A_A1B9_65F4)
        #expect(random.next() == 0x06C4_5D18_8009_454F)
    }

    @Test func boundedDrawsStayInRangeAndCoverIt() {
        var random = SeededRandom(seed: 9, stream: 3)
        var seen = Set<Int>()
        for _ in 0..<1000 {
            let value = random.int(in: 3...9)
            #expect((3...9).contains(value))
            seen.insert(value)
        }
        #expect(seen == Set(3...9))
    }

    @Test func zipfFavoursTheFirstRanks() {
        let sampler = ZipfSampler(count: 100)
        var random = SeededRandom(seed: 4)
        var hits = Array(repeating: 0, count: 100)
        for _ in 0..<10_000 { hits[sampler.sample(&random)] += 1 }
        // Rank 0 has weight 1, rank 99 weight 1/100: about 1,930 against 19 draws.
        #expect(hits[0] > 1500)
        #expect(hits[99] < 60)
        #expect(hits[0] > hits[1] && hits[1] > hits[9])
    }

    @Test(arguments: [
        ("Customer onboarding", true), ("Data-driven decisions", true), ("SAP S/4HANA", true),
        ("yes", false), ("No", false), ("null", false), ("off", false), ("12", false), (".NET", false),
        ("Generated portfolio (seed 3)", false), ("a: b", false), ("trailing ", false), ("", false), ("ON", false),
    ])
    func plainYAMLOnlyForTextThatReadsBackUnchanged(text: String, isPlain: Bool) {
        #expect(YAMLPlainScalar.isSafe(text) == isPlain)
    }

    @Test func datesRollOverYearsAndLeapDays() {
        let start = CalendarDate(year: 2027, month: 11, day: 1)
        #expect(start.endOfMonth(after: 3) == CalendarDate(year: 2028, month: 2, day: 29))
        #expect(start.endOfMonth(after: 15) == CalendarDate(year: 2029, month: 2, day: 28))
        #expect(start.endOfMonth(after: 0) == CalendarDate(year: 2027, month: 11, day: 30))
    }
}
