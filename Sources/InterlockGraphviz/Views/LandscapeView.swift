import InterlockAnalysis
import InterlockCore

/// `landscape`: the capability map as nested boxes, a parent capability's box holding its
/// children, each capability filled by how many active initiatives build it: none (white), one
/// (green), two (amber), three or more (red): duplication seen at a glance, with the builders
/// and their budget written inside when they fit. Laid out by `osage`, which packs boxes.
struct LandscapeView {
    /// The most builders named inside a capability; more are counted.
    static let namedBuilders = 3

    func diagram(in context: ViewContext, options: ViewOptions) -> Diagram {
        let graph = context.graph
        let capabilities = Array(graph.nodes(ofKind: .capability))
        let builders = capabilities.map { capability in
            graph.predecessors(of: capability, via: .delivers).filter { context.analysis.isActiveInitiative($0) }.uniqued()
        }
        let cut = NodeCut(capabilities, limit: options.maxNodes) { builders[$0 - capabilities[0]].count > builders[$1 - capabilities[0]].count }
        let parents = PartOfTree(graph, of: .capability).parents(closing: cut.kept)
        let hasChildren = Set(parents.values.compactMap { $0 })
        let boxes = Self.boxes(parents, hasChildren: hasChildren)
        // A capability with children is a box (down to `maximumBoxDepth`); it is also a node when
        // it is built itself.
        let clusters = boxes.drawn.sorted().map { capability in
            DiagramCluster(
                id: "landscape:\(graph.id(of: capability))", label: graph.name(of: capability),
                parent: boxes.enclosing[capability].map { "landscape:\(graph.id(of: $0))" },
                style: [.filled, .rounded], fillColor: Palette.clusterFill, lineColor: Palette.neutral)
        }
        let nodes = cut.kept.filter { !hasChildren.contains($0) || !builders[$0 - capabilities[0]].isEmpty }.map { capability in
            let box = boxes.drawn.contains(capability) ? capability : boxes.enclosing[capability]
            return node(capability, builders: builders[capability - capabilities[0]], cluster: box.map { "landscape:\(graph.id(of: $0))" }, context)
        }
        let counts = cut.kept.map { builders[$0 - capabilities[0]].count }
        let duplicated = counts.filter { $0 > 1 }.count
        let say = context.phrasing, nobody = counts.filter { $0 == 0 }.count
        var notes = [context.text(
            en: "\(say.count(cut.kept.count, "capability", "capabilities")); \(say.number(duplicated)) built more than once, \(say.number(nobody)) by nobody",
            fr: "\(say.count(cut.kept.count, "capacité", "capacités")) ; \(say.number(duplicated)) construite\(duplicated > 1 ? "s" : "") plus d'une fois, \(say.number(nobody)) par personne")]
        if let note = cut.note(criterion: context.text(en: "built by the fewest initiatives", fr: "construites par le moins d'initiatives"), context) { notes.append(note) }
        var diagram = Diagram(
            title: context.title(context.text(en: "capability landscape", fr: "carte des capacités")), notes: notes, rankDirection: .topToBottom,
            nodes: nodes, clusters: clusters, legend: legend(nodes: nodes, boxes: !clusters.isEmpty, context))
        diagram.layout = .osage
        return diagram
    }

    /// Boxes are drawn at most this deep; a deeper part is drawn in its ancestor's box at this
    /// depth. Real capability maps have two to four levels, and Graphviz's osage crashed on two
    /// thousand nested boxes (a chain of 20,000 ran for minutes).
    static let maximumBoxDepth = 8

