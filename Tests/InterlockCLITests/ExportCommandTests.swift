import Foundation
import Testing

/// `interlock export` end to end on Samples/minimal.yaml: edge lists, CSV folders, usage errors.
@Suite struct ExportCommandTests {
    /// One view as a Mermaid flowchart; `--view` only goes with `--format mermaid`.
    @Test func aViewAsMermaid() throws {
        let result = try CommandRunner.run(["export", "Samples/acme", "--format", "mermaid", "--view", "units"])
        #expect(result.status == 0, "\(result.standardError)")
        #expect(result.standardOutput.contains("title: \"Acme Group — business units\"\n---\nflowchart LR\n"))
        let refused = try CommandRunner.run(["export", "Samples/acme", "--format", "graphml", "--view", "units"])
        #expect(refused.status == 2)
        #expect(refused.standardError.contains("--view goes with --format mermaid"))
    }

    @Test func edgeListOfDependsOnNumbersNodesAsTheGraphDoes() throws {
        // Nodes: 0 single-sign-on, 1 web-shop, 2 newsletter (initiatives first), 3 postgresql,
        // 4 customer-db, 5 sell-online, 6 alice. web-shop depends on single-sign-on.
        let result = try CommandRunner.run(["export", "Samples/minimal.yaml"])
        #expect(result.status == 0, "\(result.standardError)")
        #expect(result.standardOutput == "# nodes 7 edges 1\n1 0\n")
    }

    @Test func edgeListOfSeveralOrAllRelationshipsInGraphOrder() throws {
        let some = try CommandRunner.run(["export", "Samples/minimal.yaml", "--relationship", "READS",
                                          "--relationship", "WRITES"])
        #expect(some.standardOutput == "# nodes 7 edges 2\n1 4\n2 4\n")
        let all = try CommandRunner.run(["export", "Samples/minimal.yaml", "--relationship", "all"])
        #expect(all.standardOutput == """
            # nodes 7 edges 13
            0 5
            0 6
            1 0
            1 3
            1 4
            1 5
            1 6
            2 4
            2 5
            2 6
            3 6
            4 6
            4 3

            """)
    }

    @Test func edgeListToAFile() throws {
        let folder = try CommandRunner.temporaryFolder("interlock-export")
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("minimal.edges").path
        let result = try CommandRunner.run(["export", "Samples/minimal.yaml", "-o", path])
        #expect(result.status == 0)
        #expect(result.standardOutput.isEmpty)
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "# nodes 7 edges 1\n1 0\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["minimal.edges"])
    }

    @Test func csvFolderHasOneFilePerLabelAndPerRelationshipTypeAndLabels() throws {
        let folder = try CommandRunner.temporaryFolder("interlock-export")
        defer { try? FileManager.default.removeItem(at: folder) }
        let output = folder.appendingPathComponent("minimal-csv")
        // A previous export is replaced whole.
        try FileManager.default.createDirectory(at: output, withIntermediateDirectories: true)
        try Data("old".utf8).write(to: output.appendingPathComponent("stale.csv"))
        let result = try CommandRunner.run(["export", "Samples/minimal.yaml", "--format", "csv", "-o", output.path])
        #expect(result.status == 0, "\(result.standardError)")
        let names = try FileManager.default.contentsOfDirectory(atPath: output.path).sorted()
        #expect(names == [
            "nodes-Capability.csv", "nodes-DataSource.csv", "nodes-Goal.csv", "nodes-Initiative.csv", "nodes-Person.csv",
            "nodes-Team.csv", "nodes-Technology.csv", "nodes-Unit.csv",
            "relationships-DEPENDS_ON-Initiative-Initiative.csv", "relationships-HOSTED_ON-DataSource-Technology.csv",
            "relationships-OWNED_BY-DataSource-Person.csv", "relationships-OWNED_BY-Initiative-Person.csv",
            "relationships-OWNED_BY-Technology-Person.csv", "relationships-READS-Initiative-DataSource.csv",
            "relationships-SUPPORTS-Initiative-Goal.csv", "relationships-USES-Initiative-Technology.csv",
            "relationships-WRITES-Initiative-DataSource.csv",
        ])
        func file(_ name: String) throws -> String {
            try String(contentsOf: output.appendingPathComponent(name), encoding: .utf8)
        }
        #expect(try file("nodes-Initiative.csv") == """
            id,budget,end,name,start,status,tags\r
            single-sign-on,40000,2026-03-27,Single sign-on for customers,2026-01-05,live,[]\r
            web-shop,250000,2026-12-18,Web shop,2026-04-01,in-progress,[]\r
            newsletter,30000,2027-02-26,Customer newsletter,2027-01-11,planned,[]\r

            """)
        #expect(try file("nodes-Technology.csv") == "id,category,endOfLife,lifecycle,name,vendor\r\npostgresql,database,,adopt,PostgreSQL,\r\n")
        #expect(try file("nodes-Team.csv") == "id,name\r\n")
        #expect(try file("relationships-USES-Initiative-Technology.csv") == "from,to,version\r\nweb-shop,postgresql,16\r\n")
        #expect(try file("relationships-OWNED_BY-Initiative-Person.csv")
            == "from,to\r\nsingle-sign-on,alice\r\nweb-shop,alice\r\nnewsletter,alice\r\n")
        // No temporary or previous folder is left beside it.
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["minimal-csv"])
    }

    @Test func csvOfOneRelationshipWritesEveryLabelButOnlyThatType() throws {
        let folder = try CommandRunner.temporaryFolder("interlock-export")
        defer { try? FileManager.default.removeItem(at: folder) }
        let output = folder.appendingPathComponent("deps").path
        let result = try CommandRunner.run(["export", "Samples/minimal.yaml", "--format", "csv", "-o", output,
                                            "--relationship", "DEPENDS_ON"])
        #expect(result.status == 0)
        let names = try FileManager.default.contentsOfDirectory(atPath: output).filter { $0.hasPrefix("relationships-") }
        #expect(names == ["relationships-DEPENDS_ON-Initiative-Initiative.csv"])
    }

    @Test func usageErrorsExitTwoAndLeaveNothing() throws {
        let folder = try CommandRunner.temporaryFolder("interlock-export")
        defer { try? FileManager.default.removeItem(at: folder) }
        let csvWithoutFolder = try CommandRunner.run(["export", "Samples/minimal.yaml", "--format", "csv"])
        #expect(csvWithoutFolder.status == 2)
        #expect(csvWithoutFolder.standardError.contains("--format csv writes a folder: give it with -o."))
        let unknownType = try CommandRunner.run(["export", "Samples/minimal.yaml", "--relationship", "LIKES"])
        #expect(unknownType.status == 2)
        #expect(unknownType.standardError.contains("Unknown relationship type 'LIKES'"))
        let file = folder.appendingPathComponent("taken.csv")
        try Data("keep".utf8).write(to: file)
        let ontoFile = try CommandRunner.run(["export", "Samples/minimal.yaml", "--format", "csv", "-o", file.path])
        #expect(ontoFile.status == 2)
        #expect(ontoFile.standardError.contains("it is a file"))
        #expect(try String(contentsOf: file, encoding: .utf8) == "keep")
        let missing = try CommandRunner.run(["export", "Samples/no-such.yaml"])
        #expect(missing.status == 2)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["taken.csv"])
    }
}
