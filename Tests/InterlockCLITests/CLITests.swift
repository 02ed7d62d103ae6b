import Foundation
import Testing

/// End-to-end tests: they run the built `interlock` binary and check exit codes and outputs.
@Suite("interlock command line")
struct CLITests {
    private static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../..").standardizedFileURL
    private static let fixtures = repository.appendingPathComponent("Tests/InterlockReportsTests/Fixtures").path

    /// The binary sits next to the test bundle in the build folder.
    private static var binary: URL {
        let bundle = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        let candidates = [bundle, bundle.deletingLastPathComponent()].map { $0.appendingPathComponent("interlock") }
            + [repository.appendingPathComponent(".build/debug/interlock")]
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) } ?? candidates[candidates.count - 1]
    }

    private func interlock(_ arguments: String...) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = Self.binary
        process.arguments = arguments
        process.currentDirectoryURL = Self.repository
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    @Test func diffExitsOneOnNewErrors() throws {
        let result = try interlock("diff", "\(Self.fixtures)/diff-old.yaml", "\(Self.fixtures)/diff-new.yaml")
        #expect(result.status == 1)
        #expect(result.output.hasPrefix("2 nodes added, 1 removed, 3 changed; 3 new findings (2 errors), 1 resolved, 0 persisting.\n"))
    }

    @Test func diffExitsZeroWithoutNewErrors() throws {
        // The same version against itself: errors persist, none is new.
        let result = try interlock("diff", "\(Self.fixtures)/diff-new.yaml", "\(Self.fixtures)/diff-new.yaml", "--format", "json")
        #expect(result.status == 0)
        #expect(result.output.contains("\"newErrors\": false"))
    }

    @Test func diffOfMissingFileIsBadInput() throws {
        #expect(try interlock("diff", "\(Self.fixtures)/nope.yaml", "\(Self.fixtures)/diff-new.yaml").status == 2)
    }

    @Test func checkWritesSARIFAndMarkdown() throws {
        let sarif = try interlock("check", "Samples/acme", "--format", "sarif")
        #expect(sarif.status == 1)
        #expect(sarif.output.contains("\"version\": \"2.1.0\""))
        #expect(sarif.output.contains("\"uri\": \"Samples/acme/initiatives-finance.yaml\""))
        let markdown = try interlock("check", "Samples/minimal.yaml", "--format", "markdown")
        #expect(markdown.status == 0)
        #expect(markdown.output.contains("No findings in 3 initiatives."))
    }
}
