import InterlockCore
import InterlockQuery

/// The portfolio graph as CSV files for graph databases (Kùzu, Neo4j): one file per node label,
/// `nodes-<Label>.csv` (id, then the label's query properties), and one per relationship type
/// and pair of labels, `relationships-<TYPE>-<FromLabel>-<ToLabel>.csv` (from, to, and version
/// for USES). Values are written as `query --format csv` writes them.
public enum CSVExport {
    /// One exported file: its name inside the export folder and its text.
    public struct File: Hashable, Sendable {
        /// The file name, without folder.
        public let name: String
        /// The CSV text.
        public let text: String
    }

    /// Every node label's file, then every (type, from label, to label) of `relationships` that
    /// has edges, in type and label order; each file's rows in graph order.
    /// - Complexity: O(nodes + edges).
    public static func files(of graph: PortfolioGraph, relationships: EdgeKindSet) -> [File] {
        let queryGraph = PortfolioQueryGraph(graph)
        let formatter = ResultFormatter(graph: queryGraph)
        var files: [File] = NodeKind.allCases.map { kind in
            let keys = ["id"] + (PortfolioQueryGraph.propertyKeys[kind] ?? []).filter { $0 != "id" }
            let rows = graph.nodes(ofKind: kind).map { node in keys.map { queryGraph.property($0, ofNode: node) } }
            return File(name: "nodes-\(kind.label).csv", text: formatter.csv(QueryResult(columns: keys, rows: rows)))
        }
        // Rows grouped by relationship type and end labels, each group in edge order.
        var groups: [[Int]: [[QueryValue]]] = [:]
        for edge in 0..<graph.edgeCount where relationships.contains(graph.kind(ofEdge: edge)) {
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
            files.append(File(name: "relationships-\(type.relationshipType)-\(from.label)-\(to.label).csv",
                              text: formatter.csv(QueryResult(columns: columns, rows: groups[key] ?? []))))
        }
        return files
    }
}
