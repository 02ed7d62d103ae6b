/// Text inside Mermaid's double-quoted labels, written one way by every Mermaid output (the
/// graph export and the views): quotes, `#` (which starts an entity), `<` and `>` as entity
/// codes, so that no name can end a label or inject markup.
public enum MermaidText {
    /// `text` safe inside `"…"` in a Mermaid flowchart; line breaks become spaces, or `<br/>`
    /// (the one markup written, never taken from the text) when `keepingLineBreaks`.
    public static func label(_ text: String, keepingLineBreaks: Bool = false) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "\"": out += "#quot;"
            case "#": out += "#35;"
            case "<": out += "#lt;"
            case ">": out += "#gt;"
            case "\n", "\r", "\r\n": out += keepingLineBreaks ? "<br/>" : " "
            default: out.append(character)
            }
        }
        return out
    }
}
