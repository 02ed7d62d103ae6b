import InterlockCore

/// `capabilities`: the capability map (capabilities and their parents) with the initiatives
/// that deliver each capability; duplicated capabilities grouped with their initiatives.
struct CapabilitiesView {
    func diagram(in context: ViewContext) -> Diagram {
        let graph = context.graph
        let capabilities = Array(graph.nodes(ofKind: .capability))
        let builders = Set(capabilities.flatMap { graph.predecessors(of: $0, via: .delivers) }).sorted()
        let cut = NodeCut(capabilities + builders, limit: context.options.maxNodes, keepFirst: context.isRiskier)
        var composer = DiagramComposer(context, nodes: cut.kept, relations: EdgeKindSet([.delivers, .partOf]))
        composer.groupDuplicatedCapabilities()
        let duplicated = context.findings.duplicates.count
        let notes = ["\(capabilities.count) capabilities delivered by \(builders.count) initiatives; \(duplicated) delivered more than once"]
            + [cut.note(criterion: "with the lowest risk")].compactMap { $0 }
        return composer.diagram(subject: "capabilities", notes: notes)
    }
}
