import Foundation
import Testing

/// What `-o` leaves behind (#16 items 9 and 10): no temporary file after a signal, the mode of
/// the file it replaces, and a read-only file untouched.
@Suite("Output files: signals, modes, read-only files")
struct OutputFileSafetyTests {
    @Test(arguments: [SIGINT, SIGTERM, SIGHUP])
    func aSignalDuringGenerateLeavesNoTemporaryFile(signal: Int32) throws {
        let folder = try CommandRunner.temporaryFolder("interlock-signal")
        defer { try? FileManager.default.removeItem(at: folder) }
        let process = Process()
        process.executableURL = CommandRunner.executable
        process.arguments = ["generate", "--initiatives", "300000", "-o", folder.appendingPathComponent("g.yaml").path]
        process.standardError = FileHandle.nullDevice
        try process.run()
        // Wait until the temporary file has content: the run is then writing it.
        let deadline = Date().addingTimeInterval(30)
        var started = false
        while !started, Date() < deadline, process.isRunning {
            let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
            started = names.contains { name in
                name.hasSuffix(".tmp")
                    && ((try? FileManager.default.attributesOfItem(atPath: folder.appendingPathComponent(name).path)[.size] as? Int) ?? 0) > 0
            }
            if !started { usleep(20_000) }
        }
        try #require(started, "generate never started writing its temporary file")
        kill(process.processIdentifier, signal)
        process.waitUntilExit()
        #expect(process.terminationReason == .uncaughtSignal && process.terminationStatus == signal)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == [])
    }

    @Test func aReplacedFileKeepsItsMode() throws {
        let folder = try CommandRunner.temporaryFolder("interlock-mode")
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("findings.txt").path
        try "old".write(toFile: file, atomically: false, encoding: .utf8)
        #expect(chmod(file, 0o640) == 0)
        for format in ["text", "json"] {
            let result = try CommandRunner.run(["check", "Samples/minimal.yaml", "--format", format, "-o", file])
            #expect(result.status == 0, "\(result.standardError)")
            var status = stat()
            #expect(stat(file, &status) == 0 && status.st_mode & 0o7777 == 0o640)
        }
    }

    @Test(arguments: [["check", "Samples/minimal.yaml"], ["generate", "--initiatives", "5"], ["export", "Samples/minimal.yaml", "--format", "edgelist"]])
    func aReadOnlyFileIsRefusedAndUntouched(command: [String]) throws {
        let folder = try CommandRunner.temporaryFolder("interlock-readonly")
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("out.txt").path
        try "keep me".write(toFile: file, atomically: false, encoding: .utf8)
        #expect(chmod(file, 0o444) == 0)
        let result = try CommandRunner.run(command + ["-o", file])
        #expect(result.status == 2)
        #expect(result.standardError.contains("\(file): the file is read-only (mode 444)"), "\(result.standardError)")
        #expect(try String(contentsOfFile: file, encoding: .utf8) == "keep me")
        var status = stat()
        #expect(stat(file, &status) == 0 && status.st_mode & 0o7777 == 0o444)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["out.txt"])
    }
}
