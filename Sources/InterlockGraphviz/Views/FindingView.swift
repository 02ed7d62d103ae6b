import InterlockAnalysis
import InterlockCore

/// `finding`: one risk as a small picture a board reads in seconds: the nodes the finding names
/// with one hop of context, drawn the way its kind of risk is best understood. A cycle shows its
/// loop in red; a duplicated capability its builders grouped by business unit with their
/// budgets; a clash the two technologies joined in red with the initiatives between them; a
/// single point of failure its dependents counted by unit; a silo its sources with who writes
/// and who reads them.
struct FindingView {
    /// Relations drawn around the finding's nodes.
    static let relations = EdgeKindSet([.dependsOn, .uses, .reads, .writes, .delivers, .hostedOn])
    /// The most nodes of the finding drawn one by one; the rest are counted.
    static let maximumNamed = 24

    func diagram(in context: ViewContext, options: ViewOptions) throws(ViewError) -> Diagram {
        guard let selector = options.finding else { throw .missingFinding }
        guard let index = context.findings.position(of: selector) else { throw .unknownFinding(selector.description) }
        let finding = context.findings.findings[index]
        let graph = context.graph
        // The node budget cuts what the finding names too (the first ones matter most: the
        // shared source and the clashing technologies before their readers), so that a clash
        // read by fifteen initiatives still fits a small picture.
        let named = Array(finding.nodes(in: graph).prefix(min(Self.maximumNamed, max(1, options.maxNodes))))
        let wording = RuleCatalog().wording(of: finding.rule)
        let title = Self.subject(of: finding, wording: wording, in: graph, phrasing: context.phrasing)
        var notes = options.showsFindingMessage ? TextWrapping.lines(of: finding.message(context.phrasing, in: graph), width: 100) : []
        // A single point of failure counts every dependent in its units, so nothing is left out.
        if finding.nodes.count > named.count, finding.rule != .singlePointOfFailure {
            notes.append(context.text(en: "The first \(named.count) of the \(finding.nodes.count) items it names are drawn.",
                                      fr: "Les \(named.count) premiers des \(finding.nodes.count) éléments qu'il cite sont dessinés."))
        }

        if finding.rule == .singlePointOfFailure, let centre = named.first {
            var diagram = dependentsByUnit(of: centre, finding: finding, context: context, title: title, notes: notes, maxNodes: options.maxNodes)
            Self.wrapLongNames(in: &diagram)
            return diagram
        }
        let around = Self.context(of: named, in: graph, limit: max(0, options.maxNodes - named.count), for: finding.rule)
        var composer = DiagramComposer(context, nodes: (named + around).uniqued(), relations: Self.relations)
        composer.highlighted = named.first
        if finding.rule == .duplicatedCapability { composer.clusterInitiativesByUnit() }
        var diagram = composer.diagram(subject: title, notes: notes, rankDirection: finding.rule == .dependencyCycle ? .topToBottom : .leftToRight)
        if finding.rule == .duplicatedCapability { Self.showBudgets(in: &diagram, context) }
        Self.wrapLongNames(in: &diagram)
        return diagram
    }

    /// The longest line a node's label keeps, in characters.
    static let labelWidth = 22

    /// Cuts each line of a node's or an edge's label longer than ``labelWidth`` at spaces: the
    /// picture is small, and one long name ("VAT reporting extension on SAP ECC") or reason
    /// ("both crm-platform, a category the policy allows only once") set its width and printed
    /// everything in the report's risk pictures under 7 pt.
    private static func wrapLongNames(in diagram: inout Diagram) {
        func wrapped(_ text: String) -> String {
            text.split(separator: "\n", omittingEmptySubsequences: false)
                .flatMap { TextWrapping.lines(of: String($0), width: labelWidth) }.joined(separator: "\n")
        }
        for index in diagram.nodes.indices {
            guard case .plain(let text) = diagram.nodes[index].label else { continue }
            diagram.nodes[index].label = .plain(wrapped(text))
        }
        for index in diagram.edges.indices {
            diagram.edges[index].label = diagram.edges[index].label.map(wrapped)
        }
    }

    /// Adds each initiative's budget under its name: what a duplicate costs is the point.
    private static func showBudgets(in diagram: inout Diagram, _ context: ViewContext) {
        let graph = context.graph
        for index in diagram.nodes.indices {
            guard let node = graph.node(withID: diagram.nodes[index].id), let budget = graph.budget(ofInitiative: node),
                  case .plain(let text) = diagram.nodes[index].label else { continue }
            diagram.nodes[index].label = .plain(text + "\n" + context.phrasing.abbreviatedMoney(budget, currency: graph.portfolio.currency))
        }
    }

    /// The nodes one hop from `nodes` that explain the finding, at most `limit`: none where the
    /// finding names everything that matters (a cycle, a clash, a version conflict, a schedule),
    /// the writers and readers of a silo's sources, the users of an unowned or outdated asset.
    private static func context(of nodes: [Int], in graph: PortfolioGraph, limit: Int, for rule: RuleID) -> [Int] {
        let followed: EdgeKindSet
        switch rule {
        case .dependencyCycle, .duplicatedCapability, .incompatibleStack, .versionConflict, .scheduleConflict, .danglingReference:
            return []
        case .dataSilo:
            followed = EdgeKindSet([.reads, .writes])
        default:
            followed = relations
        }
        let named = Set(nodes)
        let around = graph.reachable(from: nodes, over: followed, direction: .both, maxDepth: 1).map(\.node)
            .filter { !named.contains($0) && [.initiative, .technology, .dataSource, .capability].contains(graph.kind(of: $0)) }
        return Array(around.prefix(min(limit, 12)))
    }

