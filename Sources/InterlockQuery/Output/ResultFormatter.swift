import InterlockCore

/// Writes a `QueryResult` as an aligned text table, a JSON array of objects, or CSV.
///
/// Graph elements need their graph to be shown: in tables and CSV a node reads `(id:Label)`,
/// a relationship `(a)-[:USES {version: '17'}]->(java)`, a path as its chain; in JSON they
/// are objects (`label`/`type`, `properties`, relationship `start` and `end` ids).
public struct ResultFormatter<Graph: QueryableGraph> {
    /// The output formats.
    public enum Format: String, CaseIterable, Sendable {
        /// Aligned text, an array of JSON objects, or CSV with a header.
        case table, json, csv
    }

    /// The graph the result's elements belong to.
    public let graph: Graph

    /// Creates a formatter for results over `graph`.
    public init(graph: Graph) {
        self.graph = graph
    }

    /// The result in `format`, ending with a newline.
    public func render(_ result: QueryResult, as format: Format) -> String {
        switch format {
        case .table: table(result)
        case .json: json(result)
        case .csv: csv(result)
        }
    }

    /// Columns padded to their widest cell, numbers aligned right, then the row count.
    public func table(_ result: QueryResult) -> String {
        let header = result.columns.map { $0.replacingControlCharacters() }
        let cells = result.rows.map { row in row.map { cellText($0).replacingControlCharacters() } }
        var widths = header.map(\.count)
        for row in cells {
            for (index, cell) in row.enumerated() { widths[index] = max(widths[index], cell.count) }
        }
        func line(_ values: [String], rightAligned: [Bool]) -> String {
            zip(values, widths).enumerated().map { index, pair in
                let padding = String(repeating: " ", count: pair.1 - pair.0.count)
                return rightAligned[index] ? padding + pair.0 : pair.0 + padding
            }.joined(separator: " | ").trailingSpacesRemoved()
        }
        var lines = [line(header, rightAligned: header.map { _ in false })]
        lines.append(widths.map { String(repeating: "-", count: $0) }.joined(separator: "-+-"))
        for (row, texts) in zip(result.rows, cells) {
            lines.append(line(texts, rightAligned: row.map { $0.number != nil }))
        }
        lines.append("(\(result.rows.count) row\(result.rows.count == 1 ? "" : "s"))")
        return lines.joined(separator: "\n") + "\n"
    }

    /// A header line, then one line per row; fields quoted when they need it (RFC 4180), null empty.
    public func csv(_ result: QueryResult) -> String {
        streamed(result, as: .csv)
    }

    /// An array with one object per row, keyed by column name in column order.
    public func json(_ result: QueryResult) -> String {
        streamed(result, as: .json)
    }

    /// Whether `format` can be written a row at a time (a table needs every row for its widths).
    public static func streams(_ format: Format) -> Bool { format != .table }

    /// What comes before the first row of a streamed CSV or JSON result.
    public func header(columns: [String], as format: Format) -> String {
        format == .csv ? columns.map { Self.csvField($0) }.joined(separator: ",") + "\r\n" : ""
    }

    /// One row of a streamed CSV or JSON result; `index` counts rows from 0.
    public func row(_ row: [QueryValue], columns: [String], index: Int, as format: Format) -> String {
        guard format == .json else { return row.map(csvCell).joined(separator: ",") + "\r\n" }
        let object = "  {" + zip(columns, row).map { JSONStringLiteral.quoted($0) + ": " + jsonValue($1) }.joined(separator: ", ") + "}"
        return (index == 0 ? "[\n" : ",\n") + object
    }

    /// What comes after the last of `rows` rows of a streamed CSV or JSON result.
    public func footer(rows: Int, as format: Format) -> String {
        guard format == .json else { return "" }
        return rows == 0 ? "[]\n" : "\n]\n"
    }

    private func streamed(_ result: QueryResult, as format: Format) -> String {
        var text = header(columns: result.columns, as: format)
        for (index, values) in result.rows.enumerated() { text += row(values, columns: result.columns, index: index, as: format) }
        return text + footer(rows: result.rows.count, as: format)
    }

    /// A value as a CSV field: null is empty, a number stays a number (`-5` is no formula).
    private func csvCell(_ value: QueryValue) -> String {
        switch value {
        case .null: ""
        case .integer, .float: Self.csvField(cellText(value), mayBeFormula: false)
        default: Self.csvField(cellText(value))
        }
    }

    /// A CSV field, quoted when it needs it (RFC 4180). Text a spreadsheet would run as a formula
    /// (starting with `=`, `+`, `-`, `@`, a tab or a carriage return) gets a leading apostrophe,
    /// as the OWASP guidance on CSV injection says: a name like `=HYPERLINK(...)` is shown, not run.
    private static func csvField(_ text: String, mayBeFormula: Bool = true) -> String {
        let text = mayBeFormula && text.first.map(csvFormulaStarts.contains) == true ? "'" + text : text
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
        return "\"" + text.split(separator: "\"", omittingEmptySubsequences: false).joined(separator: "\"\"") + "\""
    }

