import InterlockAnalysis
import InterlockCore

/// `roadmap`: initiatives on a time axis in quarters, one lane per business unit, each a bar from
/// its start to its end, coloured by its worst finding; dependency arrows between bars, red where
/// a schedule conflict was found; technology end-of-life dates marked on the initiatives that
/// build on the technology; today as a line; undated initiatives listed under the axis.
///
/// The geometry carries the meaning, so every node gets its position and the diagram is laid out
/// by `nop2` (`neato -n2`): Graphviz only routes the arrows.
struct RoadmapView {
    /// The axis length, in points: a 16:9 slide's width less the lane names, and a little
    /// less, so that across the report's A4 page its 9-point text prints at 7 points.
    static let axisWidth = 800.0
    /// Height of one row of bars, in points.
    static let rowHeight = 28.0
    /// Room for the lane names left of the axis, in points.
    static let laneNameWidth = 130.0
    /// The most bars drawn; past it, the riskiest are kept and the subtitle says so.
    static let maximumBars = 90
    /// The longest axis drawn, in quarters; a longer plan is cut to the quarters around today.
    static let maximumQuarters = 16

    /// Names separated by commas, broken into lines no wider than the axis: one line listing
    /// every undated initiative was wider than the drawing, and a page shrank it all to fit.
    static func wrapped(_ names: [String]) -> String {
        // About 5 points per character of 9-point text.
        let width = Int(axisWidth / 5)
        var lines: [String] = []
        var line = ""
        for name in names {
            let piece = line.isEmpty ? name : line + ", " + name
            if !line.isEmpty, piece.count > width {
                lines.append(line + ",")
                line = name
            } else {
                line = piece
            }
        }
        return (lines + [line]).joined(separator: "\n")
    }

    func diagram(in context: ViewContext, options: ViewOptions) -> Diagram {
        let graph = context.graph
        let today = options.today
        let active = graph.nodes(ofKind: .initiative).filter { context.analysis.isActiveInitiative($0) }
        var dated: [(node: Int, start: Day, end: Day)] = []
        var undated: [Int] = []
        for node in active {
            if let start = graph.field(\.start, ofInitiative: node) ?? nil, let end = graph.field(\.end, ofInitiative: node) ?? nil, start <= end {
                dated.append((node, start, end))
            } else {
                undated.append(node)
            }
        }
        let axis = Axis(dated.map(\.start) + dated.map(\.end) + (today.map { [$0] } ?? []), today: today, maximumQuarters: Self.maximumQuarters)
        // A plan longer than the axis keeps what overlaps it; the rest is counted in the subtitle.
        let inWindow = dated.filter { bar in axis.start.map { bar.end >= $0 } ?? true && axis.end.map { bar.start < $0 } ?? true }
        let cut = NodeCut(inWindow.map(\.node), limit: min(options.maxNodes, Self.maximumBars), keepFirst: context.isRiskier)
        let kept = Set(cut.kept)
        let bars = inWindow.filter { kept.contains($0.node) }

        var nodes: [DiagramNode] = []
        var rowOf: [Int: Int] = [:]
        var row = 0
        var laneNames: [(name: String, top: Int, rows: Int)] = []
        for lane in lanes(of: bars, context) {
            let top = row
            for (members, _) in Self.packed(lane.bars) {
                for bar in members {
                    rowOf[bar.node] = row
                    nodes.append(barNode(bar, row: row, axis: axis, context: context))
                }
                row += 1
            }
            laneNames.append((lane.name, top, row - top))
        }
        nodes += laneNames.enumerated().map { index, lane in
            let y = -(Double(lane.top) + Double(lane.rows - 1) / 2) * Self.rowHeight
            return DiagramNode(
                id: "roadmap:lane:\(index)", label: .plain(lane.name), shape: .plaintext,
                position: DiagramPoint(x: -Self.laneNameWidth / 2, y: y), fontSize: 10)
        }
        let bottom = -Double(max(row, 1)) * Self.rowHeight
        nodes += axis.ticks.map { tick in
            DiagramNode(id: "roadmap:quarter:\(tick.name)", label: .plain(quarter(tick.day, context)), shape: .plaintext,
                        position: DiagramPoint(x: axis.x(of: tick.day) + axis.quarterWidth / 2, y: Self.rowHeight), fontSize: 9)
        }
        var edges = dependencyEdges(bars: kept, context: context)
        if let line = todayLine(axis: axis, bottom: bottom, context) {
            nodes += line.nodes
            edges.append(line.edge)
        }
        nodes += endOfLifeMarkers(bars: bars, rowOf: rowOf, axis: axis, context: context)
        if !undated.isEmpty {
            let names = Self.wrapped(undated.prefix(12).map { graph.name(of: $0) })
            let more = undated.count > 12
                ? context.text(en: " and \(undated.count - 12) more", fr: " et \(context.phrasing.count(undated.count - 12, "autre", "autres"))") : ""
            nodes.append(DiagramNode(
                id: "roadmap:undated",
                label: .plain(context.text(en: "Without dates (\(undated.count)): \(names)\(more)", fr: "Sans dates (\(undated.count)) : \(names)\(more)")),
                shape: .plaintext,
                position: DiagramPoint(x: Self.axisWidth / 2, y: bottom - Self.rowHeight), fontSize: 9))
        }
        let say = context.phrasing
        let first = axis.ticks.first.map { quarter($0.day, context) } ?? "", last = axis.ticks.last.map { quarter($0.day, context) } ?? ""
        var notes = [context.text(
            en: "\(say.count(bars.count, "dated initiative", "dated initiatives")) in \(say.count(laneNames.count, "business unit", "business units")), \(first) to \(last)",
            fr: "\(say.count(bars.count, "initiative datée", "initiatives datées")) dans \(say.count(laneNames.count, "unité métier", "unités métier")), de \(first) à \(last)")]
        if let note = cut.note(criterion: context.text(en: "with the lowest risk", fr: "les moins risqués"), context) { notes.append(note) }
        if axis.clipped, let start = axis.start, let end = axis.end {
            let outside = dated.count - inWindow.count
            notes.append(outside > 0
                ? context.text(en: "The axis shows \(start) to \(end); \(outside) initiatives entirely outside it are left out.",
                               fr: "L'axe va du \(say.day(start)) au \(say.day(end)) ; \(say.count(outside, "initiative entièrement en dehors est omise", "initiatives entièrement en dehors sont omises")).")
                : context.text(en: "The axis shows \(start) to \(end); longer plans reach its edges.",
                               fr: "L'axe va du \(say.day(start)) au \(say.day(end)) ; les plans plus longs touchent ses bords."))
        }
        var diagram = Diagram(
            title: context.title(context.text(en: "roadmap", fr: "feuille de route")), notes: notes, rankDirection: .leftToRight, nodes: nodes, edges: edges,
            legend: legend(nodes: nodes, edges: edges, context))
        diagram.layout = .nop2
        diagram.legendPosition = DiagramPoint(x: Self.axisWidth + 150, y: -Self.rowHeight)
        return diagram
    }

