import Foundation
import Testing

@Suite("Progress on standard error")
struct ProgressTests {
    /// A generated portfolio large enough that loading takes longer than the spinner's delay.
    private func largePortfolio() throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("interlock-progress-\(UUID().uuidString).json").path
        let generated = try CommandRunner.run(["generate", "--initiatives", "30000", "--seed", "3", "-o", path])
        #expect(generated.status == 0)
        return path
    }

    @Test func aTerminalSeesTheStagesAndTheLineIsCleared() throws {
        let path = try largePortfolio()
        // `script` gives the command a pseudo-terminal, as a user at a shell would have.
        let output = path + ".findings.json"
        let command = "'\(CommandRunner.executable.path)' check '\(path)' --format json -o '\(output)' --fail-on never"
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/script")
        // script's own typescript goes to a temporary file too: no test names a system path.
        process.arguments = ["-qec", command, path + ".typescript"]
        let terminal = Pipe()
        process.standardOutput = terminal
        try process.run()
        let text = String(decoding: terminal.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        #expect(text.contains("Loading the portfolio"))
        #expect(text.hasSuffix("\r\u{1B}[K"), "the last thing written clears the progress line")
    }

    @Test func aPipeSeesNothing() throws {
        let path = try largePortfolio()
        let result = try CommandRunner.run(["check", path, "--format", "json", "-o", path + ".findings.json", "--fail-on", "never"])
        #expect(result.status == 0)
        #expect(result.standardError.isEmpty)
    }
}
