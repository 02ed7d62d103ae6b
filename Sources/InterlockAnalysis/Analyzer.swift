import InterlockCore

/// Runs detectors over a graph and puts their findings in report order.
public struct Analyzer: Sendable {
    /// The findings, in `Finding.reportOrder`.
    public var findings: [Finding]
    /// How long each detector took, in the order they ran.
    public var timings: [(detector: String, duration: Duration)]

    /// Runs `detectors` (all built-in ones by default), or only those whose id is in `only`.
    public init(graph: PortfolioGraph, detectors: [any Detector] = Detectors.builtIn, only: Set<String>? = nil) {
        let clock = ContinuousClock()
        var findings: [Finding] = []
        var timings: [(String, Duration)] = []
        for detector in detectors where only?.contains(detector.id) ?? true {
            let start = clock.now
            findings += detector.run(on: graph)
            timings.append((detector.id, clock.now - start))
        }
        self.findings = findings.sorted(by: Finding.reportOrder)
        self.timings = timings
    }

    /// The findings of the built-in detectors, in report order.
    public static func analyze(_ graph: PortfolioGraph, only: Set<String>? = nil) -> [Finding] {
        Analyzer(graph: graph, only: only).findings
    }
}
