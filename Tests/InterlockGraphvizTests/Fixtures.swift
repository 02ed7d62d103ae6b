import Foundation
@testable import InterlockGraphviz

/// Diagrams and helpers shared by the bridge tests.
enum Fixtures {
    /// Names that break naive DOT, HTML or SVG writers.
    static let hostileNames = [
        "Quote \"q\" inside",
        "Back\\slash\\",
        "<b>bold</b> & </table>",
        "Entity &amp; R&D",
        "Two\nlines",
        "Rocket 🚀 launch",
        "Escapes \\N \\G \\l",
    ]

    /// A small diagram touching every feature of the model: nested clusters, every shape in
    /// use, styles, colours, an HTML label, edge labels, a non-constraining dashed edge, a
    /// legend and notes.
    static var sample: Diagram {
        let red = Color(rgb: 0xD62728)
        return Diagram(
            title: "Sample portfolio",
            notes: ["3 nodes left out"],
            nodes: [
                DiagramNode(
                    id: "crm-revamp", label: .plain("CRM revamp"), shape: .box, style: [.filled, .rounded],
                    fillColor: Color(rgb: 0xF8D7DA), lineColor: red, penWidth: 2, tooltip: "Depends on itself", cluster: "retail"),
                DiagramNode(
                    id: "web-shop", label: .html(.text([HTMLRun("Web shop", bold: true), HTMLRun("\nno owner", italic: true)])),
                    style: [.dashed], cluster: "sales"),
                DiagramNode(id: "salesforce", label: .plain("Salesforce"), shape: .component),
                DiagramNode(id: "customer-db", label: .plain("Customer DB"), shape: .cylinder),
                DiagramNode(id: "crm", label: .plain("CRM"), shape: .tab),
                DiagramNode(id: "customer-360", label: .plain("Customer 360"), shape: .note),
            ],
            edges: [
                DiagramEdge(from: "crm-revamp", to: "salesforce"),
                DiagramEdge(from: "crm-revamp", to: "customer-db", label: "writes"),
                DiagramEdge(from: "crm-revamp", to: "crm-revamp", color: red, style: .bold, penWidth: 2),
                DiagramEdge(
                    from: "salesforce", to: "customer-db", id: "incompatible-1", label: "Oracle vs Postgres", color: red,
                    style: .dashed, direction: EdgeDirection.none, tooltip: "policy.incompatible", constraint: false),
                DiagramEdge(from: "web-shop", to: "crm", style: .dotted, arrowHead: .vee, weight: 2),
                DiagramEdge(from: "crm-revamp", to: "customer-360", style: .dotted),
            ],
            clusters: [
                DiagramCluster(id: "retail", label: "Retail", parent: "sales", style: [.rounded]),
                DiagramCluster(id: "sales", label: "Sales & Marketing", style: [.filled], fillColor: Color(rgb: 0xF4F4F4)),
            ],
            legend: Legend(entries: [
                LegendEntry(.shape(.box), "Initiative"),
                LegendEntry(.node(NodeLook(fillColor: Color(rgb: 0xF8D7DA), lineColor: red, penWidth: 2)), "Error finding"),
                LegendEntry(.edge(EdgeLook(color: red, style: .dashed, direction: EdgeDirection.none)), "Incompatible technologies"),
            ])
        )
    }

    /// One node per hostile name (ids stay simple), with the name in the tooltip too, half of
    /// them with HTML labels, in a cluster whose label is hostile as well.
    static var hostile: Diagram {
        var nodes: [DiagramNode] = []
        for (index, name) in hostileNames.enumerated() {
            let label: Label = index.isMultiple(of: 2) ? .plain(name) : .html(.text([HTMLRun(name, bold: true)]))
            nodes.append(DiagramNode(id: "n\(index)", label: label, tooltip: name, cluster: index < 3 ? "c" : nil))
        }
        let edges = nodes.indices.dropFirst().map { DiagramEdge(from: "n\($0 - 1)", to: "n\($0)", label: hostileNames[$0]) }
        return Diagram(
            title: hostileNames.joined(separator: " | "), notes: hostileNames, nodes: nodes, edges: edges,
            clusters: [DiagramCluster(id: "c", label: hostileNames[2])],
            legend: Legend(title: hostileNames[0], entries: hostileNames.map { LegendEntry(.shape(.box), $0) }))
    }

    /// A chain of `count` boxes, for size and memory tests.
    static func chain(_ count: Int) -> Diagram {
        let nodes = (0..<count).map { DiagramNode(id: "node-\($0)", label: .plain("Initiative number \($0)")) }
        let edges = (1..<max(count, 1)).map { DiagramEdge(from: "node-\($0 - 1)", to: "node-\($0)") }
        return Diagram(title: "Chain of \(count)", nodes: nodes, edges: edges)
    }
}

/// Golden files under `Golden/`, next to this file. Set `UPDATE_GOLDEN=1` to rewrite them.
enum Golden {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")

    /// The stored text, or the text just written when updating.
    static func text(_ name: String, actual: String) throws -> String {
        let url = directory.appendingPathComponent(name)
        if ProcessInfo.processInfo.environment["UPDATE_GOLDEN"] == "1" {
            try actual.write(to: url, atomically: true, encoding: .utf8)
        }
        return try String(contentsOf: url, encoding: .utf8)
    }
}
