import Foundation
import Testing
import InterlockAnalysis
import InterlockCore

@Suite("Risk scores")
struct RiskScoresTests {
    @Test func scoresFollowTheDocumentedFormula() throws {
        let yaml = """
        goals: [{id: g}]
        people: [{id: ann}]
        initiatives:
          - {id: a, owner: ann, goals: [g], budget: 500, dependsOn: [b]}
          - {id: b, owner: ann, goals: [g], budget: 250, dependsOn: [a]}
          - {id: c, goals: [g], budget: 125}
          - {id: d, owner: ann, goals: [g], budget: 125}
          - {id: old, status: retired, budget: 1000}
        """
        let graph = PortfolioGraph(try PortfolioLoader.load(text: yaml, file: "test.yaml"))
        let findings = Analyzer.analyze(graph)
        let scores = RiskScores(graph: graph, findings: findings)
        // The cycle: error 40 + 40 × 750/1000 + 20 × 2/4 = 80. The unowned c: 40 + 40 × 125/1000 + 20 × 1/4 = 50.
        #expect(findings.map(\.rule) == ["dependency-cycle", "unowned-initiative"])
        #expect(scores.findingScores == [80, 50])
        #expect(scores.initiativeScores == ["a": 80, "b": 80, "c": 50, "d": 0])
        // Health: 100 − (80 + 80 + 50 + 0) / 4 = 47.5.
        #expect(scores.health == 47.5)
        #expect(scores.ranked().map(\.finding.rule) == ["dependency-cycle", "unowned-initiative"])
    }

    @Test func cleanPortfolioIsFullyHealthy() throws {
        let graph = PortfolioGraph(try PortfolioLoader.load(text: "initiatives: []", file: "empty.yaml"))
        let scores = RiskScores(graph: graph, findings: [])
        #expect(scores.health == 100)
        #expect(scores.ranked().isEmpty)
    }

    /// The ranking the board sees first on the sample (Samples/README.md's planted risks).
    @Test func acmeTopRisks() throws {
        let acme = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../../Samples/acme").standardizedFileURL.path
        let graph = PortfolioGraph(try PortfolioLoader.load(paths: [acme]))
        let scores = RiskScores(graph: graph, findings: Analyzer.analyze(graph))
        let top = scores.ranked().prefix(3).map { "\($0.finding.rule) \($0.finding.nodes.first ?? "")" }
        #expect(top == [
            "single-point-of-failure entra-id",
            "incompatible-stack general-ledger",
            "dependency-cycle field-service-platform",
        ])
        // 27 of 51 active initiatives sit in the blast radius of Entra ID alone: health is well below 100.
        #expect(Int(scores.health.rounded()) == 64)
    }
}
