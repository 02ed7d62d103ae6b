import InterlockAnalysis
import InterlockCore

/// `units`: business units as nodes, coloured by the worst finding of their initiatives, joined
/// by edges whose width grows with how entangled they are (dependencies and data flows between
/// their active initiatives, as the board report counts them). The aggregate view for large portfolios.
struct UnitsView {
    /// Node id of the initiatives that name no business unit.
    static let noUnitID = "interlock:no-unit"
    /// Stands for "no unit" where a unit node number is expected.
    private static let noUnit = -1

    func diagram(in context: ViewContext, options: ViewOptions) -> Diagram {
        let graph = context.graph
        var members: [Int: [Int]] = [:]
        for initiative in graph.nodes(ofKind: .initiative) {
            members[unit(of: initiative, graph), default: []].append(initiative)
        }
        let severity = members.mapValues { $0.compactMap(context.severity(of:)).max() }
        let units = Array(graph.nodes(ofKind: .unit)) + (members[Self.noUnit] == nil ? [] : [Self.noUnit])
        let riskKey = { (unit: Int) in [severity[unit].flatMap { $0 }.map { Severity.allCases.firstIndex(of: $0) ?? 0 } ?? -1, members[unit]?.count ?? 0] }
        let cut = NodeCut(units, limit: options.maxNodes) { riskKey($0).lexicographicallyPrecedes(riskKey($1), by: >) }
        let kept = Set(cut.kept)

        let nodes = cut.kept.map { unit in
            let count = members[unit]?.count ?? 0
            let worst = severity[unit].flatMap { $0 }
            let findings = Set((members[unit] ?? []).flatMap { context.findings.messages[$0] ?? [] }).count
            return DiagramNode(
                id: id(of: unit, graph), label: .plain("\(name(of: unit, graph))\n\(count) initiative\(count == 1 ? "" : "s")"),
                shape: Palette.shape(for: .unit), style: [.filled], fillColor: Palette.fill(for: worst), lineColor: Palette.line(for: worst),
                penWidth: worst == .error ? 2 : nil, tooltip: "\(count) initiatives; \(findings) findings involve them")
        }
        let edges = (entanglementEdges(context) + hierarchyEdges(graph)).filter { kept.contains($0.from) && kept.contains($0.to) }
            .map { $0.edge(ids: { id(of: $0, graph) }) }
        let shown = Set(cut.kept.compactMap { severity[$0].flatMap { $0 } })
        var entries = [LegendEntry(.shape(Palette.shape(for: .unit)), "Business unit")]
        for level in Severity.allCases.reversed() where shown.contains(level) {
            entries.append(LegendEntry(.fill(Palette.fill(for: level), border: Palette.line(for: level)), "Worst finding: \(level.rawValue)"))
        }
        entries.append(LegendEntry(.line(Palette.neutral, .solid), "Dependencies and data flows between active initiatives (width: count)"))
        entries.append(LegendEntry(.line(Palette.muted, .dotted), "Part of a larger unit"))
        let notes = ["\(units.count) business units, \(graph.nodes(ofKind: .initiative).count) initiatives"]
            + [cut.note(criterion: "with the lowest risk")].compactMap { $0 }
        return Diagram(
            title: context.title("business units"), notes: notes, rankDirection: .leftToRight, nodes: nodes, edges: edges,
            legend: Legend(entries: entries))
    }

    /// An aggregated edge between two units (or "no unit").
    private struct UnitEdge {
        enum Kind { case entanglement(UnitEntanglement), parent }
        var from: Int
        var to: Int
        var kind: Kind

        func edge(ids: (Int) -> String) -> DiagramEdge {
            switch kind {
            case .entanglement(let tie):
                var parts: [String] = []
                if tie.dependencies > 0 { parts.append("\(tie.dependencies) dependenc\(tie.dependencies == 1 ? "y" : "ies")") }
                if tie.dataFlows > 0 { parts.append("\(tie.dataFlows) data flow\(tie.dataFlows == 1 ? "" : "s")") }
                return DiagramEdge(
                    from: ids(from), to: ids(to), label: parts.joined(separator: ", "), color: Palette.neutral,
                    penWidth: Double(min(1 + tie.total, 8)), direction: EdgeDirection.none, weight: tie.total)
            case .parent:
                return DiagramEdge(from: ids(from), to: ids(to), color: Palette.muted, style: .dotted, arrowHead: .odot, tooltip: "part of")
            }
        }
    }

    /// One edge per pair of entangled units (docs/scoring.md, "Entanglement").
    private func entanglementEdges(_ context: ViewContext) -> [UnitEdge] {
        context.analysis.unitEntanglement.map { UnitEdge(from: $0.first, to: $0.second, kind: .entanglement($0)) }
    }

    /// Parent links between units, dotted.
    private func hierarchyEdges(_ graph: PortfolioGraph) -> [UnitEdge] {
        graph.nodes(ofKind: .unit).flatMap { unit in
            graph.successors(of: unit, via: .partOf).filter { graph.kind(of: $0) == .unit }.map { UnitEdge(from: unit, to: $0, kind: .parent) }
        }
    }

    private func unit(of initiative: Int, _ graph: PortfolioGraph) -> Int { graph.unitNode(of: initiative) ?? Self.noUnit }
    private func id(of unit: Int, _ graph: PortfolioGraph) -> String { unit == Self.noUnit ? Self.noUnitID : graph.id(of: unit) }
    private func name(of unit: Int, _ graph: PortfolioGraph) -> String { unit == Self.noUnit ? "No business unit" : graph.name(of: unit) }
}
