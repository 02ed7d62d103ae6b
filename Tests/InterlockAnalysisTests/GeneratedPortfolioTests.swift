import InterlockAnalysis
import InterlockCore
import InterlockGenerator
import Testing

/// The detectors on a generated portfolio find exactly the faults its manifest says were injected.
@Suite struct GeneratedPortfolioTests {
    @Test(arguments: [PortfolioGenerator.Format.yaml, .json])
    func detectorsFindExactlyTheInjectedFaults(format: PortfolioGenerator.Format) throws {
        let generator = PortfolioGenerator(initiatives: 2000, seed: 3, units: 6)
        let manifest = generator.manifest()
        let text = String(decoding: generator.text(format), as: UTF8.self)
        let graph = PortfolioGraph(try PortfolioLoader.load(text: text, file: "generated.\(format.rawValue)"))
        let rules: Set<RuleID> = ["dependency-cycle", "unowned-initiative", "unowned-data-source", "unowned-technology",
                          "dangling-reference"]
        let findings = Analyzer.analyze(graph, only: rules)
        func nodes(_ rule: RuleID) -> [[String]] {
            findings.filter { $0.rule == rule }.map(\.nodes).sorted { $0.lexicographicallyPrecedes($1) }
        }

        // Each injected cycle is simple and starts at its smallest id, as the detector shows it.
        #expect(nodes("dependency-cycle") == manifest.cycles)
        #expect(nodes("unowned-initiative") == manifest.unownedInitiatives.map { [$0.initiative] })
        #expect(nodes("unowned-data-source") == manifest.unownedDataSources.map { [$0] })
        #expect(nodes("unowned-technology") == [])
        #expect(nodes("dangling-reference") == [])
    }
}
