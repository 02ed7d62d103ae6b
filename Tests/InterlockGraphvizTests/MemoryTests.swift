import Foundation
import Testing
import InterlockGraphviz

@Suite("Memory")
struct MemoryTests {
    /// Resident set size in kB, from /proc/self/status.
    private func residentKilobytes() throws -> Int {
        let status = try String(contentsOfFile: "/proc/self/status", encoding: .utf8)
        let line = try #require(status.split(separator: "\n").first { $0.hasPrefix("VmRSS:") })
        return try #require(Int(line.split(separator: " ")[1]))
    }

    /// A 200-node chain whose nodes carry 2 kB tooltips: every graph, layout and SVG buffer
    /// Graphviz allocates for it is megabytes, so a leak of any of them stands far above the
    /// noise of tests running in parallel.
    private var heavyDiagram: Diagram {
        var diagram = Fixtures.chain(200)
        for index in diagram.nodes.indices {
            diagram.nodes[index].tooltip = "Tooltip \(index): " + String(repeating: "risk ", count: 400)
        }
        return diagram
    }

    @Test("rendering 100 diagrams in a loop does not grow memory")
    func noGrowth() throws {
        let diagram = heavyDiagram
        for _ in 0..<5 { _ = try Graphviz.shared.render(diagram) }  // warm up plugins and caches
        // Other test suites run in this process at the same time and move its resident size
        // too, so a round that grew is measured again: a leak grows every round, noise does not.
        var growths: [Int] = []
        for _ in 0..<3 {
            let before = try residentKilobytes()
            for _ in 0..<100 { _ = try Graphviz.shared.render(diagram) }
            growths.append(try residentKilobytes() - before)
            // Leaking the graph, the layout or the SVG buffer of each render adds 45 MB or more.
            if growths.last ?? 0 < 20_000 { break }
        }
        #expect(growths.contains { $0 < 20_000 }, "resident memory grew by \(growths) kB in successive rounds")
    }
}
