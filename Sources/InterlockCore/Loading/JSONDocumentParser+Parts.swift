import Dispatch
import Synchronization

/// A long list parsed in parts, one per core: a million initiatives are most of a large file,
/// and parsing and decoding them is most of loading it.
///
/// One quick pass finds where the list ends and which commas between its items sit nearest to
/// evenly spaced points (it follows strings and nesting, nothing else). Each part is then parsed
/// and decoded by a parser and a sink of its own, on its own thread, and the parts' items are
/// appended in order. A part's parser starts with the line, line start and depth the whole-file
/// parser would have there, so every location, every error and the first error reported are the
/// same as when parsing in one go: parts are checked in file order, and a part holds the same
/// bytes the single parser would read.
extension JSONDocumentParser {
    /// Where the list starting at `offset` (its `[`) can be cut, with the parser state there.
    struct ListSplit {
        /// A place to cut: the offset of a comma between two items, and the line there.
        struct Cut {
            let offset: Int
            let line: Int
            let lineStart: Int
        }

        /// The commas to cut at, in order; parts run from one cut to the next.
        let cuts: [Cut]
        /// The list's closing `]`.
        let end: Cut
    }

    /// The cuts that make `parts` parts of about the same size, nil when the list does not close
    /// (the single parser then reports the fault where it is) or is too short to cut.
    func splitList(into parts: Int) -> ListSplit? {
        bytes.withUnsafeBufferPointer { bytes -> ListSplit? in
            let start = offset
            let partSize = max((bytes.count - start) / parts, 1)
            var cuts: [ListSplit.Cut] = []
            var nextCut = start + partSize
            var line = self.line
            var lineStart = self.lineStart
            var depth = 0
            var inString = false
            var escaped = false
            var index = start
            while index < bytes.count {
                let byte = bytes[index]
                if inString {
                    if escaped {
                        escaped = false
                    } else if byte == UInt8(ascii: "\\") {
                        escaped = true
                    } else if byte == UInt8(ascii: "\"") {
                        inString = false
                    }
                } else {
                    switch byte {
                    case UInt8(ascii: "\""): inString = true
                    case UInt8(ascii: "["), UInt8(ascii: "{"): depth += 1
                    case UInt8(ascii: "]"), UInt8(ascii: "}"):
                        depth -= 1
                        if depth == 0 {
                            // A list closed by `}` is a fault; the single parser reports it where it is
                            // (cut there, the parts would read the `}` as the list's end and go on).
                            guard byte == UInt8(ascii: "]") else { return nil }
                            let end = ListSplit.Cut(offset: index, line: line, lineStart: lineStart)
                            return cuts.isEmpty ? nil : ListSplit(cuts: cuts, end: end)
                        }
                    case UInt8(ascii: ","):
                        if depth == 1, index >= nextCut, cuts.count < parts - 1 {
                            cuts.append(ListSplit.Cut(offset: index, line: line, lineStart: lineStart))
                            nextCut = index + partSize
                        }
                    default: break
                    }
                }
                if byte == UInt8(ascii: "\n") {
                    line += 1
                    lineStart = index + 1
                }
                index += 1
            }
            return nil
        }
    }

    /// Parses the list `split` describes into `sink`, a part per thread, and leaves this parser
    /// after the list's `]`.
    mutating func parseListInParts<Sink: TopLevelSink>(_ split: ListSplit, of key: String, into sink: inout Sink) throws(LoadError) {
        try enterContainer()
        let starts = [ListSplit.Cut(offset: offset, line: line, lineStart: lineStart)] + split.cuts
        let ends = split.cuts + [split.end]
        let parser = self
        let emptySink = sink.makeListPartSink()
        let results = Mutex([Result<Sink, LoadError>?](repeating: nil, count: starts.count))
        DispatchQueue.concurrentPerform(iterations: starts.count) { part in
            var partParser = parser
            partParser.moveTo(starts[part])
            var partSink = emptySink
            let result = Result { () throws(LoadError) -> Sink in
                try partParser.parseItems(upTo: ends[part].offset) { item throws(LoadError) in try partSink.addListItem(item, of: key) }
                return partSink
            }
            results.withLock { $0[part] = result }
        }
        for result in results.withLock({ $0 }) {
            guard let result else { preconditionFailure("a part of the list was not parsed") }
            sink.appendItems(of: key, from: try result.get())
        }
        moveTo(split.end)
        offset += 1
        depth -= 1
    }

    /// Places the parser on the `[` or `,` at `cut`, with the line there.
    private mutating func moveTo(_ cut: ListSplit.Cut) {
        offset = cut.offset
        line = cut.line
        lineStart = cut.lineStart
    }

    /// Parses the items after the `[` or `,` at `offset` up to the `,` or `]` at `end`, exactly as
    /// `parseArray` would read them.
    private mutating func parseItems(upTo end: Int, _ item: (DocumentNode) throws(LoadError) -> Void) throws(LoadError) {
        offset += 1
        while true {
            skipWhitespace()
            try item(try parseValue())
            skipWhitespace()
            if offset == end { return }
            guard peek == UInt8(ascii: ",") else { throw error("expected ',' or ']' in an array") }
            offset += 1
        }
    }
}
