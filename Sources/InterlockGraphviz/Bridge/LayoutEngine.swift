/// Graphviz layout engines.
public enum LayoutEngine: String, CaseIterable, Hashable, Sendable {
    /// Layered drawing; the clearest for dependencies, and deterministic.
    case dot
    /// Scalable force-directed drawing for large graphs; ignores clusters.
    case sfdp
    /// Spring model drawing.
    case neato
    /// Force-directed drawing with clusters.
    case fdp
    /// Circular drawing.
    case circo
    /// Boxes packed in boxes: clusters drawn as nested rectangles, for maps.
    case osage
    /// No layout of nodes: every node keeps the position it was given (`neato -n2`); edges are
    /// routed. For drawings whose geometry means something, such as a time axis.
    case nop2

    /// Node count above which ``automatic(nodeCount:)`` leaves `dot` for `sfdp`.
    public static let scalableThreshold = 400

    /// `dot` for graphs a board can read as layers, `sfdp` past ``scalableThreshold`` nodes,
    /// where `dot` becomes slow and its drawings unreadably wide.
    public static func automatic(nodeCount: Int) -> LayoutEngine {
        nodeCount > scalableThreshold ? .sfdp : .dot
    }
}
