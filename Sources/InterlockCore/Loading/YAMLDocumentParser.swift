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
            root = try Yams.compose(yaml: text)
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

    private func translate(_ error: YamlError) -> LoadError {
        switch error {
        case .scanner(let context, let problem, let mark, _),
             .parser(let context, let problem, let mark, _),
             .composer(let context, let problem, let mark, _):
            let detail = context.map { "\(problem) \($0.text)" } ?? problem
            return LoadError("invalid YAML: \(detail)", at: SourceLocation(file: file, line: mark.line, column: mark.column))
        case .duplicatedKeysInMapping(let duplicates, let context):
            let keys = duplicates.map { "\"\($0)\"" }.joined(separator: ", ")
            return LoadError("duplicate key \(keys) in the mapping that starts here",
                             at: SourceLocation(file: file, line: context.mark.line, column: context.mark.column))
        default:
            return LoadError("invalid YAML: \(error)", file: file)
        }
    }
}
