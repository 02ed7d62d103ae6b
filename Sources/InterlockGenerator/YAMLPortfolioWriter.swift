import InterlockCore
/// Writes the portfolio as block-style YAML, one record per list item, lists inline:
///
/// ```yaml
/// initiatives:
///   - id: init-0001
///     name: Customer onboarding portal
///     technologies: [java@17, postgres]
/// ```
struct YAMLPortfolioWriter: PortfolioTextWriter {
    static let quotesAllStrings = false

    var sink: ByteSink
    let ids: IDScheme

    private enum Context { case top, object, record }
    private var context = Context.top
    private var isFirstFieldOfRecord = false
    /// The header of a list or mapping, written when its first entry arrives; `emptyForm` is
    /// written instead when none does, since `key:` alone would read as null.
    private var pendingHeader: (key: String, emptyForm: String)?

    init(sink: ByteSink, ids: IDScheme) {
        self.sink = sink
        self.ids = ids
    }

    mutating func beginDocument(comment: String) {
        sink.append("# ")
        sink.append(comment)
        sink.append(UInt8(ascii: "\n"))
    }

    mutating func beginList(_ key: String) {
        pendingHeader = (key, "[]")
    }

    mutating func beginRecord() {
        writePendingHeader()
        context = .record
        isFirstFieldOfRecord = true
    }

    mutating func endRecord() throws {
        if isFirstFieldOfRecord { sink.append("  - {}\n") }
        context = .top
        try sink.flushIfFull()
    }

    mutating func endList() {
        writeEmptyFormIfPending()
    }

    mutating func beginObject(_ key: String) {
        pendingHeader = (key, "{}")
        context = .object
    }

    mutating func endObject() {
        writeEmptyFormIfPending()
        context = .top
    }

    mutating func beginField(_ key: String) {
        writePendingHeader()
        switch context {
        case .top: break
        case .object: sink.append("  ")
        case .record:
            sink.append(isFirstFieldOfRecord ? "  - " : "    ")
            isFirstFieldOfRecord = false
        }
        append(key: key)
    }

    mutating func endField() {
        sink.append(UInt8(ascii: "\n"))
    }

    mutating func endDocument() throws -> [UInt8] {
        try sink.finish()
    }

    private mutating func writePendingHeader() {
        guard let header = pendingHeader else { return }
        sink.append(header.key)
        sink.append(":\n")
        pendingHeader = nil
    }

    private mutating func writeEmptyFormIfPending() {
        guard let header = pendingHeader else { return }
        append(key: header.key)
        sink.append(header.emptyForm)
        sink.append(UInt8(ascii: "\n"))
        pendingHeader = nil
    }
}
