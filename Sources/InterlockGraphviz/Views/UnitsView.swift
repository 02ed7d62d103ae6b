import InterlockAnalysis
import InterlockCore

/// `units`: the business units that run initiatives, each coloured by the share of its budget
/// that serious problems put at risk, joined by one edge per pair of entangled units whose width
/// ranks how entangled they are (dependencies, data flows and shared platforms between active
/// initiatives, as the board report counts them). The aggregate view for large portfolios.
///
/// Units without an active initiative of their own (a group holding only other units) are left
/// out unless something ties them; past `maximumTies` edges, the weakest ties are summarised in
/// the subtitle rather than drawn, so the picture keeps saying which pairs matter most.
struct UnitsView {
    /// Node id of the initiatives that name no business unit.
    static let noUnitID = "interlock:no-unit"
    /// Stands for "no unit" where a unit node number is expected.
    private static let noUnit = -1
    /// The most ties drawn: more than this and every unit looks tied to every other.
    static let maximumTies = 12

    func diagram(in context: ViewContext, options: ViewOptions) -> Diagram {
        let graph = context.graph
        var members: [Int: [Int]] = [:]
        for initiative in graph.nodes(ofKind: .initiative) where context.analysis.isActiveInitiative(initiative) {
            members[graph.unitNode(of: initiative) ?? Self.noUnit, default: []].append(initiative)
        }
        let exposure = Exposure(context, members: members)
        let ties = context.analysis.unitEntanglement
        let tied = Set(ties.flatMap { [$0.first, $0.second] })
        let candidates = (Array(graph.nodes(ofKind: .unit)) + [Self.noUnit]).filter { members[$0] != nil || tied.contains($0) }
        let cut = NodeCut(candidates, limit: options.maxNodes) { exposure.share(of: $0) > exposure.share(of: $1) }
        let kept = Set(cut.kept)
        let drawnTies = Array(ties.filter { kept.contains($0.first) && kept.contains($0.second) })
        let shownTies = Array(drawnTies.prefix(Self.maximumTies))

        let nodes = cut.kept.map { unit in node(for: unit, members: members[unit] ?? [], exposure: exposure, graph) }
        let widths = Self.rankWidths(shownTies.map(\.total))
        var edges = zip(shownTies, widths).map { tie, width in edge(for: tie, width: width, graph) }
        edges += hierarchyEdges(graph, among: kept)

        var notes = ["\(cut.kept.filter { members[$0] != nil }.count) business units running \(members.values.reduce(0) { $0 + $1.count }) active initiatives"]
        if drawnTies.count > shownTies.count {
            let weaker = drawnTies[shownTies.count...]
            let units = Set(weaker.flatMap { [$0.first, $0.second] }).count
            notes.append("The \(shownTies.count) strongest ties are drawn; \(weaker.count) weaker ones between \(units) units are not.")
        }
        notes += [cut.note(criterion: "with the least budget at risk")].compactMap { $0 }
        return Diagram(
            title: context.title("business units"), notes: notes, rankDirection: .leftToRight, nodes: nodes, edges: edges,
            legend: legend(exposure: exposure, units: cut.kept, edges: edges))
    }

    /// How much of each unit's active budget errors put at risk.
    private struct Exposure {
        private var atRisk: [Int: Double] = [:]
        private var budget: [Int: Double] = [:]
        private var count: [Int: (atRisk: Int, all: Int)] = [:]

        init(_ context: ViewContext, members: [Int: [Int]]) {
            let graph = context.graph
            var risky = Set<Int>()
            for finding in context.findings.findings where finding.severity == .error {
                risky.formUnion(context.analysis.initiativesAtRisk(of: finding))
            }
            for (unit, initiatives) in members {
                let exposed = initiatives.filter(risky.contains)
                budget[unit] = initiatives.reduce(0) { $0 + (graph.budget(ofInitiative: $1) ?? 0) }
                atRisk[unit] = exposed.reduce(0) { $0 + (graph.budget(ofInitiative: $1) ?? 0) }
                count[unit] = (exposed.count, initiatives.count)
            }
        }

        /// The share of the unit's active budget at risk (of its initiatives when it has no budget), 0 to 1.
        func share(of unit: Int) -> Double {
            if let total = budget[unit], total > 0 { return (atRisk[unit] ?? 0) / total }
            guard let count = count[unit], count.all > 0 else { return 0 }
            return Double(count.atRisk) / Double(count.all)
        }

        /// The budget at risk of a unit.
        func amount(of unit: Int) -> Double { atRisk[unit] ?? 0 }

        /// The band a share falls in: a third or more is an error's colour, a tenth or more a
        /// warning's, anything less the colour of information, nothing white.
        func band(of unit: Int) -> Severity? {
            let share = share(of: unit)
            return share >= 1.0 / 3 ? .error : share >= 0.1 ? .warning : share > 0 ? .info : nil
        }
    }

