import Foundation

/// A strict JSON (RFC 8259) parser that keeps the line and column of every value.
///
/// Written by hand rather than on `JSONSerialization` because findings and errors must point at
/// lines, and because large portfolios (a million initiatives) must parse in seconds.
/// The input must already be valid UTF-8 (the loader checks the whole file once).
struct JSONDocumentParser {
    let bytes: [UInt8]
    private let file: String
    var offset = 0
    var line = 1
    var lineStart = 0
    var depth = 0
    /// Streamed lists at least this long (in bytes, up to the end of the file) are parsed in
    /// `listParts` parts at once; see `parseListInParts`.
    private let partedListBytes: Int
    private let listParts: Int

    /// - Parameters:
    ///   - partedListBytes: how long a streamed list must be for parsing in parts.
    ///   - listParts: how many parts, one per core by default. Tests set both to exercise the
    ///     parts on small inputs.
    init(bytes: [UInt8], file: String, partedListBytes: Int = 16 << 20, listParts: Int = ProcessInfo.processInfo.activeProcessorCount) {
        self.bytes = bytes
        self.file = file
        self.partedListBytes = partedListBytes
        self.listParts = listParts
    }

    /// Parses the input into `sink`: top-level keys one at a time, and the lists the sink streams
    /// item by item. A top level that is not an object is handed over whole, for the sink to reject.
    mutating func parse<Sink: TopLevelSink>(into sink: inout Sink) throws(LoadError) {
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { offset = 3; lineStart = 3 }
        skipWhitespace()
        if peek == UInt8(ascii: "{") {
            try parseTopLevelObject(into: &sink)
        } else {
            try sink.decode(try parseValue())
        }
        skipWhitespace()
        if offset < bytes.count { throw error("expected the end of the document after the top-level value") }
    }

    private mutating func parseTopLevelObject<Sink: TopLevelSink>(into sink: inout Sink) throws(LoadError) {
        try enterContainer()
        offset += 1
        var seenKeys: [String: Int] = [:]
        skipWhitespace()
        if peek == UInt8(ascii: "}") { offset += 1; depth -= 1; return }
        while true {
            skipWhitespace()
            guard peek == UInt8(ascii: "\"") else { throw error("expected a quoted key") }
            let (keyLine, keyColumn) = (line, column)
            let key = try parseString()
            if let previous = seenKeys[key] {
                throw error("duplicate key \"\(key)\" (first at line \(previous))", line: keyLine, column: keyColumn)
            }
            seenKeys[key] = keyLine
            skipWhitespace()
            guard peek == UInt8(ascii: ":") else { throw error("expected ':' after the key \"\(key)\"") }
            offset += 1
            skipWhitespace()
            if sink.streamsItems(of: key), peek == UInt8(ascii: "[") {
                sink.beginList(key)
                if listParts > 1, bytes.count - offset >= partedListBytes, let split = splitList(into: listParts) {
                    try parseListInParts(split, of: key, into: &sink)
                } else {
                    try parseArray { item throws(LoadError) in try sink.addListItem(item, of: key) }
                }
            } else {
                try sink.add(DocumentEntry(key: key, keyLine: keyLine, keyColumn: keyColumn, value: try parseValue()))
            }
            skipWhitespace()
            switch peek {
            case UInt8(ascii: ","): offset += 1
            case UInt8(ascii: "}"): offset += 1; depth -= 1; return
            default: throw error("expected ',' or '}' in an object")
            }
        }
    }

    // MARK: Values

    mutating func parseValue() throws(LoadError) -> DocumentNode {
        guard offset < bytes.count else { throw error("expected a value, found the end of the file") }
        let (startLine, startColumn) = (line, column)
        switch bytes[offset] {
        case UInt8(ascii: "{"):
            return DocumentNode(value: .mapping(try parseObject()), line: startLine, column: startColumn)
        case UInt8(ascii: "["):
            var items: [DocumentNode] = []
            try parseArray { item throws(LoadError) in items.append(item) }
            return DocumentNode(value: .sequence(items), line: startLine, column: startColumn)
        case UInt8(ascii: "\""):
            let text = try parseString()
            return DocumentNode(value: .scalar(DocumentScalar(text: text, isQuoted: true)), line: startLine, column: startColumn)
        case UInt8(ascii: "t"): return try parseWord("true", line: startLine, column: startColumn)
        case UInt8(ascii: "f"): return try parseWord("false", line: startLine, column: startColumn)
        case UInt8(ascii: "n"): return try parseWord("null", line: startLine, column: startColumn)
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            let text = try parseNumber()
            return DocumentNode(value: .scalar(DocumentScalar(text: text, isQuoted: false)), line: startLine, column: startColumn)
        default:
            throw error("expected a value (object, array, string, number, true, false or null)")
        }
    }

