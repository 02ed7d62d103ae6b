import Foundation

/// Runs the tool's synchronous work (loading, analysing, querying, drawing) on threads of its
/// own, at most one per core, so that a long query or drawing never holds one of the few
/// threads Swift's concurrency and the HTTP server run on.
final class BlockingWork: Sendable {
    private let queue: OperationQueue

    /// A pool of `width` threads (default: the machine's cores).
    init(width: Int = ProcessInfo.processInfo.activeProcessorCount) {
        let queue = OperationQueue()
        queue.maxConcurrentOperationCount = max(1, width)
        queue.name = "interlock.serve.blocking"
        self.queue = queue
    }

    /// Runs `work` on the pool and returns its result (or throws its error) to the caller.
    func run<Result: Sendable, Failure: Error>(_ work: @escaping @Sendable () throws(Failure) -> Result) async throws(Failure) -> Result {
        let outcome: Swift.Result<Result, Failure> = await withCheckedContinuation { continuation in
            queue.addOperation {
                do throws(Failure) {
                    continuation.resume(returning: .success(try work()))
                } catch {
                    continuation.resume(returning: .failure(error))
                }
            }
        }
        return try outcome.get()
    }
}
