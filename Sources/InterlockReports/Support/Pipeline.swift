import Foundation
import Synchronization

/// Two stages of one job on two threads: the calling thread produces items, a thread of its own
/// consumes them in the same order. Between them wait at most `capacity` items, so memory stays
/// bounded however much flows through.
///
/// Writing a large report is two halves of similar cost, serialising and the kernel's copy into
/// the file: on two cores they overlap instead of taking turns. Not for stages that hand over many
/// small allocations: parsing on one thread and decoding on another made loading slower, every
/// item's memory crossing threads (measured; see BENCHMARKS.md).
public enum Pipeline {
    /// Runs `produce`, which hands items to `send`, while `consume` takes them in order with
    /// `state`; returns the state once every item sent has been consumed.
    ///
    /// When `consume` throws, nothing more is consumed, `send` returns false so the producer can
    /// stop, and that error is thrown: it concerns an item sent before anything the producer may
    /// have failed on since. Otherwise an error of `produce` is thrown, after the items it sent
    /// before failing have been consumed.
    public static func run<Item: Sendable, State: Sendable>(
        capacity: Int,
        state: State,
        produce: (_ send: (Item) -> Bool) throws -> Void,
        consume: @escaping @Sendable (inout State, Item) throws -> Void
    ) throws -> State {
        let channel = Channel<Item>(capacity: capacity)
        let outcome = Mutex<Result<State, any Error>?>(nil)
        let done = DispatchSemaphore(value: 0)
        let consumer = Thread {
            var state = state
            let result = Result { () throws -> State in
                while let item = channel.receive() {
                    do {
                        try consume(&state, item)
                    } catch {
                        channel.cancel()
                        throw error
                    }
                }
                return state
            }
            outcome.withLock { $0 = result }
            done.signal()
        }
        consumer.start()
        let produced = Result { try produce(channel.send) }
        channel.close()
        done.wait()
        let consumed = try outcome.withLock { $0 }.map { try $0.get() }
        try produced.get()
        guard let consumed else { preconditionFailure("the consumer thread ended without an outcome") }
        return consumed
    }
}

/// A first-in first-out queue between one producing and one consuming thread, bounded by two
/// semaphores: `free` counts the places left, `ready` the items (and the close) to take.
private final class Channel<Item: Sendable>: Sendable {
    private struct State {
        var items: [Item] = []
        var head = 0
        var closed = false
        var cancelled = false
    }

    private let state = Mutex(State())
    private let free: DispatchSemaphore
    private let ready = DispatchSemaphore(value: 0)

    init(capacity: Int) {
        // libdispatch traps when a semaphore is freed below its initial value, which `free` is
        // after a cancelled run: start it at zero and raise it to the capacity instead.
        free = DispatchSemaphore(value: 0)
        for _ in 0..<max(capacity, 1) { free.signal() }
    }

    /// Queues `item`, waiting while the queue is full; false once the consumer has given up.
    func send(_ item: Item) -> Bool {
        free.wait()
        let accepted = state.withLock { state in
            guard !state.cancelled else { return false }
            state.items.append(item)
            return true
        }
        if accepted { ready.signal() } else { free.signal() }
        return accepted
    }

    /// No more items will come.
    func close() {
        state.withLock { $0.closed = true }
        ready.signal()
    }

    /// The next item, waiting for it; nil once the queue is closed and empty.
    func receive() -> Item? {
        ready.wait()
        let item = state.withLock { state -> Item? in
            guard state.head < state.items.count else { return nil }
            let item = state.items[state.head]
            state.head += 1
            // Drop what was taken once it is most of the buffer, so the array does not grow forever.
            if state.head * 2 >= state.items.count {
                state.items.removeFirst(state.head)
                state.head = 0
            }
            return item
        }
        if item != nil { free.signal() }
        return item
    }

    /// The consumer stops: a waiting or later `send` returns false.
    func cancel() {
        state.withLock { $0.cancelled = true }
        free.signal()
    }
}
