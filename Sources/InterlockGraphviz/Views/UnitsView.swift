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

        let nodes = cut.kept.map { unit in node(for: unit, members: members[unit] ?? [], exposure: exposure, context) }
        let widths = Self.rankWidths(shownTies.map(\.total))
        var edges = zip(shownTies, widths).map { tie, width in edge(for: tie, width: width, context) }
        edges += hierarchyEdges(context, among: kept)

        let say = context.phrasing
        let running = cut.kept.filter { members[$0] != nil }.count, active = members.values.reduce(0) { $0 + $1.count }
        var notes = [context.text(
            en: "\(say.count(running, "business unit", "business units")) running \(say.count(active, "active initiative", "active initiatives"))",
            fr: "\(say.count(running, "unité métier", "unités métier")) menant \(say.count(active, "initiative active", "initiatives actives"))")]
        if drawnTies.count > shownTies.count {
            let weaker = drawnTies[shownTies.count...]
            let units = Set(weaker.flatMap { [$0.first, $0.second] }).count
            notes.append(context.text(
                en: "The \(say.number(shownTies.count)) strongest ties are drawn; \(say.number(weaker.count)) weaker ones between \(say.number(units)) units are not.",
                fr: "Les \(say.number(shownTies.count)) liens les plus forts sont dessinés ; \(say.number(weaker.count)) liens plus faibles entre \(say.number(units)) unités ne le sont pas."))
        }
        notes += [cut.note(criterion: context.text(en: "with the least budget at risk", fr: "dont le budget à risque est le plus faible"), context)].compactMap { $0 }
        return Diagram(
            title: context.title(context.text(en: "business units", fr: "unités métier")), notes: notes, rankDirection: .leftToRight, nodes: nodes, edges: edges,
            legend: legend(exposure: exposure, units: cut.kept, edges: edges, context))
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

    private func node(for unit: Int, members: [Int], exposure: Exposure, _ context: ViewContext) -> DiagramNode {
        let graph = context.graph, say = context.phrasing
        let band = exposure.band(of: unit)
        var label = "\(name(of: unit, context))\n\(say.count(members.count, "initiative", "initiatives"))"
        let share = Int((exposure.share(of: unit) * 100).rounded())
        if exposure.amount(of: unit) > 0 {
            let amount = say.abbreviatedMoney(exposure.amount(of: unit), currency: graph.portfolio.currency)
            label += "\n" + context.text(en: "\(amount) at risk (\(share) %)", fr: "\(amount) à risque (\(say.percent(share)))")
        } else if share > 0 {
            label += "\n" + context.text(en: "\(share) % at risk", fr: "\(say.percent(share)) à risque")
        }
        return DiagramNode(
            id: id(of: unit, graph), label: .plain(label), shape: Palette.shape(for: .unit), style: [.filled],
            fillColor: Palette.fill(for: band), lineColor: Palette.line(for: band), penWidth: band == .error ? 2 : nil,
            tooltip: context.text(
                en: "\(name(of: unit, context)): \(members.count) active initiatives; \(share) % of their budget named by a serious problem",
                fr: "\(name(of: unit, context)) : \(say.count(members.count, "initiative active", "initiatives actives")) ; \(say.percent(share)) de leur budget visé par un problème grave"))
    }

    private func edge(for tie: UnitEntanglement, width: Double, _ context: ViewContext) -> DiagramEdge {
        let graph = context.graph, say = context.phrasing
        var parts: [String] = []
        if tie.dependencies > 0 {
            parts.append(context.text(en: "\(tie.dependencies) dependenc\(tie.dependencies == 1 ? "y" : "ies")", fr: "\(say.count(tie.dependencies, "dépendance", "dépendances"))"))
        }
        if tie.dataFlows > 0 {
            parts.append(context.text(en: "\(tie.dataFlows) data flow\(tie.dataFlows == 1 ? "" : "s")", fr: "\(say.count(tie.dataFlows, "flux de données", "flux de données"))"))
        }
        if tie.platforms > 0 {
            parts.append(context.text(en: "\(tie.platforms) on shared platforms", fr: "\(say.number(tie.platforms)) sur des plateformes partagées"))
        }
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
    private func hierarchyEdges(_ context: ViewContext, among kept: Set<Int>) -> [DiagramEdge] {
        let graph = context.graph
        return graph.nodes(ofKind: .unit).filter(kept.contains).flatMap { unit in
            graph.successors(of: unit, via: .partOf).filter { kept.contains($0) && graph.kind(of: $0) == .unit }.map { parent in
                DiagramEdge(from: id(of: unit, graph), to: id(of: parent, graph), color: Palette.muted, style: .dotted, arrowHead: .odot,
                            tooltip: context.text(en: "part of", fr: "fait partie de"))
            }
        }
    }

    /// The unit shape, the bands drawn, and the edges drawn: ties at their thinnest and
    /// thickest, saying that width ranks them, and parent links.
    private func legend(exposure: Exposure, units: [Int], edges: [DiagramEdge], _ context: ViewContext) -> Legend {
        var entries = [LegendEntry(.shape(Palette.shape(for: .unit)), context.text(en: "Business unit running initiatives", fr: "Unité métier menant des initiatives"))]
        let bands = Set(units.compactMap { exposure.band(of: $0) })
        let words: [(Severity, String)] = [
            (.error, context.text(en: "A third or more of its budget at risk", fr: "Un tiers ou plus de son budget à risque")),
            (.warning, context.text(en: "A tenth to a third at risk", fr: "D'un dixième à un tiers à risque")),
            (.info, context.text(en: "Less than a tenth at risk", fr: "Moins d'un dixième à risque")),
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
                entries.append(LegendEntry(.edge(look), context.text(en: "Units that must plan together", fr: "Unités qui doivent planifier ensemble")))
            } else {
                entries.append(LegendEntry(.edge(look.width(thinnest)), context.text(
                    en: "Units that must plan together: the weakest ties", fr: "Unités qui doivent planifier ensemble : les liens les plus faibles")))
                entries.append(LegendEntry(.edge(look.width(thickest)), context.text(
                    en: "… the strongest (width ranks the ties drawn)", fr: "… les plus forts (l'épaisseur classe les liens dessinés)")))
            }
        }
        if let parent = edges.first(where: { $0.style == .dotted }) {
            entries.append(LegendEntry(.edge(EdgeLook(of: parent)), context.text(en: "Part of a larger unit", fr: "Fait partie d'une unité plus large")))
        }
        return context.legend(entries)
    }

    private func id(of unit: Int, _ graph: PortfolioGraph) -> String { unit == Self.noUnit ? Self.noUnitID : graph.id(of: unit) }
    private func name(of unit: Int, _ context: ViewContext) -> String {
        unit == Self.noUnit ? context.text(en: "No business unit", fr: "Sans unité métier") : context.graph.name(of: unit)
    }
}
