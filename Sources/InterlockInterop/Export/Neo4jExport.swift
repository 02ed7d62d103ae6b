import InterlockCore
import InterlockQuery

/// The portfolio graph for Neo4j and other openCypher databases.
///
/// `files`: CSV for `neo4j-admin database import` (one file per label, `id:ID` first and typed
/// headers such as `budget:double`, `tags:string[]` with `;` between items, `:LABEL` last; one
/// file per relationship type and pair of labels with `:START_ID`, `:END_ID`, `:TYPE`), plus
/// `load.cypher`, the same CSV loaded into a running server with `LOAD CSV`.
/// `script`: Cypher alone, the data inline in `UNWIND` batches, for a server or an embedded
/// database without file access.
public enum Neo4jExport {
    /// Rows per `UNWIND` batch: large enough to be fast, small enough for any server's statement size.
    static let batch = 1000

    /// The admin-import CSV files and the `load.cypher` script that loads them.
    public static func files(of graph: PortfolioGraph) -> [CSVExport.File] {
        let queryGraph = PortfolioQueryGraph(graph)
        var files: [CSVExport.File] = []
        var script = "// Load the CSV files of this folder into a running Neo4j (copy them to its import folder first).\n"
        for kind in NodeKind.allCases {
            let keys = GraphProperties.keys(of: kind)
            let header = keys.map { key, type in
                key == "id" ? "id:ID" : key + (type == .number ? ":double" : type == .boolean ? ":boolean" : type == .strings ? ":string[]" : "")
            } + [":LABEL"]
            var text = header.map(csv).joined(separator: ",") + "\n"
            for node in graph.nodes(ofKind: kind) {
                let values = keys.map { GraphProperties.text(queryGraph.property($0.key, ofNode: node)) ?? "" }
                text += (values + [kind.label]).map(csv).joined(separator: ",") + "\n"
            }
            let name = "nodes-\(kind.label).csv"
            files.append(CSVExport.File(name: name, text: text))
            script += "CREATE CONSTRAINT IF NOT EXISTS FOR (n:\(kind.label)) REQUIRE n.id IS UNIQUE;\n"
            let assignments = keys.map { key, type -> String in
                let column = "row.`\(header[keys.firstIndex { $0.key == key } ?? 0])`"
                return switch type {
                case .number: "\(key): toFloat(\(column))"
                case .boolean: "\(key): toBoolean(\(column))"
                case .strings: "\(key): CASE WHEN \(column) IS NULL THEN [] ELSE split(\(column), ';') END"
                case .string: "\(key): \(column)"
                }
            }
            script += "LOAD CSV WITH HEADERS FROM 'file:///\(name)' AS row CREATE (:\(kind.label) {\(assignments.joined(separator: ", "))});\n"
        }
        for group in relationshipGroups(graph) {
            let name = "relationships-\(group.type.relationshipType)-\(group.from.label)-\(group.to.label).csv"
            let uses = group.type == .uses
            var text = ":START_ID,:END_ID,:TYPE" + (uses ? ",version" : "") + "\n"
            for edge in group.edges {
                var row = [graph.id(of: graph.source(ofEdge: edge)), graph.id(of: graph.target(ofEdge: edge)), group.type.relationshipType]
                if uses { row.append(GraphProperties.text(queryGraph.property("version", ofRelationship: edge)) ?? "") }
                text += row.map(csv).joined(separator: ",") + "\n"
            }
            files.append(CSVExport.File(name: name, text: text))
            script += "LOAD CSV WITH HEADERS FROM 'file:///\(name)' AS row MATCH (a:\(group.from.label) {id: row.`:START_ID`}), "
                + "(b:\(group.to.label) {id: row.`:END_ID`}) CREATE (a)-[:\(group.type.relationshipType)"
                + (uses ? " {version: row.version}" : "") + "]->(b);\n"
        }
        files.append(CSVExport.File(name: "load.cypher", text: script))
        return files
    }

