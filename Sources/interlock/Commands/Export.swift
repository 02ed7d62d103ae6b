import ArgumentParser
import Foundation
import InterlockCore
import InterlockQuery

/// `interlock export`: writes the portfolio graph for other tools: an edge list for graph
/// libraries (NetworkX, igraph, SciPy, Graphviz), or CSV files for graph databases (Kùzu, Neo4j).
struct Export: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Export the portfolio graph as an edge list or as CSV files for graph databases.",
        discussion: """
        edgelist: the first line is '# nodes N edges M', then one line 'source target' per \
        relationship, where nodes are numbered 0..N-1 as in the graph Interlock builds (every \
        node of the portfolio, initiatives first). Default relationship: DEPENDS_ON.

        csv: a folder (-o, replaced atomically) with one file per node label, \
        'nodes-<Label>.csv' (columns id, then the label's properties of docs/queries.md), and \
        one per relationship type and pair of labels, \
        'relationships-<TYPE>-<FromLabel>-<ToLabel>.csv' (columns from, to, and version for \
        USES). Lists such as tags are written as Cypher list literals. Default: every \
        relationship type.

        Examples:
          interlock export big.json --format edgelist -o big.edges
          interlock export big.json --format edgelist --relationship all -o all.edges
          interlock export big.json --format csv -o big-csv
        """
    )

    /// The export formats.
    enum Format: String, ExpressibleByArgument, CaseIterable {
        case edgelist, csv
    }

    @OptionGroup var input: PortfolioInput

    @Option(help: "Output format.")
    var format: Format = .edgelist

    @Option(name: [.short, .customLong("output")], help: ArgumentHelp(
        "The edge list file (default: standard output), or the folder of CSV files (required for csv); written atomically.",
        valueName: "path"))
    var output: String?

    @Option(name: .customLong("relationship"), help: ArgumentHelp(
        "A relationship type to export (DEPENDS_ON, USES, ...) or 'all'. Repeatable.", valueName: "type"))
    var relationships: [String] = []

    func validate() throws {
        if format == .csv, output == nil { throw ValidationError("--format csv writes a folder: give it with -o.") }
        let known = EdgeKind.allCases.map(\.relationshipType)
        for type in relationships where type != "all" && EdgeKind(relationshipType: type) == nil {
            throw ValidationError("Unknown relationship type '\(type)'; known: all, \(known.joined(separator: ", ")).")
        }
    }

    /// The edge kinds to write: those named, else the format's default.
    var selectedKinds: EdgeKindSet {
        if relationships.contains("all") || (relationships.isEmpty && format == .csv) { return EdgeKindSet(EdgeKind.allCases) }
        if relationships.isEmpty { return EdgeKindSet(.dependsOn) }
        return EdgeKindSet(relationships.compactMap(EdgeKind.init(relationshipType:)))
    }

    func run() throws {
        let graph = PortfolioGraph(try input.loadPortfolio())
        switch format {
        case .edgelist:
            try OutputDestination(path: output).stream { try writeEdgeList(graph, to: $0) }
        case .csv:
            guard let output else { return }
            try writeFolder(output, files: csvFiles(graph))
        }
    }

    /// The header, then `source target` for every edge of the selected kinds, in graph order.
    /// Written in chunks, so a graph of ten million edges never sits in memory as text.
    private func writeEdgeList(_ graph: PortfolioGraph, to handle: FileHandle) throws {
        let kinds = selectedKinds
        let edges = (0..<graph.edgeCount).filter { kinds.contains(graph.kind(ofEdge: $0)) }
        var text = "# nodes \(graph.nodeCount) edges \(edges.count)\n"
        for edge in edges {
            text += "\(graph.source(ofEdge: edge)) \(graph.target(ofEdge: edge))\n"
            if text.utf8.count >= 1 << 20 {
                try handle.write(contentsOf: Data(text.utf8))
                text.removeAll(keepingCapacity: true)
            }
        }
        try handle.write(contentsOf: Data(text.utf8))
    }

    /// File name and CSV text of every node label and every (type, from label, to label) that has edges.
    private func csvFiles(_ graph: PortfolioGraph) -> [(name: String, text: String)] {
        let queryGraph = PortfolioQueryGraph(graph)
        let formatter = ResultFormatter(graph: queryGraph)
        var files: [(name: String, text: String)] = NodeKind.allCases.map { kind in
            let keys = ["id"] + (PortfolioQueryGraph.propertyKeys[kind] ?? []).filter { $0 != "id" }
            let rows = graph.nodes(ofKind: kind).map { node in keys.map { queryGraph.property($0, ofNode: node) } }
            return ("nodes-\(kind.label).csv", formatter.csv(QueryResult(columns: keys, rows: rows)))
        }
        // Rows grouped by relationship type and end labels, each group in edge order.
        var groups: [[Int]: [[QueryValue]]] = [:]
        let kinds = selectedKinds
        for edge in 0..<graph.edgeCount where kinds.contains(graph.kind(ofEdge: edge)) {
            let source = graph.source(ofEdge: edge), target = graph.target(ofEdge: edge)
            let key = [Int(graph.kind(ofEdge: edge).rawValue), Int(graph.kind(of: source).rawValue), Int(graph.kind(of: target).rawValue)]
            var row: [QueryValue] = [.string(graph.id(of: source)), .string(graph.id(of: target))]
            if graph.kind(ofEdge: edge) == .uses { row.append(queryGraph.property("version", ofRelationship: edge)) }
            groups[key, default: []].append(row)
        }
        for key in groups.keys.sorted(by: { $0.lexicographicallyPrecedes($1) }) {
            guard let type = EdgeKind(rawValue: UInt8(key[0])), let from = NodeKind(rawValue: UInt8(key[1])),
                  let to = NodeKind(rawValue: UInt8(key[2]))
            else { continue }
            let columns = type == .uses ? ["from", "to", "version"] : ["from", "to"]
            files.append(("relationships-\(type.relationshipType)-\(from.label)-\(to.label).csv",
                          formatter.csv(QueryResult(columns: columns, rows: groups[key] ?? []))))
        }
        return files
    }

    /// Writes `files` into a temporary sibling folder, then puts it in place of `path`, so a
    /// failed run leaves the previous folder (or none) rather than half an export.
    private func writeFolder(_ path: String, files: [(name: String, text: String)]) throws {
        let manager = FileManager.default
        let destination = URL(fileURLWithPath: path)
        var isFolder: ObjCBool = false
        if manager.fileExists(atPath: path, isDirectory: &isFolder), !isFolder.boolValue {
            throw CommandFailure.badInput("cannot write \(path): it is a file, and --format csv writes a folder")
        }
        let parent = destination.deletingLastPathComponent()
        let temporary = parent.appendingPathComponent(".\(destination.lastPathComponent).\(getpid()).tmp")
        let previous = parent.appendingPathComponent(".\(destination.lastPathComponent).\(getpid()).old")
        do {
            try manager.createDirectory(at: temporary, withIntermediateDirectories: false)
            for file in files {
                try Data(file.text.utf8).write(to: temporary.appendingPathComponent(file.name))
            }
            if isFolder.boolValue { try manager.moveItem(at: destination, to: previous) }
            try manager.moveItem(at: temporary, to: destination)
            if isFolder.boolValue { try manager.removeItem(at: previous) }
        } catch {
            try? manager.removeItem(at: temporary)
            if !manager.fileExists(atPath: path) { try? manager.moveItem(at: previous, to: destination) }
            throw CommandFailure.badInput("cannot write \(path): \(error.localizedDescription)")
        }
    }
}
