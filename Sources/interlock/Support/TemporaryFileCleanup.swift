import Foundation

/// Removes the temporary file of an output being written when the run is interrupted (SIGINT,
/// SIGTERM, SIGHUP): a cancelled `generate -o` must not leave hundreds of megabytes of
/// `.g.yaml.<pid>.tmp` behind.
///
/// A signal handler may only call async-signal-safe functions, so the path lives in a C buffer
/// allocated once, and the handler does nothing but `unlink` it and re-raise the signal with its
/// default action (the process then ends as it would have, with the same status for the shell).
enum TemporaryFileCleanup {
    /// The path being written, NUL-terminated; an empty string when none is.
    private nonisolated(unsafe) static let path: UnsafeMutablePointer<CChar> = {
        let buffer = UnsafeMutablePointer<CChar>.allocate(capacity: Int(PATH_MAX) + 1)
        buffer.initialize(repeating: 0, count: Int(PATH_MAX) + 1)
        return buffer
    }()

    private static let signals: [Int32] = [SIGINT, SIGTERM, SIGHUP]

    /// Installs the handlers, once; a signal the process was started ignoring (`nohup`) stays ignored.
    private static let installed: Bool = {
        _ = path
        for signal in signals {
            var previous = sigaction()
            sigaction(signal, nil, &previous)
            // Function pointers are not Equatable in Swift: compare their addresses.
            if unsafeBitCast(previous.__sigaction_handler.sa_handler, to: Int.self) == unsafeBitCast(SIG_IGN, to: Int.self) { continue }
            var action = sigaction()
            action.__sigaction_handler.sa_handler = { signal in
                if TemporaryFileCleanup.path.pointee != 0 { unlink(TemporaryFileCleanup.path) }
                Glibc.signal(signal, SIG_DFL)
                raise(signal)
            }
            sigemptyset(&action.sa_mask)
            sigaction(signal, &action, nil)
        }
        // A parent may have started the process with these signals blocked (Foundation's
        // Process does); the run must still end, and clean up, when asked to.
        var handled = sigset_t()
        sigemptyset(&handled)
        for signal in signals { sigaddset(&handled, signal) }
        pthread_sigmask(SIG_UNBLOCK, &handled, nil)
        return true
    }()

    /// Runs `body` with `temporary` removed if a signal ends the process meanwhile.
    static func removing<Result>(_ temporary: String, during body: () throws -> Result) rethrows -> Result {
        let bytes = Array(temporary.utf8CString)
        // A path too long for the buffer is not registered: the output is still correct, only an
        // interrupted run leaves its temporary file.
        guard bytes.count <= Int(PATH_MAX) + 1, installed else { return try body() }
        withSignalsBlocked { for (index, byte) in bytes.enumerated() { path[index] = byte } }
        defer { withSignalsBlocked { path.pointee = 0 } }
        return try body()
    }

    /// Changes the buffer with the handled signals held back, so a handler never reads half a path.
    private static func withSignalsBlocked(_ change: () -> Void) {
        var blocked = sigset_t(), previous = sigset_t()
        sigemptyset(&blocked)
        for signal in signals { sigaddset(&blocked, signal) }
        pthread_sigmask(SIG_BLOCK, &blocked, &previous)
        change()
        pthread_sigmask(SIG_SETMASK, &previous, nil)
    }
}