    /// The Cypher script alone: constraints, then nodes and relationships in `UNWIND` batches.
    public static func script(of graph: PortfolioGraph) -> String {
        let queryGraph = PortfolioQueryGraph(graph)
        var out = "// Interlock portfolio graph: run with cypher-shell or in the browser of a running server.\n"
        for kind in NodeKind.allCases {
            let nodes = Array(graph.nodes(ofKind: kind))
            guard !nodes.isEmpty else { continue }
            out += "CREATE CONSTRAINT IF NOT EXISTS FOR (n:\(kind.label)) REQUIRE n.id IS UNIQUE;\n"
            let keys = GraphProperties.keys(of: kind)
            for start in stride(from: 0, to: nodes.count, by: batch) {
                let maps = nodes[start..<min(start + batch, nodes.count)].map { node in
                    "{" + keys.compactMap { key, _ in
                        let value = queryGraph.property(key, ofNode: node)
                        return value.isNull ? nil : "\(key): \(literal(value))"
                    }.joined(separator: ", ") + "}"
                }
                out += "UNWIND [\(maps.joined(separator: ", "))] AS p CREATE (n:\(kind.label)) SET n = p;\n"
            }
        }
        for group in relationshipGroups(graph) {
            let uses = group.type == .uses
            for start in stride(from: 0, to: group.edges.count, by: batch) {
                let rows = group.edges[start..<min(start + batch, group.edges.count)].map { edge in
                    var row = [QueryValue.string(graph.id(of: graph.source(ofEdge: edge))), .string(graph.id(of: graph.target(ofEdge: edge)))]
                    if uses { row.append(queryGraph.property("version", ofRelationship: edge)) }
                    return literal(.list(row))
                }
                out += "UNWIND [\(rows.joined(separator: ", "))] AS e MATCH (a:\(group.from.label) {id: e[0]}), "
                    + "(b:\(group.to.label) {id: e[1]}) CREATE (a)-[:\(group.type.relationshipType)"
                    + (uses ? " {version: e[2]}" : "") + "]->(b);\n"
            }
        }
        return out
    }

    /// Edges grouped by type and end labels, groups in that order, edges in graph order.
    static func relationshipGroups(_ graph: PortfolioGraph) -> [(type: EdgeKind, from: NodeKind, to: NodeKind, edges: [Int])] {
        var groups: [[UInt8]: [Int]] = [:]
        for edge in 0..<graph.edgeCount {
            let key = [graph.kind(ofEdge: edge).rawValue, graph.kind(of: graph.source(ofEdge: edge)).rawValue,
                       graph.kind(of: graph.target(ofEdge: edge)).rawValue]
            groups[key, default: []].append(edge)
        }
        return groups.keys.sorted { $0.lexicographicallyPrecedes($1) }.compactMap { key in
            guard let type = EdgeKind(rawValue: key[0]), let from = NodeKind(rawValue: key[1]), let to = NodeKind(rawValue: key[2])
            else { return nil }
            return (type, from, to, groups[key] ?? [])
        }
    }

    /// A Cypher literal: strings single-quoted with `\` escapes, lists in brackets, null as `null`.
    static func literal(_ value: QueryValue) -> String {
        switch value {
        case .boolean(let flag): return flag ? "true" : "false"
        case .integer(let number): return String(number)
        case .float(let number): return "\(number)"
        case .string(let text):
            return "'" + GraphProperties.escaped(text, ["\\": "\\\\", "'": "\\'", "\n": "\\n", "\r": "\\r", "\r\n": "\\r\\n", "\t": "\\t"]) + "'"
        case .list(let items): return "[" + items.map(literal).joined(separator: ", ") + "]"
        default: return "null"
        }
    }

    /// A CSV field, quoted when it holds a comma, quote or line break.
    static func csv(_ text: String) -> String {
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
