import InterlockAnalysis
import InterlockCore

extension DiagramComposer {
    /// Groups every duplicated capability with the initiatives that deliver it in one cluster,
    /// captioned with the count and the combined budget. An initiative delivering several
    /// duplicated capabilities joins the first (report order); its other deliveries stay edges.
    mutating func groupDuplicatedCapabilities() {
        let graph = context.graph
        let drawn = Set(nodes)
        for duplicate in context.findings.duplicates {
            let capability = duplicate.capability
            guard drawn.contains(capability), clusterOf[capability] == nil else { continue }
            let clusterID = "duplicated:\(graph.id(of: capability))"
            clusterOf[capability] = clusterID
            for builder in duplicate.builders where drawn.contains(builder) && clusterOf[builder] == nil {
                clusterOf[builder] = clusterID
            }
            let say = context.phrasing
            var label = context.text(
                en: "Duplicated: \(graph.name(of: capability)), \(say.count(duplicate.builders.count, "initiative", "initiatives"))",
                fr: "En double : \(graph.name(of: capability)), \(say.count(duplicate.builders.count, "initiative", "initiatives"))")
            if let budget = duplicate.budget {
                label += ", \(say.abbreviatedMoney(budget, currency: graph.portfolio.currency))"
            }
            clusters.append(
                DiagramCluster(
                    id: clusterID, label: label, style: [.filled, .dashed, .rounded],
                    fillColor: Palette.fill(for: duplicate.severity), lineColor: Palette.line(for: duplicate.severity),
                    tooltip: context.findings.tooltip(for: capability)))
        }
    }
}