    /// The time axis: the quarters it covers and where a day falls on it.
    private struct Axis {
        let start: Day?
        let end: Day?
        let today: Day?
        let ticks: [(name: String, day: Day)]
        let clipped: Bool
        private let first: Int
        private let days: Int

        init(_ days: [Day], today: Day?, maximumQuarters: Int) {
            self.today = today
            guard var from = days.min()?.quarterStart, var to = days.max()?.nextQuarterStart else {
                (start, end, ticks, clipped, first, self.days) = (nil, nil, [], false, 0, 1)
                return
            }
            var quarters: [Day] = []
            var cursor = from
            while cursor < to { quarters.append(cursor); cursor = cursor.nextQuarterStart }
            clipped = quarters.count > maximumQuarters
            if clipped {
                // Around today: a year behind, the rest ahead, where plans can still move.
                let todayQuarter = today.flatMap { quarters.firstIndex(of: $0.quarterStart) } ?? 0
                let lower = max(0, min(todayQuarter - 4, quarters.count - maximumQuarters))
                quarters = Array(quarters[lower..<(lower + maximumQuarters)])
                from = quarters[0]
                to = quarters[quarters.count - 1].nextQuarterStart
            }
            start = from
            end = to
            ticks = quarters.map { ($0.quarterName, $0) }
            first = from.ordinal
            self.days = max(1, to.ordinal - from.ordinal)
        }

        /// The x of a day, clamped to the axis.
        func x(of day: Day) -> Double {
            Double(min(max(day.ordinal - first, 0), days)) / Double(days) * RoadmapView.axisWidth
        }

        /// The width of one quarter, in points (about).
        var quarterWidth: Double { RoadmapView.axisWidth / Double(max(ticks.count, 1)) }
    }

    private struct Lane {
        var name: String
        var bars: [(node: Int, start: Day, end: Day)]
    }

