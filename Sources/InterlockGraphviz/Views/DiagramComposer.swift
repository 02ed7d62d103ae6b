import InterlockAnalysis
import InterlockCore

/// Turns a selection of graph nodes into a ``Diagram`` with the shared visual language: shapes
/// by kind, colours by worst severity, unowned nodes dashed, cycle edges red, incompatible
/// technologies joined by a red dashed edge with the reason, clusters, a legend and a title.
///
/// Views decide *what* to show (nodes, relations, clusters); the composer decides how it looks.
struct DiagramComposer {
    let context: ViewContext
    /// Graph nodes to draw, in drawing order.
    var nodes: [Int]
    /// Relations drawn between drawn nodes (`incompatibleWith` is drawn from the findings
    /// instead, with reasons).
    var relations: EdgeKindSet
    /// The cluster of each node that is in one.
    var clusterOf: [Int: String] = [:]
    /// The clusters.
    var clusters: [DiagramCluster] = []
    /// A node drawn with a double, thick outline (the centre of a focus view).
    var highlighted: Int?

    /// A composer for `nodes` joined by `relations`.
    init(_ context: ViewContext, nodes: [Int], relations: EdgeKindSet) {
        self.context = context
        self.nodes = nodes
        self.relations = relations
    }

    /// Puts every drawn initiative into the cluster of its business unit, nesting units in
    /// their parent units.
    mutating func clusterInitiativesByUnit() {
        let graph = context.graph
        var units: [Int] = []
        for node in nodes where graph.kind(of: node) == .initiative {
            guard let unit = graph.unitNode(of: node) else { continue }
            clusterOf[node] = graph.id(of: unit)
            units.append(unit)
        }
        let parents = PartOfTree(graph, of: .unit).parents(closing: units)
        clusters = parents.keys.sorted().map { unit in
            DiagramCluster(
                id: graph.id(of: unit), label: graph.name(of: unit), parent: parents[unit]?.map { graph.id(of: $0) },
                style: [.filled, .rounded], fillColor: Palette.clusterFill, lineColor: Palette.neutral)
        }
    }

    /// The diagram, titled `subject` with `notes` under the title.
    func diagram(subject: String, notes: [String], rankDirection: RankDirection = .leftToRight) -> Diagram {
        let drawn = Set(nodes)
        let edges = relationEdges(among: drawn)
        let incompatible = incompatibilityEdges()
        var diagram = Diagram(
            title: context.title(subject), notes: notes, rankDirection: rankDirection,
            nodes: nodes.map(diagramNode), edges: edges + incompatible, clusters: clusters)
        diagram.legend = legend(of: diagram)
        return diagram
    }

    // MARK: - Nodes

    private func diagramNode(_ node: Int) -> DiagramNode {
        let graph = context.graph
        let id = graph.id(of: node)
        let severity = context.severity(of: node)
        var label = graph.name(of: node)
        var style: NodeStyle = [.filled]
        if context.findings.unowned.contains(node) {
            label += "\n" + context.text(en: "no owner", fr: "sans responsable")
            style.insert(.dashed)
        }
        let isCentre = node == highlighted
        return DiagramNode(
            id: id, label: .plain(label), shape: Palette.shape(for: graph.kind(of: node)), style: style,
            fillColor: Palette.fill(for: severity), lineColor: Palette.line(for: severity),
            penWidth: isCentre ? 3 : (severity == .error ? 2 : nil), peripheries: isCentre ? 2 : nil,
            tooltip: context.findings.tooltip(for: node) ?? "\(context.name(of: graph.kind(of: node))) \(id)",
            cluster: clusterOf[node])
    }

    // MARK: - Edges

