/// Collects what Graphviz reports through its error callback (`agseterrf`).
///
/// Graphviz calls the callback in pieces: `"Error"` or `"Warning"`, then `": "`, then the
/// formatted text, and continuation lines of the same report without a prefix. The log folds
/// the pieces back into one message per report.
///
/// Access is not synchronised here: the log is only touched while ``Graphviz`` holds its lock,
/// because Graphviz only calls back from inside calls made under that lock.
final class GraphvizMessageLog: @unchecked Sendable {
    /// One report.
    struct Message: Hashable, Sendable {
        /// Whether Graphviz called it an error (otherwise a warning).
        var isError: Bool
        /// The text, pieces joined.
        var text: String
    }

    private var messages: [Message] = []
    /// True right after a level prefix, when the `": "` separator is still to come.
    private var expectingSeparator = false

    /// Forgets everything received so far.
    func reset() {
        messages = []
        expectingSeparator = false
    }

    /// Takes one piece from the callback.
    func receive(_ piece: String) {
        switch piece {
        case "Error", "Warning":
            messages.append(Message(isError: piece == "Error", text: ""))
            expectingSeparator = true
        case ": " where expectingSeparator:
            expectingSeparator = false
        default:
            expectingSeparator = false
            if messages.isEmpty { messages.append(Message(isError: false, text: "")) }
            messages[messages.count - 1].text += piece
        }
    }

    /// Texts of the error reports, whitespace collapsed to single spaces.
    var errors: [String] { messages.filter(\.isError).map(\.normalizedText) }
    /// Texts of the warnings, whitespace collapsed to single spaces.
    var warnings: [String] { messages.filter { !$0.isError }.map(\.normalizedText) }
}

extension GraphvizMessageLog.Message {
    /// The text on one line: Graphviz ends pieces with line feeds and pads them with spaces.
    /// Lines that start with a tab are dropped: Graphviz indents its listings of internal
    /// objects that way (after "trouble in init_rank", hundreds of virtual nodes), which say
    /// nothing to a reader.
    var normalizedText: String {
        text.split(separator: "\n").filter { !$0.hasPrefix("\t") }.joined(separator: " ")
            .split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }
}
