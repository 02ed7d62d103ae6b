import InterlockCore
/// Writes the portfolio format as text, record by record, straight into a `ByteSink`.
///
/// Conforming writers (YAML, JSON) only decide the layout of the document: where a record, a
/// field or a top-level key starts and ends. The values and the inline collections (`[a, b]`,
/// `{source: x, access: read}`) are written by the shared extension below, because YAML flow
/// style and JSON differ there only in which strings are quoted.
protocol PortfolioTextWriter {
    /// Where the text goes.
    var sink: ByteSink { get set }
    /// How ids are spelled.
    var ids: IDScheme { get }
    /// True when every string is quoted (JSON); false when only those YAML would misread are.
    static var quotesAllStrings: Bool { get }

    /// Starts the document; `comment` is written where the format allows comments.
    mutating func beginDocument(comment: String)
    /// Starts a top-level list of records under `key`.
    mutating func beginList(_ key: String)
    /// Starts a record in the current list.
    mutating func beginRecord()
    /// Ends the record and hands full chunks to the destination.
    mutating func endRecord() throws
    /// Ends the current list.
    mutating func endList()
    /// Starts a top-level mapping under `key` (such as `policy`).
    mutating func beginObject(_ key: String)
    /// Ends the current top-level mapping.
    mutating func endObject()
    /// Starts a field of the current record or mapping, or a top-level key, up to its value.
    mutating func beginField(_ key: String)
    /// Ends the field started last.
    mutating func endField()
    /// Ends the document and returns the bytes kept in memory (empty when writing to a file).
    mutating func endDocument() throws -> [UInt8]
}

extension PortfolioTextWriter {
    mutating func field(_ key: String, text: String) {
        beginField(key)
        append(text: text)
        endField()
    }

    mutating func field(_ key: String, id: EntityRef) {
        beginField(key)
        append(id: id)
        endField()
    }

    mutating func field(_ key: String, integer: Int) {
        beginField(key)
        sink.appendDecimal(integer)
        endField()
    }

    mutating func field(_ key: String, bool: Bool) {
        beginField(key)
        sink.append(bool ? "true" : "false")
        endField()
    }

    mutating func field(_ key: String, date: CalendarDate) {
        beginField(key)
        if Self.quotesAllStrings { sink.append(UInt8(ascii: "\"")) }
        sink.append(date)
        if Self.quotesAllStrings { sink.append(UInt8(ascii: "\"")) }
        endField()
    }

    /// A list of ids: `[a, b]`.
    mutating func field(_ key: String, ids refs: [EntityRef]) {
        beginField(key)
        appendList(refs) { writer, ref in writer.append(id: ref) }
        endField()
    }

    /// A list of words: `[gdpr, cloud]`.
    mutating func field(_ key: String, words: [String]) {
        beginField(key)
        appendList(words) { writer, word in writer.append(text: word) }
        endField()
    }

    /// Data uses: `[{source: data-1, access: read}]`.
    mutating func field(_ key: String, dataUses: [(source: EntityRef, access: String)]) {
        beginField(key)
        appendList(dataUses) { writer, use in
            writer.sink.append(UInt8(ascii: "{"))
            writer.append(key: "source")
            writer.append(id: use.source)
            writer.sink.append(", ")
            writer.append(key: "access")
            writer.append(text: use.access)
            writer.sink.append(UInt8(ascii: "}"))
        }
        endField()
    }

    /// Pairs of ids: `[[a, b], [c, d]]`.
    mutating func field(_ key: String, pairs: [(EntityRef, EntityRef)]) {
        beginField(key)
        appendList(pairs) { writer, pair in
            writer.appendList([pair.0, pair.1]) { writer, ref in writer.append(id: ref) }
        }
        endField()
    }

    /// A key inside a record or inline mapping, with its separator.
    mutating func append(key: String) {
        if Self.quotesAllStrings {
            sink.appendQuoted(key)
        } else {
            sink.append(key)
        }
        sink.append(": ")
    }

    private mutating func append(text: String) {
        if Self.quotesAllStrings || !YAMLPlainScalar.isSafe(text) {
            sink.appendQuoted(text)
        } else {
            sink.append(text)
        }
    }

    private mutating func append(id: EntityRef) {
        if Self.quotesAllStrings { sink.append(UInt8(ascii: "\"")) }
        ids.append(id, to: &sink)
        if Self.quotesAllStrings { sink.append(UInt8(ascii: "\"")) }
    }

    private mutating func appendList<Element>(_ elements: [Element], _ appendElement: (inout Self, Element) -> Void) {
        sink.append(UInt8(ascii: "["))
        for (position, element) in elements.enumerated() {
            if position > 0 { sink.append(", ") }
            appendElement(&self, element)
        }
        sink.append(UInt8(ascii: "]"))
    }
}
