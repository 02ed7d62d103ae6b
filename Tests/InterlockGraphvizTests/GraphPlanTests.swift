import Testing
@testable import InterlockGraphviz

@Suite("Lowering a diagram to a cgraph plan")
struct GraphPlanTests {
    @Test("clusters come parents first, nodes and edges keep diagram order, the legend comes last")
    func order() throws {
        let plan = try GraphPlan(Fixtures.sample, engine: .dot, options: nil)
        #expect(plan.clusters.map(\.name) == ["cluster_sales", "cluster_retail", "cluster_interlock:legend", "interlock:legend:samples"])
        #expect(plan.clusters.map(\.parent) == [nil, 0, nil, 2])
        #expect(plan.nodes.map(\.name).prefix(7) == ["crm-revamp", "web-shop", "salesforce", "customer-db", "crm", "customer-360", "interlock:legend:1"])
        #expect(plan.nodes.map(\.cluster).prefix(8) == [1, 0, nil, nil, nil, nil, 3, 2])
        // The legend's rows (sample to caption), then its order from each row to the one above.
        #expect(plan.edges.map { [$0.tail, $0.head] } == [[0, 2], [0, 3], [0, 0], [2, 3], [1, 4], [0, 5], [6, 7], [8, 9], [10, 11], [8, 6], [10, 8]])
    }

    @Test("edge labels are external labels for every engine: dot 2.42 frees memory twice after laying out some edge labels")
    func edgeLabelsAreExternal() throws {
        let labelled = Diagram(
            title: "t", nodes: [DiagramNode(id: "a", label: .plain("A"), cluster: "c"), DiagramNode(id: "b", label: .plain("B"))],
            edges: [DiagramEdge(from: "a", to: "b", label: "uses"), DiagramEdge(from: "b", to: "a", label: "x", constraint: false)],
            clusters: [DiagramCluster(id: "c")])
        for engine in LayoutEngine.allCases {
            let plan = try GraphPlan(labelled, engine: engine, options: nil)
            #expect(plan.edges.allSatisfy { edge in !edge.attributes.contains { $0.name == "label" } })
            #expect(plan.edges.map { $0.attributes.first { $0.name == "xlabel" }?.value } == [.plain("uses"), .plain("x")])
        }
    }

    @Test("every cluster sets its label, so none inherits the title")
    func clusterLabels() throws {
        let diagram = Diagram(title: "Title", nodes: [DiagramNode(id: "a", label: .plain("A"), cluster: "c")], clusters: [DiagramCluster(id: "c")])
        let plan = try GraphPlan(diagram, engine: .dot, options: nil)
        #expect(plan.clusters[0].attributes.contains(GraphPlan.Attribute(name: "label", value: .plain(""))))
    }

    @Test("PNG output caps the drawing size; other formats and engines differ only where needed")
    func engineAndFormatAttributes() throws {
        let options = RenderOptions(format: .png, bitmapDPI: 100, maxBitmapPixels: 2500)
        let png = try GraphPlan(Fixtures.sample, engine: .dot, options: options).graphAttributes.map(\.name)
        #expect(png.suffix(2) == ["dpi", "size"])
        let pngValues = try GraphPlan(Fixtures.sample, engine: .dot, options: options).graphAttributes.suffix(2).map(\.value)
        #expect(pngValues == [.plain("100"), .plain("25,25")])
        let svg = try GraphPlan(Fixtures.sample, engine: .dot, options: RenderOptions()).graphAttributes.map(\.name)
        let common = ["fontname", "label", "labelloc", "rankdir", "outputorder", "pad"]
        #expect(svg == common + ["newrank"])
        let sfdp = try GraphPlan(Fixtures.sample, engine: .sfdp, options: RenderOptions()).graphAttributes.map(\.name)
        #expect(sfdp == common + ["overlap", "packmode"])
    }

    @Test("inconsistent diagrams are rejected with a clear reason", arguments: [
        (Diagram(title: "t", nodes: [node("a"), node("a")]), "two nodes have the id 'a'"),
        (Diagram(title: "t", nodes: [node("a\u{1}"), node("a\n")]), "two nodes have the id 'a\u{FFFD}'"),
        (Diagram(title: "t", nodes: [node("a")], edges: [DiagramEdge(from: "a", to: "b")]), "edge 'a' -> 'b' names the unknown node 'b'"),
        (Diagram(title: "t", nodes: [node("a", cluster: "x")]), "node 'a' is in the unknown cluster 'x'"),
        (Diagram(title: "t", clusters: [DiagramCluster(id: "x"), DiagramCluster(id: "x")]), "two clusters have the id 'x'"),
        (Diagram(title: "t", clusters: [DiagramCluster(id: "x", parent: "y")]), "cluster 'x' is in the unknown cluster 'y'"),
        (
            Diagram(title: "t", clusters: [DiagramCluster(id: "x", parent: "z"), DiagramCluster(id: "y", parent: "x"), DiagramCluster(id: "z", parent: "y")]),
            "clusters nested in a cycle through 'x'"
        ),
        (Diagram(title: "t", nodes: [node(Diagram.legendNodeID)], legend: Legend(entries: [])), "two nodes have the id 'interlock:legend'"),
    ])
    func invalid(_ diagram: Diagram, _ reason: String) {
        #expect(throws: GraphvizError.invalidDiagram(reason)) { try GraphPlan(diagram, engine: .dot, options: nil) }
    }

    @Test("deep cluster nesting is resolved without recursion")
    func deepNesting() throws {
        let depth = 10_000
        let clusters = (0..<depth).reversed().map { DiagramCluster(id: "c\($0)", parent: $0 == 0 ? nil : "c\($0 - 1)") }
        let plan = try GraphPlan(Diagram(title: "deep", clusters: clusters), engine: .dot, options: nil)
        #expect(plan.clusters.first?.name == "cluster_c0")
        #expect(plan.clusters.last?.name == "cluster_c\(depth - 1)")
        #expect(plan.clusters.enumerated().allSatisfy { index, cluster in cluster.parent.map { $0 == index - 1 } ?? (index == 0) })
    }
}

private func node(_ id: String, cluster: String? = nil) -> DiagramNode {
    DiagramNode(id: id, label: .plain(id), cluster: cluster)
}
