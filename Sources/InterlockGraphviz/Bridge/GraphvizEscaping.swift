/// Escaping of untrusted text for the three places it can reach in a Graphviz graph.
///
/// Graphviz does not take attribute values literally. Plain labels and tooltips expand
/// `\N`, `\G`, `\n`, `\l`, … and HTML entities such as `&amp;`; HTML-like labels are parsed as
/// XML and also expand backslash escapes; ids and node names are copied into SVG as they are,
/// except that entities are kept. Each function below maps literal text to the value that
/// makes Graphviz show exactly that text.
///
/// Two invariants make the values safe together (checked by the tests):
/// - No escaped plain value, identifier or plain label contains a line feed, while every
///   HTML body written by ``HTMLLabel`` rendering does. Graphviz 2.42 shares one string-pool
///   entry between a plain and an HTML string of equal text, which would turn one into the
///   other; the line feed keeps them apart.
/// - No value contains a control character or a non-XML character (U+FFFE, U+FFFF): they are
///   replaced by U+FFFD, so SVG output is always well-formed XML.
public enum GraphvizEscaping {
    /// The text that replaces characters Graphviz or XML cannot carry.
    static let replacement: Unicode.Scalar = "\u{FFFD}"

    /// The most characters of one text kept in a graph; longer text ends with "…". Graphviz's
    /// DOT reader refuses a string over 16 KB, and an HTML label holds several texts, each up to
    /// six bytes per character once escaped; no label on a slide needs more.
    static let maximumScalars = 400

    /// Escapes literal text for a plain label or an edge label.
    ///
    /// Backslashes are doubled, `&`, `<`, `>` and `"` become entities, every line break (LF,
    /// CR, CRLF, U+2028, U+2029) becomes Graphviz's centred line break `\n`, a tab becomes a
    /// space and other control characters become U+FFFD.
    public static func plainText(_ text: String) -> String {
        escape(text) { scalar in
            switch scalar {
            case "\\": "\\\\"
            case "\n": "\\n"
            default: entity(for: scalar)
            }
        }
    }

    /// Escapes literal text for a tooltip (SVG `xlink:title`).
    ///
    /// Graphviz 2.42 decodes tooltips twice: it first decodes entities and folds `\x` to `x`
    /// (turning `\n` into a line break), then expands `\N`, `\G`, … and folds `\\` to `\`.
    /// A literal backslash therefore takes four, while line breaks are written `\n`. Markup
    /// characters become entities, which the SVG writer keeps; a tab becomes a space and other
    /// control characters U+FFFD.
    public static func tooltip(_ text: String) -> String {
        escape(text) { scalar in
            switch scalar {
            case "\\": #"\\\\"#
            case "\n": #"\n"#
            default: entity(for: scalar)
            }
        }
    }

    /// Escapes literal text for the inside of an HTML-like label.
    ///
    /// Markup characters (`&`, `<`, `>`, `"`, `'`) become entities, backslashes are doubled
    /// (Graphviz expands `\N` even in HTML text), line breaks become `<BR/>`, a tab becomes a
    /// space and other control characters become U+FFFD.
    /// - Parameter alignment: how the line that a break ends is aligned (Graphviz aligns each
    ///   line by the `<BR>` that ends it); centred when nil.
    public static func htmlText(_ text: String, alignment: TextAlignment? = nil) -> String {
        let lineBreak = alignment.map { "<BR ALIGN=\"\($0.rawValue)\"/>" } ?? "<BR/>"
        return escape(text) { scalar in
            switch scalar {
            case "\\": "\\\\"
            case "\n": lineBreak
            case "'": "&#39;"
            default: entity(for: scalar)
            }
        }
    }

    /// Escapes literal text used as a node name or an SVG element id.
    ///
    /// Graphviz copies these into SVG keeping any entity it finds, so markup characters are
    /// written as entities and the SVG attribute reads back as the original text. Line breaks
    /// and tabs would be normalised to spaces by XML parsers, so every control character,
    /// line breaks included, becomes U+FFFD.
    /// An id too long to keep is cut and followed by a hash of the whole, so that two long ids
    /// that start alike still name two nodes.
    public static func identifier(_ text: String) -> String {
        var result = ""
        let scalars = text.unicodeScalars
        let isCut = scalars.count > maximumScalars
        for scalar in isCut ? scalars.prefix(maximumScalars - 17) : scalars[...] {
            if isUnrepresentable(scalar) || scalar == "\t" || isLineBreak(scalar) {
                result.unicodeScalars.append(replacement)
            } else {
                result += entity(for: scalar)
            }
        }
        if isCut {
            // FNV-1a: stable from run to run, unlike `hashValue`.
            let hash = text.utf8.reduce(UInt64(0xcbf2_9ce4_8422_2325)) { ($0 ^ UInt64($1)) &* 0x100_0000_01b3 }
            result += "…" + String(hash, radix: 16)
        }
        return result
    }

    /// Walks the scalars of `text`, folding every line break to `"\n"`, tabs to spaces and
    /// unrepresentable scalars to U+FFFD, and lets `replace` spell each remaining scalar.
    private static func escape(_ text: String, _ replace: (Unicode.Scalar) -> String) -> String {
        var result = ""
        result.unicodeScalars.reserveCapacity(text.unicodeScalars.count)
        var previousWasCarriageReturn = false
        for scalar in text.unicodeScalars.prefix(maximumScalars) {
            defer { previousWasCarriageReturn = scalar == "\r" }
            if scalar == "\n" && previousWasCarriageReturn { continue }  // CRLF is one break
            if isLineBreak(scalar) {
                result += replace("\n")
            } else if scalar == "\t" {
                result += " "
            } else if isUnrepresentable(scalar) {
                result.unicodeScalars.append(replacement)
            } else {
                result += replace(scalar)
            }
        }
        if text.unicodeScalars.count > maximumScalars { result += "…" }
        return result
    }

    /// The entity for a markup character, or the character itself.
    private static func entity(for scalar: Unicode.Scalar) -> String {
        switch scalar {
        case "&": "&amp;"
        case "<": "&lt;"
        case ">": "&gt;"
        case "\"": "&quot;"
        default: String(scalar)
        }
    }

    /// Line feed, carriage return, and the Unicode line and paragraph separators.
    private static func isLineBreak(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "\n" || scalar == "\r" || scalar == "\u{2028}" || scalar == "\u{2029}"
    }

    /// C0 and C1 control characters other than tab and line breaks, DEL, and the two
    /// non-characters that XML 1.0 forbids.
    private static func isUnrepresentable(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09, 0x0A, 0x0D: false
        case 0x00...0x1F, 0x7F...0x9F, 0xFFFE, 0xFFFF: true
        default: false
        }
    }
}
