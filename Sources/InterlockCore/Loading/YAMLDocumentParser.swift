import Yams

/// Parses YAML through Yams (libyaml) and converts it to a `DocumentNode` tree, with limits.
///
/// libyaml stops at 1,000 levels of nesting, which keeps Yams' recursive composer within the stack;
/// the conversion then applies the portfolio's own depth limit and bounds alias expansion, so an
/// alias bomb ("billion laughs") fails in milliseconds instead of expanding. Yams itself rejects
/// duplicate keys.
struct YAMLDocumentParser {
    private let text: String
    private let file: String
    private var expansionBudget: Int

    init(text: String, file: String) {
        self.text = text
        self.file = file
        // A document without aliases has fewer nodes than bytes; the slack admits ordinary anchor reuse.
        self.expansionBudget = text.utf8.count + 100_000
    }

    /// Parses the single document in the text; an empty file is an empty mapping.
    mutating func parse() throws(LoadError) -> DocumentNode {
        let root: Node?
        do {
            // The basic resolver resolves no tags: the decoder reads every scalar's text itself,
            // and the default resolver's regular expressions over each scalar (run again to hash
            // mapping keys for the duplicate check) took half the time of loading a large file.
            root = try Yams.compose(yaml: text, .basic)
        } catch let error as YamlError {
            throw translate(error)
        } catch {
            throw LoadError("invalid YAML: \(error)", file: file)
        }
        guard let root else { return DocumentNode(value: .mapping([]), line: 1, column: 1) }
        return try convert(root, depth: 0)
    }

    private mutating func convert(_ node: Node, depth: Int) throws(LoadError) -> DocumentNode {
        let line = node.mark?.line ?? 1
        let column = node.mark?.column ?? 1
        expansionBudget -= 1
        guard expansionBudget >= 0 else {
            throw LoadError(
                "YAML aliases expand to more values than the file could hold; refusing a possible alias bomb",
                at: SourceLocation(file: file, line: line, column: column))
        }
        switch node {
        case .scalar(let scalar):
            let isQuoted = scalar.style != .plain && scalar.style != .any
            return DocumentNode(value: .scalar(DocumentScalar(text: scalar.string, isQuoted: isQuoted)), line: line, column: column)
        case .alias:
            // Yams resolves aliases while composing; an unresolved one is a composer error, not this case.
            throw LoadError("unresolved YAML alias", at: SourceLocation(file: file, line: line, column: column))
        case .sequence(let sequence):
            try checkDepth(depth, line: line, column: column)
            var items: [DocumentNode] = []
            items.reserveCapacity(sequence.count)
            for item in sequence { items.append(try convert(item, depth: depth + 1)) }
            return DocumentNode(value: .sequence(items), line: line, column: column)
        case .mapping(let mapping):
            try checkDepth(depth, line: line, column: column)
            var entries: [DocumentEntry] = []
            entries.reserveCapacity(mapping.count)
            for (key, value) in mapping {
                let keyLine = key.mark?.line ?? line
                let keyColumn = key.mark?.column ?? column
                guard case .scalar(let keyScalar) = key else {
                    throw LoadError("expected a plain key, found a complex key",
                                    at: SourceLocation(file: file, line: keyLine, column: keyColumn))
                }
                entries.append(DocumentEntry(key: keyScalar.string, keyLine: keyLine, keyColumn: keyColumn,
                                             value: try convert(value, depth: depth + 1)))
            }
            return DocumentNode(value: .mapping(entries), line: line, column: column)
        }
    }

    private func checkDepth(_ depth: Int, line: Int, column: Int) throws(LoadError) {
        if depth >= DocumentLimits.maximumDepth {
            throw LoadError("nesting deeper than \(DocumentLimits.maximumDepth) levels; a portfolio needs far fewer",
                            at: SourceLocation(file: file, line: line, column: column))
        }
    }

    /// libyaml's error in the loader's words, at its line and column: `file:L:C: invalid YAML: …`,
    /// without the quoted line (it may hold control characters) or the library's internals.
    private func translate(_ error: YamlError) -> LoadError {
        switch error {
        case .reader(let problem, let offset, let value, _):
            let (line, column) = offset.map(lineAndColumn(ofByte:)) ?? (1, 1)
            let hex = String(value, radix: 16, uppercase: true)
            let found = value >= 0 ? " (found U+\(String(repeating: "0", count: max(0, 4 - hex.count)) + hex))" : ""
            return LoadError("invalid YAML: \(problem)\(found)", at: SourceLocation(file: file, line: line, column: column))
        case .scanner(let context, let problem, let mark, _),
             .parser(let context, let problem, let mark, _),
             .composer(let context, let problem, let mark, _):
            let here = SourceLocation(file: file, line: mark.line, column: mark.column)
            if problem.contains("Maximum nesting level") {
                return LoadError("nesting deeper than \(DocumentLimits.maximumDepth) levels; a portfolio needs far fewer", at: here)
            }
            if context?.text == "expected a single document in the stream" {
                return LoadError("a second YAML document starts here; a portfolio file holds one document (split it into files)", at: here)
            }
            let during = context.map { " (\($0.text) at line \($0.mark.line), column \($0.mark.column))" } ?? ""
            return LoadError("invalid YAML: \(problem)\(during)", at: here)
        case .duplicatedKeysInMapping(let duplicates, let context):
            let keys = duplicates.map { "\"\($0)\"" }.joined(separator: ", ")
            return LoadError("duplicate key \(keys) in the mapping that starts here",
                             at: SourceLocation(file: file, line: context.mark.line, column: context.mark.column))
        default:
            return LoadError("invalid YAML: \(error)", file: file)
        }
    }

    /// The line and column (both from 1, columns in characters) of the byte at `offset`.
    private func lineAndColumn(ofByte offset: Int) -> (Int, Int) {
        let before = text.utf8.prefix(max(offset, 0))
        let line = before.reduce(1) { $1 == UInt8(ascii: "\n") ? $0 + 1 : $0 }
        let lineStart = before.lastIndex(of: UInt8(ascii: "\n")).map { before.index(after: $0) } ?? before.startIndex
        return (line, String(decoding: before[lineStart...], as: UTF8.self).count + 1)
    }
}
