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
        title: LocalizedText(en: "Hierarchies that loop", fr: "Hiérarchies qui tournent en rond"),
        whyItMatters: LocalizedText(
            en: "A unit or capability that is part of itself cannot be placed in the organisation or the capability map, so what it holds is counted nowhere.",
            fr: "Une unité ou une capacité qui fait partie d'elle-même ne trouve sa place ni dans l'organisation ni dans la carte des capacités : ce qu'elle contient n'est compté nulle part."))
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
        return Finding(
            rule: id, severity: .error, nodes: ordered, in: graph, explanation: Explanation(loop: ordered, kind: kind),
            owners: graph.contactableOwners(of: ordered))
    }

    /// A loop of `parent` links, from its member with the smallest id.
    struct Explanation: FindingExplanation {
        let loop: [Int]
        let kind: NodeKind

        func message(_ phrasing: Phrasing, in graph: PortfolioGraph) -> String {
            let first = graph.quoted(loop[0], phrasing)
            let unit = kind == .unit
            if loop.count == 1 {
                return phrasing.text(
                    en: "\(unit ? "Business unit" : "Capability") \(first) is its own parent.",
                    fr: "\(unit ? "L'unité métier" : "La capacité") \(first) est son propre parent.")
            }
            let chain = (loop.dropFirst() + [loop[0]]).map { graph.quoted($0, phrasing) }
            return phrasing.text(
                en: "\(unit ? "Business unit" : "Capability") \(first) is part of \(chain.joined(separator: ", which is part of ")): the hierarchy loops and has no top.",
                fr: "\(unit ? "L'unité métier" : "La capacité") \(first) fait partie de \(chain.joined(separator: ", qui fait partie de ")) : la hiérarchie tourne en rond et n'a pas de sommet.")
        }

        func action(_ phrasing: Phrasing, in graph: PortfolioGraph) -> String {
            loop.count == 1
                ? phrasing.text(en: "Give it another parent, or none.", fr: "Lui donner un autre parent, ou aucun.")
                : phrasing.text(en: "Give one of them a parent outside the loop, or none.", fr: "Donner à l'un d'eux un parent hors de la boucle, ou aucun.")
        }
    }
}
