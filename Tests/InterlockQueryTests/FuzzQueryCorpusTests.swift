import Foundation
import InterlockCore
import InterlockQuery
import Testing

/// The query fuzzer's committed seed corpus (the queries of docs/queries.md, the hostile
/// queries, and every input the fuzzer crashed on) replayed with the fuzzer's small limits: each
/// answers or fails with a `QueryError`, in bounded time.
@Suite struct FuzzQueryCorpusTests {
    private static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Fuzz/Corpus/query")

    private static let inputs = ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).sorted()

    @Test(arguments: inputs)
    func queriesAnswerOrFailCleanly(_ input: String) throws {
        guard let text = String(validating: Array(try Data(contentsOf: Self.folder.appendingPathComponent(input))), as: UTF8.self) else { return }
        let portfolio = try PortfolioLoader.load(text: """
            initiatives:
              - {id: a, budget: 100, dependsOn: [b], technologies: [java@17]}
              - {id: b, dependsOn: [c]}
              - {id: c, dependsOn: [a]}
            """, file: "p.yaml")
        let engine = QueryEngine(portfolio: PortfolioGraph(portfolio))
        let limits = QueryLimits(timeout: .milliseconds(500), maximumValueSize: 100_000, maximumHeldValues: 100_000)
        let start = ContinuousClock.now
        do {
            _ = try engine.run(text, limits: limits)
        } catch {
            #expect(!error.description.isEmpty)
        }
        #expect(ContinuousClock.now - start < .seconds(10))
    }
}
