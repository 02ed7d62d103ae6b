import InterlockCore

extension RuleID {
    /// `version-conflict`.
    public static let versionConflict = RuleID("version-conflict")
}

/// `version-conflict`: initiatives that must work together (one depends on the other, or one
/// writes a data source the other reads) use different major versions of one technology.
public struct VersionConflict: Detector {
    /// `version-conflict`.
    public let id = RuleID.versionConflict
    /// How the board report speaks of it.
    public let wording = RuleWording(
        title: LocalizedText(en: "Mismatched versions", fr: "Versions discordantes"),
        whyItMatters: LocalizedText(
            en: "Linked systems on different versions break at upgrades and interfaces.",
            fr: "Des systèmes liés mais sur des versions différentes cassent lors des mises à jour et aux interfaces."))
    /// What the detector looks for.
    public let summary = "Linked initiatives use different major versions of one technology."

    /// Creates the detector.
    public init() {}

    /// Initiatives by major version, for one technology.
    private typealias VersionUsers = [String: [Int]]

    /// One finding per dependency and technology, and per data source and technology.
    public func run(in context: AnalysisContext) -> [Finding] {
        let graph = context.graph
        let initiatives = graph.nodes(ofKind: .initiative)
        // Each initiative's versioned uses, computed once: a dependency is then a comparison of two short arrays.
        let versioned = initiatives.map { node in
            graph.technologyUses(of: node).compactMap { use in
                use.version.flatMap(TechnologyUse.majorVersion(of:)).map { (technology: use.technology, major: $0) }
            }
        }
        var findings: [Finding] = []
        var reported = Set<LinkedPair>()
        for link in context.dependencyLinks {
            let ours = versioned[link.dependent - initiatives.lowerBound]
            let theirs = versioned[link.dependency - initiatives.lowerBound]
            guard !ours.isEmpty, !theirs.isEmpty else { continue }
            let conflicting = ours.filter { mine in theirs.contains { $0.technology == mine.technology && $0.major != mine.major } }
            for technology in conflicting.map(\.technology).uniqued().sorted() {
                guard reported.insert(LinkedPair(link.dependent, link.dependency, technology)).inserted else { continue }
                let pair = [link.dependent, link.dependency]
                let mine = ours.filter { $0.technology == technology }.map(\.major)
                let other = theirs.filter { $0.technology == technology }.map(\.major)
                findings.append(Finding(
                    rule: id, severity: .warning, nodes: (pair + [technology]), in: graph,
                    explanation: Explanation.dependency(link.dependent, mine, on: link.dependency, other, technology: technology),
                    owners: graph.contactableOwners(of: pair), budgetAtStake: graph.budget(of: pair)))
            }
        }
        for exchange in context.dataExchanges {
            let written = majors(of: exchange.writers, versioned, initiatives)
            let read = majors(of: exchange.readers, versioned, initiatives)
            for technology in written.keys.sorted() {
                guard let writers = written[technology], let readers = read[technology] else { continue }
                let all = writers.merging(readers) { ($0 + $1).uniqued() }
                guard all.count > 1, !allReported(writers, readers, technology, reported) else { continue }
                let involved = all.keys.sorted().flatMap { all[$0] ?? [] }.uniqued()
                findings.append(Finding(
                    rule: id, severity: .warning, nodes: ([exchange.source, technology] + involved), in: graph,
                    explanation: Explanation.exchange(
                        source: exchange.source, technology: technology, users: all.keys.sorted().map { ($0, all[$0] ?? []) }),
                    owners: graph.contactableOwners(of: involved), budgetAtStake: graph.budget(of: involved)))
            }
        }
        return findings
    }

    /// True when every writer–reader pair with different majors was already reported as a dependency,
    /// so a data exchange that doubles a dependency is not reported twice.
    private func allReported(_ writers: VersionUsers, _ readers: VersionUsers, _ technology: Int, _ reported: Set<LinkedPair>) -> Bool {
        for (writerMajor, writerNodes) in writers {
            for (readerMajor, readerNodes) in readers where readerMajor != writerMajor {
                for writer in writerNodes {
                    for reader in readerNodes where writer != reader {
                        if !reported.contains(LinkedPair(writer, reader, technology)) { return false }
                    }
                }
            }
        }
        return true
    }

    /// For each technology used with a version, the initiatives using each major version.
    private func majors(of nodes: [Int], _ versioned: [[(technology: Int, major: String)]], _ initiatives: Range<Int>) -> [Int: VersionUsers] {
        var byTechnology: [Int: VersionUsers] = [:]
        for node in nodes {
            for use in versioned[node - initiatives.lowerBound] {
                byTechnology[use.technology, default: [:]][use.major, default: []].append(node)
            }
        }
        return byTechnology
    }

    /// Linked initiatives on different major versions.
    enum Explanation: FindingExplanation {
        /// A dependent on some majors depends on an initiative on others.
        case dependency(Int, [String], on: Int, [String], technology: Int)
        /// Initiatives exchanging data through a source, by major version.
        case exchange(source: Int, technology: Int, users: [(major: String, initiatives: [Int])])

        func message(_ phrasing: Phrasing, in graph: PortfolioGraph) -> String {
            switch self {
            case let .dependency(dependent, mine, dependency, other, technology):
                let (name, needed, used) = (graph.quoted(dependent, phrasing), graph.quoted(dependency, phrasing), graph.name(of: technology))
                return phrasing.text(
                    en: "\(name) uses \(used) \(versions(mine, phrasing)) but depends on \(needed), which uses \(versions(other, phrasing)).",
                    fr: "\(name) utilise \(used) en \(versions(mine, phrasing)) mais dépend de \(needed), qui utilise la \(versions(other, phrasing)).")
            case let .exchange(source, technology, users):
                let (through, used) = (graph.quoted(source, phrasing), graph.name(of: technology))
                let described = users.map { major, initiatives in
                    phrasing.text(
                        en: "version \(major) in \(graph.quotedList(initiatives, phrasing))",
                        fr: "la version \(major) dans \(graph.quotedList(initiatives, phrasing))")
                }
                return phrasing.text(
                    en: "Initiatives exchanging data through \(through) use \(users.count) major versions of \(used): \(phrasing.list(described)).",
                    fr: "Les initiatives qui échangent des données par \(through) utilisent \(phrasing.number(users.count)) versions majeures de \(used) : \(phrasing.list(described)).")
            }
        }

        func action(_ phrasing: Phrasing, in graph: PortfolioGraph) -> String {
            switch self {
            case let .dependency(_, _, _, _, technology):
                return phrasing.text(
                    en: "Agree one major version of \(graph.quoted(technology, phrasing)) for both initiatives, or test the interface between them.",
                    fr: "Convenir d'une même version majeure de \(graph.quoted(technology, phrasing)) pour les deux initiatives, ou tester l'interface entre elles.")
            case let .exchange(source, technology, _):
                return phrasing.text(
                    en: "Agree one major version of \(graph.quoted(technology, phrasing)) for the data in \(graph.quoted(source, phrasing)).",
                    fr: "Convenir d'une même version majeure de \(graph.quoted(technology, phrasing)) pour les données de \(graph.quoted(source, phrasing)).")
            }
        }

        /// "version 11 and version 17" / "version 11", "versions 11 et 17".
        private func versions(_ majors: [String], _ phrasing: Phrasing) -> String {
            let sorted = majors.uniqued().sorted()
            return phrasing.text(
                en: Wording.list(sorted.map { "version \($0)" }),
                fr: "\(phrasing.plural(sorted.count, "version", "versions")) \(phrasing.list(sorted))")
        }
    }
}
