import Foundation
import Testing
import InterlockGraphviz

@Suite("Memory")
struct MemoryTests {
    /// Set in the child process that runs the measurement alone.
    private static let probeVariable = "INTERLOCK_MEMORY_PROBE"

    /// Resident set size in kB, from /proc/self/status.
    private func residentKilobytes() throws -> Int {
        let status = try String(contentsOfFile: "/proc/self/status", encoding: .utf8)
        let line = try #require(status.split(separator: "\n").first { $0.hasPrefix("VmRSS:") })
        return try #require(Int(line.split(separator: " ")[1]))
    }

    /// A 200-node chain whose nodes carry 2 kB tooltips: every graph, layout and SVG buffer
    /// Graphviz allocates for it is megabytes, so a leak of any of them stands far above noise.
    private var heavyDiagram: Diagram {
        var diagram = Fixtures.chain(200)
        for index in diagram.nodes.indices {
            diagram.nodes[index].tooltip = "Tooltip \(index): " + String(repeating: "risk ", count: 400)
        }
        return diagram
    }

    @Test("rendering 100 diagrams in a loop does not grow memory")
    func noGrowth() throws {
        if ProcessInfo.processInfo.environment[Self.probeVariable] == nil {
            try measureInChildProcess()
        } else {
            try measureRenderLoop()
        }
    }

    /// Runs this test again, alone, in a new process of the test binary. In this process other
    /// suites load million-node graphs at the same time, and the resident size they add and
    /// release is far larger than the leak this test looks for (CI once saw 280 MB of it).
    private func measureInChildProcess() throws {
        let child = Process()
        child.executableURL = URL(fileURLWithPath: "/proc/self/exe")
        child.arguments = ["--testing-library", "swift-testing", "--filter", "MemoryTests"]
        child.environment = ProcessInfo.processInfo.environment.merging([Self.probeVariable: "1"]) { $1 }
        let output = Pipe()
        child.standardOutput = output
        child.standardError = output
        try child.run()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        child.waitUntilExit()
        #expect(child.terminationStatus == 0, "the render loop run alone failed:\n\(text)")
        // A filter that matched nothing also exits 0: make sure the measurement really ran.
        #expect(text.contains("rendering 100 diagrams in a loop does not grow memory"), "\(text)")
    }

    private func measureRenderLoop() throws {
        let diagram = heavyDiagram
        for _ in 0..<5 { _ = try Graphviz.shared.render(diagram) }  // warm up plugins and caches
        // Allocator noise can still move a round; a leak grows every round, noise does not.
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
