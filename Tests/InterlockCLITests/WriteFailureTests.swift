import Foundation
import Testing

/// Issue #16, item 7: a write error on standard output (a full disk) is a clear message and
/// exit code 2 for every command, never a crash (a `try!` inside `FileHandle.write`) or lost
/// output with exit 0. The full disk is a file-size limit on a file in a temporary folder
/// (`ulimit -f`, with SIGXFSZ ignored so the write fails with EFBIG): no test writes to a
/// system path.
@Suite("Write failures on standard output")
struct WriteFailureTests {
    static let commands: [[String]] = [
        ["check", "Samples/acme"],
        ["check", "Samples/acme", "--format", "json"],
        ["check", "Samples/acme", "--format", "sarif"],
        ["stats", "Samples/acme"],
        ["stats", "Samples/acme", "--format", "json"],
        ["query", "Samples/acme", "MATCH (n) RETURN n"],
        ["query", "Samples/acme", "MATCH (n) RETURN n", "--format", "csv"],
        ["report", "Samples/acme"],
        ["diff", "Samples/acme/initiatives-sales.yaml", "Samples/acme"],
        ["render", "Samples/acme", "--view", "risks"],
        ["generate", "--initiatives", "50"],
    ]

    /// The ThreadSanitizer runtime itself dies of SIGBUS under `ulimit -f 0`, before interlock
    /// runs, so `make test-sanitize` (which says which sanitizer it runs) skips this under TSan.
    @Test(.disabled(if: ProcessInfo.processInfo.environment["INTERLOCK_TEST_SANITIZER"] == "thread"), arguments: commands)
    func aFullDiskIsAMessageAndExitCodeTwo(_ arguments: [String]) throws {
        let folder = try CommandRunner.temporaryFolder("interlock-full")
        defer { try? FileManager.default.removeItem(at: folder) }
        let output = folder.appendingPathComponent("out").path
        let quoted = ([CommandRunner.executable.path] + arguments).map { "'" + $0 + "'" }.joined(separator: " ")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        // No block at all: the first byte written fails.
        process.arguments = ["-c", "trap '' XFSZ; ulimit -f 0; exec \(quoted) > '\(output)'"]
        process.currentDirectoryURL = CommandRunner.packageRoot
        let errors = Pipe()
        process.standardError = errors
        try process.run()
        let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationReason == .exit, "\(arguments): killed by a signal")
        #expect(process.terminationStatus == 2, "\(arguments): \(process.terminationStatus) \(message)")
        #expect(message.contains("cannot write to standard output: File too large"), "\(arguments): \(message)")
    }
}
