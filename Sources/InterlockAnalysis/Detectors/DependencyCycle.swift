import InterlockCore

/// `dependency-cycle`: initiatives that depend on each other in a loop, so none can be delivered
/// or changed first. One finding per strongly connected component of `dependsOn`, showing one
/// shortest concrete cycle; a self-dependency counts.
public struct DependencyCycle: Detector {
    /// `dependency-cycle`.
    public let id = "dependency-cycle"
    /// What the detector looks for.
    public let summary = "Initiatives that depend on each other in a loop (strongly connected components of dependsOn)."

    /// Creates the detector.
    public init() {}

    /// One error per cyclic component.
    public func run(on graph: PortfolioGraph) -> [Finding] {
        let dependsOn = EdgeKindSet(.dependsOn)
        return graph.cyclicComponents(over: dependsOn).map { component in
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
                rule: id, severity: .error, nodes: involved.map { graph.id(of: $0) }, message: message,
                action: "Agree which initiative delivers first and remove or reverse one dependency in the loop.",
                owners: graph.contactableOwners(of: involved), budgetAtStake: graph.budget(of: involved))
        }
    }
}
