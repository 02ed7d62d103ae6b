/// One way to draw a diagram when the layout asked for fails: the engine, and whether the
/// clusters are kept.
struct LayoutFallback: Hashable {
    /// The engine to use.
    var engine: LayoutEngine
    /// Whether the diagram's clusters are dropped (their nodes drawn loose).
    var dropsClusters: Bool

    /// The layouts to try in order: the one asked for, then `dot` without clusters when the
    /// diagram has some, then `sfdp` when this machine has it.
    static func sequence(for diagram: Diagram, engine: LayoutEngine, available: [String]) -> [LayoutFallback] {
        var sequence = [LayoutFallback(engine: engine, dropsClusters: false)]
        if engine == .dot, !diagram.clusters.isEmpty {
            sequence.append(LayoutFallback(engine: .dot, dropsClusters: true))
        }
        if engine != .sfdp, available.contains(LayoutEngine.sfdp.rawValue) {
            sequence.append(LayoutFallback(engine: .sfdp, dropsClusters: false))
        }
        return sequence
    }

    /// The sentence saying why and how the diagram was drawn differently, for its subtitle
    /// and standard error.
    func note(after failure: GraphvizError, engine asked: LayoutEngine) -> String {
        let reason = failure.reason
        if dropsClusters {
            return "Drawn without its boxes: Graphviz's \(asked.rawValue) layout failed with them (\(reason))."
        }
        return "Drawn with the \(engine.rawValue) layout: Graphviz's \(asked.rawValue) layout failed (\(reason))."
    }

    /// `diagram` as this fallback draws it, with `note` added to its subtitle.
    func apply(to diagram: Diagram, note: String?) -> Diagram {
        var copy = diagram
        if dropsClusters {
            copy.clusters = []
            for index in copy.nodes.indices { copy.nodes[index].cluster = nil }
        }
        if let note { copy.notes.append(note) }
        return copy
    }
}
