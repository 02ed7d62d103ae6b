import InterlockAnalysis
import InterlockCore

/// `overview`: every initiative, clustered by business unit, with the technologies and data
/// sources that two or more initiatives share, so overlaps and hidden links show at a glance.
struct OverviewView {
    /// Relations from initiatives that make a technology or data source shared.
    static let sharing = EdgeKindSet([.uses, .reads, .writes, .dependsOn])

    func diagram(in context: ViewContext, options: ViewOptions) -> Diagram {
        let graph = context.graph
        let initiatives = Array(graph.nodes(ofKind: .initiative))
        let assets = (Array(graph.nodes(ofKind: .technology)) + Array(graph.nodes(ofKind: .dataSource))).filter { asset in
            Set(graph.incoming(asset).lazy.filter { Self.sharing.contains(graph.kind(ofEdge: Int($0))) }
                .map { graph.source(ofEdge: Int($0)) }.filter { graph.kind(of: $0) == .initiative }).count >= 2
        }
        let cut = NodeCut(initiatives + assets, limit: options.maxNodes, keepFirst: context.isRiskier)
        var composer = DiagramComposer(context, nodes: cut.kept, relations: EdgeKindSet([.dependsOn, .uses, .reads, .writes, .hostedOn]))
        composer.clusterInitiativesByUnit()
        let say = context.phrasing
        let notes = cut.notes(after: context.text(
            en: "\(say.count(initiatives.count, "initiative", "initiatives")) by business unit, with the \(say.number(assets.count)) technologies and data sources two or more of them share",
            fr: "\(say.count(initiatives.count, "initiative", "initiatives")) par unité métier, avec les \(say.number(assets.count)) technologies et sources de données que plusieurs d'entre elles partagent"),
            criterion: context.text(en: "with the lowest risk", fr: "les moins risqués"), context)
        return composer.diagram(subject: context.text(en: "overview", fr: "vue d'ensemble"), notes: notes)
    }
}
