/// A parsed YAML or JSON document, independent of the syntax it came from, every value with its position.
///
/// The decoder only sees this tree, so YAML and JSON portfolios get the same checks and messages.
struct DocumentNode: Sendable {
    /// The three shapes a value can take.
    enum Value: Sendable {
        case scalar(DocumentScalar)
        case sequence([DocumentNode])
        case mapping([DocumentEntry])
    }

    var value: Value
    var line: Int
    var column: Int

    /// A short noun for error messages ("a list", "a mapping", "a string").
    var shapeDescription: String {
        switch value {
        case .scalar(let scalar): return scalar.isNull ? "nothing (null)" : "a single value \"\(scalar.text.prefix(40))\""
        case .sequence: return "a list"
        case .mapping: return "a mapping"
        }
    }
}

/// A leaf value with enough of its syntax kept to tell `"123"` from `123` and `null` from `"null"`.
struct DocumentScalar: Sendable {
    /// The value as written, after unescaping.
    var text: String
    /// True for quoted YAML scalars and JSON strings: the value is text whatever it looks like.
    var isQuoted: Bool

    /// YAML's and JSON's spellings of "no value".
    var isNull: Bool {
        !isQuoted && (text.isEmpty || text == "~" || text == "null" || text == "Null" || text == "NULL")
    }
}

/// One key and value of a mapping.
struct DocumentEntry: Sendable {
    var key: String
    var keyLine: Int
    var keyColumn: Int
    var value: DocumentNode
}

/// Limits every parser applies, so a hostile file fails fast instead of exhausting the machine.
enum DocumentLimits {
    /// Deepest nesting of lists and mappings; the format needs five levels.
    static let maximumDepth = 64
    /// Largest file read (a million-initiative JSON portfolio is about 400 MB).
    static let maximumFileBytes = 1 << 30
}

/// Receives a portfolio document one top-level key at a time, and the items of long lists one
/// at a time, so a parser never needs the whole document tree in memory.
protocol TopLevelSink: Sendable {
    /// True when the items of the list under `key` should arrive one by one.
    func streamsItems(of key: String) -> Bool
    /// A streamed list under `key` starts.
    mutating func beginList(_ key: String)
    /// One item of the streamed list under `key`.
    mutating func addListItem(_ node: DocumentNode, of key: String) throws(LoadError)
    /// A top-level key with its whole value.
    mutating func add(_ entry: DocumentEntry) throws(LoadError)
    /// A whole document, whatever its top level is.
    mutating func decode(_ root: DocumentNode) throws(LoadError)
    /// An empty sink of the same kind, for a part of a long list parsed on another thread.
    func makeListPartSink() -> Self
    /// Appends the items `part` took for the list under `key`, after those this sink holds.
    mutating func appendItems(of key: String, from part: Self)
}