    /// Bars grouped by business unit, in portfolio order, initiatives without a unit last.
    private func lanes(of bars: [(node: Int, start: Day, end: Day)], _ context: ViewContext) -> [Lane] {
        let graph = context.graph
        var order: [Int] = []
        var byUnit: [Int: [(node: Int, start: Day, end: Day)]] = [:]
        let none = -1
        for bar in bars {
            let unit = graph.unitNode(of: bar.node) ?? none
            if byUnit[unit] == nil { order.append(unit) }
            byUnit[unit, default: []].append(bar)
        }
        order.sort { ($0 == none ? Int.max : $0) < ($1 == none ? Int.max : $1) }
        return order.map { Lane(name: $0 == none ? context.text(en: "No business unit", fr: "Sans unité métier") : graph.name(of: $0), bars: byUnit[$0] ?? []) }
    }

    /// Bars packed into rows so that none overlaps: each goes to the first row free at its start.
    static func packed(_ bars: [(node: Int, start: Day, end: Day)]) -> [([(node: Int, start: Day, end: Day)], Day)] {
        var rows: [([(node: Int, start: Day, end: Day)], Day)] = []
        for bar in bars.sorted(by: { ($0.start, $0.node) < ($1.start, $1.node) }) {
            if let free = rows.firstIndex(where: { $0.1 < bar.start }) {
                rows[free].0.append(bar)
                rows[free].1 = bar.end
            } else {
                rows.append(([bar], bar.end))
            }
        }
        return rows
    }

    private func barNode(_ bar: (node: Int, start: Day, end: Day), row: Int, axis: Axis, context: ViewContext) -> DiagramNode {
        let graph = context.graph
        let left = axis.x(of: bar.start), right = max(axis.x(of: bar.end), left + 6)
        let severity = context.severity(of: bar.node)
        let name = graph.name(of: bar.node)
        // About 5.5 points per character at 9 points, margins included: a longer name is cut,
        // the tooltip has it whole. 9 points, not 8: the axis spans a slide's width, so a bar's
        // text printed in a report's row (a little narrower) stays above 7 points.
        let fits = Int((right - left - 8) / 5.5)
        let label = name.count <= fits ? name : fits >= 3 ? String(name.prefix(fits - 1)) + "…" : ""
        return DiagramNode(
            id: graph.id(of: bar.node), label: .plain(label), shape: .box, style: [.filled, .rounded],
            fillColor: Palette.fill(for: severity), lineColor: Palette.line(for: severity), penWidth: severity == .error ? 1.5 : nil,
            tooltip: context.text(en: "\(name): \(bar.start) to \(bar.end)", fr: "\(name) : du \(context.phrasing.day(bar.start)) au \(context.phrasing.day(bar.end))")
                + (context.findings.tooltip(for: bar.node).map { ". \($0)" } ?? ""),
            position: DiagramPoint(x: (left + right) / 2, y: -Double(row) * Self.rowHeight),
            fixedSize: DiagramSize(width: (right - left) / 72, height: (Self.rowHeight - 8) / 72), fontSize: 9)
    }

    /// `dependsOn` arrows between drawn bars, from what is needed to what needs it; red where a
    /// schedule conflict names the pair.
    private func dependencyEdges(bars: Set<Int>, context: ViewContext) -> [DiagramEdge] {
        let graph = context.graph
        var conflicts = Set<[Int]>()
        for finding in context.findings.findings where finding.rule == .scheduleConflict {
            let nodes = finding.nodes(in: graph)
            if nodes.count >= 2 { conflicts.insert([nodes[0], nodes[1]]) }
        }
        return context.analysis.dependencyLinks.filter { bars.contains($0.dependent) && bars.contains($0.dependency) }.map { link in
            let conflict = conflicts.contains([link.dependent, link.dependency])
            return DiagramEdge(
                from: graph.id(of: link.dependency), to: graph.id(of: link.dependent), color: conflict ? Palette.red : Palette.muted,
                style: conflict ? .bold : .solid, penWidth: conflict ? 2 : 0.8,
                tooltip: conflict
                    ? context.text(en: "\(graph.name(of: link.dependent)) needs \(graph.name(of: link.dependency)), and starts before it is delivered",
                                   fr: "\(graph.name(of: link.dependent)) a besoin de \(graph.name(of: link.dependency)), et commence avant sa livraison")
                    : context.text(en: "\(graph.name(of: link.dependent)) needs \(graph.name(of: link.dependency))",
                                   fr: "\(graph.name(of: link.dependent)) a besoin de \(graph.name(of: link.dependency))"))
        }
    }

