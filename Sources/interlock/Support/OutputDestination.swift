import Foundation

/// Where a command's result goes: standard output, or a file written atomically.
struct OutputDestination {
    /// The file path, or nil for standard output.
    let path: String?

    /// True when the result goes to a terminal, where colour and progress make sense.
    var isTerminal: Bool { path == nil && isatty(STDOUT_FILENO) == 1 }

    /// Writes `text` (UTF-8).
    func write(_ text: String) throws { try write(Data(text.utf8)) }

    /// Writes `data`; a file is written to a temporary sibling and renamed, so a failed run never leaves half a file.
    func write(_ data: Data) throws {
        guard let path else {
            FileHandle.standardOutput.write(data)
            return
        }
        do {
            try data.write(to: URL(fileURLWithPath: path), options: .atomic)
        } catch {
            throw CommandFailure.badInput("cannot write \(path): \(error.localizedDescription)")
        }
    }
}

/// True when standard error is a terminal (progress and timings may use it freely).
var standardErrorIsTerminal: Bool { isatty(STDERR_FILENO) == 1 }

/// Writes a line to standard error.
func printToStandardError(_ line: String) {
    FileHandle.standardError.write(Data((line + "\n").utf8))
}
