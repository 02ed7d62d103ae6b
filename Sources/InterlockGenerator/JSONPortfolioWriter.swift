import InterlockCore
/// Writes the portfolio as JSON, one record per line so the file stays readable and diffable:
///
/// ```json
/// {
///   "initiatives": [
///     {"id": "init-0001", "name": "Customer onboarding portal", "technologies": ["java@17"]}
///   ]
/// }
/// ```
/// JSON has no comments, so the document comment is dropped.
struct JSONPortfolioWriter: PortfolioTextWriter {
    static let quotesAllStrings = true

    var sink: ByteSink
    let ids: IDScheme

    private var topLevelCount = 0
    private var recordCount = 0
    private var fieldCount = 0
    private var isInsideBraces = false

    init(sink: ByteSink, ids: IDScheme) {
        self.sink = sink
        self.ids = ids
    }

    mutating func beginDocument(comment: String) {
        sink.append(UInt8(ascii: "{"))
    }

    mutating func beginList(_ key: String) {
        beginTopLevelKey(key)
        sink.append(UInt8(ascii: "["))
        recordCount = 0
    }

    mutating func beginRecord() {
        sink.append(recordCount > 0 ? ",\n    {" : "\n    {")
        recordCount += 1
        fieldCount = 0
        isInsideBraces = true
    }

    mutating func endRecord() throws {
        sink.append(UInt8(ascii: "}"))
        isInsideBraces = false
        try sink.flushIfFull()
    }

    mutating func endList() {
        sink.append(recordCount > 0 ? "\n  ]" : "]")
    }

    mutating func beginObject(_ key: String) {
        beginTopLevelKey(key)
        sink.append(UInt8(ascii: "{"))
        fieldCount = 0
        isInsideBraces = true
    }

    mutating func endObject() {
        sink.append(UInt8(ascii: "}"))
        isInsideBraces = false
    }

    mutating func beginField(_ key: String) {
        guard isInsideBraces else { return beginTopLevelKey(key) }
        if fieldCount > 0 { sink.append(", ") }
        fieldCount += 1
        append(key: key)
    }

    mutating func endField() {}

    mutating func endDocument() throws -> [UInt8] {
        sink.append("\n}\n")
        return try sink.finish()
    }

    private mutating func beginTopLevelKey(_ key: String) {
        sink.append(topLevelCount > 0 ? ",\n  " : "\n  ")
        topLevelCount += 1
        append(key: key)
    }
}