    private mutating func parseWord(_ word: String, line: Int, column: Int) throws(LoadError) -> DocumentNode {
        let count = word.utf8.count
        guard offset + count <= bytes.count, bytes[offset..<(offset + count)].elementsEqual(word.utf8) else {
            throw error("expected \(word)")
        }
        offset += count
        return DocumentNode(value: .scalar(DocumentScalar(text: word, isQuoted: false)), line: line, column: column)
    }

    mutating func enterContainer() throws(LoadError) {
        depth += 1
        if depth > DocumentLimits.maximumDepth {
            throw error("nesting deeper than \(DocumentLimits.maximumDepth) levels; a portfolio needs far fewer")
        }
    }

    private mutating func parseObject() throws(LoadError) -> [DocumentEntry] {
        try enterContainer()
        offset += 1
        var entries: [DocumentEntry] = []
        // Duplicate keys: a linear scan for the small objects a portfolio is made of, a dictionary for big ones.
        var seenKeys: [String: Int] = [:]
        skipWhitespace()
        if peek == UInt8(ascii: "}") { offset += 1; depth -= 1; return entries }
        while true {
            skipWhitespace()
            guard peek == UInt8(ascii: "\"") else { throw error("expected a quoted key") }
            let (keyLine, keyColumn) = (line, column)
            let key = try parseString()
            let previous = entries.count < 16 ? entries.first { $0.key == key }?.keyLine : seenKeys[key]
            if let previous {
                throw error("duplicate key \"\(key)\" (first at line \(previous))", line: keyLine, column: keyColumn)
            }
            if entries.count == 15 { for entry in entries { seenKeys[entry.key] = entry.keyLine } }
            if entries.count >= 15 { seenKeys[key] = keyLine }
            skipWhitespace()
            guard peek == UInt8(ascii: ":") else { throw error("expected ':' after the key \"\(key)\"") }
            offset += 1
            skipWhitespace()
            let value = try parseValue()
            entries.append(DocumentEntry(key: key, keyLine: keyLine, keyColumn: keyColumn, value: value))
            skipWhitespace()
            switch peek {
            case UInt8(ascii: ","): offset += 1
            case UInt8(ascii: "}"): offset += 1; depth -= 1; return entries
            default: throw error("expected ',' or '}' in an object")
            }
        }
    }

    /// Parses an array, handing each item to `item` as soon as it is parsed.
    private mutating func parseArray(_ item: (DocumentNode) throws(LoadError) -> Void) throws(LoadError) {
        try enterContainer()
        offset += 1
        skipWhitespace()
        if peek == UInt8(ascii: "]") { offset += 1; depth -= 1; return }
        while true {
            skipWhitespace()
            try item(try parseValue())
            skipWhitespace()
            switch peek {
            case UInt8(ascii: ","): offset += 1
            case UInt8(ascii: "]"): offset += 1; depth -= 1; return
            default: throw error("expected ',' or ']' in an array")
            }
        }
    }

    private mutating func parseNumber() throws(LoadError) -> String {
        let start = offset
        func digits(_ parser: inout JSONDocumentParser) -> Int {
            let first = parser.offset
            while let byte = parser.peek, byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") { parser.offset += 1 }
            return parser.offset - first
        }
        if peek == UInt8(ascii: "-") { offset += 1 }
        let integerStart = offset
        let integerDigits = digits(&self)
        guard integerDigits > 0 else { throw error("expected digits in a number") }
        if integerDigits > 1, bytes[integerStart] == UInt8(ascii: "0") { throw error("numbers must not start with 0") }
        if peek == UInt8(ascii: ".") {
            offset += 1
            guard digits(&self) > 0 else { throw error("expected digits after the decimal point") }
        }
        if peek == UInt8(ascii: "e") || peek == UInt8(ascii: "E") {
            offset += 1
            if peek == UInt8(ascii: "+") || peek == UInt8(ascii: "-") { offset += 1 }
            guard digits(&self) > 0 else { throw error("expected digits in the exponent") }
        }
        return String(decoding: bytes[start..<offset], as: UTF8.self)
    }