    /// The graph's edges of the drawn relations between drawn nodes, each (source, target,
    /// relation) once; dependencies inside a cycle in red.
    private func relationEdges(among drawn: Set<Int>) -> [DiagramEdge] {
        let graph = context.graph
        let cycles = context.findings.cycleGroup
        var seen: Set<[Int]> = []
        var edges: [DiagramEdge] = []
        for source in nodes {
            for edge in graph.outgoing(source) {
                let kind = graph.kind(ofEdge: edge), target = graph.target(ofEdge: edge)
                guard kind != .incompatibleWith, relations.contains(kind), drawn.contains(target),
                    seen.insert([source, target, Int(kind.rawValue)]).inserted
                else { continue }
                var drawnEdge = self.edge(from: graph.id(of: source), to: graph.id(of: target), kind: kind, version: graph.version(ofEdge: edge))
                if kind == .dependsOn, let group = cycles[source], cycles[target] == group {
                    drawnEdge.color = Self.cycleLook.color
                    drawnEdge.style = Self.cycleLook.style
                    drawnEdge.penWidth = Self.cycleLook.penWidth
                    drawnEdge.tooltip = context.text(en: "Part of a dependency cycle", fr: "Fait partie d'une boucle de dépendances")
                }
                edges.append(drawnEdge)
            }
        }
        return edges
    }

    /// A dependency on a cycle: thick and red.
    private static let cycleLook = EdgeLook(color: Palette.red, style: .bold, penWidth: 2.5)
    /// Two clashing technologies: red, dashed, undirected.
    private static let incompatibleLook = EdgeLook(color: Palette.red, style: .dashed, penWidth: 2, direction: EdgeDirection.none)

    /// How each relation is drawn, its label and tooltip in the drawings' language.
    private func edge(from: String, to: String, kind: EdgeKind, version: String?) -> DiagramEdge {
        switch kind {
        case .dependsOn: DiagramEdge(from: from, to: to, color: Palette.neutral, tooltip: context.text(en: "depends on", fr: "dépend de"))
        case .uses: DiagramEdge(from: from, to: to, label: version.map { "@" + $0 }, color: Palette.muted, tooltip: context.text(en: "uses", fr: "utilise"))
        case .reads: DiagramEdge(from: from, to: to, label: context.text(en: "reads", fr: "lit"), color: Palette.muted, style: .dashed)
        case .writes: DiagramEdge(from: from, to: to, label: context.text(en: "writes", fr: "écrit"), color: Palette.muted)
        case .delivers: DiagramEdge(from: from, to: to, color: Palette.green, arrowHead: .vee, tooltip: context.text(en: "delivers", fr: "construit"))
        case .supports: DiagramEdge(from: from, to: to, color: Palette.muted, style: .dotted, tooltip: context.text(en: "supports", fr: "sert"))
        case .hostedOn: DiagramEdge(from: from, to: to, label: context.text(en: "hosted on", fr: "hébergé sur"), color: Palette.muted, style: .dotted)
        case .partOf:
            DiagramEdge(from: from, to: to, color: Palette.muted, style: .dotted, arrowHead: .odot, tooltip: context.text(en: "part of", fr: "fait partie de"))
        case .ownedBy, .inUnit, .memberOf, .incompatibleWith, .headedBy: DiagramEdge(from: from, to: to, color: Palette.muted, style: .dotted)
        }
    }

    /// A red dashed, undirected edge between every drawn pair of technologies that a finding
    /// reports as clashing, labelled with the reason; it does not pull the layout. A pair the
    /// portfolio declares incompatible but that no initiative combines is no risk, and not drawn.
    private func incompatibilityEdges() -> [DiagramEdge] {
        let graph = context.graph
        let table = context.analysis.incompatibilities
        let technologies = nodes.filter { graph.kind(of: $0) == .technology }
        let candidates = Dictionary(uniqueKeysWithValues: technologies.map { ($0, [Int]()) })
        var categories: [String: [Int]] = [:]
        for technology in technologies {
            if let category = table.exclusiveCategory(of: technology) { categories[category, default: []].append(technology) }
        }
        var edges: [DiagramEdge] = []
        for technology in technologies {
            for (partner, incompatibility) in table.clashes(of: technology, among: candidates, categories: categories)
            where technology < partner && context.findings.clashes.contains(FindingIndex.TechnologyPair(technology, partner)) {
                let from = graph.id(of: technology), to = graph.id(of: partner), reason = incompatibility.words(context.phrasing)
                edges.append(
                    DiagramEdge(
                        from: from, to: to, id: "incompatible:\(from):\(to)", label: reason, color: Self.incompatibleLook.color,
                        style: Self.incompatibleLook.style, penWidth: Self.incompatibleLook.penWidth, direction: Self.incompatibleLook.direction,
                        tooltip: context.text(
                            en: "\(graph.name(of: technology)) and \(graph.name(of: partner)) are \(reason)",
                            fr: "\(graph.name(of: technology)) et \(graph.name(of: partner)) sont \(reason)"), constraint: false))
            }
        }
        return edges
    }

