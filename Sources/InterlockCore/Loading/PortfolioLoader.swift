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
        var skipped: [SkippedFile] = []
        return try load(paths: paths, skipped: &skipped)
    }

    /// `load(paths:)`, listing in `skipped` the special files (FIFOs, devices) that folders held
    /// under portfolio names and that were left unread, for the caller to report.
    public static func load(paths: [String], skipped: inout [SkippedFile]) throws(LoadError) -> Portfolio {
        var files: [String] = []
        for path in paths { files += try portfolioFiles(at: path, skipped: &skipped) }
        var merger = PortfolioMerger()
        for file in files { try merger.add(try loadFragment(file: file)) }
        return try merger.finish(paths: paths)
    }

    /// Parses one portfolio document given as text; `file` names it in messages and locations.
    ///
    /// The format is chosen by the name's ending: `.json` is JSON, anything else YAML.
    public static func load(text: String, file: String) throws(LoadError) -> Portfolio {
        try load(documents: [(file, Array(text.utf8))])
    }

    /// Merges documents held in memory (the files of a git revision) as `load(paths:)` merges
    /// files, in the order given; each `name` names its document in messages and locations.
    public static func load(documents: [(name: String, bytes: [UInt8])]) throws(LoadError) -> Portfolio {
        var merger = PortfolioMerger()
        for document in documents {
            guard document.bytes.count <= DocumentLimits.maximumFileBytes else {
                throw LoadError("the file is larger than \(DocumentLimits.maximumFileBytes >> 20) MiB", file: document.name)
            }
            try merger.add(try decode(bytes: document.bytes, file: document.name))
        }
        return try merger.finish(paths: documents.map(\.name))
    }

    /// Whether a path inside a portfolio's folder names a file `load(paths:)` reads there: no
    /// component starts with a dot, and the name ends in `.yaml`, `.yml` or `.json`.
    public static func isPortfolioFile(relativePath: String) -> Bool {
        let components = relativePath.split(separator: "/")
        guard let name = components.last, components.allSatisfy({ !$0.hasPrefix(".") }) else { return false }
        return fileExtensions.contains((String(name) as NSString).pathExtension.lowercased())
    }

    /// The files `load(paths:)` reads for `path`, in load order: the file itself, or the folder's
    /// `.yaml`, `.yml` and `.json` files, recursively, dot-files and dot-folders skipped, sorted.
    ///
    /// Only regular files are read: a FIFO would block the run and a device never ends. A special
    /// file named directly is an error; one in a folder is skipped and listed in `skipped`. A
    /// folder that cannot be read and a link that leads nowhere are errors: a portfolio is never
    /// silently smaller than its files. Links to folders are followed once each.
    public static func portfolioFiles(at path: String, skipped: inout [SkippedFile]) throws(LoadError) -> [String] {
        switch try FileKind(of: path) {
        case .regular: return [path]
        case .special(let kind): throw LoadError("not a regular file (\(kind)); only regular files are read", file: path)
        case .folder: break
        }
        var found: [String] = []
        var visited: Set<FileIdentity> = []
        var pending = [path]
        while let folder = pending.popLast() {
            guard visited.insert(try FileIdentity(of: folder)).inserted else { continue }
            for name in try folderEntries(folder) where !name.hasPrefix(".") {
                let full = (folder as NSString).appendingPathComponent(name)
                let isPortfolioFile = isPortfolioFile(relativePath: name)
                switch try FileKind(of: full) {
                case .folder: pending.append(full)
                case .regular: if isPortfolioFile { found.append(full) }
                case .special(let kind): if isPortfolioFile { skipped.append(SkippedFile(path: full, reason: kind)) }
                }
            }
        }
        guard !found.isEmpty else { throw LoadError("the folder holds no .yaml, .yml or .json file", file: path) }
        return found.sorted()
    }

    /// The names in `folder`; a folder that cannot be opened or read to its end is an error, so
    /// that an unreadable subfolder does not silently drop its files.
    private static func folderEntries(_ folder: String) throws(LoadError) -> [String] {
        guard let stream = opendir(folder) else {
            throw LoadError("cannot read the folder: \(String(cString: strerror(errno)))", file: folder)
        }
        defer { closedir(stream) }
        var names: [String] = []
        errno = 0
        while let entry = readdir(stream) {
            let name = withUnsafePointer(to: &entry.pointee.d_name) {
                String(cString: UnsafeRawPointer($0).assumingMemoryBound(to: CChar.self))
            }
            if name != ".", name != ".." { names.append(name) }
        }
        if errno != 0 { throw LoadError("cannot read the folder: \(String(cString: strerror(errno)))", file: folder) }
        return names
    }

    /// `portfolioFiles(at:skipped:)` for a caller that does not list what was skipped.
    public static func portfolioFiles(at path: String) throws(LoadError) -> [String] {
        var skipped: [SkippedFile] = []
        return try portfolioFiles(at: path, skipped: &skipped)
    }

    /// Checks that `path` is a file of custom rules alone (`rules:` and `x-` keys): a rules file
    /// given beside a portfolio must not add initiatives or settings to it unnoticed.
    public static func checkRulesFile(_ path: String) throws(LoadError) {
        switch try FileKind(of: path) {
        case .regular: break
        case .folder: throw LoadError("expected a file of rules, found a folder", file: path)
        case .special(let kind): throw LoadError("not a regular file (\(kind)); only regular files are read", file: path)
        }
        var decoder = PortfolioDecoder(file: path, rulesOnly: true)
        try decode(bytes: try readBytes(of: path), file: path, into: &decoder)
    }

    private static func loadFragment(file: String) throws(LoadError) -> PortfolioDecoder.Fragment {
        try decode(bytes: try readBytes(of: file), file: file)
    }

    /// Reads a whole file straight into an array: a 500 MB portfolio is not copied through `Data`.
    static func readBytes(of file: String) throws(LoadError) -> [UInt8] {
        // O_NONBLOCK: opening a FIFO would otherwise wait for a writer; the check below refuses it.
        let descriptor = open(file, O_RDONLY | O_NONBLOCK)
        guard descriptor >= 0 else { throw LoadError("cannot open the file for reading: \(String(cString: strerror(errno)))", file: file) }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { throw LoadError("cannot read the file's size", file: file) }
        // Checked on the open descriptor, so a file swapped for a FIFO after listing is still refused.
        guard status.st_mode & S_IFMT == S_IFREG else {
            throw LoadError("not a regular file (\(FileKind.describe(mode: status.st_mode))); only regular files are read", file: file)
        }
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
        try decode(bytes: bytes, file: file, into: &decoder)
        return decoder.fragment
    }

    private static func decode(bytes: [UInt8], file: String, into decoder: inout PortfolioDecoder) throws(LoadError) {
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
