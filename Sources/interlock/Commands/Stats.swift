import ArgumentParser
import InterlockCore
import InterlockQuery
import InterlockReports

/// `interlock stats`: how big the portfolio graph is.
struct Stats: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Count the nodes and edges of a portfolio by kind.",
        discussion: """
        Example:
          interlock stats Samples/acme --format json
        """
    )

    /// Output formats of `stats`.
    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json
    }

    @OptionGroup var input: PortfolioInput

    @Option(help: "Output format.")
    var format: Format = .text

    func run() throws {
        let graph = try input.analyse(.none).graph
        let nodes = graph.nodeCounts().map { ($0.kind.label, $0.count) }
        let edges = graph.edgeCounts().map { ($0.kind.relationshipType, $0.count) }
        switch format {
        case .json:
            let document = JSONValue.object([
                ("nodes", .object(nodes.map { ($0.0, .integer($0.1)) })),
                ("edges", .object(edges.map { ($0.0, .integer($0.1)) })),
                ("totalNodes", .integer(graph.nodeCount)),
                ("totalEdges", .integer(graph.edgeCount)),
                ("danglingReferences", .integer(graph.danglingReferences.count)),
            ])
            // Through OutputDestination: a full disk is an error and exit 2, not lost output and exit 0.
            try OutputDestination(path: nil).write(document.serialized() + "\n")
        case .text:
            let width = (nodes + edges).map(\.0.count).max() ?? 0
            func row(_ name: String, _ count: Int) -> String {
                name + String(repeating: " ", count: width - name.count + 2) + String(count)
            }
            var lines = ["Nodes"] + nodes.map { "  " + row($0.0, $0.1) } + ["  " + row("total", graph.nodeCount)]
            lines += ["Edges"] + edges.map { "  " + row($0.0, $0.1) } + ["  " + row("total", graph.edgeCount)]
            lines.append("Dangling references: \(graph.danglingReferences.count)")
            try OutputDestination(path: nil).write(lines.map { $0 + "\n" }.joined())
        }
    }
}
