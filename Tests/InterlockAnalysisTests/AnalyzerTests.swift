import Testing
@testable import InterlockAnalysis
import InterlockCore
import InterlockGenerator

@Suite("Analyzer")
struct AnalyzerTests {
    /// Random findings with few distinct values, so ties on every key but the last occur often.
    private func randomFindings(rules: [RuleID], count: Int, _ random: inout SeededRandom) -> [Finding] {
        (0..<count).map { _ in
            let nodes = (0..<Int.random(in: 0...3, using: &random)).map { _ in "n\(Int.random(in: 0..<4, using: &random))" }
            return Finding(
                rule: rules.randomElement(using: &random) ?? "r", severity: Severity.allCases.randomElement(using: &random) ?? .info,
                nodes: nodes, message: "m\(Int.random(in: 0..<3, using: &random))", action: "")
        }
    }

    @Test("sorted lists put together are the same as all findings sorted at once", arguments: 0..<50)
    func reportOrderedMatchesOneSort(seed: UInt64) {
        var random = SeededRandom(seed: seed)
        // Some lists share a rule, as a custom rule named like a built-in one would.
        let lists = (0..<Int.random(in: 0...5, using: &random)).map { list in
            randomFindings(rules: [RuleID("rule-\(list)"), RuleID("rule-\(list + 1)")], count: Int.random(in: 0...40, using: &random), &random)
                .sorted(by: Finding.reportOrder)
        }
        let together = Analyzer.reportOrdered(lists)
        let expected = lists.flatMap { $0 }.sorted(by: Finding.reportOrder)
        // Findings equal in every compared key may come in either order: compare what orders them.
        let key = { (finding: Finding) in "\(finding.severity)|\(finding.rule)|\(finding.nodes)|\(finding.message)" }
        #expect(together.map(key) == expected.map(key))
        #expect(lists.flatMap { $0 }.sortedForReport().map(key) == expected.map(key))
        // Already in order (as an analysis's findings are), the list comes back as it is.
        #expect(expected.isInReportOrder)
        #expect(expected.sortedForReport() == expected)
        #expect(expected.reversed().isInReportOrder == (Set(expected.map(key)).count <= 1), "reversed, it is out of order unless all are alike")
    }

    @Test("report order: severity, then rule, then node ids element by element (a prefix first), then message")
    func reportOrder() {
        func finding(_ severity: Severity, _ rule: RuleID, _ nodes: [String], _ message: String = "") -> Finding {
            Finding(rule: rule, severity: severity, nodes: nodes, message: message, action: "")
        }
        let shuffled = [
            finding(.info, "a", ["x"]),
            finding(.warning, "b", ["b"]),
            finding(.warning, "a", ["b", "a"]),
            finding(.warning, "a", ["b"], "2"),
            finding(.error, "z", ["z"]),
            finding(.warning, "a", ["b"], "1"),
            finding(.warning, "a", ["a", "z"]),
        ]
        #expect(shuffled.sorted(by: Finding.reportOrder) == [
            finding(.error, "z", ["z"]),
            finding(.warning, "a", ["a", "z"]),
            finding(.warning, "a", ["b"], "1"),
            finding(.warning, "a", ["b"], "2"),
            finding(.warning, "a", ["b", "a"]),
            finding(.warning, "b", ["b"]),
            finding(.info, "a", ["x"]),
        ])
    }
}
