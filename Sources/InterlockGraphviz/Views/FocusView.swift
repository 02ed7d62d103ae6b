import InterlockAnalysis
import InterlockCore

/// `focus`: the neighbourhood of one node up to a depth, upstream (what depends on it),
/// downstream (what it depends on) or both: what breaks if it slips.
struct FocusView {
    /// Relations followed and drawn.
    static let relations = EdgeKindSet([.dependsOn, .uses, .reads, .writes, .delivers, .supports, .hostedOn])

    func diagram(in context: ViewContext, options: ViewOptions) throws(ViewError) -> Diagram {
        let graph = context.graph
        guard let focus = options.focus else { throw .missingFocus }
        guard let centre = graph.node(withID: focus.nodeID) else { throw .unknownNode(focus.nodeID) }
        let direction: TraversalDirection =
            switch focus.direction {
            case .up: .backward
            case .down: .forward
            case .both: .both
            }
        var distance = [centre: 0]
        for (node, steps) in graph.reachable(from: [centre], over: Self.relations, direction: direction, maxDepth: max(focus.depth, 0)) {
            distance[node] = steps
        }
        let cut = NodeCut(distance.keys.sorted(), limit: options.maxNodes) { distance[$0, default: 0] < distance[$1, default: 0] }
        var composer = DiagramComposer(context, nodes: cut.kept, relations: Self.relations)
        composer.highlighted = centre
        composer.clusterInitiativesByUnit()
        let reach =
            switch focus.direction {
            case .up: context.text(en: "what depends on it", fr: "ce qui en dépend")
            case .down: context.text(en: "what it depends on", fr: "ce dont il dépend")
            case .both: context.text(en: "what depends on it and what it depends on", fr: "ce qui en dépend et ce dont il dépend")
            }
        let say = context.phrasing
        let notes = cut.notes(after: context.text(
            en: "\(context.name(of: graph.kind(of: centre))) \(focus.nodeID): \(reach), up to \(say.count(focus.depth, "step", "steps"))",
            fr: "\(context.name(of: graph.kind(of: centre))) \(focus.nodeID) : \(reach), jusqu'à \(say.count(focus.depth, "pas", "pas"))"),
            criterion: context.text(en: "farthest from it", fr: "plus éloignés"), context)
        return composer.diagram(subject: context.text(en: "focus on \(graph.name(of: centre))", fr: "autour de \(graph.name(of: centre))"), notes: notes)
    }
}