    /// A single point of failure with its dependents counted per business unit: one node per
    /// unit ("Sales & Marketing", "7 initiatives", "EUR 3.2M"), an edge from each to the node. With
    /// more units than `maxNodes` allows, the units with fewest dependents share one node
    /// ("4 more units"), so that a small picture still counts every dependent.
    private func dependentsByUnit(
        of centre: Int, finding: Finding, context: ViewContext, title: String, notes: [String], maxNodes: Int
    ) -> Diagram {
        let graph = context.graph
        let dependents = context.analysis.initiativesAtRisk(of: finding).filter { $0 != centre }
        var order: [Int?] = []
        var byUnit: [Int?: [Int]] = [:]
        for dependent in dependents {
            let unit = graph.unitNode(of: dependent)
            if byUnit[unit] == nil { order.append(unit) }
            byUnit[unit, default: []].append(dependent)
        }
        order.sort { byUnit[$0, default: []].count > byUnit[$1, default: []].count }
        var composer = DiagramComposer(context, nodes: [centre], relations: Self.relations)
        composer.highlighted = centre
        var diagram = composer.diagram(subject: title, notes: notes, rankDirection: .leftToRight)
        // The centre, the units drawn one by one, and one node for the rest.
        let shown = order.count <= maxNodes - 1 ? order.count : max(1, maxNodes - 2)
        var groups: [(id: String, name: String, members: [Int])] = order.prefix(shown).map { unit in
            ("units:" + (unit.map { graph.id(of: $0) } ?? "none"),
             unit.map { graph.name(of: $0) } ?? context.text(en: "No business unit", fr: "Sans unité métier"), byUnit[unit] ?? [])
        }
        if order.count > shown {
            let rest = order.count - shown
            let say = context.phrasing
            groups.append(("units:more", context.text(en: say.count(rest, "more unit", "more units"), fr: "\(say.count(rest, "autre unité", "autres unités"))"),
                           order.dropFirst(shown).flatMap { byUnit[$0] ?? [] }))
        }
        for (id, name, members) in groups {
            let budget = members.compactMap { graph.budget(ofInitiative: $0) }.reduce(0, +)
            var label = "\(name)\n\(context.phrasing.count(members.count, "initiative", "initiatives"))"
            // Three short lines, not two long ones: the width of these ellipses set the scale
            // of the report's small risk picture.
            if budget > 0 { label += "\n\(context.phrasing.abbreviatedMoney(budget, currency: graph.portfolio.currency))" }
            diagram.nodes.append(DiagramNode(
                id: id, label: .plain(label), shape: Palette.shape(for: .unit), style: [.filled],
                fillColor: Palette.fill(for: .warning), lineColor: Palette.line(for: .warning),
                tooltip: "\(name): \(members.prefix(8).map { graph.name(of: $0) }.joined(separator: ", "))\(members.count > 8 ? ", …" : "")"))
            // The count is in the unit's label and the width of the line: a label on each of
            // these converging edges landed on the arrows and under the other units.
            diagram.edges.append(DiagramEdge(
                from: id, to: graph.id(of: centre), color: Palette.neutral, penWidth: Double(min(1 + members.count, 6)),
                tooltip: context.text(en: "\(members.count) depend on it", fr: "\(members.count) en dépend\(members.count > 1 ? "ent" : "")")))
        }
        if let unit = diagram.nodes.last(where: { $0.id.hasPrefix("units:") }) {
            diagram.legend?.entries.append(LegendEntry(.node(NodeLook(of: unit)), context.text(
                en: "Initiatives of one business unit that stop with it", fr: "Initiatives d'une unité métier qui s'arrêtent avec lui")))
        }
        let widths = diagram.edges.compactMap(\.penWidth)
        if let edge = diagram.edges.last, let thinnest = widths.min(), let thickest = widths.max() {
            let look = EdgeLook(of: edge)
            diagram.legend?.entries.append(LegendEntry(.edge(look.width(thinnest)), thinnest == thickest
                ? context.text(en: "They depend on it", fr: "Elles en dépendent")
                : context.text(en: "They depend on it: the fewest", fr: "Elles en dépendent : les moins nombreuses")))
            if thinnest != thickest {
                diagram.legend?.entries.append(LegendEntry(.edge(look.width(thickest)), context.text(
                    en: "… the most (width counts them, up to 5)", fr: "… les plus nombreuses (l'épaisseur les compte, jusqu'à 5)")))
            }
        }
        return diagram
    }

    /// "Data kept in silos: CRM accounts and contacts": the kind of risk and what it is about.
    static func subject(of finding: Finding, wording: RuleWording, in graph: PortfolioGraph, phrasing: Phrasing = .findings) -> String {
        let about = finding.nodes(in: graph).first.map { graph.name(of: $0) } ?? finding.rule.rawValue
        return phrasing.text(en: "\(wording.title.english): \(about)", fr: "\(wording.title[phrasing.language]) : \(about)")
    }
}
