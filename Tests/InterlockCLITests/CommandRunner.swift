import Foundation

/// Runs the built `interlock` executable the way a user would, from the package root.
enum CommandRunner {
    /// The package root, found from this file's path.
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// The `interlock` binary: it sits next to the test bundle in the build folder.
    static var executable: URL {
        let testBundle = URL(fileURLWithPath: CommandLine.arguments[0])
        var folder = testBundle.deletingLastPathComponent()
        while !FileManager.default.fileExists(atPath: folder.appendingPathComponent("interlock").path), folder.path != "/" {
            folder.deleteLastPathComponent()
        }
        return folder.appendingPathComponent("interlock")
    }

    /// What a run printed and how it ended.
    struct Result {
        let status: Int32
        let standardOutput: String
        let standardError: String
    }

    /// Runs `interlock arguments...` with an optional environment override.
    static func run(_ arguments: [String], environment: [String: String]? = nil) throws -> Result {
        try run(executable, arguments, environment: environment, in: packageRoot)
    }

    /// Runs `interlock arguments...` as the unprivileged user `nobody` from `folder`, with a copy
    /// of the binary placed there (a fresh clone may sit in a folder only its owner can enter).
    /// Root reads every file and folder, so a permission fault can only be shown to another user:
    /// tests running as root use this; others run the binary directly. Nil when the tests run as
    /// root and `setpriv` (util-linux) is missing.
    static func runUnprivileged(_ arguments: [String], in folder: URL) throws -> Result? {
        guard geteuid() == 0 else { return try run(executable, arguments, environment: nil, in: folder) }
        let setpriv = URL(fileURLWithPath: "/usr/bin/setpriv")
        guard FileManager.default.isExecutableFile(atPath: setpriv.path) else { return nil }
        let copy = folder.appendingPathComponent("interlock")
        try FileManager.default.copyItem(at: executable, to: copy)
        let nobody = "65534"
        return try run(setpriv, ["--reuid=\(nobody)", "--regid=\(nobody)", "--clear-groups", "--", copy.path] + arguments,
                       environment: nil, in: folder)
    }

    private static func run(_ program: URL, _ arguments: [String], environment: [String: String]?, in directory: URL) throws -> Result {
        let process = Process()
        process.executableURL = program
        process.arguments = arguments
        process.currentDirectoryURL = directory
        if var environment {
            // The sanitizers' settings (make test-sanitize) still reach a child whose environment a test replaces.
            for key in ["ASAN_OPTIONS", "TSAN_OPTIONS"] where environment[key] == nil {
                environment[key] = ProcessInfo.processInfo.environment[key]
            }
            process.environment = environment
        }
        let output = Pipe(), error = Pipe()
        process.standardOutput = output
        process.standardError = error
        try process.run()
        // Both pipes are read while the child runs, standard error on another thread: a child
        // filling one pipe (a long error report, a sanitizer's) while the test waits on the other
        // would otherwise block both for ever.
        let errorReader = PipeReader(error)
        let outputData = output.fileHandleForReading.readDataToEndOfFile()
        let errorData = errorReader.wait()
        process.waitUntilExit()
        return Result(status: process.terminationStatus,
                      standardOutput: String(decoding: outputData, as: UTF8.self),
                      standardError: String(decoding: errorData, as: UTF8.self))
    }

    /// Reads a pipe to its end on a thread of its own.
    private final class PipeReader: @unchecked Sendable {
        // Written by the reading thread before `done` is signalled, read only after waiting on it.
        private var data = Data()
        private let done = DispatchSemaphore(value: 0)

        init(_ pipe: Pipe) {
            let handle = pipe.fileHandleForReading
            Thread.detachNewThread { [self] in
                data = handle.readDataToEndOfFile()
                done.signal()
            }
        }

        func wait() -> Data {
            done.wait()
            return data
        }
    }

    /// A new empty folder under the temporary directory; the caller removes it.
    static func temporaryFolder(_ prefix: String) throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("\(prefix)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    /// Compares `text` with the golden file `name`; with `UPDATE_GOLDEN=1` rewrites it instead.
    static func matchesGolden(_ text: String, _ name: String) throws -> Bool {
        let url = packageRoot.appendingPathComponent("Tests/InterlockCLITests/Golden/\(name)")
        if ProcessInfo.processInfo.environment["UPDATE_GOLDEN"] == "1" {
            try text.write(to: url, atomically: true, encoding: .utf8)
            return true
        }
        return try String(contentsOf: url, encoding: .utf8) == text
    }
}
