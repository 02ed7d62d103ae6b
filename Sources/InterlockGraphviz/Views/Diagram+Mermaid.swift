import InterlockCore

extension Diagram {
    /// The drawing as a Mermaid flowchart (`export --format mermaid --view VIEW`): the same nodes,
    /// boxes (as subgraphs, nested), edges and words as the view draws with Graphviz, for pages
    /// that render Mermaid (GitHub, GitLab, wikis). Ids are `d` and a number, so no name reaches
    /// one; every label goes through `MermaidText`. Positions, colours and the legend stay out:
    /// Mermaid lays the flowchart out itself.
    public var mermaid: String {
        var out = "---\ntitle: \"\(MermaidText.label(title))\"\n---\n"
        out += "flowchart \(rankDirection == .topToBottom || rankDirection == .bottomToTop ? "TB" : "LR")\n"
        for note in notes { out += "  %% \(note.replacingOccurrences(of: "\n", with: " "))\n" }
        let numbers = Dictionary(nodes.enumerated().map { ($0.element.id, $0.offset) }, uniquingKeysWith: { first, _ in first })
        let clusterNumbers = Dictionary(clusters.enumerated().map { ($0.element.id, $0.offset) }, uniquingKeysWith: { first, _ in first })
        let members = Dictionary(grouping: nodes.indices.filter { nodes[$0].cluster != nil }) { nodes[$0].cluster ?? "" }
        let children = Dictionary(grouping: clusters.filter { $0.parent != nil }) { $0.parent ?? "" }
        // Boxes inside boxes, depth first with a stack of their own: a capability tree from the
        // portfolio may nest thousands deep. Indentation is for reading and stops at ten levels.
        let roots = clusters.filter { $0.parent == nil || clusterNumbers[$0.parent ?? ""] == nil }
        var stack: [(cluster: DiagramCluster, depth: Int, opening: Bool)] = roots.reversed().map { ($0, 1, true) }
        while let (cluster, depth, opening) = stack.popLast() {
            let indent = String(repeating: "  ", count: min(depth, 10))
            if opening {
                out += "\(indent)subgraph c\(clusterNumbers[cluster.id] ?? 0)[\"\(MermaidText.label(cluster.label ?? "", keepingLineBreaks: true))\"]\n"
                stack.append((cluster, depth, false))
                stack += (children[cluster.id] ?? []).reversed().map { ($0, depth + 1, true) }
            } else {
                for index in members[cluster.id] ?? [] { out += "\(indent)  \(declaration(index))\n" }
                out += "\(indent)end\n"
            }
        }
        for index in nodes.indices where nodes[index].cluster.map({ clusterNumbers[$0] == nil }) ?? true {
            out += "  \(declaration(index))\n"
        }
        for edge in edges {
            guard let from = numbers[edge.from], let to = numbers[edge.to] else { continue }
            let line = edge.direction == EdgeDirection.none ? "---" : (edge.style == .dashed || edge.style == .dotted ? "-.->" : "-->")
            let label = edge.label.map { $0.isEmpty ? "" : "|\"\(MermaidText.label($0, keepingLineBreaks: true))\"|" } ?? ""
            out += "  d\(from) \(line)\(label) d\(to)\n"
        }
        return out
    }

    /// `d3["Name"]` with a shape close to the drawing's.
    private func declaration(_ index: Int) -> String {
        let node = nodes[index]
        let text: String
        switch node.label {
        case .plain(let plain): text = plain
        case .html: text = node.id
        }
        let (open, close) = switch node.shape {
        case .cylinder: ("[(", ")]")
        case .ellipse: ("([", "])")
        case .component, .tab, .folder: ("[[", "]]")
        case .doubleoctagon: ("{{", "}}")
        case .note: (">", "]")
        default: ("[", "]")
        }
        return "d\(index)\(open)\"\(MermaidText.label(text, keepingLineBreaks: true))\"\(close)"
    }
}