    private func node(for unit: Int, members: [Int], exposure: Exposure, _ graph: PortfolioGraph) -> DiagramNode {
        let band = exposure.band(of: unit)
        var label = "\(name(of: unit, graph))\n\(members.count) initiative\(members.count == 1 ? "" : "s")"
        let share = Int((exposure.share(of: unit) * 100).rounded())
        if exposure.amount(of: unit) > 0 {
            label += " · \(Money.abbreviated(exposure.amount(of: unit), currency: graph.portfolio.currency)) at risk (\(share) %)"
        } else if share > 0 {
            label += " · \(share) % at risk"
        }
        return DiagramNode(
            id: id(of: unit, graph), label: .plain(label), shape: Palette.shape(for: .unit), style: [.filled],
            fillColor: Palette.fill(for: band), lineColor: Palette.line(for: band), penWidth: band == .error ? 2 : nil,
            tooltip: "\(name(of: unit, graph)): \(members.count) active initiatives; \(share) % of their budget named by a serious problem")
    }

    private func edge(for tie: UnitEntanglement, width: Double, _ graph: PortfolioGraph) -> DiagramEdge {
        var parts: [String] = []
        if tie.dependencies > 0 { parts.append("\(tie.dependencies) dependenc\(tie.dependencies == 1 ? "y" : "ies")") }
        if tie.dataFlows > 0 { parts.append("\(tie.dataFlows) data flow\(tie.dataFlows == 1 ? "" : "s")") }
        if tie.platforms > 0 { parts.append("\(tie.platforms) on shared platforms") }
        return DiagramEdge(
            from: id(of: tie.first, graph), to: id(of: tie.second, graph), label: parts.joined(separator: "\n"), color: Palette.neutral,
            penWidth: width, direction: EdgeDirection.none, weight: tie.total)
    }

    /// Line widths by rank among the ties drawn, 1 to 6 points in quartile steps: the counts of a
    /// large portfolio all exceed any fixed scale, their ranks still tell strong ties from weak.
    static func rankWidths(_ totals: [Int]) -> [Double] {
        let sorted = totals.sorted()
        return totals.map { total in
            guard sorted.count > 1, let last = sorted.lastIndex(of: total) else { return 2 }
            let quantile = Double(last) / Double(sorted.count - 1)
            return 1 + (quantile * 4).rounded(.down) * 1.25
        }
    }

    /// Parent links between drawn units, dotted.
    private func hierarchyEdges(_ graph: PortfolioGraph, among kept: Set<Int>) -> [DiagramEdge] {
        graph.nodes(ofKind: .unit).filter(kept.contains).flatMap { unit in
            graph.successors(of: unit, via: .partOf).filter { kept.contains($0) && graph.kind(of: $0) == .unit }.map { parent in
                DiagramEdge(from: id(of: unit, graph), to: id(of: parent, graph), color: Palette.muted, style: .dotted, arrowHead: .odot,
                            tooltip: "part of")
            }
        }
    }

    /// The unit shape, the bands drawn, and the edges drawn: ties at their thinnest and
    /// thickest, saying that width ranks them, and parent links.
    private func legend(exposure: Exposure, units: [Int], edges: [DiagramEdge]) -> Legend {
        var entries = [LegendEntry(.shape(Palette.shape(for: .unit)), "Business unit running initiatives")]
        let bands = Set(units.compactMap { exposure.band(of: $0) })
        let words: [(Severity, String)] = [
            (.error, "A third or more of its budget at risk"), (.warning, "A tenth to a third at risk"), (.info, "Less than a tenth at risk"),
        ]
        for (band, text) in words where bands.contains(band) {
            let look = NodeLook(shape: Palette.shape(for: .unit), fillColor: Palette.fill(for: band), lineColor: Palette.line(for: band), penWidth: band == .error ? 2 : nil)
            entries.append(LegendEntry(.node(look), text))
        }
        let ties = edges.filter { $0.style == .solid }
        let widths = ties.compactMap(\.penWidth)
        if let tie = ties.first, let thinnest = widths.min(), let thickest = widths.max() {
            let look = EdgeLook(of: tie)
            if thinnest == thickest {
                entries.append(LegendEntry(.edge(look), "Units that must plan together"))
            } else {
                entries.append(LegendEntry(.edge(look.width(thinnest)), "Units that must plan together: the weakest ties"))
                entries.append(LegendEntry(.edge(look.width(thickest)), "… the strongest (width ranks the ties drawn)"))
            }
        }
        if let parent = edges.first(where: { $0.style == .dotted }) { entries.append(LegendEntry(.edge(EdgeLook(of: parent)), "Part of a larger unit")) }
        return Legend(entries: entries)
    }

    private func id(of unit: Int, _ graph: PortfolioGraph) -> String { unit == Self.noUnit ? Self.noUnitID : graph.id(of: unit) }
    private func name(of unit: Int, _ graph: PortfolioGraph) -> String { unit == Self.noUnit ? "No business unit" : graph.name(of: unit) }
}