    /// The capabilities drawn as boxes, and for each capability of `parents` the nearest box that
    /// encloses it. Computed parents first, without recursion: a tree may be thousands deep.
    static func boxes(_ parents: [Int: Int?], hasChildren: Set<Int>) -> (drawn: Set<Int>, enclosing: [Int: Int]) {
        var depth: [Int: Int] = [:]
        for start in parents.keys where depth[start] == nil {
            var chain: [Int] = []
            var current: Int? = start
            // `PartOfTree` has cut every loop, so walking up ends.
            while let node = current, depth[node] == nil {
                chain.append(node)
                current = parents[node] ?? nil
            }
            var next = current.flatMap { depth[$0] } ?? -1
            for node in chain.reversed() {
                next += 1
                depth[node] = next
            }
        }
        let drawn = Set(hasChildren.filter { (depth[$0] ?? 0) < maximumBoxDepth })
        var enclosing: [Int: Int] = [:]
        for node in parents.keys.sorted(by: { (depth[$0] ?? 0, $0) < (depth[$1] ?? 0, $1) }) {
            guard let parent = parents[node] ?? nil else { continue }
            enclosing[node] = drawn.contains(parent) ? parent : enclosing[parent]
        }
        return (drawn, enclosing)
    }

    /// The fills the map uses, in the order of the builders they count, and the box of a
    /// capability with parts when there is one.
    private func legend(nodes: [DiagramNode], boxes: Bool, _ context: ViewContext) -> Legend {
        let words = [
            context.text(en: "Built by no active initiative", fr: "Construite par aucune initiative active"),
            context.text(en: "Built once", fr: "Construite une fois"), context.text(en: "Built twice", fr: "Construite deux fois"),
            context.text(en: "Built three times or more", fr: "Construite trois fois ou plus"),
        ]
        let looks = Set(nodes.map(NodeLook.init(of:)))
        var entries = words.enumerated().compactMap { count, text -> LegendEntry? in
            let look = Self.look(forBuilders: count)
            return looks.contains(look) ? LegendEntry(.node(look), text) : nil
        }
        if boxes {
            let box = NodeLook(style: [.filled, .rounded], fillColor: Palette.clusterFill, lineColor: Palette.neutral)
            entries.append(LegendEntry(.node(box), context.text(en: "A capability and the ones it is made of", fr: "Une capacité et celles qui la composent")))
        }
        return context.legend(entries)
    }

    /// How a capability built `count` times is drawn: white, green, amber, red, amber-outlined
    /// when duplicated and thicker from three.
    static func look(forBuilders count: Int) -> NodeLook {
        NodeLook(
            style: [.filled, .rounded], fillColor: fill(forBuilders: count), lineColor: count > 1 ? Palette.line(for: .warning) : Palette.neutral,
            penWidth: count > 2 ? 2 : nil)
    }

    private func node(_ capability: Int, builders: [Int], cluster: String?, _ context: ViewContext) -> DiagramNode {
        let graph = context.graph, say = context.phrasing
        var label = graph.name(of: capability)
        if !builders.isEmpty {
            let names = builders.prefix(Self.namedBuilders).map { graph.name(of: $0) }
            label += "\n" + names.joined(separator: "\n")
            if builders.count > Self.namedBuilders {
                let more = builders.count - Self.namedBuilders
                label += "\n" + context.text(en: "and \(more) more", fr: "et \(say.count(more, "autre", "autres"))")
            }
            let budget = builders.compactMap { graph.budget(ofInitiative: $0) }.reduce(0, +)
            if budget > 0 { label += "\n" + say.abbreviatedMoney(budget, currency: graph.portfolio.currency) }
        }
        let look = Self.look(forBuilders: builders.count)
        return DiagramNode(
            id: graph.id(of: capability), label: .plain(label), shape: look.shape, style: look.style,
            fillColor: look.fillColor, lineColor: look.lineColor, penWidth: look.penWidth,
            tooltip: builders.isEmpty
                ? context.text(en: "Nobody builds it", fr: "Personne ne la construit")
                : context.text(en: "Built by \(builders.map { graph.name(of: $0) }.joined(separator: ", "))",
                               fr: "Construite par \(builders.map { graph.name(of: $0) }.joined(separator: ", "))"),
            cluster: cluster)
    }

    /// White, green, amber, red as the builders add up.
    static func fill(forBuilders count: Int) -> Color {
        switch count {
        case 0: .white
        case 1: Color(rgb: 0xE3F1E4)
        case 2: Palette.fill(for: .warning)
        default: Palette.fill(for: .error)
        }
    }
}
