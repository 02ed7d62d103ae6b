import InterlockAnalysis
import InterlockCore

/// `units`: business units as nodes, coloured by the worst finding of their initiatives, joined
/// by edges whose width grows with the dependencies between their initiatives, and by dashed
/// edges for the data sources both use. The aggregate view for large portfolios.
struct UnitsView {
    /// Node id of the initiatives that name no business unit.
    static let noUnitID = "interlock:no-unit"
    /// Stands for "no unit" where a unit node number is expected.
    private static let noUnit = -1

    func diagram(in context: ViewContext) -> Diagram {
        let graph = context.graph
        var members: [Int: [Int]] = [:]
        for initiative in graph.nodes(ofKind: .initiative) {
            members[unit(of: initiative, graph), default: []].append(initiative)
        }
        let severity = members.mapValues { $0.compactMap(context.severity(of:)).max() }
        let units = Array(graph.nodes(ofKind: .unit)) + (members[Self.noUnit] == nil ? [] : [Self.noUnit])
        let riskKey = { (unit: Int) in [severity[unit].flatMap { $0 }.map { Severity.allCases.firstIndex(of: $0) ?? 0 } ?? -1, members[unit]?.count ?? 0] }
        let cut = NodeCut(units, limit: context.options.maxNodes) { riskKey($0).lexicographicallyPrecedes(riskKey($1), by: >) }
        let kept = Set(cut.kept)

        let nodes = cut.kept.map { unit in
            let count = members[unit]?.count ?? 0
            let worst = severity[unit].flatMap { $0 }
            let findings = Set((members[unit] ?? []).flatMap { context.findings.messages[graph.id(of: $0)] ?? [] }).count
            return DiagramNode(
                id: id(of: unit, graph), label: .plain("\(name(of: unit, graph))\n\(count) initiative\(count == 1 ? "" : "s")"),
                shape: Palette.shape(for: .unit), style: [.filled], fillColor: Palette.fill(for: worst), lineColor: Palette.line(for: worst),
                penWidth: worst == .error ? 2 : nil, tooltip: "\(count) initiatives; \(findings) findings involve them")
        }
        let edges = (dependencyEdges(graph) + sharedDataEdges(graph) + hierarchyEdges(graph)).filter { kept.contains($0.from) && kept.contains($0.to) }
            .map { $0.edge(ids: { id(of: $0, graph) }) }
        let shown = Set(cut.kept.compactMap { severity[$0].flatMap { $0 } })
        var entries = [LegendEntry(.shape(Palette.shape(for: .unit)), "Business unit")]
        for level in Severity.allCases.reversed() where shown.contains(level) {
            entries.append(LegendEntry(.fill(Palette.fill(for: level), border: Palette.line(for: level)), "Worst finding: \(level.rawValue)"))
        }
        entries.append(LegendEntry(.line(Palette.neutral, .solid), "Dependencies between initiatives (width: count)"))
        entries.append(LegendEntry(.line(Palette.muted, .dashed), "Data sources used by both units"))
        entries.append(LegendEntry(.line(Palette.muted, .dotted), "Part of a larger unit"))
        let notes = ["\(units.count) business units, \(graph.nodes(ofKind: .initiative).count) initiatives"]
            + [cut.note(criterion: "with the lowest risk")].compactMap { $0 }
        return Diagram(
            title: context.title("business units"), notes: notes, rankDirection: .leftToRight, nodes: nodes, edges: edges,
            legend: Legend(entries: entries))
    }

    /// An aggregated edge between two units (or "no unit").
    private struct UnitEdge {
        enum Kind { case dependencies, sharedData, parent }
        var from: Int
        var to: Int
        var kind: Kind
        var count = 0

        func edge(ids: (Int) -> String) -> DiagramEdge {
            let plural = count == 1 ? "" : "s"
            return switch kind {
            case .dependencies:
                DiagramEdge(
                    from: ids(from), to: ids(to), label: "\(count) dependenc\(count == 1 ? "y" : "ies")", color: Palette.neutral,
                    penWidth: Double(min(1 + count, 8)), weight: count)
            case .sharedData:
                DiagramEdge(
                    from: ids(from), to: ids(to), label: "\(count) shared data source\(plural)", color: Palette.muted, style: .dashed,
                    direction: EdgeDirection.none)
            case .parent:
                DiagramEdge(from: ids(from), to: ids(to), color: Palette.muted, style: .dotted, arrowHead: .odot, tooltip: "part of")
            }
        }
    }

    /// Dependencies between initiatives of different units, counted per ordered unit pair.
    private func dependencyEdges(_ graph: PortfolioGraph) -> [UnitEdge] {
        var counts: [[Int]: Int] = [:]
        for initiative in graph.nodes(ofKind: .initiative) {
            let from = unit(of: initiative, graph)
            for dependency in graph.successors(of: initiative, via: .dependsOn) where graph.kind(of: dependency) == .initiative {
                let to = unit(of: dependency, graph)
                if from != to { counts[[from, to], default: 0] += 1 }
            }
        }
        return counts.keys.sorted { $0.lexicographicallyPrecedes($1) }.map { UnitEdge(from: $0[0], to: $0[1], kind: .dependencies, count: counts[$0] ?? 0) }
    }

    /// Data sources that initiatives of two different units both read or write, per unit pair.
    private func sharedDataEdges(_ graph: PortfolioGraph) -> [UnitEdge] {
        var counts: [[Int]: Int] = [:]
        for source in graph.nodes(ofKind: .dataSource) {
            let users = graph.predecessors(of: source, via: .reads) + graph.predecessors(of: source, via: .writes)
            let units = Set(users.map { unit(of: $0, graph) }).sorted()
            for (index, first) in units.enumerated() {
                for second in units[(index + 1)...] { counts[[first, second], default: 0] += 1 }
            }
        }
        return counts.keys.sorted { $0.lexicographicallyPrecedes($1) }.map { UnitEdge(from: $0[0], to: $0[1], kind: .sharedData, count: counts[$0] ?? 0) }
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