    /// How a value reads in a table or CSV cell: strings bare, graph elements readable.
    public func cellText(_ value: QueryValue) -> String {
        if case .string(let text) = value { return text }
        return readable(value)
    }

    /// The value as a literal, graph elements in their readable form.
    func readable(_ value: QueryValue) -> String {
        switch value {
        case .node(let node): return nodeText(node)
        case .relationship(let relationship):
            let source = graph.source(ofRelationship: relationship), target = graph.target(ofRelationship: relationship)
            return "(\(idText(source)))" + relationshipText(relationship, forward: true) + "(\(idText(target)))"
        case .path(let path):
            var text = "(\(idText(path.nodes[0])))"
            for (index, relationship) in path.relationships.enumerated() {
                let forward = graph.source(ofRelationship: relationship) == path.nodes[index]
                text += relationshipText(relationship, forward: forward) + "(\(idText(path.nodes[index + 1])))"
            }
            return text
        case .list(let values): return "[" + values.map(readable).joined(separator: ", ") + "]"
        case .map(let entries):
            return "{" + entries.keys.sorted().map { "\($0.quotedName): \(readable(entries[$0] ?? .null))" }
                .joined(separator: ", ") + "}"
        default: return value.literalText
        }
    }

    private func idText(_ node: Int) -> String {
        if case .string(let id) = graph.property("id", ofNode: node) { return id }
        return "#\(node)"
    }

    private func nodeText(_ node: Int) -> String { "(\(idText(node)):\(graph.label(ofNode: node)))" }

    private func relationshipText(_ relationship: Int, forward: Bool) -> String {
        let properties = graph.properties(ofRelationship: relationship)
        let map = properties.isEmpty ? "" : " " + readable(.map(properties))
        let body = "[:\(graph.type(ofRelationship: relationship))\(map)]"
        return forward ? "-\(body)->" : "<-\(body)-"
    }

    /// The value as JSON; maps with sorted keys, so output is byte-identical run to run.
    public func jsonValue(_ value: QueryValue) -> String {
        switch value {
        case .null: return "null"
        case .boolean(let truth): return truth ? "true" : "false"
        case .integer(let number): return String(number)
        case .float(let number):
            // JSON numbers cannot be NaN or infinite, and the string "NaN" would read as text:
            // such a float is the object {"$float": "NaN" | "Infinity" | "-Infinity"}.
            return number.isFinite ? QueryValue.floatText(number) : "{\"$float\": \(JSONStringLiteral.quoted(QueryValue.floatText(number)))}"
        case .string(let text): return JSONStringLiteral.quoted(text)
        case .list(let values): return "[" + values.map(jsonValue).joined(separator: ", ") + "]"
        case .map(let entries): return jsonObject(entries)
        case .node(let node):
            return "{\"label\": \(JSONStringLiteral.quoted(graph.label(ofNode: node))), \"properties\": \(jsonObject(graph.properties(ofNode: node)))}"
        case .relationship(let relationship):
            return "{\"type\": \(JSONStringLiteral.quoted(graph.type(ofRelationship: relationship))), "
                + "\"start\": \(JSONStringLiteral.quoted(idText(graph.source(ofRelationship: relationship)))), "
                + "\"end\": \(JSONStringLiteral.quoted(idText(graph.target(ofRelationship: relationship)))), "
                + "\"properties\": \(jsonObject(graph.properties(ofRelationship: relationship)))}"
        case .path(let path):
            return "{\"nodes\": [" + path.nodes.map { jsonValue(.node($0)) }.joined(separator: ", ") + "], \"relationships\": ["
                + path.relationships.map { jsonValue(.relationship($0)) }.joined(separator: ", ") + "]}"
        }
    }

    private func jsonObject(_ entries: [String: QueryValue]) -> String {
        "{" + entries.keys.sorted().map { JSONStringLiteral.quoted($0) + ": " + jsonValue(entries[$0] ?? .null) }.joined(separator: ", ") + "}"
    }
}

extension String {
    /// Control characters (a newline in a name) shown escaped, so a table stays one line per row.
    fileprivate func replacingControlCharacters() -> String {
        guard unicodeScalars.contains(where: { $0.value < 0x20 }) else { return self }
        var output = ""
        for scalar in unicodeScalars {
            if scalar.value < 0x20 {
                output += scalar == "\n" ? "\\n" : scalar == "\t" ? "\\t" : "\\u{\(String(scalar.value, radix: 16))}"
            } else {
                output.unicodeScalars.append(scalar)
            }
        }
        return output
    }

    fileprivate func trailingSpacesRemoved() -> String {
        var text = self
        while text.last == " " { text.removeLast() }
        return text
    }
}

/// First characters that make a spreadsheet read a cell as a formula ("\r\n" is one Character).
private let csvFormulaStarts: Set<Character> = ["=", "+", "-", "@", "\t", "\r", "\r\n"]
