import InterlockCore
import InterlockQuery

/// The graph's properties with the types the field tables give them, shared by the typed
/// exports (GraphML keys, Neo4j headers, Cypher literals).
enum GraphProperties {
    /// How a property is typed in other tools.
    enum Kind: Hashable {
        case string, number, boolean, strings
    }

    /// The property keys of `kind`, in the query graph's order, with their types.
    static func keys(of kind: NodeKind) -> [(key: String, type: Kind)] {
        let types = fieldTypes(of: kind)
        return (PortfolioQueryGraph.propertyKeys[kind] ?? []).map { key in
            switch types[key] {
            case .number?: (key, .number)
            case .boolean?: (key, .boolean)
            case .texts?: (key, .strings)
            default: (key, .string)
            }
        }
    }

    private static func fieldTypes(of kind: NodeKind) -> [String: FieldType] {
        let importKind: ImportKind = switch kind {
        case .initiative: .initiative
        case .technology: .technology
        case .dataSource: .dataSource
        case .capability: .capability
        case .goal: .goal
        case .unit: .unit
        case .person: .person
        case .team: .team
        }
        return importKind.fieldTypes
    }

    /// A value's text for CSV and GraphML: lists joined by `;`, whole numbers without `.0`.
    static func text(_ value: QueryValue) -> String? {
        switch value {
        case .null: nil
        case .boolean(let flag): flag ? "true" : "false"
        case .integer(let number): String(number)
        case .float(let number): "\(number)"
        case .string(let text): text
        case .list(let items): items.compactMap(text).joined(separator: ";")
        default: nil
        }
    }

    /// Escapes `&`, `<`, `>`, `"` for XML text and attributes.
    static func xmlEscaped(_ text: String) -> String {
        escaped(text, ["&": "&amp;", "<": "&lt;", ">": "&gt;", "\"": "&quot;"])
    }

    /// `text` with each character of `table` replaced by its text: the one loop behind every
    /// export's escaping (XML, Mermaid labels, Cypher strings).
    static func escaped(_ text: String, _ table: [Character: String]) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for character in text {
            if let replacement = table[character] { out += replacement } else { out.append(character) }
        }
        return out
    }
}

/// The portfolio graph as GraphML (yEd, Gephi, NetworkX): every property declared as a
/// `<key>` with its type, nodes by id with their `label`, edges with their `type` (and
/// `version` for USES).
public enum GraphMLExport {
    /// The GraphML document of the edges of `relationships`.
    /// - Complexity: O(nodes + edges).
    public static func text(of graph: PortfolioGraph, relationships: EdgeKindSet) -> String {
        let queryGraph = PortfolioQueryGraph(graph)
        var declared: [String: GraphProperties.Kind] = [:]
        var order: [String] = []
        for kind in NodeKind.allCases {
            for (key, type) in GraphProperties.keys(of: kind) where declared[key] == nil {
                declared[key] = type
                order.append(key)
            }
        }
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        out += "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\">\n"
        out += "  <key id=\"label\" for=\"node\" attr.name=\"label\" attr.type=\"string\"/>\n"
        for key in order {
            let type = switch declared[key] {
            case .number?: "double"
            case .boolean?: "boolean"
            default: "string"
            }
            out += "  <key id=\"\(key)\" for=\"node\" attr.name=\"\(key)\" attr.type=\"\(type)\"/>\n"
        }
        out += "  <key id=\"type\" for=\"edge\" attr.name=\"type\" attr.type=\"string\"/>\n"
        out += "  <key id=\"version\" for=\"edge\" attr.name=\"version\" attr.type=\"string\"/>\n"
        out += "  <graph id=\"portfolio\" edgedefault=\"directed\">\n"
        for node in 0..<graph.nodeCount {
            let kind = graph.kind(of: node)
            out += "    <node id=\"\(GraphProperties.xmlEscaped(graph.id(of: node)))\"><data key=\"label\">\(kind.label)</data>"
            for (key, _) in GraphProperties.keys(of: kind) where key != "id" {
                guard let text = GraphProperties.text(queryGraph.property(key, ofNode: node)) else { continue }
                out += "<data key=\"\(key)\">\(GraphProperties.xmlEscaped(text))</data>"
            }
            out += "</node>\n"
        }
        for edge in 0..<graph.edgeCount where relationships.contains(graph.kind(ofEdge: edge)) {
            let source = GraphProperties.xmlEscaped(graph.id(of: graph.source(ofEdge: edge)))
            let target = GraphProperties.xmlEscaped(graph.id(of: graph.target(ofEdge: edge)))
            out += "    <edge source=\"\(source)\" target=\"\(target)\"><data key=\"type\">\(graph.kind(ofEdge: edge).relationshipType)</data>"
            if let version = GraphProperties.text(queryGraph.property("version", ofRelationship: edge)) {
                out += "<data key=\"version\">\(GraphProperties.xmlEscaped(version))</data>"
            }
            out += "</edge>\n"
        }
        out += "  </graph>\n</graphml>\n"
        return out
    }
}

/// The portfolio graph as a Mermaid flowchart (Markdown pages, GitHub, GitLab): node ids are
/// `n` and the graph's number (names never reach an id), labels quoted with `"` written `#quot;`,
/// a shape per kind, initiatives grouped in a subgraph per business unit.
public enum MermaidExport {
    /// The flowchart of the edges of `relationships`, with every node.
    public static func text(of graph: PortfolioGraph, relationships: EdgeKindSet) -> String {
        var out = "flowchart LR\n"
        var byUnit: [Int: [Int]] = [:]
        var loose: [Int] = []
        for node in 0..<graph.nodeCount {
            if graph.kind(of: node) == .initiative,
               let unit = graph.outgoing(node).first(where: { graph.kind(ofEdge: $0) == .inUnit }).map({ graph.target(ofEdge: $0) }) {
                byUnit[unit, default: []].append(node)
            } else {
                loose.append(node)
            }
        }
        for (index, unit) in byUnit.keys.sorted().enumerated() {
            out += "  subgraph u\(index)[\"\(label(graph.name(of: unit)))\"]\n"
            for node in byUnit[unit] ?? [] { out += "    " + declaration(node, graph) + "\n" }
            out += "  end\n"
        }
        for node in loose { out += "  " + declaration(node, graph) + "\n" }
        for edge in 0..<graph.edgeCount where relationships.contains(graph.kind(ofEdge: edge)) {
            out += "  n\(graph.source(ofEdge: edge)) -->|\(graph.kind(ofEdge: edge).relationshipType)| n\(graph.target(ofEdge: edge))\n"
        }
        return out
    }

    /// `n3["Name"]` with the kind's shape.
    static func declaration(_ node: Int, _ graph: PortfolioGraph) -> String {
        let text = "\"" + label(graph.name(of: node)) + "\""
        let (open, close) = switch graph.kind(of: node) {
        case .initiative: ("[", "]")
        case .technology: ("[[", "]]")
        case .dataSource: ("[(", ")]")
        case .capability: ("{{", "}}")
        case .goal: (">", "]")
        case .unit: ("[/", "/]")
        case .person, .team: ("([", "])")
        }
        return "n\(node)\(open)\(text)\(close)"
    }

    /// A label safe inside Mermaid's double quotes (`MermaidText`).
    static func label(_ text: String) -> String { MermaidText.label(text) }
}
