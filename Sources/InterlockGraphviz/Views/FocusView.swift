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
            case .up: "what depends on it"
            case .down: "what it depends on"
            case .both: "what depends on it and what it depends on"
            }
        let notes = ["\(Palette.name(of: graph.kind(of: centre))) \(focus.nodeID): \(reach), up to \(focus.depth) step\(focus.depth == 1 ? "" : "s")"]
            + [cut.note(criterion: "farthest from it")].compactMap { $0 }
        return composer.diagram(subject: "focus on \(graph.name(of: centre))", notes: notes)
    }
}
