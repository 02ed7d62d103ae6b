import Foundation

/// Loads a portfolio from YAML and JSON files, or folders of them merged into one.
///
/// ```swift
/// let portfolio = try PortfolioLoader.load(paths: ["Samples/acme"])
/// let graph = PortfolioGraph(portfolio)
/// ```
public enum PortfolioLoader {
    /// File name endings read from folders.
    public static let fileExtensions: Set<String> = ["yaml", "yml", "json"]

    /// Loads and merges every file at `paths` (files, or folders read recursively in path order).
    ///
    /// - Throws: `LoadError` naming file, line and column for any structural fault: unreadable file,
    ///   syntax, wrong type, unknown key, missing or duplicate id, conflicting top-level settings.
    public static func load(paths: [String]) throws(LoadError) -> Portfolio {
        var files: [String] = []
        for path in paths { files += try portfolioFiles(at: path) }
        var merger = PortfolioMerger()
        for file in files { try merger.add(try loadFragment(file: file)) }
        return try merger.finish(paths: paths)
    }

    /// Parses one portfolio document given as text; `file` names it in messages and locations.
    ///
    /// The format is chosen by the name's ending: `.json` is JSON, anything else YAML.
    public static func load(text: String, file: String) throws(LoadError) -> Portfolio {
        var merger = PortfolioMerger()
        try merger.add(try decode(bytes: Array(text.utf8), file: file))
        return try merger.finish(paths: [file])
    }

    /// The files `load(paths:)` reads for `path`, in load order: the file itself, or the folder's
    /// `.yaml`, `.yml` and `.json` files, recursively, dot-files and dot-folders skipped, sorted.
    public static func portfolioFiles(at path: String) throws(LoadError) -> [String] {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else {
            throw LoadError("no such file or folder", file: path)
        }
        guard isFolder.boolValue else { return [path] }
        guard let enumerator = FileManager.default.enumerator(atPath: path) else {
            throw LoadError("cannot read the folder", file: path)
        }
        var found: [String] = []
        while let relative = enumerator.nextObject() as? String {
            let name = (relative as NSString).lastPathComponent
            if name.hasPrefix(".") {
                enumerator.skipDescendants()
                continue
            }
            let full = (path as NSString).appendingPathComponent(relative)
            var isSubfolder: ObjCBool = false
            if fileExtensions.contains((name as NSString).pathExtension.lowercased()),
               FileManager.default.fileExists(atPath: full, isDirectory: &isSubfolder), !isSubfolder.boolValue {
                found.append(full)
            }
        }
        guard !found.isEmpty else { throw LoadError("the folder holds no .yaml, .yml or .json file", file: path) }
        return found.sorted()
    }

    private static func loadFragment(file: String) throws(LoadError) -> PortfolioDecoder.Fragment {
        try decode(bytes: try readBytes(of: file), file: file)
    }

    /// Reads a whole file straight into an array: a 500 MB portfolio is not copied through `Data`.
    private static func readBytes(of file: String) throws(LoadError) -> [UInt8] {
        let descriptor = open(file, O_RDONLY)
        guard descriptor >= 0 else { throw LoadError("cannot open the file for reading: \(String(cString: strerror(errno)))", file: file) }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { throw LoadError("cannot read the file's size", file: file) }
        let size = Int(status.st_size)
        guard size <= DocumentLimits.maximumFileBytes else {
            throw LoadError("the file is larger than \(DocumentLimits.maximumFileBytes >> 20) MiB", file: file)
        }
        var failure: Int32 = 0
        let bytes = [UInt8](unsafeUninitializedCapacity: size) { buffer, count in
            count = 0
            while count < size {
                let read = Foundation.read(descriptor, buffer.baseAddress.map { $0 + count }, size - count)
                if read < 0, errno == EINTR { continue }
                guard read > 0 else {
                    failure = read < 0 ? errno : 0
                    break
                }
                count += read
            }
        }
        guard failure == 0 else { throw LoadError("cannot read the file: \(String(cString: strerror(failure)))", file: file) }
        return bytes
    }

    private static func decode(bytes: [UInt8], file: String) throws(LoadError) -> PortfolioDecoder.Fragment {
        var decoder = PortfolioDecoder(file: file)
        if file.lowercased().hasSuffix(".json") {
            // JSON needs no String of the whole file: check the bytes, then parse them in place.
            guard isValidUTF8(bytes) else { throw invalidUTF8(bytes, file: file) }
            var parser = JSONDocumentParser(bytes: bytes, file: file)
            try parser.parse(into: &decoder)
        } else {
            guard let text = String(validating: bytes, as: UTF8.self) else { throw invalidUTF8(bytes, file: file) }
            var parser = YAMLDocumentParser(text: text, file: file)
            try decoder.decode(try parser.parse())
        }
        return decoder.fragment
    }

    private static func invalidUTF8(_ bytes: [UInt8], file: String) -> LoadError {
        LoadError("the file is not valid UTF-8", at: SourceLocation(file: file, line: firstInvalidUTF8Line(bytes), column: 1))
    }

    /// UTF-8 validity without building a String: ASCII runs are skipped a byte at a time, which is
    /// nearly all of a portfolio; multi-byte sequences are checked as Unicode defines them.
    private static func isValidUTF8(_ bytes: [UInt8]) -> Bool {
        var index = 0
        let count = bytes.count
        while index < count {
            let lead = bytes[index]
            if lead < 0x80 { index += 1; continue }
            let length: Int
            var low: UInt8 = 0x80, high: UInt8 = 0xBF
            switch lead {
            case 0xC2...0xDF: length = 2
            case 0xE0: length = 3; low = 0xA0
            case 0xE1...0xEC, 0xEE...0xEF: length = 3
            case 0xED: length = 3; high = 0x9F
            case 0xF0: length = 4; low = 0x90
            case 0xF1...0xF3: length = 4
            case 0xF4: length = 4; high = 0x8F
            default: return false
            }
            guard index + length <= count else { return false }
            let second = bytes[index + 1]
            guard second >= low, second <= high else { return false }
            for continuation in bytes[(index + 2)..<(index + length)] where continuation & 0xC0 != 0x80 { return false }
            index += length
        }
        return true
    }

    private static func firstInvalidUTF8Line(_ bytes: [UInt8]) -> Int {
        var lineStart = 0
        var line = 1
        for (index, byte) in bytes.enumerated() where byte == UInt8(ascii: "\n") {
            if String(validating: bytes[lineStart..<index], as: UTF8.self) == nil { return line }
            line += 1
            lineStart = index + 1
        }
        return line
    }
}
