import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// An element of a parsed XML document: local name (prefix dropped), attributes as written,
/// children, text, and the line it started on.
final class XMLElementNode {
    let name: String
    let attributes: [String: String]
    var children: [XMLElementNode] = []
    var text = ""
    let line: Int

    init(name: String, attributes: [String: String], line: Int) {
        self.name = name
        self.attributes = attributes
        self.line = line
    }

    /// The first child called `name`.
    func child(_ name: String) -> XMLElementNode? { children.first { $0.name == name } }

    /// Every child called `name`.
    func children(_ name: String) -> [XMLElementNode] { children.filter { $0.name == name } }

    /// The attribute whose local name is `name`, whatever its prefix (`xsi:type`).
    func attribute(_ name: String) -> String? {
        if let value = attributes[name] { return value }
        return attributes.first { $0.key.hasSuffix(":" + name) }?.value
    }
}

/// Parses untrusted XML: no DTD, no external entity, no network. A document whose DOCTYPE
/// declares entities or names an external DTD is refused before the parser sees it, because
/// entity expansion is how XML files read local files (XXE) or exhaust memory (billion laughs).
enum SafeXML {
    /// Parses `data`, read from `file` (named in errors).
    static func parse(_ data: Data, file: String) throws(ImportError) -> XMLElementNode {
        try refuseDangerousDoctype(data, file: file)
        try refuseInvalidUTF8(data, file: file)
        let parser = XMLParser(data: withoutProcessingInstructions(data))
        parser.shouldResolveExternalEntities = false
        parser.shouldProcessNamespaces = false
        let builder = TreeBuilder(parser: parser)
        parser.delegate = builder
        let parsed = parser.parse()
        if let failure = builder.failure { throw ImportError("\(file):\(failure)") }
        guard parsed, let root = builder.root else {
            let error = parser.parserError.map { describe($0) } ?? "not well-formed XML"
            throw ImportError("\(file):\(parser.lineNumber):\(parser.columnNumber): \(error)")
        }
        // Foundation's parser reports success on a truncated document: check every element closed.
        if let open = builder.openElement {
            throw ImportError("\(file):\(parser.lineNumber): the document ends before <\(open.name)> (line \(open.line)) is closed")
        }
        return root
    }

    /// Refuses UTF-16 documents (the prologue scan reads bytes) and a DOCTYPE that declares
    /// entities or points at an external DTD. A DOCTYPE can only stand in the prologue, so the
    /// scan stops at the first element.
    static func refuseDangerousDoctype(_ data: Data, file: String) throws(ImportError) {
        let bytes = [UInt8](data.prefix(4))
        if bytes.starts(with: [0xFE, 0xFF]) || bytes.starts(with: [0xFF, 0xFE]) || (bytes.count >= 2 && (bytes[0] == 0 || bytes[1] == 0)) {
            throw ImportError("\(file): the XML is in UTF-16; only UTF-8 is read (save the file as UTF-8)")
        }
        // The prologue is short in every real file; entities declared later than 1 MiB would
        // still need a DOCTYPE before the root, which this finds first.
        let prologue = data.prefix(1 << 20)
        guard let start = prologue.firstRange(of: Data("<!DOCTYPE".utf8)) else { return }
        if let root = firstElementStart(prologue), root < start.lowerBound { return }
        let declaration = prologue[start.lowerBound...]
        let line = prologue[..<start.lowerBound].reduce(1) { $1 == UInt8(ascii: "\n") ? $0 + 1 : $0 }
        if declaration.firstRange(of: Data("<!ENTITY".utf8)) != nil {
            throw ImportError("\(file):\(line): refused: the DOCTYPE declares entities, which are never expanded "
                              + "(they can read local files or exhaust memory); remove the DOCTYPE")
        }
        let head = declaration.prefix { $0 != UInt8(ascii: ">") && $0 != UInt8(ascii: "[") }
        if head.firstRange(of: Data("SYSTEM".utf8)) != nil || head.firstRange(of: Data("PUBLIC".utf8)) != nil {
            throw ImportError("\(file):\(line): refused: the DOCTYPE names an external DTD, which is never fetched; remove the DOCTYPE")
        }
    }

