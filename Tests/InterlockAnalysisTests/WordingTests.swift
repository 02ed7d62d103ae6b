import Testing
@testable import InterlockAnalysis
import InterlockCore

@Suite("Message helpers")
struct WordingTests {
    @Test func firstByIDMatchesAFullSort() {
        let here = SourceLocation(file: "t", line: 1, column: 1)
        // Ids in an order unrelated to node order, with varying lengths.
        let initiatives = (0..<500).map { Initiative(id: "i\(($0 * 7919) % 500)", name: "I", location: here) }
        let graph = PortfolioGraph(Portfolio(initiatives: initiatives))
        let nodes = Array((0..<500).reversed())
        let fullySorted = nodes.sorted { graph.id(of: $0) < graph.id(of: $1) }
        for limit in [0, 1, 10, 499, 500, 600] {
            #expect(graph.firstByID(nodes, limit: limit) == Array(fullySorted.prefix(limit)), "limit \(limit)")
        }
    }

    @Test func listsAndMoney() {
        #expect(Wording.list(["A", "B", "C"]) == "A, B and C")
        #expect(Wording.alternatives(["A", "B", "C"]) == "A, B or C")
        #expect(Money.format(1_234_567.4, currency: "EUR") == "EUR 1,234,567")
        #expect(Money.format(-950, currency: nil) == "-950")
        #expect(Wording.withArticle("initiative") == "an initiative")
    }
}
