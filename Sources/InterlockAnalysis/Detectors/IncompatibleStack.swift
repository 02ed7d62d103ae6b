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
        title: LocalizedText(en: "Technologies that clash", fr: "Technologies incompatibles"),
        whyItMatters: LocalizedText(
            en: "Systems that must work together are built on technologies that do not, so integration costs and delays follow.",
            fr: "Des systèmes qui doivent fonctionner ensemble reposent sur des technologies qui ne le permettent pas : surcoûts d'intégration et retards en découlent."))
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
                    guard let reason = table.incompatibility(first, second) else { continue }
                    findings.append(Finding(
                        rule: id, severity: .error,
                        nodes: [initiative, first, second], in: graph,
                        explanation: Explanation.within(initiative: initiative, first, second, reason),
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
                    guard let reason = table.incompatibility(ours, partner) else { continue }
                    let key = [min(link.dependent, link.dependency), max(link.dependent, link.dependency), min(ours, partner), max(ours, partner)]
                    guard reportedPairs.insert(key).inserted else { continue }
                    reported.insert(LinkedPair(link.dependent, link.dependency, ours))
                    reported.insert(LinkedPair(link.dependent, link.dependency, partner))
                    findings.append(Finding(
                        rule: id, severity: .error,
                        nodes: [link.dependent, link.dependency, ours, partner], in: graph,
                        explanation: Explanation.dependency(link.dependent, ours, on: link.dependency, partner, reason),
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
                for (partner, _) in table.clashes(of: technology, among: readersByTechnology, categories: readerTechnologiesByCategory) {
                    guard let readers = readersByTechnology[partner], let reason = table.incompatibility(technology, partner) else { continue }
                    let involved = (writers + readers).uniqued()
                    let alreadyReported = writers.allSatisfy { writer in
                        readers.allSatisfy { writer == $0 || reported.contains(LinkedPair(writer, $0, technology)) }
                    }
                    guard involved.count > 1, !alreadyReported else { continue }
                    findings.append(Finding(
                        rule: id, severity: .error,
                        nodes: ([exchange.source, technology, partner] + involved), in: graph,
                        explanation: Explanation.data(source: exchange.source, writers: writers, technology, readers: readers, partner, reason),
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
            return Finding(
                rule: id, severity: .warning, nodes: used.map(\.0), in: graph,
                explanation: Explanation.exclusiveCategory(category, used.map { ($0.0, $0.1.count) }),
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

    /// The four ways technologies clash.
    enum Explanation: FindingExplanation {
        /// One initiative uses both.
        case within(initiative: Int, Int, Int, Incompatibility)
        /// An initiative on one depends on an initiative on the other.
        case dependency(Int, Int, on: Int, Int, Incompatibility)
        /// Writers of a source use one, its readers the other.
        case data(source: Int, writers: [Int], Int, readers: [Int], Int, Incompatibility)
        /// More than one technology of an exclusive category, with how many initiatives use each.
        case exclusiveCategory(String, [(technology: Int, users: Int)])

        func message(_ phrasing: Phrasing, in graph: PortfolioGraph) -> String {
            let quoted = { graph.quoted($0, phrasing) }
            switch self {
            case let .within(initiative, first, second, reason):
                return phrasing.text(
                    en: "Initiative \(quoted(initiative)) combines \(quoted(first)) and \(quoted(second)), which are \(reason.words(phrasing)).",
                    fr: "L'initiative \(quoted(initiative)) associe \(quoted(first)) et \(quoted(second)), qui sont \(reason.words(phrasing)).")
            case let .dependency(dependent, ours, dependency, partner, reason):
                return phrasing.text(
                    en: "\(quoted(dependent)) runs on \(quoted(ours)) but depends on \(quoted(dependency)), which runs on \(quoted(partner)); the two are \(reason.words(phrasing)).",
                    fr: "\(quoted(dependent)) repose sur \(quoted(ours)) mais dépend de \(quoted(dependency)), qui repose sur \(quoted(partner)) ; les deux technologies sont \(reason.words(phrasing)).")
            case let .data(source, writers, technology, readers, partner, reason):
                let (writerNames, readerNames) = (graph.quotedList(writers, phrasing), graph.quotedList(readers, phrasing))
                return phrasing.text(
                    en: "\(writerNames) \(writers.count == 1 ? "writes" : "write") \(quoted(source)) with \(quoted(technology)) while \(readerNames) \(readers.count == 1 ? "reads" : "read") it with \(quoted(partner)); the two are \(reason.words(phrasing)).",
                    fr: "\(writerNames) \(phrasing.plural(writers.count, "écrit", "écrivent")) dans \(quoted(source)) avec \(quoted(technology)), alors que \(readerNames) \(phrasing.plural(readers.count, "la lit", "la lisent")) avec \(quoted(partner)) ; les deux technologies sont \(reason.words(phrasing)).")
            case let .exclusiveCategory(category, used):
                switch phrasing.language {
                case .en:
                    let described = used.map { "\(quoted($0.technology)) (\($0.users) initiative\($0.users == 1 ? "" : "s"))" }
                    return "The policy allows one \(category) technology, but the portfolio uses \(used.count): \(Wording.list(described))."
                case .fr:
                    let described = used.map { "\(quoted($0.technology)) (\(phrasing.count($0.users, "initiative", "initiatives")))" }
                    return ("La politique n'autorise qu'une technologie de la catégorie \(phrasing.quoted(category)), mais le portefeuille en utilise \(phrasing.number(used.count)) : \(phrasing.list(described))." as FrenchText).text
                }
            }
        }

        func action(_ phrasing: Phrasing, in graph: PortfolioGraph) -> String {
            let quoted = { graph.quoted($0, phrasing) }
            switch self {
            case let .within(initiative, _, _, _):
                return phrasing.text(
                    en: "Choose one of the two technologies for \(quoted(initiative)) or get an approved exception.",
                    fr: "Choisir l'une des deux technologies pour \(quoted(initiative)), ou obtenir une dérogation approuvée.")
            case let .dependency(dependent, _, dependency, _, _):
                return phrasing.text(
                    en: "Align \(quoted(dependent)) and \(quoted(dependency)) on one technology or plan an integration layer between them.",
                    fr: "Aligner \(quoted(dependent)) et \(quoted(dependency)) sur une même technologie, ou prévoir une couche d'intégration entre elles.")
            case let .data(source, _, _, _, _, _):
                return phrasing.text(
                    en: "Agree one technology, or an approved interface, for the data in \(quoted(source)).",
                    fr: "Convenir d'une seule technologie, ou d'une interface approuvée, pour les données de \(quoted(source)).")
            case let .exclusiveCategory(category, _):
                return phrasing.text(
                    en: "Choose the \(category) technology the organisation standardises on and plan the migration of the others.",
                    fr: "Choisir la technologie de la catégorie \(phrasing.quoted(category)) sur laquelle l'organisation se standardise, et planifier la migration des autres.")
            }
        }
    }
}
