import Dispatch
import Foundation
import InterlockQuery
import Synchronization

/// Shows what a long command is doing on standard error: a spinner, the stage and the elapsed
/// time. Only when standard error is a terminal, so pipes and CI logs stay clean, and only after
/// half a second, so small portfolios never flicker.
struct ProgressDisplay: AnalysisProgress {
    /// Runs `work` while the spinner names `stage`.
    func during<Result, Failure: Error>(_ stage: String, _ work: () throws(Failure) -> Result) throws(Failure) -> Result {
        guard standardErrorIsTerminal, ProcessInfo.processInfo.environment["INTERLOCK_NO_PROGRESS"] == nil else {
            return try work()
        }
        let spinner = Spinner(stage: stage)
        defer { spinner.stop() }
        return try work()
    }
}

/// Redraws one line on standard error ten times a second from a serial queue of its own.
private final class Spinner {
    private let queue = DispatchQueue(label: "interlock.progress")
    private let timer: DispatchSourceTimer
    private let drawn = DrawnFlag()

    init(stage: String) {
        let start = ContinuousClock.now
        let frames = ["⠋", "⠙", "⠹", "⠸", "⠼", "⠴", "⠦", "⠧", "⠇", "⠏"]
        let drawn = drawn
        timer = DispatchSource.makeTimerSource(queue: queue)
        timer.schedule(deadline: .now() + .milliseconds(500), repeating: .milliseconds(100))
        timer.setEventHandler {
            let elapsed = ContinuousClock.now - start
            let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
            let tick = Int(seconds * 10)
            let line = "\r\(frames[tick % frames.count]) \(stage) \(String(format: "%.1f", seconds)) s\u{1B}[K"
            writeToStandardError(line, raw: true)
            drawn.value.store(true, ordering: .relaxed)
        }
        timer.resume()
    }

    /// Stops redrawing and clears the line, after the last redraw has finished.
    func stop() {
        timer.cancel()
        queue.sync {}
        if drawn.value.load(ordering: .relaxed) { writeToStandardError("\r\u{1B}[K", raw: true) }
    }
}

/// Whether the spinner ever drew, shared with its timer's handler.
private final class DrawnFlag: Sendable {
    let value = Atomic(false)
}
