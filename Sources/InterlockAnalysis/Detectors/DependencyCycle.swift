import InterlockCore

extension RuleID {
    /// `dependency-cycle`.
    public static let dependencyCycle = RuleID("dependency-cycle")
}

/// `dependency-cycle`: initiatives that depend on each other in a loop, so none can be delivered
/// or changed first. One finding per strongly connected component of `dependsOn`, showing one
/// shortest concrete cycle; a self-dependency counts.
public struct DependencyCycle: Detector {
    /// `dependency-cycle`.
    public let id = RuleID.dependencyCycle
    /// How the board report speaks of it.
    public let wording = RuleWording(
        title: LocalizedText(en: "Initiatives waiting on each other", fr: "Initiatives qui s'attendent mutuellement"),
        whyItMatters: LocalizedText(
            en: "None of these initiatives can finish first, so all of them slip together.",
            fr: "Aucune de ces initiatives ne peut aboutir la première : elles prennent toutes du retard ensemble."),
        glossary: [
            GlossaryEntry(
                business: LocalizedText(en: "Initiatives waiting on each other", fr: "Initiatives qui s'attendent mutuellement"),
                technical: LocalizedText(en: "dependency cycle", fr: "cycle de dépendances"),
                meaning: LocalizedText(
                    en: "A loop of dependencies (A needs B, B needs C, C needs A): none of them can be finished first; a knot is all the initiatives caught in such loops together.",
                    fr: "Une boucle de dépendances (A a besoin de B, B de C, C de A) : aucune ne peut être terminée la première ; un nœud regroupe toutes les initiatives prises dans ces boucles.")),
        ])
    /// What the detector looks for.
    public let summary = "Initiatives that depend on each other in a loop (strongly connected components of dependsOn)."

    /// Creates the detector.
    public init() {}

    /// One error per cyclic component.
    public func run(in context: AnalysisContext) -> [Finding] {
        let graph = context.graph
        let dependsOn = EdgeKindSet(.dependsOn)
        return context.dependencyCycles.map { component in
            let cycle = graph.shortestCycle(in: component, over: dependsOn)
            let inCycle = Set(cycle)
            let others = component.filter { !inCycle.contains($0) }.sorted { graph.id(of: $0) < graph.id(of: $1) }
            let involved = cycle + others
            return Finding(
                rule: id, severity: .error, nodes: involved, in: graph, explanation: Explanation(cycle: cycle, others: others.count),
                owners: graph.contactableOwners(of: involved), budgetAtStake: graph.budget(of: involved))
        }
    }

    /// One shortest loop, and how many more initiatives share its knot.
    struct Explanation: FindingExplanation {
        let cycle: [Int]
        let others: Int

        func message(_ phrasing: Phrasing, in graph: PortfolioGraph) -> String {
            guard cycle.count > 1 else {
                let name = graph.quoted(cycle[0], phrasing)
                return phrasing.text(
                    en: "Initiative \(name) depends on itself, so it can never be declared ready.",
                    fr: "L'initiative \(name) dépend d'elle-même : elle ne pourra jamais être déclarée prête.")
            }
            let path = (cycle + [cycle[0]]).map { graph.name(of: $0) }.joined(separator: " → ")
            return phrasing.text(
                en: "\(cycle.count) initiatives depend on each other in a loop, so none can be delivered first: \(path)"
                    + (others == 0 ? "." : " (\(others) more initiatives are caught in the same knot)."),
                fr: "\(phrasing.number(cycle.count)) initiatives dépendent les unes des autres en boucle, si bien qu'aucune ne peut être livrée la première : \(path)"
                    + (others == 0 ? "." : " (\(phrasing.count(others, "autre initiative est prise", "autres initiatives sont prises")) dans le même nœud)."))
        }

        func action(_ phrasing: Phrasing, in graph: PortfolioGraph) -> String {
            guard cycle.count > 1 || phrasing.language == .en else {
                return ("Supprimer la dépendance de \(graph.quoted(cycle[0], phrasing)) envers elle-même." as FrenchText).text
            }
            let names = graph.quotedList(cycle, phrasing)
            return phrasing.text(
                en: "Agree which of \(names) delivers first and remove or reverse one dependency in the loop.",
                fr: "Décider laquelle des initiatives \(names) sera livrée la première, puis supprimer ou inverser une dépendance de la boucle.")
        }
    }
}
