import Plot

/// Escaping and anchors for the HTML report. Plot escapes `<` and `>` in text but passes
/// `&name;` sequences through as entities and writes attribute values verbatim, so every value
/// from the portfolio goes through `Node.plain` (text) or `Markup.attribute` (attributes), and
/// anchors are built from a restricted alphabet.
enum Markup {
    /// A value safe inside a double-quoted attribute.
    static func attribute(_ value: String) -> String {
        var result = ""
        for character in value.escapingControlCharacters() {
            switch character {
            case "&": result += "&amp;"
            case "\"": result += "&quot;"
            case "'": result += "&#39;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            default: result.append(character)
            }
        }
        return result
    }

    /// An `href` to an anchor of the page; the anchor is escaped again, so no value can leave the attribute.
    static func href(_ anchor: String) -> String { "#" + attribute(anchor) }

    /// The anchor of an embedded diagram's section.
    static func diagram(_ view: String) -> String { "diagram-" + node(view).dropFirst("node-".count) }

    /// The anchor of a finding's details: `finding-1` for the first finding in report order.
    static func finding(_ index: Int) -> String { "finding-\(index + 1)" }

    /// The anchor of a node in the index of named items: `node-` and the id with every character
    /// outside `[A-Za-z0-9-]` written as `_` and its hexadecimal code point, so distinct ids give
    /// distinct anchors and no id can leave the attribute.
    static func node(_ id: String) -> String {
        var result = "node-"
        for scalar in id.unicodeScalars {
            if scalar.isASCII, scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || scalar == "-" {
                result.unicodeScalars.append(scalar)
            } else {
                result += "_" + String(scalar.value, radix: 16) + "_"
            }
        }
        return result
    }

    /// An SVG document without its XML prolog, DOCTYPE, comments and namespace declarations,
    /// ready to sit inside HTML (whose parser knows the SVG and XLink namespaces), so the page
    /// holds no URL at all. Every element id gets `idPrefix`, so several diagrams (Graphviz
    /// numbers each one's ids from `graph0`) and the page's own anchors never share an id;
    /// Graphviz writes `"` in attribute values and text as `&quot;`, so ` id="` only starts ids.
    static func embeddable(svg: String, idPrefix: String) -> String {
        // Byte scans, one pass each: Foundation's `range(of:)` on a large string measures UTF-16
        // offsets from its start on every call, which made a 1,000-initiative report take minutes.
        let bytes = Array(svg.utf8)
        guard let start = bytes.firstRange(of: Array("<svg".utf8))?.lowerBound else { return "" }
        var body: [UInt8] = []
        body.reserveCapacity(bytes.count - start)
        var position = start
        while let open = bytes[position...].firstRange(of: Array("<!--".utf8)),
              let close = bytes[open.upperBound...].firstRange(of: Array("-->".utf8)) {
            body += bytes[position..<open.lowerBound]
            position = close.upperBound
        }
        body += bytes[position...]
        var text = String(decoding: body, as: UTF8.self)
        for declaration in [" xmlns=\"http://www.w3.org/2000/svg\"", " xmlns:xlink=\"http://www.w3.org/1999/xlink\""] {
            if let found = text.firstRange(of: declaration) { text.removeSubrange(found) }
        }
        return text.replacing(" id=\"", with: " id=\"" + attribute(idPrefix))
    }
}

extension Node {
    /// Text from the portfolio, shown exactly as written: `&` is escaped first, so Plot cannot
    /// take part of a name for an entity; Plot escapes `<` and `>`. Control characters, which HTML
    /// forbids, become visible escapes; line breaks stay.
    static func plain(_ text: String) -> Node {
        .text(text.escapingControlCharacters(keepingLineBreaks: true).replacingOccurrences(of: "&", with: "&amp;"))
    }
}