    /// Refuses bytes that are not UTF-8 before the parser sees them: Foundation's XMLParser traps
    /// on such a byte inside a comment (found by FuzzArchiMate), and a model exported as UTF-8 never
    /// holds one.
    static func refuseInvalidUTF8(_ data: Data, file: String) throws(ImportError) {
        let valid = data.withUnsafeBytes { String(validating: $0.bindMemory(to: UInt8.self), as: UTF8.self) != nil }
        guard !valid else { return }
        // Found again byte by byte, only on the error path, to name its line.
        var line = 1, lineStart = data.startIndex
        while lineStart < data.endIndex {
            let end = data[lineStart...].firstIndex(of: UInt8(ascii: "\n")) ?? data.endIndex
            if String(validating: data[lineStart..<end], as: UTF8.self) == nil { break }
            line += 1
            lineStart = end < data.endIndex ? data.index(after: end) : end
        }
        throw ImportError("\(file):\(line): the XML is not valid UTF-8; only UTF-8 is read (save the file as UTF-8)")
    }

    /// What went wrong, in words: on Linux Foundation describes every parser error as "The
    /// operation could not be completed", so the common codes are named here.
    private static func describe(_ error: any Error) -> String {
        let code = (error as NSError).code
        // libxml2's codes, which Foundation passes on.
        switch code {
        case 4: return "no XML element found (an empty document, or text without a root element)"
        case 5: return "the document ends before it is complete"
        case 73: return "a tag is not closed with '>'"
        case 76: return "an end tag does not match the element it closes"
        default: return "not well-formed XML (XMLParser error \(code))"
        }
    }

    /// `data` with every processing instruction blanked out, the XML declaration too, line breaks
    /// kept so that errors keep their lines. Foundation's XMLParser reads a null pointer on one
    /// without data (`<?x?>`, and a damaged declaration, found by FuzzArchiMate); a model needs
    /// none, and the declaration's only news, the encoding, is UTF-8, checked before.
    static func withoutProcessingInstructions(_ data: Data) -> Data {
        var bytes = [UInt8](data)
        var index = 0
        while index + 1 < bytes.count {
            guard bytes[index] == UInt8(ascii: "<"), bytes[index + 1] == UInt8(ascii: "?") else {
                index += 1
                continue
            }
            var end = index + 2
            while end + 1 < bytes.count, !(bytes[end] == UInt8(ascii: "?") && bytes[end + 1] == UInt8(ascii: ">")) { end += 1 }
            guard end + 1 < bytes.count else { break }
            for position in index...(end + 1) where bytes[position] != UInt8(ascii: "\n") { bytes[position] = UInt8(ascii: " ") }
            index = end + 2
        }
        return Data(bytes)
    }

    /// The offset of the first `<` that opens an element (not `<?`, `<!`).
    private static func firstElementStart(_ data: Data) -> Data.Index? {
        var index = data.startIndex
        while let open = data[index...].firstIndex(of: UInt8(ascii: "<")) {
            let next = data.index(after: open)
            guard next < data.endIndex else { return nil }
            if data[next] != UInt8(ascii: "?"), data[next] != UInt8(ascii: "!") { return open }
            index = next
        }
        return nil
    }
}

/// Builds the element tree from the parser's events.
private final class TreeBuilder: NSObject, XMLParserDelegate {
    private unowned let parser: XMLParser
    private var stack: [XMLElementNode] = []
    private(set) var root: XMLElementNode?
    private(set) var failure: String?
    /// The innermost element still open, nil once the document is complete.
    var openElement: XMLElementNode? { stack.last }

    init(parser: XMLParser) {
        self.parser = parser
    }

    func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                qualifiedName: String?, attributes: [String: String] = [:]) {
        let local = elementName.split(separator: ":").last.map(String.init) ?? elementName
        let node = XMLElementNode(name: local, attributes: attributes, line: parser.lineNumber)
        if let parent = stack.last { parent.children.append(node) } else { root = node }
        stack.append(node)
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?) {
        stack.removeLast()
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        stack.last?.text += string
    }

    func parser(_ parser: XMLParser, foundCDATA CDATABlock: Data) {
        stack.last?.text += String(decoding: CDATABlock, as: UTF8.self)
    }

    // A DOCTYPE that slipped past the prologue scan still declares nothing that is used.
    func parser(_ parser: XMLParser, foundInternalEntityDeclarationWithName name: String, value: String?) {
        refuse("an entity '\(name)' is declared")
    }

    func parser(_ parser: XMLParser, foundExternalEntityDeclarationWithName name: String, publicID: String?, systemID: String?) {
        refuse("an external entity '\(name)' is declared")
    }

    private func refuse(_ what: String) {
        failure = "\(parser.lineNumber): refused: \(what); entities are never expanded"
        parser.abortParsing()
    }
}
