import Foundation
import Testing

/// `interlock import` and `--from` end to end on the interop fixtures.
@Suite struct ImportCommandTests {
    static let fixtures = "Tests/InterlockInteropTests/Fixtures/"

    @Test func importWritesAPortfolioCheckAcceptsWithHeaderAndSummary() throws {
        let folder = try CommandRunner.temporaryFolder("interlock-import")
        defer { try? FileManager.default.removeItem(at: folder) }
        let output = folder.appendingPathComponent("harbour.yaml").path
        let result = try CommandRunner.run(["import", "archimate", Self.fixtures + "harbour-3.1.xml", "-o", output])
        #expect(result.status == 0, "\(result.standardError)")
        let text = try String(contentsOfFile: output, encoding: .utf8)
        #expect(text.hasPrefix("# Imported by `interlock import archimate` from \(Self.fixtures)harbour-3.1.xml.\n"))
        #expect(result.standardError.hasPrefix("import: mapped: 2 initiatives, 2 technologies, 1 data source, 2 capabilities, 1 goal, 1 person\n"))
        let check = try CommandRunner.run(["check", output, "--fail-on", "never"])
        #expect(check.status == 0, "\(check.standardError)")
    }

    @Test func fromReadsTheSourceDirectlyWithFindingsPointingIntoIt() throws {
        let result = try CommandRunner.run(["check", "--from", "backstage", Self.fixtures + "catalog-info.yaml", "--fail-on", "never"])
        #expect(result.status == 0, "\(result.standardError)")
        #expect(result.standardOutput.contains("\(Self.fixtures)catalog-info.yaml:"))
        let stats = try CommandRunner.run(["stats", "--from", "archimate", Self.fixtures + "harbour-2.1.xml",
                                           "--as", "ApplicationComponent=initiative"])
        #expect(stats.status == 0, "\(stats.standardError)")
    }

    /// `query` and `diff` read other tools' files too (#14): the same `--from` and mapping options.
    @Test func queryAndDiffTakeFrom() throws {
        let query = try CommandRunner.run(["query", "--from", "archimate", Self.fixtures + "harbour-3.1.xml",
                                           "MATCH (i:Initiative) RETURN count(i) AS n", "--format", "csv"])
        #expect(query.status == 0, "\(query.standardError)")
        let count = query.standardOutput.split(separator: "\r\n").dropFirst().first.flatMap { Int($0) }
        #expect((count ?? 0) > 0, "\(query.standardOutput)")
        let diff = try CommandRunner.run(["diff", "--from", "archimate", Self.fixtures + "harbour-2.1.xml", Self.fixtures + "harbour-3.1.xml",
                                          "--as", "ApplicationComponent=initiative", "--format", "json"])
        #expect([0, 1].contains(diff.status), "\(diff.standardError)")
        #expect(diff.standardOutput.contains("\"summary\""))
        let wrong = try CommandRunner.run(["query", "--from", "archimate", Self.fixtures + "catalog-info.yaml", "RETURN 1"])
        #expect(wrong.status == 2, "a Backstage file read as ArchiMate is bad input")
    }

    @Test func badInputIsExitCodeTwoWithTheMessage() throws {
        let refused = try CommandRunner.run(["import", "archimate", Self.fixtures + "entity-bomb.xml"])
        #expect(refused.status == 2)
        #expect(refused.standardError.contains("refused: the DOCTYPE declares entities"))
        let none = try CommandRunner.run(["import", "archimate", Self.fixtures + "harbour-3.1.xml", "--as", "WorkPackage=skip"])
        #expect(none.status == 2)
        #expect(none.standardError.contains("run again with --as ApplicationComponent=initiative"))
        let usage = try CommandRunner.run(["import", "archimate", Self.fixtures + "harbour-3.1.xml", "--as", "WorkPackage"])
        #expect(usage.status == 2)
    }

    @Test func exportFormatsWriteFilesAndFolders() throws {
        let folder = try CommandRunner.temporaryFolder("interlock-export-formats")
        defer { try? FileManager.default.removeItem(at: folder) }
        for format in ["graphml", "mermaid", "cypher", "archimate", "backstage"] {
            let output = folder.appendingPathComponent("minimal.\(format)").path
            let result = try CommandRunner.run(["export", "Samples/minimal.yaml", "--format", format, "-o", output])
            #expect(result.status == 0, "\(format): \(result.standardError)")
            #expect(FileManager.default.fileExists(atPath: output))
        }
        let neo4j = folder.appendingPathComponent("neo4j").path
        #expect(try CommandRunner.run(["export", "Samples/minimal.yaml", "--format", "neo4j", "-o", neo4j]).status == 0)
        #expect(FileManager.default.fileExists(atPath: neo4j + "/load.cypher"))
        #expect(try CommandRunner.run(["export", "Samples/minimal.yaml", "--format", "neo4j"]).status == 2)
    }
}
