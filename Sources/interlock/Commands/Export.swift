import ArgumentParser
import Foundation
import InterlockCore
import InterlockGraphviz
import InterlockInterop
import InterlockQuery

/// `interlock export`: writes the portfolio graph for other tools: an edge list for graph
/// libraries (NetworkX, igraph, SciPy, Graphviz), CSV files for graph databases (Kùzu, Neo4j),
/// GraphML, Mermaid, Neo4j import files and Cypher, an ArchiMate model or a Backstage catalog.
struct Export: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Export the portfolio graph for graph libraries, graph databases, diagram tools, Archi or Backstage.",
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

        graphml: every property declared as a <key> (yEd, Gephi, NetworkX). mermaid: a \
        flowchart, initiatives grouped by unit. neo4j: a folder (-o) of neo4j-admin import CSV \
        (typed headers, :ID, :LABEL, :START_ID, :END_ID, :TYPE) and load.cypher for LOAD CSV on a \
        running server. cypher: the script alone, data inline. archimate: an Open Exchange 3.1 \
        model; backstage: catalog entities; both read back by 'interlock import' to the same \
        portfolio (docs/interop.md lists what they cannot carry). Default relationships: all, \
        but DEPENDS_ON for edgelist; archimate and backstage always write the whole portfolio.

        Examples:
          interlock export big.json --format edgelist -o big.edges
          interlock export big.json --format edgelist --relationship all -o all.edges
          interlock export big.json --format csv -o big-csv
          interlock export Samples/acme --format neo4j -o acme-neo4j
          interlock export Samples/acme --format archimate -o acme.xml
          interlock export Samples/acme --format mermaid --view risks -o risks.mmd
        """
    )

    /// The export formats.
    enum Format: String, ExpressibleByArgument, CaseIterable {
        case edgelist, csv, graphml, mermaid, neo4j, cypher, archimate, backstage

        /// True for the formats written as a folder of files.
        var isFolder: Bool { self == .csv || self == .neo4j }
    }

    @OptionGroup var input: PortfolioInput

    @Option(help: "Output format.")
    var format: Format = .edgelist

    @Option(name: [.short, .customLong("output")], help: ArgumentHelp(
        "The file (default: standard output), or the folder (required for csv and neo4j); written atomically.",
        valueName: "path"))
    var output: String?

    @Option(name: .customLong("relationship"), help: ArgumentHelp(
        "A relationship type to export (DEPENDS_ON, USES, ...) or 'all'. Repeatable.", valueName: "type"))
    var relationships: [String] = []

    @Option(help: ArgumentHelp(
        "With --format mermaid: the flowchart of one view (overview, risks, units, capabilities, roadmap, landscape) instead of the whole graph.",
        valueName: "view"))
    var view: DiagramView?

    func validate() throws {
        if let view {
            guard format == .mermaid else { throw ValidationError("--view goes with --format mermaid.") }
            guard view != .focus, view != .finding else {
                throw ValidationError("--view \(view.rawValue) needs a node or a finding: draw it with interlock render.")
            }
        }
        if format.isFolder, output == nil { throw ValidationError("--format \(format.rawValue) writes a folder: give it with -o.") }
        let known = EdgeKind.allCases.map(\.relationshipType)
        for type in relationships where type != "all" && EdgeKind(relationshipType: type) == nil {
            throw ValidationError("Unknown relationship type '\(type)'; known: all, \(known.joined(separator: ", ")).")
        }
    }

    /// The edge kinds to write: those named, else the format's default.
    var selectedKinds: EdgeKindSet {
        if relationships.contains("all") || (relationships.isEmpty && format != .edgelist) { return EdgeKindSet(EdgeKind.allCases) }
        if relationships.isEmpty { return EdgeKindSet(.dependsOn) }
        return EdgeKindSet(relationships.compactMap(EdgeKind.init(relationshipType:)))
    }

    func run() throws {
        // A view needs the findings; the graph exports need none of them.
        let analysis = try input.analyse(view == nil ? .none : .all)
        let graph = analysis.graph
        switch format {
        case .edgelist:
            try OutputDestination(path: output).stream { handle in
                try EdgeListExport.write(graph, relationships: selectedKinds) { try handle.write(contentsOf: Data($0.utf8)) }
            }
        case .csv:
            guard let output else { return }
            try writeFolder(output, files: CSVExport.files(of: graph, relationships: selectedKinds))
        case .neo4j:
            guard let output else { return }
            try writeFolder(output, files: Neo4jExport.files(of: graph))
        case .graphml:
            try OutputDestination(path: output).write(GraphMLExport.text(of: graph, relationships: selectedKinds))
        case .mermaid:
            if let view {
                let context = ViewContext(analysis: analysis.context, findings: analysis.findings)
                let diagram = try view.diagram(in: context, options: ViewOptions(today: Day(Today.text())))
                try OutputDestination(path: output).write(diagram.mermaid)
            } else {
                try OutputDestination(path: output).write(MermaidExport.text(of: graph, relationships: selectedKinds))
            }
        case .cypher:
            try OutputDestination(path: output).write(Neo4jExport.script(of: graph))
        case .archimate:
            try OutputDestination(path: output).write(ArchiMateExport.text(of: analysis.portfolio))
        case .backstage:
            try OutputDestination(path: output).write(BackstageExport.text(of: analysis.portfolio))
        }
    }

    /// Writes `files` into a temporary sibling folder, then puts it in place of `path`, so a
    /// failed run leaves the previous folder (or none) rather than half an export.
    private func writeFolder(_ path: String, files: [CSVExport.File]) throws {
        let manager = FileManager.default
        let destination = URL(fileURLWithPath: path)
        var isFolder: ObjCBool = false
        if manager.fileExists(atPath: path, isDirectory: &isFolder), !isFolder.boolValue {
            throw CommandFailure.badInput("cannot write \(path): it is a file, and --format \(format.rawValue) writes a folder")
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
