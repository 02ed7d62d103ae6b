import InterlockAnalysis
import InterlockCore

/// `capabilities`: the capability map (capabilities and their parents) with the initiatives
/// that deliver each capability; duplicated capabilities grouped with their initiatives.
struct CapabilitiesView {
    func diagram(in context: ViewContext, options: ViewOptions) -> Diagram {
        let graph = context.graph
        let capabilities = Array(graph.nodes(ofKind: .capability))
        let builders = Set(capabilities.flatMap { graph.predecessors(of: $0, via: .delivers) }).sorted()
        let cut = NodeCut(capabilities + builders, keeping: keptGroups(capabilities, in: context, limit: options.maxNodes))
        var composer = DiagramComposer(context, nodes: cut.kept, relations: EdgeKindSet([.delivers, .partOf]))
        composer.groupDuplicatedCapabilities()
        let duplicated = context.findings.duplicates.count
        let say = context.phrasing
        let notes = cut.notes(after: context.text(
            en: "\(say.count(capabilities.count, "capability", "capabilities")) delivered by \(say.count(builders.count, "initiative", "initiatives")); \(say.number(duplicated)) delivered more than once",
            fr: "\(say.count(capabilities.count, "capacité construite", "capacités construites")) par \(say.count(builders.count, "initiative", "initiatives")) ; \(say.number(duplicated)) construite\(duplicated > 1 ? "s" : "") plus d'une fois"),
            criterion: context.text(en: "with the lowest risk", fr: "les moins risqués"), context)
        return composer.diagram(subject: context.text(en: "capabilities", fr: "capacités"), notes: notes)
    }

    /// Under the node budget, whole groups (a capability and the initiatives delivering it),
    /// riskiest capability first, so that no initiative is shown without what it delivers; a
    /// capability whose group no longer fits is shown alone while there is room.
    private func keptGroups(_ capabilities: [Int], in context: ViewContext, limit: Int) -> Set<Int> {
        var kept: Set<Int> = []
        for capability in capabilities.sorted(by: { context.isRiskier($0, than: $1) || (!context.isRiskier($1, than: $0) && $0 < $1) }) {
            guard kept.count < limit else { break }
            let group = [capability] + context.graph.predecessors(of: capability, via: .delivers).filter { !kept.contains($0) }
            if kept.count + group.count <= limit {
                kept.formUnion(group)
            } else {
                kept.insert(capability)
            }
        }
        return kept
    }
}
