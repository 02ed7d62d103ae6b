import InterlockCore

/// `version-conflict`: initiatives that must work together (one depends on the other, or one
/// writes a data source the other reads) use different major versions of one technology.
public struct VersionConflict: Detector {
    /// `version-conflict`.
    public let id = "version-conflict"
    /// What the detector looks for.
    public let summary = "Linked initiatives use different major versions of one technology."

    /// Creates the detector.
    public init() {}

    /// Initiatives by major version, for one technology.
    private typealias VersionUsers = [String: [Int]]

    /// One finding per dependency and technology, and per data source and technology.
    public func run(on graph: PortfolioGraph) -> [Finding] {
        var findings: [Finding] = []
        var reported = Set<LinkedPair>()
        for link in graph.dependencyLinks() {
            let ours = majors(of: [link.dependent], graph)
            let theirs = majors(of: [link.dependency], graph)
            for technology in ours.keys.sorted() {
                guard let mine = ours[technology], let other = theirs[technology],
                      Set(mine.keys).union(other.keys).count > 1 else { continue }
                let pair = [link.dependent, link.dependency]
                guard reported.insert(LinkedPair(link.dependent, link.dependency, technology)).inserted else { continue }
                findings.append(Finding(
                    rule: id, severity: .warning, nodes: (pair + [technology]).map(graph.id(of:)),
                    message: "\(graph.quoted(link.dependent)) uses \(graph.name(of: technology)) \(versionList(mine)) but depends on \(graph.quoted(link.dependency)), which uses \(versionList(other)).",
                    action: "Agree one major version of \(graph.quoted(technology)) for both initiatives, or test the interface between them.",
                    owners: graph.contactableOwners(of: pair), budgetAtStake: graph.budget(of: pair)))
            }
        }
        for exchange in graph.dataExchanges() {
            let written = majors(of: exchange.writers, graph)
            let read = majors(of: exchange.readers, graph)
            for technology in written.keys.sorted() {
                guard let writers = written[technology], let readers = read[technology] else { continue }
                let all = writers.merging(readers) { ($0 + $1).uniqued() }
                guard all.count > 1, !allReported(writers, readers, technology, reported) else { continue }
                let involved = all.keys.sorted().flatMap { all[$0] ?? [] }.uniqued()
                let described = all.keys.sorted().map { "version \($0) in \(graph.quotedList(all[$0] ?? []))" }
                findings.append(Finding(
                    rule: id, severity: .warning, nodes: ([exchange.source, technology] + involved).map(graph.id(of:)),
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
    private func majors(of initiatives: [Int], _ graph: PortfolioGraph) -> [Int: VersionUsers] {
        var byTechnology: [Int: VersionUsers] = [:]
        for initiative in initiatives {
            for use in graph.technologyUses(of: initiative) {
                guard let major = TechnologyUse(technology: "", version: use.version).majorVersion else { continue }
                byTechnology[use.technology, default: [:]][major, default: []].append(initiative)
            }
        }
        return byTechnology
    }

    private func versionList(_ users: VersionUsers) -> String {
        Wording.list(users.keys.sorted().map { "version \($0)" })
    }
}
