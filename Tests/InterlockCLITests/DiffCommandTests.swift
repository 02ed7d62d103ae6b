import Foundation
import Testing

/// `diff` exit codes and `check --format sarif|markdown`, through the built binary.
@Suite("interlock diff and check formats, end to end")
struct DiffCommandTests {
    private static let fixtures = CommandRunner.packageRoot.appendingPathComponent("Tests/InterlockReportsTests/Fixtures").path

    private func interlock(_ arguments: String...) throws -> (status: Int32, output: String) {
        let result = try CommandRunner.run(arguments)
        return (result.status, result.standardOutput)
    }

    @Test func diffExitsOneOnNewErrors() throws {
        let result = try interlock("diff", "\(Self.fixtures)/diff-old.yaml", "\(Self.fixtures)/diff-new.yaml")
        #expect(result.status == 1)
        #expect(result.output.hasPrefix("2 nodes added, 1 removed, 3 changed; 3 new findings (2 errors), 1 resolved, 0 persisting.\n"))
    }

    @Test func diffExitsZeroWithoutNewErrors() throws {
        // The same version against itself: errors persist, none is new.
        let result = try interlock("diff", "\(Self.fixtures)/diff-new.yaml", "\(Self.fixtures)/diff-new.yaml", "--format", "json")
        #expect(result.status == 0)
        #expect(result.output.contains("\"newErrors\": false"))
    }

    @Test func diffOfMissingFileIsBadInput() throws {
        #expect(try interlock("diff", "\(Self.fixtures)/nope.yaml", "\(Self.fixtures)/diff-new.yaml").status == 2)
    }

    @Test func checkWritesSARIFAndMarkdown() throws {
        let sarif = try interlock("check", "Samples/acme", "--format", "sarif")
        #expect(sarif.status == 1)
        #expect(sarif.output.contains("\"version\": \"2.1.0\""))
        #expect(sarif.output.contains("\"uri\": \"Samples/acme/initiatives-finance.yaml\""))
        let markdown = try interlock("check", "Samples/minimal.yaml", "--format", "markdown")
        #expect(markdown.status == 0)
        #expect(markdown.output.contains("No findings in 3 initiatives."))
    }
}
