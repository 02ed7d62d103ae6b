import Foundation
import InterlockQuery

/// Collects text and writes it to a file handle a megabyte at a time: one system call per
/// megabyte rather than per row, and at most a megabyte held. A write error (a full disk, a
/// closed pipe) comes from the throwing `FileHandle.write(contentsOf:)`, never a trap.
final class ChunkedWriter {
    private let handle: FileHandle
    private var buffer = Data()
    private static let chunk = 1 << 20
    /// The write error that stopped a streamed query, to report instead of the query error
    /// that carried it out of the engine.
    private(set) var failure: (any Error)?

    init(_ handle: FileHandle) {
        self.handle = handle
    }

    /// Adds `text` from inside a running query: a write error is kept in `failure` and stops
    /// the query with a query error.
    func append(_ text: String) throws(QueryError) {
        buffer.append(contentsOf: text.utf8)
        guard buffer.count >= Self.chunk else { return }
        do {
            try flush()
        } catch {
            failure = error
            throw QueryError(.runtime, "the output could not be written")
        }
    }

    /// Adds `text` and writes everything buffered.
    func finish(with text: String) throws {
        buffer.append(contentsOf: text.utf8)
        try flush()
    }

    private func flush() throws {
        guard !buffer.isEmpty else { return }
        try handle.write(contentsOf: buffer)
        buffer.removeAll(keepingCapacity: true)
    }
}
