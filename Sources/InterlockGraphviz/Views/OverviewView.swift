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
        var diagram = composer.diagram(subject: context.text(en: "overview", fr: "vue d'ensemble"), notes: notes)
        Self.countLeftOut(Set(initiatives).subtracting(cut.kept), in: context, on: &diagram)
        return diagram
    }

    /// Counts the initiatives a cut left out where they belong, without drawing more: "and 12
    /// more" in the caption of each unit's box drawn, and a subtitle line for the units with
    /// none drawn.
    static func countLeftOut(_ initiatives: Set<Int>, in context: ViewContext, on diagram: inout Diagram) {
        guard !initiatives.isEmpty else { return }
        let graph = context.graph
        let say = context.phrasing
        let boxes = Dictionary(diagram.clusters.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
        var byBox: [Int: Int] = [:]
        var elsewhere = (count: 0, units: Set<String>())
        for initiative in initiatives {
            let unit = graph.unitNode(of: initiative).map(graph.id(of:))
            if let unit, let box = boxes[unit] {
                byBox[box, default: 0] += 1
            } else {
                elsewhere.count += 1
                elsewhere.units.insert(unit ?? "")
            }
        }
        for (box, count) in byBox {
            let more = context.text(en: "and \(say.count(count, "more initiative", "more initiatives"))",
                                    fr: "et \(say.count(count, "autre initiative", "autres initiatives"))")
            diagram.clusters[box].label = (diagram.clusters[box].label ?? "") + " · " + more
        }
        if elsewhere.count > 0 {
            diagram.notes.append(context.text(
                en: "Not drawn: \(say.count(elsewhere.count, "initiative", "initiatives")) of \(say.count(elsewhere.units.count, "other unit", "other units")).",
                fr: "Non dessinées : \(say.count(elsewhere.count, "initiative", "initiatives")) de \(say.count(elsewhere.units.count, "autre unité", "autres unités"))."))
        }
    }
}
