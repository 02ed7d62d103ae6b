extension String {
    /// This text with every control character (C0, DEL, C1) written as a visible escape such as
    /// `\u{1b}`, so that text from a portfolio can neither move the cursor, retitle or clear a
    /// terminal, nor carry raw control bytes into a Markdown or HTML page. The one function every
    /// output that leaves the tool as text uses (terminal reports, messages, Markdown, HTML).
    ///
    /// - Parameter keepingLineBreaks: keep line feeds and tabs, for messages of several lines
    ///   (a query error and its caret); otherwise a line feed becomes a space.
    public func escapingControlCharacters(keepingLineBreaks: Bool = false) -> String {
        guard unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) else { return self }
        var result = ""
        for scalar in unicodeScalars {
            if scalar.properties.generalCategory != .control || (keepingLineBreaks && (scalar == "\n" || scalar == "\t")) {
                result.unicodeScalars.append(scalar)
            } else {
                result += scalar == "\n" ? " " : "\\u{\(String(scalar.value, radix: 16))}"
            }
        }
        return result
    }
}

extension String {
    /// Whether this text can be an id as the format defines one (docs/format.md): non-empty, without
    /// white space, control characters or `@`. The loader refuses any other id, and the importers
    /// make other texts into ids, so both ask this one question.
    public var isPortfolioID: Bool {
        !isEmpty && !unicodeScalars.contains { scalar in
            // ASCII first: Unicode property look-ups cost more than the rest of loading an id.
            if scalar.isASCII { return scalar.value <= 0x20 || scalar.value == 0x7F || scalar == "@" }
            return scalar.properties.isWhitespace || scalar.properties.generalCategory == .control
        }
    }
}
