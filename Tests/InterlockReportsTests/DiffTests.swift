import Foundation
import Testing
import InterlockTestSupport
import InterlockAnalysis
import InterlockCore
import InterlockReports

@Suite("Portfolio diff")
struct DiffTests {
    private func analysed(_ name: String) throws -> (PortfolioGraph, [Finding]) {
        let graph = PortfolioGraph(try PortfolioLoader.load(paths: [repositoryRoot.appendingPathComponent("Tests/InterlockReportsTests/Fixtures/\(name)").path]))
        return (graph, Analyzer.analyze(graph))
    }

    private func craftedDiff() throws -> PortfolioDiff {
        let (old, oldFindings) = try analysed("diff-old.yaml")
        let (new, newFindings) = try analysed("diff-new.yaml")
        return PortfolioDiff(old: old, oldFindings: oldFindings, new: new, newFindings: newFindings)
    }

    /// Exactly the changes planted in the two crafted versions (see the comments in the fixtures).
    @Test func craftedVersions() throws {
        let diff = try craftedDiff()
        #expect(diff.added.map { "\($0.kind.label) \($0.id)" } == ["Initiative scheduler", "Technology node"])
        #expect(diff.removed.map { "\($0.kind.label) \($0.id)" } == ["Initiative gone"])
        #expect(diff.changed.map(\.node.id) == ["crm", "wms", "bob"])
        #expect(diff.changed[0].fields == [
            .init(field: "budget", old: "100", new: "150"),
            .init(field: "dependsOn", old: nil, new: "scheduler"),
        ])
        #expect(diff.changed[1].fields == [.init(field: "owner", old: nil, new: "ann")])
        #expect(diff.changed[2].fields == [.init(field: "active", old: "true", new: "false")])
        #expect(diff.findings.new.map { "\($0.rule) \($0.nodes)" } == [
            "dependency-cycle [\"crm\", \"scheduler\"]",
            "unowned-initiative [\"scheduler\"]",
            "unowned-technology [\"node\"]",
        ])
        #expect(diff.findings.resolved.map { "\($0.rule) \($0.nodes)" } == ["unowned-initiative [\"wms\"]"])
        #expect(diff.findings.persisting.isEmpty)
        #expect(diff.hasNewErrors)
        #expect(diff.totalBudget.old == 180 && diff.totalBudget.new == 220)
        #expect(diff.unitBudgets.map { "\($0.unit ?? "-") \($0.delta)" } == ["ops -10.0", "sales 50.0"])
    }

    @Test func jsonMatchesGoldenFile() throws {
        let golden = try String(contentsOf: repositoryRoot.appendingPathComponent("Tests/InterlockReportsTests/Fixtures/diff-expected.json"), encoding: .utf8)
        #expect(DiffReporter.json(try craftedDiff()) == golden)
    }

    @Test func sameVersionHasNoChanges() throws {
        let (graph, findings) = try analysed("diff-new.yaml")
        let diff = PortfolioDiff(old: graph, oldFindings: findings, new: graph, newFindings: findings)
        #expect(diff.isEmpty)
        #expect(!diff.hasNewErrors)
        #expect(diff.findings.persisting.count == 3)
    }

    /// A finding whose list of nodes changed persists (paired by rule and first node), in place of resolved + new.
    @Test func changedFindingPersists() {
        func finding(_ nodes: [String], _ severity: Severity = .warning) -> Finding {
            Finding(rule: "single-point-of-failure", severity: severity, nodes: nodes, message: "m", action: "a")
        }
        let comparison = FindingComparison(
            old: [finding(["idp", "a", "b"]), finding(["db", "a"])],
            new: [finding(["idp", "a", "b", "c"]), finding(["db", "a"]), finding(["queue", "x"], .error)])
        #expect(comparison.persisting.map(\.new.nodes) == [["db", "a"], ["idp", "a", "b", "c"]])
        #expect(comparison.persisting.map(\.old.nodes) == [["db", "a"], ["idp", "a", "b"]])
        #expect(comparison.new.map(\.nodes) == [["queue", "x"]])
        #expect(comparison.resolved.isEmpty)
        #expect(comparison.hasNewErrors)
    }

    @Test func markdownEscapesNames() throws {
        let old = PortfolioGraph(try PortfolioLoader.load(text: "initiatives: []", file: "old.yaml"))
        let new = PortfolioGraph(try PortfolioLoader.load(text: "initiatives: [{id: x, name: \"<img src=x> | @all\"}]", file: "new.yaml"))
        let diff = PortfolioDiff(old: old, oldFindings: [], new: new, newFindings: Analyzer.analyze(new))
        let markdown = DiffReporter.markdown(diff, currency: nil)
        #expect(markdown.contains("| added | initiative | x | &lt;img src=x&gt; \\| &#64;all |  |"))
        #expect(!markdown.contains("<img"))
    }
}
