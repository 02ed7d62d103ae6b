import Synchronization

/// A fact about the graph computed by whoever needs it first and then shared: detectors run in
/// parallel, so the first to ask computes while the others wait for the same value.
final class SharedFact<Value: Sendable>: Sendable {
    private let cell = Mutex<Value?>(nil)

    /// The value, computed by `compute` on the first call only.
    func value(_ compute: () -> Value) -> Value {
        cell.withLock { stored in
            if let stored { return stored }
            let value = compute()
            stored = value
            return value
        }
    }
}
