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

    private static func portfolioFiles(at path: String) throws(LoadError) -> [String] {
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
        guard let handle = FileHandle(forReadingAtPath: file) else { throw LoadError("cannot open the file for reading", file: file) }
        defer { try? handle.close() }
        let data: Data
        do {
            let size = try handle.seekToEnd()
            guard size <= UInt64(DocumentLimits.maximumFileBytes) else {
                throw LoadError("the file is larger than \(DocumentLimits.maximumFileBytes >> 20) MiB", file: file)
            }
            try handle.seek(toOffset: 0)
            data = try handle.readToEnd() ?? Data()
        } catch let error as LoadError {
            throw error
        } catch {
            throw LoadError("cannot read the file: \(error.localizedDescription)", file: file)
        }
        return try decode(bytes: [UInt8](data), file: file)
    }

    private static func decode(bytes: [UInt8], file: String) throws(LoadError) -> PortfolioDecoder.Fragment {
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw LoadError("the file is not valid UTF-8", at: SourceLocation(file: file, line: firstInvalidUTF8Line(bytes), column: 1))
        }
        let root: DocumentNode
        if file.lowercased().hasSuffix(".json") {
            var parser = JSONDocumentParser(bytes: bytes, file: file)
            root = try parser.parse()
        } else {
            var parser = YAMLDocumentParser(text: text, file: file)
            root = try parser.parse()
        }
        return try PortfolioDecoder(file: file).decode(root)
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
