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

    @Test("rendering 100 diagrams in a loop does not grow memory")
    func noGrowth() throws {
        let diagram = Fixtures.chain(200)
        for _ in 0..<5 { _ = try Graphviz.shared.render(diagram) }  // warm up plugins and caches
        let before = try residentKilobytes()
        for _ in 0..<100 { _ = try Graphviz.shared.render(diagram) }
        let growth = try residentKilobytes() - before
        // Leaking one graph, layout or SVG buffer per render would add over 10 MB here.
        #expect(growth < 6_000, "resident memory grew by \(growth) kB")
    }
}
