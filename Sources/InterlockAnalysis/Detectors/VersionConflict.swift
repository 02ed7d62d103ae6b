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
        title: "Mismatched versions",
        whyItMatters: "Linked systems on different versions break at upgrades and interfaces.")
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
                    message: "\(graph.quoted(link.dependent)) uses \(graph.name(of: technology)) \(versionList(mine)) but depends on \(graph.quoted(link.dependency)), which uses \(versionList(other)).",
                    action: "Agree one major version of \(graph.quoted(technology)) for both initiatives, or test the interface between them.",
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
                let described = all.keys.sorted().map { "version \($0) in \(graph.quotedList(all[$0] ?? []))" }
                findings.append(Finding(
                    rule: id, severity: .warning, nodes: ([exchange.source, technology] + involved), in: graph,
                    message: "Initiatives exchanging data through \(graph.quoted(exchange.source)) use \(all.count) major versions of \(graph.name(of: technology)): \(Wording.list(described)).",
                    action: "Agree one major version of \(graph.quoted(technology)) for the data in \(graph.quoted(exchange.source)).",
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

    private func versionList(_ majors: [String]) -> String {
        Wording.list(majors.uniqued().sorted().map { "version \($0)" })
    }
}
