/// Why a diagram could not be rendered.
public enum GraphvizError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The diagram is inconsistent (a duplicate id, an edge to an unknown node, a cluster
    /// cycle); a programming error in the view that built it.
    case invalidDiagram(String)
    /// This machine's Graphviz has no in-process plugin for the format.
    case formatUnavailable(OutputFormat, available: [String])
    /// This machine's Graphviz has no plugin for the layout engine.
    case layoutUnavailable(LayoutEngine, available: [String])
    /// Graphviz reported errors while building, laying out or rendering the graph.
    case graphviz(stage: String, messages: [String])
    /// A system call failed (memory stream), with its errno.
    case system(String, errno: Int32)

    /// A one-paragraph explanation for the command line.
    public var description: String {
        switch self {
        case .invalidDiagram(let reason):
            "invalid diagram: \(reason)"
        case .formatUnavailable(let format, let available):
            "Graphviz on this machine cannot write \(format.rawValue) in-process"
                + (format == .png || format == .pdf
                    ? " (it needs the cairo plugin, libgvplugin_pango, from Debian's libgraphviz-dev)" : "")
                + "; formats it can write: \(available.joined(separator: ", "))"
        case .layoutUnavailable(let engine, let available):
            "Graphviz on this machine has no \(engine.rawValue) layout; layouts it has: \(available.joined(separator: ", "))"
        case .graphviz(let stage, let messages):
            "Graphviz failed during \(stage): " + (messages.isEmpty ? "no message" : messages.joined(separator: "; "))
        case .system(let call, let errno):
            "\(call) failed (errno \(errno))"
        }
    }
}