    private mutating func parseString() throws(LoadError) -> String {
        offset += 1
        let start = offset
        // Fast path: no escapes, the common case for ids and names.
        while offset < bytes.count {
            let byte = bytes[offset]
            if byte == UInt8(ascii: "\"") {
                let text = String(decoding: bytes[start..<offset], as: UTF8.self)
                offset += 1
                return text
            }
            if byte == UInt8(ascii: "\\") { break }
            if byte < 0x20 { throw error("control character in a string; write it as an escape such as \\n") }
            offset += 1
        }
        var scalars = Array(bytes[start..<offset])
        while offset < bytes.count {
            let byte = bytes[offset]
            switch byte {
            case UInt8(ascii: "\""):
                offset += 1
                return String(decoding: scalars, as: UTF8.self)
            case UInt8(ascii: "\\"):
                offset += 1
                guard let escape = peek else { break }
                offset += 1
                switch escape {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): scalars.append(escape)
                case UInt8(ascii: "b"): scalars.append(0x08)
                case UInt8(ascii: "f"): scalars.append(0x0C)
                case UInt8(ascii: "n"): scalars.append(0x0A)
                case UInt8(ascii: "r"): scalars.append(0x0D)
                case UInt8(ascii: "t"): scalars.append(0x09)
                case UInt8(ascii: "u"): scalars.append(contentsOf: try parseUnicodeEscape())
                default: throw error("unknown escape \\\(Character(Unicode.Scalar(escape)))")
                }
            default:
                if byte < 0x20 { throw error("control character in a string; write it as an escape such as \\n") }
                scalars.append(byte)
                offset += 1
            }
        }
        throw error("unterminated string")
    }

    private mutating func parseUnicodeEscape() throws(LoadError) -> [UInt8] {
        func hex(_ parser: inout JSONDocumentParser) throws(LoadError) -> UInt32 {
            guard parser.offset + 4 <= parser.bytes.count else { throw parser.error("expected four hex digits after \\u") }
            var value: UInt32 = 0
            for byte in parser.bytes[parser.offset..<(parser.offset + 4)] {
                guard let digit = hexValue(byte) else { throw parser.error("expected four hex digits after \\u") }
                value = value << 4 | digit
            }
            parser.offset += 4
            return value
        }
        var code = try hex(&self)
        if (0xD800...0xDBFF).contains(code) {
            guard peek == UInt8(ascii: "\\"), offset + 1 < bytes.count, bytes[offset + 1] == UInt8(ascii: "u") else {
                throw error("expected the second half of a UTF-16 surrogate pair")
            }
            offset += 2
            let low = try hex(&self)
            guard (0xDC00...0xDFFF).contains(low) else { throw error("invalid UTF-16 surrogate pair") }
            code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
        } else if (0xDC00...0xDFFF).contains(code) {
            throw error("lone UTF-16 surrogate")
        }
        guard let scalar = Unicode.Scalar(code) else { throw error("invalid Unicode escape") }
        return Array(String(Character(scalar)).utf8)
    }

    // MARK: Position

    var peek: UInt8? { offset < bytes.count ? bytes[offset] : nil }

    /// Column in bytes: counting characters would cost a pass over the line for every value,
    /// quadratic on a portfolio written as one long line. The caller has checked the input is UTF-8.
    private var column: Int { offset - lineStart + 1 }

    mutating func skipWhitespace() {
        while offset < bytes.count {
            switch bytes[offset] {
            case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\r"): offset += 1
            case UInt8(ascii: "\n"):
                offset += 1
                line += 1
                lineStart = offset
            default: return
            }
        }
    }

    func error(_ message: String) -> LoadError {
        error(message, line: line, column: column)
    }

    private func error(_ message: String, line: Int, column: Int) -> LoadError {
        LoadError("invalid JSON: \(message)", at: SourceLocation(file: file, line: line, column: column))
    }
}

private func hexValue(_ byte: UInt8) -> UInt32? {
    switch byte {
    case UInt8(ascii: "0")...UInt8(ascii: "9"): return UInt32(byte - UInt8(ascii: "0"))
    case UInt8(ascii: "a")...UInt8(ascii: "f"): return UInt32(byte - UInt8(ascii: "a") + 10)
    case UInt8(ascii: "A")...UInt8(ascii: "F"): return UInt32(byte - UInt8(ascii: "A") + 10)
    default: return nil
    }
}
