import Foundation

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
    /// The process that laid out or rendered the graph died (Graphviz aborted or crashed),
    /// with the signal that ended it (0 when it exited early without one).
    case layoutCrashed(stage: String, signal: Int32)
    /// A system call failed (memory stream, fork), with its errno.
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
        case .graphviz(let stage, _):
            "Graphviz failed during \(stage): \(reason)."
        case .layoutCrashed(let stage, _):
            "Graphviz failed during \(stage): \(reason)."
        case .system(let call, let errno):
            "\(call) failed (errno \(errno))"
        }
    }
}

extension GraphvizError {
    /// Whether a layout failed, so that another engine may succeed where this one did not.
    var isLayoutFailure: Bool {
        switch self {
        case .graphviz(let stage, _), .layoutCrashed(let stage, _): stage.hasSuffix(" layout")
        default: false
        }
    }

    /// A short clause saying what went wrong, without a final full stop: Graphviz's first
    /// error, or how the child process ended.
    var reason: String {
        switch self {
        case .graphviz(_, let messages):
            guard var first = messages.first else { return "no message" }
            while first.last == "." || first.last == " " { first.removeLast() }
            return messages.count > 1 ? "\(first), and \(messages.count - 1) more errors" : first
        case .layoutCrashed(_, let signal):
            return signal == 0 ? "its process ended early" : "its process was killed by signal \(signal)\(signal == SIGABRT ? " (abort)" : "")"
        default:
            return description
        }
    }
}
