import Dispatch
import InterlockCore
import Synchronization

/// Runs detectors over a graph and puts their findings in report order.
///
/// Detectors only read the immutable graph, so they run in parallel on every core, each sorting
/// its own findings; the sorted lists are then put together in report order, so the result does
/// not depend on which finished first.
public struct Analyzer: Sendable {
    /// The findings, in `Finding.reportOrder`.
    public var findings: [Finding]
    /// How long each detector took, in the order the detectors were given.
    public var timings: [(detector: RuleID, duration: Duration)]

    /// Runs `detectors` (all built-in ones by default), or only those whose id is in `only`,
    /// over the context's graph; they share the context's facts.
    public init(context: AnalysisContext, detectors: [any Detector] = Detectors.builtIn, only: Set<RuleID>? = nil) {
        let selected = detectors.filter { only?.contains($0.id) ?? true }
        let results = Mutex([(findings: [Finding], duration: Duration)?](repeating: nil, count: selected.count))
        DispatchQueue.concurrentPerform(iterations: selected.count) { index in
            let clock = ContinuousClock()
            let start = clock.now
            let found = selected[index].run(in: context).sortedForReport()
            let duration = clock.now - start
            results.withLock { $0[index] = (found, duration) }
        }
        let collected = results.withLock { $0 }.compactMap { $0 }
        self.findings = Self.reportOrdered(collected.map(\.findings))
        self.timings = zip(selected, collected).map { ($0.id, $1.duration) }
    }

    /// Lists each in report order, put together in report order.
    ///
    /// Report order compares severity and rule first, so a sorted list is a few runs that share
    /// both, and ordering the runs orders everything. Runs of different lists that share both
    /// (two detectors reporting under one rule id) are merged by sorting them together.
    static func reportOrdered(_ lists: [[Finding]]) -> [Finding] {
        var runs: [ArraySlice<Finding>] = []
        for list in lists {
            var start = list.startIndex
            while start < list.endIndex {
                // Fields read by index: a closure over elements would copy each finding.
                var end = start + 1
                while end < list.endIndex, list[end].severity == list[start].severity, list[end].rule == list[start].rule { end += 1 }
                runs.append(list[start..<end])
                start = end
            }
        }
        // Runs are never empty, and sorting them is stable, so equal runs stay in list order.
        let key = { (run: ArraySlice<Finding>) in run[run.startIndex] }
        runs.sort { Finding.groupPrecedes(key($0), key($1)) }
        var ordered: [Finding] = []
        ordered.reserveCapacity(lists.reduce(0) { $0 + $1.count })
        var index = runs.startIndex
        while index < runs.endIndex {
            let group = runs[index...].prefix { !Finding.groupPrecedes(key(runs[index]), key($0)) }
            if group.count == 1 {
                ordered.append(contentsOf: runs[index])
            } else {
                ordered.append(contentsOf: Array(group.joined()).sortedForReport())
            }
            index += group.count
        }
        return ordered
    }

    /// The findings of the built-in detectors over a new context of `graph`, in report order.
    public static func analyze(_ graph: PortfolioGraph, only: Set<RuleID>? = nil) -> [Finding] {
        Analyzer(context: AnalysisContext(graph), only: only).findings
    }
}
