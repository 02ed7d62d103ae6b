import Dispatch
import InterlockCore
import Synchronization

/// Runs detectors over a graph and puts their findings in report order.
///
/// Detectors only read the immutable graph, so they run in parallel on every core; the findings
/// are sorted afterwards, so the result does not depend on which finished first.
public struct Analyzer: Sendable {
    /// The findings, in `Finding.reportOrder`.
    public var findings: [Finding]
    /// How long each detector took, in the order the detectors were given.
    public var timings: [(detector: String, duration: Duration)]

    /// Runs `detectors` (all built-in ones by default), or only those whose id is in `only`.
    public init(graph: PortfolioGraph, detectors: [any Detector] = Detectors.builtIn, only: Set<String>? = nil) {
        let selected = detectors.filter { only?.contains($0.id) ?? true }
        let results = Mutex([(findings: [Finding], duration: Duration)?](repeating: nil, count: selected.count))
        DispatchQueue.concurrentPerform(iterations: selected.count) { index in
            let clock = ContinuousClock()
            let start = clock.now
            let found = selected[index].run(on: graph)
            let duration = clock.now - start
            results.withLock { $0[index] = (found, duration) }
        }
        let collected = results.withLock { $0 }.compactMap { $0 }
        self.findings = collected.flatMap(\.findings).sorted(by: Finding.reportOrder)
        self.timings = zip(selected, collected).map { ($0.id, $1.duration) }
    }

    /// The findings of the built-in detectors, in report order.
    public static func analyze(_ graph: PortfolioGraph, only: Set<String>? = nil) -> [Finding] {
        Analyzer(graph: graph, only: only).findings
    }
}
