/// A failure that ends a command with a message on stderr and a documented exit code.
struct CommandFailure: Error {
    /// What went wrong, naming the file and place when there is one.
    let message: String
    /// 2 for bad input or usage.
    let exitCode: Int32

    /// Bad input: a portfolio, query or option value that cannot be used.
    static func badInput(_ message: String) -> CommandFailure { CommandFailure(message: message, exitCode: 2) }
}
