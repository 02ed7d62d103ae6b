import InterlockCore

extension RuleID {
    /// `parent-cycle`.
    public static let parentCycle = RuleID("parent-cycle")
}

/// `parent-cycle`: business units or capabilities whose `parent` links lead back to themselves
/// (a is part of b, b part of a, or a part of itself). The hierarchy then has no top: roll-ups by
/// unit and the capability map cannot place what the loop holds.
public struct ParentCycle: Detector {
    /// `parent-cycle`.
    public let id = RuleID.parentCycle
    /// How the board report speaks of it.
    public let wording = RuleWording(
        title: "Hierarchies that loop",
        whyItMatters: "A unit or capability that is part of itself cannot be placed in the organisation or the capability map, so what it holds is counted nowhere.")
    /// What the detector looks for.
    public let summary = "Business units or capabilities whose parent links lead back to themselves."

    /// Creates the detector.
    public init() {}

    /// One error per loop, its members in parent order from the one with the smallest id.
    /// Each node has one parent at most, so following parents from every node, and stopping at
    /// nodes already followed, is linear and needs no recursion.
    public func run(in context: AnalysisContext) -> [Finding] {
        let graph = context.graph
        var findings: [Finding] = []
        for kind in [NodeKind.unit, .capability] {
            let nodes = graph.nodes(ofKind: kind)
            var followed = [Bool](repeating: false, count: nodes.count)
            for start in nodes where !followed[start - nodes.lowerBound] {
                var walk: [Int] = []
                var position: [Int: Int] = [:]
                var node: Int? = start
                while let current = node, !followed[current - nodes.lowerBound] {
                    followed[current - nodes.lowerBound] = true
                    position[current] = walk.count
                    walk.append(current)
                    node = graph.successors(of: current, via: .partOf).first { nodes.contains($0) }
                    // Back on this walk: the nodes from there on are a loop.
                    if let next = node, let first = position[next] {
                        findings.append(finding(Array(walk[first...]), kind: kind, in: graph))
                        break
                    }
                }
            }
        }
        return findings
    }

    private func finding(_ loop: [Int], kind: NodeKind, in graph: PortfolioGraph) -> Finding {
        let smallest = loop.indices.min { graph.id(of: loop[$0]) < graph.id(of: loop[$1]) } ?? 0
        let ordered = Array(loop[smallest...] + loop[..<smallest])
        let what = kind == .unit ? "Business unit" : "Capability"
        let parents = (ordered.dropFirst() + [ordered[0]]).map(graph.quoted).joined(separator: ", which is part of ")
        let isSelf = ordered.count == 1
        let message = isSelf
            ? "\(what) \(graph.quoted(ordered[0])) is its own parent."
            : "\(what) \(graph.quoted(ordered[0])) is part of \(parents): the hierarchy loops and has no top."
        return Finding(
            rule: id, severity: .error, nodes: ordered, in: graph, message: message,
            action: isSelf ? "Give it another parent, or none." : "Give one of them a parent outside the loop, or none.",
            owners: graph.contactableOwners(of: ordered))
    }
}
