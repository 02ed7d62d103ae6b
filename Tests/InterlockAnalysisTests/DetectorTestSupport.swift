import InterlockAnalysis
import InterlockCore

/// Runs one detector over a portfolio written as YAML.
func findings(of detector: any Detector, in yaml: String) throws -> [Finding] {
    let graph = PortfolioGraph(try PortfolioLoader.load(text: yaml, file: "test.yaml"))
    return detector.run(in: AnalysisContext(graph)).sorted(by: Finding.reportOrder)
}

/// A finding reduced to what most tests compare: severity and nodes.
struct Summary: Equatable, CustomStringConvertible {
    let severity: Severity
    let nodes: [String]

    init(_ severity: Severity, _ nodes: [String]) {
        self.severity = severity
        self.nodes = nodes
    }

    init(_ finding: Finding) {
        self.init(finding.severity, finding.nodes)
    }

    var description: String { "\(severity) \(nodes)" }
}

/// The summaries of `detector`'s findings on `yaml`.
func summaries(of detector: any Detector, in yaml: String) throws -> [Summary] {
    try findings(of: detector, in: yaml).map(Summary.init)
}
