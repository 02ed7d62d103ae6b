import Synchronization

/// A fact about the graph computed by whoever needs it first and then shared: detectors run in
/// parallel, so the first to ask computes while the others wait for the same value.
final class SharedFact<Value: Sendable>: Sendable {
    private let cell = Mutex<(value: Value?, computations: Int)>((nil, 0))

    /// The value, computed by `compute` on the first call only.
    func value(_ compute: () -> Value) -> Value {
        cell.withLock { stored in
            if let value = stored.value { return value }
            let value = compute()
            stored = (value, stored.computations + 1)
            return value
        }
    }

    /// How many times the value was computed: 0 or 1, which tests check.
    var computations: Int { cell.withLock { $0.computations } }
}
