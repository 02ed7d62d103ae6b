import Foundation
import InterlockCore
import InterlockGenerator
@testable import InterlockInterop
import Testing

/// Exports: round trips through the importers, GraphML read back by NetworkX, Mermaid's
/// grammar, Neo4j headers and Cypher literals.
@Suite struct ExportTests {
    static let samples = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Samples")

    func acme() throws -> Portfolio { try PortfolioLoader.load(paths: [Self.samples.appendingPathComponent("acme").path]) }

    /// Writes `text` to a temporary file named `name` and imports it as `format`.
    func reimport(_ text: String, name: String, format: ImportFormat) throws -> Portfolio {
        let folder = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent(name)
        try Data(text.utf8).write(to: file)
        return try PortfolioImporter.importFiles([file.path], format: format).portfolio
    }

    /// What the exports carry: everything but the name (Backstage has none), policy and rules;
    /// the order of a reference list is not kept (a dangling reference travels as a property,
    /// read before the relationships) and means nothing in the graph.
    func comparable(_ portfolio: Portfolio) -> Portfolio {
        var copy = portfolio.withoutLocations
        copy.initiatives = copy.initiatives.map { initiative in
            var sorted = initiative
            sorted.dependsOn.sort()
            sorted.capabilities.sort()
            sorted.goals.sort()
            sorted.technologies.sort { $0.written < $1.written }
            sorted.data.sort { ($0.source, $0.access.rawValue) < ($1.source, $1.access.rawValue) }
            return sorted
        }
        copy.teams = copy.teams.map { var team = $0; team.members.sort(); return team }
        copy.technologies = copy.technologies.map { var technology = $0; technology.incompatibleWith.sort(); return technology }
        copy.name = nil
        copy.currency = nil
        // Portfolio-wide settings with no slot in ArchiMate or Backstage (docs/interop.md).
        copy.sponsor = nil
        copy.language = nil
        copy.policy = Policy()
        copy.rules = []
        return copy
    }

    @Test func archimateRoundTrip() throws {
        let portfolio = try acme()
        let back = try reimport(ArchiMateExport.text(of: portfolio), name: "acme.xml", format: .archimate)
        #expect(comparable(back) == comparable(portfolio), "\(firstDifference(comparable(back), comparable(portfolio)))")
        #expect(back.name == portfolio.name)
    }

    @Test func backstageRoundTrip() throws {
        let portfolio = try acme()
        let back = try reimport(BackstageExport.text(of: portfolio), name: "catalog-info.yaml", format: .backstage)
        #expect(comparable(back) == comparable(portfolio), "\(firstDifference(comparable(back), comparable(portfolio)))")
    }

    @Test func generatedPortfolioRoundTripsThroughBoth() throws {
        let text = String(decoding: PortfolioGenerator(initiatives: 200, seed: 7).text(.yaml), as: UTF8.self)
        let generated = try PortfolioLoader.load(text: text, file: "generated.yaml")
        #expect(comparable(try reimport(ArchiMateExport.text(of: generated), name: "g.xml", format: .archimate)) == comparable(generated))
        #expect(comparable(try reimport(BackstageExport.text(of: generated), name: "g.yaml", format: .backstage)) == comparable(generated))
    }

    @Test func graphMLReadBackByNetworkX() throws {
        let graph = PortfolioGraph(try acme())
        let folder = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("acme.graphml")
        try Data(GraphMLExport.text(of: graph, relationships: EdgeKindSet(EdgeKind.allCases)).utf8).write(to: file)
        guard try PythonFixtures.run(["-c", "import networkx"]) else {
            print("SKIPPED graphMLReadBackByNetworkX: python3 with networkx is not installed (pip install networkx)")
            return
        }
        let check = "import networkx, sys; g = networkx.read_graphml(sys.argv[1]); "
            + "sys.exit(0 if (g.number_of_nodes(), g.number_of_edges()) == (\(graph.nodeCount), \(graph.edgeCount)) else 1)"
        #expect(try PythonFixtures.run(["-c", check, file.path]))
    }

    @Test func mermaidIdsAndLabelsFollowTheGrammar() throws {
        var portfolio = Portfolio()
        let here = SourceLocation(file: "", line: 1, column: 1)
        portfolio.units = [BusinessUnit(id: "ops", name: "Ops", location: here)]
        portfolio.initiatives = [
            Initiative(id: "a\"b", name: "Say \"hi\" <now> #1", unit: "ops", dependsOn: ["end"], location: here),
            Initiative(id: "end", name: "end", location: here),
        ]
        let text = MermaidExport.text(of: PortfolioGraph(portfolio), relationships: EdgeKindSet(EdgeKind.allCases))
        #expect(text == """
            flowchart LR
              subgraph u0["Ops"]
                n0["Say #quot;hi#quot; #lt;now#gt; #35;1"]
              end
              n1["end"]
              n2[/"Ops"/]
              n0 -->|DEPENDS_ON| n1
              n0 -->|IN_UNIT| n2

            """)
        // Grammar rules relied on: ids are n<number> (never the reserved word `end`), a quoted
        // label holds no raw quote, and every line is a declaration, an edge or a block.
        for line in text.split(separator: "\n").dropFirst() {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            #expect(trimmed.wholeMatch(of: /(subgraph u\d+\["[^"]*"\]|end|n\d+(\[|\[\[|\[\(|\{\{|>|\[\/|\(\[)"[^"]*"(\]|\]\]|\)\]|\}\}|\/\]|\)\])|n\d+ -->\|[A-Z_]+\| n\d+)/) != nil,
                    "\(trimmed)")
        }
    }

    @Test func neo4jFilesHaveTypedHeaders() throws {
        let files = Neo4jExport.files(of: PortfolioGraph(try acme()))
        let initiatives = try #require(files.first { $0.name == "nodes-Initiative.csv" })
        #expect(initiatives.text.hasPrefix("budget:double,end,id:ID,name,start,status,tags:string[],:LABEL\n"))
        let uses = try #require(files.first { $0.name == "relationships-USES-Initiative-Technology.csv" })
        #expect(uses.text.hasPrefix(":START_ID,:END_ID,:TYPE,version\n"))
        #expect(files.last?.name == "load.cypher")
        #expect(Neo4jExport.literal(.string("it's a \\ path\n")) == "'it\\'s a \\\\ path\\n'")
    }
}
