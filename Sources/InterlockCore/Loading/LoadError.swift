/// A structural fault in a portfolio file: loading stops, nothing is analysed or written.
public struct LoadError: Error, Hashable, Sendable, CustomStringConvertible {
    /// Where the fault is; nil when it concerns a path that could not be read at all.
    public var location: SourceLocation?
    /// The file the fault is in, also when no line is known.
    public var file: String
    /// What was expected, in words.
    public var message: String

    /// Creates an error located at a line and column of a file.
    public init(_ message: String, at location: SourceLocation) {
        self.location = location
        self.file = location.file
        self.message = message
    }

    /// Creates an error about a whole file.
    public init(_ message: String, file: String) {
        self.location = nil
        self.file = file
        self.message = message
    }

    /// `file:line:column: message`, or `file: message` without a position.
    public var description: String {
        if let location { return "\(location): \(message)" }
        return "\(file): \(message)"
    }
}
