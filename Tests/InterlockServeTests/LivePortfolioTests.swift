import Foundation
import InterlockServe
import Testing

@Suite("serve: the portfolio follows its files")
struct LivePortfolioTests {
    static let acyclic = """
        initiatives:
          - {id: a, name: Alpha, dependsOn: [b]}
          - {id: b, name: Beta}
        """
    static let cyclic = """
        initiatives:
          - {id: a, name: Alpha, dependsOn: [b]}
          - {id: b, name: Beta, dependsOn: [a]}
        """

    @Test("a save that adds a cycle is heard with the new finding; a broken save keeps the last good version; the fix clears it")
    func reloads() async throws {
        let folder = try ScratchFolder()
        defer { folder.cleanUp() }
        let file = try folder.write("portfolio.yaml", Self.acyclic)
        let portfolio = try await LivePortfolio(paths: [folder.path])
        #expect(await portfolio.current.generation == 1)
        #expect(await portfolio.current.analysis.findings.allSatisfy { $0.rule.rawValue != "dependency-cycle" })
        let events = await portfolio.events()
        var heard = events.makeAsyncIterator()
        #expect(await portfolio.reloadIfChanged() == false, "nothing was saved")

        try folder.write("portfolio.yaml", Self.cyclic)
        #expect(await portfolio.reloadIfChanged())
        guard case .updated(let generation, let appeared, let resolved) = await heard.next() else {
            Issue.record("no update was heard")
            return
        }
        #expect(generation == 2)
        #expect(appeared.map(\.rule.rawValue) == ["dependency-cycle"])
        #expect(appeared.first?.nodes.sorted() == ["a", "b"])
        #expect(resolved.isEmpty)
        #expect(await portfolio.current.generation == 2)

        try folder.write("portfolio.yaml", "initiatives:\n  - {id: a, name: Alpha, dependsOn: [b]\n")
        #expect(await portfolio.reloadIfChanged())
        guard case .problem(let message) = await heard.next() else {
            Issue.record("no problem was heard")
            return
        }
        #expect(message.contains(file), "the error names the file: \(message)")
        #expect(message.contains(":2:") || message.contains(":3:"), "the error names the line: \(message)")
        #expect(await portfolio.problem == message)
        #expect(await portfolio.current.generation == 2, "the last good version stays")

        try folder.write("portfolio.yaml", Self.acyclic + "\n")
        #expect(await portfolio.reloadIfChanged())
        guard case .updated(let fixed, let appearedAfterFix, let resolvedByFix) = await heard.next() else {
            Issue.record("no update after the fix")
            return
        }
        #expect(fixed == 3)
        #expect(appearedAfterFix.isEmpty)
        #expect(resolvedByFix.map(\.rule.rawValue) == ["dependency-cycle"])
        #expect(await portfolio.problem == nil)
    }

    @Test("a new file in the folder and a removed one are seen")
    func filesAddedAndRemoved() async throws {
        let folder = try ScratchFolder()
        defer { folder.cleanUp() }
        try folder.write("one.yaml", "initiatives:\n  - {id: a, name: Alpha}\n")
        let portfolio = try await LivePortfolio(paths: [folder.path])
        let second = try folder.write("two.yaml", "initiatives:\n  - {id: b, name: Beta}\n")
        #expect(await portfolio.reloadIfChanged())
        #expect(await portfolio.current.graph.node(withID: "b") != nil)
        try FileManager.default.removeItem(atPath: second)
        #expect(await portfolio.reloadIfChanged())
        #expect(await portfolio.current.graph.node(withID: "b") == nil)
        #expect(await portfolio.current.generation == 3)
    }

    @Test("a listener that stops listening is let go")
    func listenersEnd() async throws {
        let folder = try ScratchFolder()
        defer { folder.cleanUp() }
        try folder.write("portfolio.yaml", Self.acyclic)
        let portfolio = try await LivePortfolio(paths: [folder.path])
        do {
            let events = await portfolio.events()
            #expect(await portfolio.listenerCount == 1)
            _ = events
        }
        // The stream was dropped: its termination handler unregisters it.
        for _ in 0..<100 where await portfolio.listenerCount > 0 { try await Task.sleep(for: .milliseconds(10)) }
        #expect(await portfolio.listenerCount == 0)
    }
}
