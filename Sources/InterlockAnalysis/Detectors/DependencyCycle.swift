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
        title: "Initiatives waiting on each other",
        whyItMatters: "None of these initiatives can finish first, so all of them slip together.",
        glossary: [
            GlossaryEntry(
                business: "Initiatives waiting on each other", technical: "dependency cycle",
                meaning: "A loop of dependencies (A needs B, B needs C, C needs A): none of them can be finished first; a knot is all the initiatives caught in such loops together."),
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
            let message: String
            if cycle.count == 1 {
                message = "Initiative \(graph.quoted(cycle[0])) depends on itself, so it can never be declared ready."
            } else {
                let path = (cycle + [cycle[0]]).map { graph.name(of: $0) }.joined(separator: " → ")
                let extra = others.isEmpty ? "" : " (\(others.count) more initiatives are caught in the same knot)"
                message = "\(cycle.count) initiatives depend on each other in a loop, so none can be delivered first: \(path)\(extra)."
            }
            return Finding(
                rule: id, severity: .error, nodes: involved, in: graph, message: message,
                action: "Agree which of \(graph.quotedList(cycle)) delivers first and remove or reverse one dependency in the loop.",
                owners: graph.contactableOwners(of: involved), budgetAtStake: graph.budget(of: involved))
        }
    }
}
