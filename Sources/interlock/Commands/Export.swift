import ArgumentParser
import Foundation
import InterlockCore
import InterlockInterop
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
        let graph = try input.analyse(.none).graph
        switch format {
        case .edgelist:
            try OutputDestination(path: output).stream { handle in
                try EdgeListExport.write(graph, relationships: selectedKinds) { try handle.write(contentsOf: Data($0.utf8)) }
            }
        case .csv:
            guard let output else { return }
            try writeFolder(output, files: CSVExport.files(of: graph, relationships: selectedKinds))
        }
    }

    /// Writes `files` into a temporary sibling folder, then puts it in place of `path`, so a
    /// failed run leaves the previous folder (or none) rather than half an export.
    private func writeFolder(_ path: String, files: [CSVExport.File]) throws {
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
