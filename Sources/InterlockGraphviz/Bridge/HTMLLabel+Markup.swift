extension HTMLLabel {
    /// The label body in Graphviz's HTML-like syntax, every text escaped.
    ///
    /// The body always contains a line feed, which Graphviz ignores in HTML labels but which no
    /// escaped plain value contains (see ``GraphvizEscaping``): Graphviz 2.42 would otherwise
    /// merge an HTML body with a plain string of the same text.
    var markup: String {
        switch self {
        case .text(let runs):
            return runs.markup + "\n"
        case .table(let table):
            return table.markup
        }
    }
}

extension HTMLTable {
    /// `<TABLE …>` with one line per non-empty row; an empty table becomes an empty text
    /// label, because Graphviz rejects `<TABLE></TABLE>`.
    var markup: String {
        let rows = rows.filter { !$0.isEmpty }
        guard !rows.isEmpty else { return "\n" }
        var attributes = [
            ("BORDER", String(border)), ("CELLBORDER", String(cellBorder)),
            ("CELLSPACING", String(cellSpacing)), ("CELLPADDING", String(cellPadding)),
        ]
        if let backgroundColor { attributes.append(("BGCOLOR", backgroundColor.graphvizValue)) }
        var lines = ["<TABLE\(attributes.markup)>"]
        for row in rows {
            lines.append("<TR>" + row.map(\.markup).joined() + "</TR>")
        }
        lines.append("</TABLE>")
        return lines.joined(separator: "\n")
    }
}

extension HTMLCell {
    /// `<TD …>runs</TD>`.
    var markup: String {
        var attributes: [(String, String)] = []
        if let backgroundColor { attributes.append(("BGCOLOR", backgroundColor.graphvizValue)) }
        if let borderColor { attributes.append(("COLOR", borderColor.graphvizValue)) }
        if let border { attributes.append(("BORDER", String(border))) }
        if columnSpan != 1 { attributes.append(("COLSPAN", String(columnSpan))) }
        if alignment != .center { attributes.append(("ALIGN", alignment.rawValue)) }
        if let width { attributes.append(("WIDTH", String(width))) }
        let text = runs.map { $0.markup(alignment: alignment == .center ? nil : alignment) }.joined()
        return "<TD\(attributes.markup)>" + text + "</TD>"
    }
}

extension HTMLRun {
    /// The escaped text wrapped in `FONT`, `B` and `I` as needed, line breaks aligned as
    /// given; empty for empty text, because Graphviz rejects empty formatting elements.
    func markup(alignment: TextAlignment? = nil) -> String {
        guard !text.isEmpty else { return "" }
        var result = GraphvizEscaping.htmlText(text, alignment: alignment)
        if italic { result = "<I>" + result + "</I>" }
        if bold { result = "<B>" + result + "</B>" }
        var fontAttributes: [(String, String)] = []
        if let color { fontAttributes.append(("COLOR", color.graphvizValue)) }
        if let pointSize { fontAttributes.append(("POINT-SIZE", GraphvizNumber.format(pointSize))) }
        if !fontAttributes.isEmpty { result = "<FONT\(fontAttributes.markup)>" + result + "</FONT>" }
        return result
    }
}

extension [HTMLRun] {
    /// The runs one after another.
    var markup: String { map { $0.markup() }.joined() }
}

extension [(String, String)] {
    /// ` NAME="value"` pairs; values here are numbers, colours and keywords, never user text.
    fileprivate var markup: String { map { " \($0.0)=\"\($0.1)\"" }.joined() }
}
