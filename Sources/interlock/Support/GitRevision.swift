import Foundation
import InterlockCore

/// A portfolio as a git revision holds it, read with `git ls-tree` and `git cat-file` without
/// checking anything out. Files are chosen by the rule folders are read by
/// (`PortfolioLoader.isPortfolioFile`), and named `REV:path` in messages.
struct GitRevision {
    /// The revision as given (`main`, `HEAD~3`, a hash).
    let revision: String
    /// The portfolio file or folder, as given on the command line.
    let path: String

    /// Refuses a revision git would read as an option, or one with characters no revision has.
    static func validate(_ revision: String) throws {
        guard !revision.isEmpty, !revision.hasPrefix("-"), revision.unicodeScalars.allSatisfy({ $0.value > 0x20 && $0.value != 0x7F }) else {
            throw CommandFailure.badInput("\"\(revision)\" is not a git revision (a branch, tag or commit, not starting with -)")
        }
    }

    /// The portfolio at this revision.
    func load() throws -> Portfolio {
        try Self.validate(revision)
        // A folder now, or a path without a portfolio file's ending (a folder the revision had).
        var isFolder: ObjCBool = false
        let exists = FileManager.default.fileExists(atPath: path, isDirectory: &isFolder)
        let namesFolder = exists ? isFolder.boolValue : !PortfolioLoader.isPortfolioFile(relativePath: (path as NSString).lastPathComponent)
        let folder = namesFolder && exists ? path : (path as NSString).deletingLastPathComponent
        let directory = folder.isEmpty ? "." : folder
        guard (try? Self.git(["rev-parse", "--is-inside-work-tree"], in: directory)) != nil else {
            throw CommandFailure.badInput("\(path): not inside a git work tree; --git reads the files of a revision of a repository")
        }
        let prefix = try Self.git(["rev-parse", "--show-prefix"], in: directory).trimmingCharacters(in: .newlines)
        let name = namesFolder && exists ? "" : (path as NSString).lastPathComponent
        let listing: String
        do {
            listing = try Self.git(["ls-tree", "-r", "-z", "--full-tree", revision, "--", prefix + name], in: directory)
        } catch let failure as CommandFailure {
            throw CommandFailure.badInput("\(revision): \(failure.message)")
        }
        var documents: [(name: String, bytes: [UInt8])] = []
        for entry in listing.split(separator: "\0") {
            // "<mode> <type> <hash>\t<path>"
            let parts = entry.split(separator: "\t", maxSplits: 1)
            let fields = parts.first?.split(separator: " ") ?? []
            guard parts.count == 2, fields.count == 3, fields[1] == "blob" else { continue }
            let file = String(parts[1])
            let relative = String(file.dropFirst(prefix.count + name.count)).drop { $0 == "/" }
            guard !namesFolder || PortfolioLoader.isPortfolioFile(relativePath: String(relative)) else { continue }
            documents.append(("\(revision):\(file)", Array(try Self.gitData(["cat-file", "blob", String(fields[2])], in: directory))))
        }
        guard !documents.isEmpty else {
            throw CommandFailure.badInput("\(revision):\(prefix + name): no .yaml, .yml or .json file there at that revision")
        }
        do {
            return try PortfolioLoader.load(documents: documents.sorted { $0.name < $1.name })
        } catch {
            throw CommandFailure.badInput(error.description)
        }
    }

    /// The last `count` commits that touched `path`, newest first: hash, day and subject.
    static func commits(touching path: String, last count: Int) throws -> [(hash: String, day: String, subject: String)] {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else {
            throw CommandFailure.badInput("\(path): no such file or folder")
        }
        let directory = isFolder.boolValue ? path : (path as NSString).deletingLastPathComponent
        let folder = directory.isEmpty ? "." : directory
        guard (try? git(["rev-parse", "--is-inside-work-tree"], in: folder)) != nil else {
            throw CommandFailure.badInput("\(path): not inside a git work tree; --git reads the history of a repository")
        }
        let name = isFolder.boolValue ? "." : (path as NSString).lastPathComponent
        let log = try git(["log", "-n", String(count), "--format=%H%x09%cs%x09%s", "--", name], in: folder)
        return log.split(separator: "\n").compactMap { line in
            let fields = line.split(separator: "\t", maxSplits: 2, omittingEmptySubsequences: false).map(String.init)
            return fields.count == 3 ? (fields[0], fields[1], fields[2]) : nil
        }
    }

    private static func git(_ arguments: [String], in directory: String) throws -> String {
        String(decoding: try gitData(arguments, in: directory), as: UTF8.self)
    }

    /// Runs git with `arguments` in `directory` (no shell) and returns its standard output.
    private static func gitData(_ arguments: [String], in directory: String) throws -> Data {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git", "-C", directory] + arguments
        let output = Pipe(), errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        do {
            try process.run()
        } catch {
            throw CommandFailure.badInput("cannot run git: \(error.localizedDescription)")
        }
        let data = output.fileHandleForReading.readDataToEndOfFile()
        let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw CommandFailure.badInput(message.split(separator: "\n").first.map(String.init) ?? "git failed")
        }
        return data
    }
}
