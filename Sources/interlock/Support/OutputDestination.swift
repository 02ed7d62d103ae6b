import Foundation

/// Where a command's result goes: standard output, or a file written atomically.
///
/// Atomic replacement (a temporary sibling renamed over the file) is right only for a regular
/// file or a new path. A device or a FIFO (`-o /dev/null`, `-o /dev/stdout`, a named pipe) is
/// written through, never replaced; a symbolic link is followed and its target replaced, so the
/// link stays a link.
struct OutputDestination {
    /// The file path, or nil for standard output.
    let path: String?

    /// How a path is written.
    enum Target {
        /// Standard output.
        case standardOutput
        /// A regular file or a new path, replaced atomically.
        case file(String)
        /// A device, FIFO or socket, written through as it is.
        case special(String)
    }

    /// True when the result goes to a terminal, where colour and progress make sense.
    var isTerminal: Bool { path == nil && isatty(STDOUT_FILENO) == 1 }

    /// Where the result goes once links are followed; a folder is refused.
    func target() throws -> Target {
        guard let path else { return .standardOutput }
        let resolved = URL(fileURLWithPath: path).resolvingSymlinksInPath().path
        var status = stat()
        guard stat(resolved, &status) == 0 else { return .file(resolved) }
        switch status.st_mode & S_IFMT {
        case S_IFREG: return .file(resolved)
        case S_IFDIR: throw CommandFailure.badInput("cannot write \(path): it is a folder; give a file name")
        default: return .special(resolved)
        }
    }

    /// Writes `text` (UTF-8).
    func write(_ text: String) throws { try write(Data(text.utf8)) }

    /// Writes `data`; a file is written to a temporary sibling and renamed, so a failed run never leaves half a file.
    func write(_ data: Data) throws {
        switch try target() {
        case .standardOutput, .special:
            try stream { try $0.write(contentsOf: data) }
        case .file(let file):
            // The same temporary file as streamed output, so a signal or a read-only target is handled once.
            try streamReplacing(file) { try $0.write(contentsOf: data) }
        }
    }
}

/// True when standard error is a terminal (progress and timings may use it freely).
var standardErrorIsTerminal: Bool { isatty(STDERR_FILENO) == 1 }

/// Writes a line to standard error.
func printToStandardError(_ line: String) {
    writeToStandardError(line + "\n")
}

/// Writes text to standard error. `FileHandle.write(_: Data)` traps on a write error (a `try!`
/// inside Foundation): with standard error on a full disk or a closed pipe, a message is lost
/// rather than the process crashing with SIGILL. Control characters a message quotes from a file
/// (libyaml echoes the faulty line) are made visible, so a file cannot drive the user's terminal;
/// only the progress line, which draws itself with `\r` and an erase sequence, passes `raw`.
func writeToStandardError(_ text: String, raw: Bool = false) {
    let text = raw ? text : text.escapingControlCharacters(keepingLineBreaks: true)
    try? FileHandle.standardError.write(contentsOf: Data(text.utf8))
}
