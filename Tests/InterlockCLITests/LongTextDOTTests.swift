import Foundation
import Testing

/// DOT output stays readable by Graphviz's own reader, which refuses a string over 16 KB (#16 item 14).
@Suite struct LongTextDOTTests {
    /// The longest double-quoted string in DOT text, in bytes.
    private func longestQuotedString(_ dot: String) -> Int {
        var longest = 0, current = 0, inString = false, escaped = false
        for byte in dot.utf8 {
            if inString {
                if escaped { escaped = false } else if byte == UInt8(ascii: "\\") { escaped = true } else if byte == UInt8(ascii: "\"") {
                    inString = false
                    longest = max(longest, current)
                }
                current += 1
            } else if byte == UInt8(ascii: "\"") {
                inString = true
                current = 0
            }
        }
        return longest
    }

    @Test func longNamesAndIdsAreCutAndLongIdsStayDistinct() throws {
        let folder = try CommandRunner.temporaryFolder("interlock-long-dot")
        defer { try? FileManager.default.removeItem(at: folder) }
        let long = String(repeating: "i", count: 20_000)
        let portfolio = folder.appendingPathComponent("p.yaml")
        try """
            initiatives:
              - {id: \(long)a, name: \(String(repeating: "N&", count: 10_000))}
              - {id: \(long)b, dependsOn: [\(long)a]}
            """.write(to: portfolio, atomically: false, encoding: .utf8)
        let output = folder.appendingPathComponent("o.dot")
        let result = try CommandRunner.run(["render", portfolio.path, "--view", "overview", "--format", "dot", "-o", output.path])
        #expect(result.status == 0, "\(result.standardError)")
        let dot = try String(contentsOf: output, encoding: .utf8)
        #expect(longestQuotedString(dot) < 16_384)
        let cutIds = Set(dot.matches(of: /i{383}…([0-9a-f]+)/).map { String($0.output.1) })
        #expect(cutIds.count == 2, "the two long ids must stay two nodes")
    }
}
