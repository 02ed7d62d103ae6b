import Synchronization
import Testing
import InterlockCore
@testable import InterlockReports

@Suite("Pipeline")
struct PipelineTests {
    private struct Stop: Error, Equatable {
        let at: Int
    }

    @Test("every item arrives, in order", arguments: [1, 3, 64])
    func deliversInOrder(capacity: Int) throws {
        let received = try Pipeline.run(capacity: capacity, state: [Int]()) { send in
            for item in 0..<10_000 { #expect(send(item)) }
        } consume: { received, item in
            received.append(item)
        }
        #expect(received == Array(0..<10_000))
    }

    @Test("a consumer that fails stops the producer and its error wins")
    func consumerFailureStopsTheProducer() {
        let refusedAt = Mutex<Int?>(nil)
        #expect(throws: Stop(at: 100)) {
            _ = try Pipeline.run(capacity: 4, state: ()) { send in
                for item in 0..<1_000_000 where !send(item) {
                    refusedAt.withLock { $0 = item }
                    throw Stop(at: -1)  // a later failure of the producer: must not hide the consumer's
                }
            } consume: { _, item in
                if item == 100 { throw Stop(at: 100) }
            }
        }
        // The queue holds at most 4 items: the producer is refused soon after item 100.
        let refused = refusedAt.withLock { $0 }
        #expect(refused.map { (101...106).contains($0) } == true, "refused at \(String(describing: refused))")
    }

    @Test("a producer that fails still has what it sent consumed, then its error is thrown")
    func producerFailureAfterItems() {
        let consumed = Mutex<[Int]>([])
        #expect(throws: Stop(at: 3)) {
            _ = try Pipeline.run(capacity: 2, state: ()) { send in
                for item in 0..<3 { _ = send(item) }
                throw Stop(at: 3)
            } consume: { _, item in
                consumed.withLock { $0.append(item) }
            }
        }
        #expect(consumed.withLock { $0 } == [0, 1, 2])
    }

    @Test("nothing produced gives the initial state")
    func emptyRun() throws {
        #expect(try Pipeline.run(capacity: 1, state: 7) { _ in } consume: { (state: inout Int, _: Int) in state += 1 } == 7)
    }
}