    // MARK: - Legend

    /// Only what `diagram` draws: its node kinds, fills, dashed outlines and each look of edge
    /// with the relations drawn that way, every sample drawn as in the diagram.
    func legend(of diagram: Diagram) -> Legend {
        let graph = context.graph
        let kinds = Set(nodes.map { graph.kind(of: $0) })
        var entries = NodeKind.allCases.filter(kinds.contains).map {
            LegendEntry(.shape(Palette.shape(for: $0)), context.name(of: $0))
        }
        let looks = Set(diagram.nodes.map(NodeLook.init(of:)))
        for severity in Severity.allCases.reversed() {
            let look = NodeLook(fillColor: Palette.fill(for: severity), lineColor: Palette.line(for: severity), penWidth: severity == .error ? 2 : nil)
            if looks.contains(where: { $0.fillColor == look.fillColor && $0.lineColor == look.lineColor }) {
                entries.append(LegendEntry(.node(look), context.name(of: severity)))
            }
        }
        if looks.contains(where: { $0.style.contains(.dashed) }) {
            let look = NodeLook(style: [.filled, .dashed], fillColor: .white, lineColor: Palette.neutral)
            entries.append(LegendEntry(.node(look), context.text(
                en: "Dashed outline: nobody accountable owns it", fr: "Contour en tirets : personne de responsable")))
        }
        // Looks in the order of the relations; two relations drawn alike share one entry.
        let drawn = Set(diagram.edges.map(EdgeLook.init(of:)))
        var order: [EdgeLook] = []
        var meanings: [EdgeLook: [String]] = [:]
        for (look, meaning) in edgeMeanings where drawn.contains(look) {
            if meanings[look] == nil { order.append(look) }
            meanings[look, default: []].append(meaning)
        }
        entries += order.map { LegendEntry(.edge($0), meanings[$0, default: []].joined(separator: context.text(en: "; ", fr: " ; "))) }
        return context.legend(entries)
    }

    /// Each look of edge this composer draws, with what it means, in legend order.
    private var edgeMeanings: [(EdgeLook, String)] {
        var pairs: [(EdgeLook, String)] = EdgeKind.allCases.filter { relations.contains($0) && $0 != .incompatibleWith }.map { kind in
            (EdgeLook(of: edge(from: "", to: "", kind: kind, version: nil)), meaning(of: kind))
        }
        pairs.append((Self.cycleLook, context.text(en: "Dependency on a cycle", fr: "Dépendance dans une boucle")))
        pairs.append((Self.incompatibleLook, context.text(en: "Incompatible technologies (with the reason)", fr: "Technologies incompatibles (avec la raison)")))
        return pairs
    }

    /// What an edge of each relation means, in a legend.
    private func meaning(of kind: EdgeKind) -> String {
        switch kind {
        case .dependsOn: context.text(en: "Depends on", fr: "Dépend de")
        case .uses: context.text(en: "Uses (@version)", fr: "Utilise (@version)")
        case .reads: context.text(en: "Reads", fr: "Lit")
        case .writes: context.text(en: "Writes", fr: "Écrit")
        case .delivers: context.text(en: "Delivers the capability", fr: "Construit la capacité")
        case .supports: context.text(en: "Supports the goal", fr: "Sert l'objectif")
        case .hostedOn: context.text(en: "Hosted on", fr: "Hébergé sur")
        case .partOf: context.text(en: "Part of", fr: "Fait partie de")
        case .ownedBy, .inUnit, .memberOf, .incompatibleWith, .headedBy: context.text(en: "Related", fr: "Lié à")
        }
    }
}