    /// A dashed vertical line at today's date, from above the quarters to below the last row.
    private func todayLine(axis: Axis, bottom: Double, _ context: ViewContext) -> (nodes: [DiagramNode], edge: DiagramEdge)? {
        guard let today = axis.today, let start = axis.start, let end = axis.end, today >= start, today < end else { return nil }
        let x = axis.x(of: today)
        let top = DiagramNode(id: "roadmap:today", label: .plain(context.text(en: "today", fr: "aujourd'hui")), shape: .plaintext, fontColor: Palette.todayBlue,
                              position: DiagramPoint(x: x, y: Self.rowHeight * 1.8), fontSize: 9)
        let foot = DiagramNode(id: "roadmap:today-foot", label: .plain(""), shape: .point, style: [.invisible],
                               position: DiagramPoint(x: x, y: bottom + Self.rowHeight / 2))
        return ([top, foot], DiagramEdge(from: top.id, to: foot.id, color: Palette.todayBlue, style: .dashed, direction: EdgeDirection.none,
                                         tooltip: context.text(en: "today, \(today)", fr: "aujourd'hui, \(context.phrasing.day(today))")))
    }

    /// A small red marker where a technology an initiative builds on loses support during the initiative.
    private func endOfLifeMarkers(
        bars: [(node: Int, start: Day, end: Day)], rowOf: [Int: Int], axis: Axis, context: ViewContext
    ) -> [DiagramNode] {
        let graph = context.graph
        var nodes: [DiagramNode] = []
        for bar in bars {
            guard let row = rowOf[bar.node] else { continue }
            for technology in graph.successors(of: bar.node, via: .uses).uniqued() {
                guard let endOfLife = graph.field(\.endOfLife, ofTechnology: technology) ?? nil, endOfLife <= bar.end,
                      let start = axis.start, let end = axis.end, endOfLife >= start, endOfLife < end else { continue }
                nodes.append(DiagramNode(
                    id: "roadmap:eol:\(graph.id(of: bar.node)):\(graph.id(of: technology))", label: .plain(""), shape: .triangle,
                    style: [.filled], fillColor: Palette.red, lineColor: Palette.red,
                    tooltip: context.text(
                        en: "\(graph.name(of: technology)) loses support on \(endOfLife), while \(graph.name(of: bar.node)) builds on it",
                        fr: "\(graph.name(of: technology)) perd son support le \(context.phrasing.day(endOfLife)), alors que \(graph.name(of: bar.node)) en dépend"),
                    position: DiagramPoint(x: axis.x(of: endOfLife), y: -Double(row) * Self.rowHeight + Self.rowHeight / 2 - 3),
                    fixedSize: DiagramSize(width: 0.14, height: 0.12)))
            }
        }
        return nodes
    }

    /// A quarter on the axis: "Q1 2026" / "T1 2026" (trimestre).
    private func quarter(_ day: Day, _ context: ViewContext) -> String {
        context.text(en: day.quarterName, fr: "T\((day.month - 1) / 3 + 1) \(day.year)")
    }

    /// A bar's colour in the legend: "With an error finding" / "Avec un constat grave".
    private func barMeaning(_ severity: Severity, _ context: ViewContext) -> String {
        switch severity {
        case .error: context.text(en: "With an error finding", fr: "Avec un constat grave")
        case .warning: context.text(en: "With a warning finding", fr: "Avec un avertissement")
        case .info: context.text(en: "With an information", fr: "Avec une information")
        }
    }

    /// The bar colours, markers and lines the roadmap draws, each as drawn.
    private func legend(nodes: [DiagramNode], edges: [DiagramEdge], _ context: ViewContext) -> Legend {
        var entries: [LegendEntry] = []
        var seen: Set<NodeLook> = []
        let bars = nodes.filter { $0.shape == .box }.map(NodeLook.init(of:))
        for severity in [nil] + Severity.allCases.reversed().map(Optional.some) {
            guard let look = bars.first(where: { $0.fillColor == Palette.fill(for: severity) }), seen.insert(look).inserted else { continue }
            entries.append(LegendEntry(.node(look), severity.map { barMeaning($0, context) }
                ?? context.text(en: "Initiative, from start to end", fr: "Initiative, de son début à sa fin")))
        }
        if let marker = nodes.first(where: { $0.shape == .triangle }) {
            entries.append(LegendEntry(.node(NodeLook(of: marker)), context.text(
                en: "A technology it builds on loses support", fr: "Une technologie dont elle dépend perd son support")))
        }
        var lines: Set<EdgeLook> = []
        for edge in edges where lines.insert(EdgeLook(of: edge)).inserted {
            let text = switch edge.color {
            case Palette.red: context.text(en: "Starts before what it needs is delivered (red, thicker)", fr: "Commence avant que ce dont elle a besoin soit livré (rouge, plus épais)")
            case Palette.todayBlue: context.text(en: "Today", fr: "Aujourd'hui")
            default: context.text(en: "Needs the initiative it starts from", fr: "A besoin de l'initiative d'où part la flèche")
            }
            entries.append(LegendEntry(.edge(EdgeLook(of: edge)), text))
        }
        return context.legend(entries)
    }
}
