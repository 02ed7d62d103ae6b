import InterlockCore

extension RuleID {
    /// `incompatible-stack`.
    public static let incompatibleStack = RuleID("incompatible-stack")
}

/// `incompatible-stack`: technologies that must not meet are combined, inside one initiative, across
/// a dependency between two initiatives, or across a data source one writes and another reads.
/// Also flags an exclusive category (`policy.exclusiveCategories`) used with more than one technology.
public struct IncompatibleStack: Detector {
    /// `incompatible-stack`.
    public let id = RuleID.incompatibleStack
    /// How the board report speaks of it.
    public let wording = RuleWording(
        title: "Technologies that clash",
        whyItMatters: "Systems that must work together are built on technologies that do not, so integration costs and delays follow.")
    /// What the detector looks for.
    public let summary = "Incompatible technologies in one initiative, or in initiatives that depend on each other or exchange data."

    /// Creates the detector.
    public init() {}

    /// All incompatible combinations, each once.
    public func run(in context: AnalysisContext) -> [Finding] {
        guard !context.incompatibilities.isEmpty else { return [] }
        var reported = Set<LinkedPair>()
        let dependencies = acrossDependencies(context, reported: &reported)
        return withinInitiatives(context) + dependencies + acrossData(context, reported: reported) + exclusiveCategoryUse(context)
    }

    private func withinInitiatives(_ context: AnalysisContext) -> [Finding] {
        let (graph, table, stacks) = (context.graph, context.incompatibilities, context.technologyStacks)
        var findings: [Finding] = []
        for initiative in graph.nodes(ofKind: .initiative) where graph.isActiveInitiative(initiative) {
            let uses = stacks[initiative]
            for (index, first) in uses.enumerated() {
                for second in uses[(index + 1)...] {
                    guard let reason = table.reason(first, second) else { continue }
                    findings.append(Finding(
                        rule: id, severity: .error,
                        nodes: [initiative, first, second], in: graph,
                        message: "Initiative \(graph.quoted(initiative)) combines \(graph.quoted(first)) and \(graph.quoted(second)), which are \(reason).",
                        action: "Choose one of the two technologies for \(graph.quoted(initiative)) or get an approved exception.",
                        owners: graph.contactableOwners(of: [initiative]), budgetAtStake: graph.budget(of: [initiative])))
                }
            }
        }
        return findings
    }

    /// Findings for dependencies; `reported` collects each initiative pair with the first technology of its pair.
    private func acrossDependencies(_ context: AnalysisContext, reported: inout Set<LinkedPair>) -> [Finding] {
        let (graph, table, stacks) = (context.graph, context.incompatibilities, context.technologyStacks)
        var findings: [Finding] = []
        var reportedPairs = Set<[Int]>()
        for link in context.dependencyLinks {
            let theirs = stacks[link.dependency]
            for ours in stacks[link.dependent] {
                for partner in theirs {
                    guard let reason = table.reason(ours, partner) else { continue }
                    let key = [min(link.dependent, link.dependency), max(link.dependent, link.dependency), min(ours, partner), max(ours, partner)]
                    guard reportedPairs.insert(key).inserted else { continue }
                    reported.insert(LinkedPair(link.dependent, link.dependency, ours))
                    reported.insert(LinkedPair(link.dependent, link.dependency, partner))
                    findings.append(Finding(
                        rule: id, severity: .error,
                        nodes: [link.dependent, link.dependency, ours, partner], in: graph,
                        message: "\(graph.quoted(link.dependent)) runs on \(graph.quoted(ours)) but depends on \(graph.quoted(link.dependency)), which runs on \(graph.quoted(partner)); the two are \(reason).",
                        action: "Align \(graph.quoted(link.dependent)) and \(graph.quoted(link.dependency)) on one technology or plan an integration layer between them.",
                        owners: graph.contactableOwners(of: [link.dependent, link.dependency]),
                        budgetAtStake: graph.budget(of: [link.dependent, link.dependency])))
                }
            }
        }
        return findings
    }

    /// Findings for data exchanges, leaving out those whose every writer–reader pair is a reported dependency.
    private func acrossData(_ context: AnalysisContext, reported: Set<LinkedPair>) -> [Finding] {
        let (graph, table, stacks) = (context.graph, context.incompatibilities, context.technologyStacks)
        var findings: [Finding] = []
        for exchange in context.dataExchanges {
            let writersByTechnology = initiativesByTechnology(exchange.writers, stacks)
            let readersByTechnology = Dictionary(uniqueKeysWithValues: initiativesByTechnology(exchange.readers, stacks).map { ($0.technology, $0.initiatives) })
            var readerTechnologiesByCategory: [String: [Int]] = [:]
            for technology in readersByTechnology.keys.sorted() {
                if let category = table.exclusiveCategory(of: technology) { readerTechnologiesByCategory[category, default: []].append(technology) }
            }
            for (technology, writers) in writersByTechnology {
                for (partner, reason) in table.clashes(of: technology, among: readersByTechnology, categories: readerTechnologiesByCategory) {
                    guard let readers = readersByTechnology[partner] else { continue }
                    let involved = (writers + readers).uniqued()
                    let alreadyReported = writers.allSatisfy { writer in
                        readers.allSatisfy { writer == $0 || reported.contains(LinkedPair(writer, $0, technology)) }
                    }
                    guard involved.count > 1, !alreadyReported else { continue }
                    findings.append(Finding(
                        rule: id, severity: .error,
                        nodes: ([exchange.source, technology, partner] + involved), in: graph,
                        message: "\(graph.quotedList(writers)) \(writers.count == 1 ? "writes" : "write") \(graph.quoted(exchange.source)) with \(graph.quoted(technology)) while \(graph.quotedList(readers)) \(readers.count == 1 ? "reads" : "read") it with \(graph.quoted(partner)); the two are \(reason).",
                        action: "Agree one technology, or an approved interface, for the data in \(graph.quoted(exchange.source)).",
                        owners: graph.contactableOwners(of: involved), budgetAtStake: graph.budget(of: involved)))
                }
            }
        }
        return findings
    }

    private func exclusiveCategoryUse(_ context: AnalysisContext) -> [Finding] {
        let graph = context.graph
        return graph.portfolio.policy.exclusiveCategories.sorted().compactMap { category in
            let used = graph.nodes(ofKind: .technology).compactMap { technology -> (Int, [Int])? in
                guard graph.field(\.category, ofTechnology: technology) == category else { return nil }
                let users = graph.predecessors(of: technology, via: .uses).filter { context.isActiveInitiative($0) }
                return users.isEmpty ? nil : (technology, users)
            }
            guard used.count > 1 else { return nil }
            let described = used.map { "\(graph.quoted($0.0)) (\($0.1.count) initiative\($0.1.count == 1 ? "" : "s"))" }
            return Finding(
                rule: id, severity: .warning, nodes: used.map(\.0), in: graph,
                message: "The policy allows one \(category) technology, but the portfolio uses \(used.count): \(Wording.list(described)).",
                action: "Choose the \(category) technology the organisation standardises on and plan the migration of the others.",
                owners: graph.contactableOwners(of: used.map(\.0)))
        }
    }

    private func initiativesByTechnology(_ initiatives: [Int], _ stacks: TechnologyStacks) -> [(technology: Int, initiatives: [Int])] {
        var order: [Int] = []
        var users: [Int: [Int]] = [:]
        for initiative in initiatives {
            for technology in stacks[initiative] {
                if users[technology] == nil { order.append(technology) }
                users[technology, default: []].append(initiative)
            }
        }
        return order.map { ($0, users[$0] ?? []) }
    }
}
