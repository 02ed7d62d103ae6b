import Foundation
import Testing

/// `-o` writes through what must not be replaced: a FIFO stays a FIFO, a link stays a link.
@Suite("Output files: FIFOs, links, folders")
struct OutputTests {
    private func fileType(_ path: String) -> mode_t {
        var status = stat()
        return lstat(path, &status) == 0 ? status.st_mode & S_IFMT : 0
    }

    @Test func aFIFOIsWrittenThroughAndStaysAFIFO() throws {
        let folder = try CommandRunner.temporaryFolder("interlock-fifo")
        defer { try? FileManager.default.removeItem(at: folder) }
        let fifo = folder.appendingPathComponent("findings.pipe").path
        #expect(mkfifo(fifo, 0o600) == 0)
        // A reader on the other end, as a shell pipeline would have.
        let reader = Process()
        reader.executableURL = URL(fileURLWithPath: "/bin/cat")
        reader.arguments = [fifo]
        let received = Pipe()
        reader.standardOutput = received
        try reader.run()
        let result = try CommandRunner.run(["check", "Samples/acme", "--format", "json", "-o", fifo, "--fail-on", "never"])
        let text = String(decoding: received.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        reader.waitUntilExit()
        #expect(result.status == 0, "\(result.standardError)")
        #expect(text.hasPrefix("{") && text.contains("\"findings\""))
        #expect(fileType(fifo) == S_IFIFO, "the FIFO was replaced by a file")
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: folder.path)
        #expect(leftovers == ["findings.pipe"])
    }

    @Test(arguments: [["--format", "json"], ["--format", "text"]])
    func aLinkIsFollowedAndItsTargetReplaced(format: [String]) throws {
        let folder = try CommandRunner.temporaryFolder("interlock-link")
        defer { try? FileManager.default.removeItem(at: folder) }
        let target = folder.appendingPathComponent("real.out").path
        let link = folder.appendingPathComponent("link.out").path
        try "old".write(toFile: target, atomically: false, encoding: .utf8)
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: "real.out")
        let result = try CommandRunner.run(["check", "Samples/acme"] + format + ["-o", link, "--fail-on", "never"])
        #expect(result.status == 0, "\(result.standardError)")
        #expect(fileType(link) == S_IFLNK, "the link was replaced by a file")
        let written = try String(contentsOfFile: target, encoding: .utf8)
        #expect(written != "old" && written.contains("dependency"))
    }

    @Test func aFolderIsRefused() throws {
        let folder = try CommandRunner.temporaryFolder("interlock-folder")
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try CommandRunner.run(["check", "Samples/acme", "--format", "json", "-o", folder.path])
        #expect(result.status == 2)
        #expect(result.standardError.contains("it is a folder"))
        #expect(fileType(folder.path) == S_IFDIR)
    }
}
