/// Writing values as query literals, which is also how they appear inside lists and maps in
/// tables and CSV (graph elements need the graph: see `ResultFormatter`).
extension QueryValue {
    /// The value as a Cypher literal: strings quoted and escaped, map keys sorted.
    /// Graph elements show their index, as `#3`; the formatter replaces them with readable text.
    public var literalText: String {
        switch self {
        case .null: "null"
        case .boolean(let value): value ? "true" : "false"
        case .integer(let value): String(value)
        case .float(let value): Self.floatText(value)
        case .string(let value): "'" + value.flatMap(Self.escaped) + "'"
        case .list(let values): "[" + values.map(\.literalText).joined(separator: ", ") + "]"
        case .map(let values):
            "{" + values.keys.sorted().map { "\($0.quotedName): \(values[$0]?.literalText ?? "null")" }
                .joined(separator: ", ") + "}"
        case .node(let node): "#\(node)"
        case .relationship(let relationship): "#r\(relationship)"
        case .path(let path): "<path of \(path.relationships.count)>"
        }
    }

    /// The text a string cell shows: strings bare, everything else as a literal.
    public var plainText: String {
        if case .string(let value) = self { return value }
        return literalText
    }

    /// Floats always show a decimal point or exponent, so `1.0` stays distinct from `1`.
    static func floatText(_ value: Double) -> String {
        if value.isNaN { return "NaN" }
        if value.isInfinite { return value < 0 ? "-Infinity" : "Infinity" }
        let text = String(value)
        return text.contains(".") || text.contains("e") ? text : text + ".0"
    }

    private static func escaped(_ character: Character) -> String {
        switch character {
        case "'": "\\'"
        case "\\": "\\\\"
        case "\n": "\\n"
        case "\t": "\\t"
        case "\r": "\\r"
        default: String(character)
        }
    }
}
