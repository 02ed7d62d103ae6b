@testable import InterlockCore
import FuzzSupport

/// JSON: the byte parser in one pass, then again with every streamed list cut into three parts
/// parsed on three threads. The parts path promises the same result and the same first error as
/// the single pass, so any difference is a bug, not only a crash.
func fuzzJSON(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = fuzzBytes(data, size)
    // The loader checks UTF-8 before the parser runs; the parser relies on it.
    guard String(validating: bytes, as: UTF8.self) != nil else { return 0 }
    let single = load(bytes, partedListBytes: Int.max, listParts: 1)
    let parted = load(bytes, partedListBytes: 0, listParts: 3)
    switch (single, parted) {
    case (.success(let one), .success(let other)):
        if one != other { fuzzFailure("the parts path loaded a different portfolio") }
    case (.failure(let one), .failure(let other)):
        if one.description != other.description {
            fuzzFailure("single pass: \(one.description); parts: \(other.description)")
        }
    case (.success, .failure(let error)): fuzzFailure("only the parts path failed: \(error.description)")
    case (.failure(let error), .success): fuzzFailure("only the single pass failed: \(error.description)")
    }
    return 0
}

private func load(_ bytes: [UInt8], partedListBytes: Int, listParts: Int) -> Result<Portfolio, LoadError> {
    Result { () throws(LoadError) -> Portfolio in
        var decoder = PortfolioDecoder(file: "fuzz.json")
        var parser = JSONDocumentParser(bytes: bytes, file: "fuzz.json", partedListBytes: partedListBytes, listParts: listParts)
        try parser.parse(into: &decoder)
        var merger = PortfolioMerger()
        try merger.add(decoder.fragment)
        return try merger.finish(paths: ["fuzz.json"])
    }
}
