import Foundation
import Testing
@testable import InterlockGraphviz

@Suite("Rendering through the Graphviz C library")
struct RenderTests {
    let graphviz = Graphviz.shared

    @Test("the DOT handed to Graphviz matches the golden file")
    func goldenSource() throws {
        let source = try graphviz.source(of: Fixtures.sample)
        #expect(source == (try Golden.text("bridge-sample.dot", actual: source)))
    }

    @Test("Debian's Graphviz provides the formats and engines in-process")
    func plugins() {
        #expect(Set(["svg", "png", "pdf", "dot"]).isSubset(of: graphviz.availableFormats))
        #expect(Set(LayoutEngine.allCases.map(\.rawValue)).isSubset(of: graphviz.availableLayouts))
    }

    @Test("SVG parses as XML and carries every node and cluster id, the title and the tooltips")
    func svgStructure() throws {
        let svg = try SVGDocument(graphviz.render(Fixtures.sample).data)
        #expect(svg.diagramNodeIDs == Fixtures.sample.nodes.map(\.id))
        #expect(svg.ids.isSuperset(of: [Diagram.legendNodeID, "interlock:legend:1", "interlock:legend:3:text", "interlock:legend:3:line"]))
        #expect(svg.ids.isSuperset(of: ["sales", "retail", "incompatible-1"]))
        #expect(try svg.texts(inElementWithID: "graph0").prefix(2) == ["Sample portfolio", "3 nodes left out"])
        #expect(try svg.texts(inElementWithID: "sales") == ["Sales & Marketing"])
        #expect(try svg.texts(inElementWithID: "web-shop") == ["Web shop", "no owner"])
        #expect(try svg.tooltip(ofElementWithID: "crm-revamp") == "Depends on itself")
        #expect(try svg.tooltip(ofElementWithID: "incompatible-1") == "policy.incompatible")
        #expect(svg.texts.filter { $0 == "Sample portfolio" }.count == 1)
    }

    @Test("PNG and PDF start with their signatures and hold a real drawing", arguments: [
        (OutputFormat.png, [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] as [UInt8]),
        (OutputFormat.pdf, Array("%PDF-".utf8)),
    ])
    func binarySignatures(_ format: OutputFormat, _ signature: [UInt8]) throws {
        let data = try graphviz.render(Fixtures.sample, options: RenderOptions(format: format)).data
        #expect(Array(data.prefix(signature.count)) == signature)
        #expect(data.count > 5_000)
    }

    @Test("DOT output is the laid-out graph, with positions")
    func laidOutDOT() throws {
        let dot = try #require(String(data: graphviz.render(Fixtures.sample, options: RenderOptions(format: .dot)).data, encoding: .utf8))
        #expect(dot.hasPrefix("digraph interlock {"))
        #expect(dot.contains("bb=\""))
        #expect(dot.contains("\"crm-revamp\"\t[color=\"#d62728\""))
        #expect(dot.components(separatedBy: "pos=\"").count - 1 >= Fixtures.sample.nodes.count + Fixtures.sample.edges.count)
    }

    @Test("hostile names render in every format without Graphviz errors or warnings", arguments: OutputFormat.allCases)
    func hostileInEveryFormat(_ format: OutputFormat) throws {
        let rendered = try graphviz.render(Fixtures.hostile, options: RenderOptions(format: format))
        #expect(rendered.warnings == [])
        #expect(rendered.data.count > 1_000)
    }

    @Test("hostile names come out intact in the SVG text, labels, tooltips and cluster captions")
    func hostileNamesIntact() throws {
        let svg = try SVGDocument(graphviz.render(Fixtures.hostile).data)
        for (index, name) in Fixtures.hostileNames.enumerated() {
            let lines = name.split(separator: "\n").map(String.init)
            #expect(try svg.texts(inElementWithID: "n\(index)") == lines)
            #expect(try svg.tooltip(ofElementWithID: "n\(index)") == name)
        }
        #expect(try svg.texts(inElementWithID: "c") == [Fixtures.hostileNames[2]])
        let edgeLabels = svg.texts
        for name in Fixtures.hostileNames.dropFirst() where !name.contains("\n") {
            #expect(edgeLabels.filter { $0 == name }.count >= 3)  // node or cluster, edge label, legend, notes
        }
    }

    @Test("the same diagram renders byte-identical SVG twice")
    func deterministic() throws {
        let first = try graphviz.render(Fixtures.hostile).data
        let second = try graphviz.render(Fixtures.hostile).data
        #expect(first == second)
    }

    @Test("rendering needs no dot program on PATH")
    func withoutDotOnPath() throws {
        let empty = FileManager.default.temporaryDirectory.appendingPathComponent("interlock-empty-path-\(getpid())")
        try FileManager.default.createDirectory(at: empty, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: empty) }
        let saved = ProcessInfo.processInfo.environment["PATH"]
        setenv("PATH", empty.path, 1)
        defer { if let saved { setenv("PATH", saved, 1) } }
        for format in OutputFormat.allCases {
            let data = try graphviz.render(Fixtures.sample, options: RenderOptions(format: format)).data
            #expect(data.count > 1_000)
        }
    }

    @Test("Graphviz's own error text becomes a Swift error, and the next render is clean")
    func errorCapture() throws {
        var plan = try GraphPlan(Diagram(title: "broken", nodes: [DiagramNode(id: "bad", label: .plain("x"))]), engine: .dot, options: nil)
        plan.nodes[0].attributes[1] = GraphPlan.Attribute(name: "label", value: .html("<B>oops</TABLE>\n"))
        #expect(throws: GraphvizError.graphviz(stage: "dot layout", messages: ["mismatched tag in line 1 ... oops</TABLE> ... in label of node bad"])) {
            try graphviz.render(plan, engine: .dot, format: .svg)
        }
        #expect(try graphviz.render(Fixtures.sample).warnings == [])
    }

    @Test("a missing plugin is named with the formats this machine has")
    func missingPluginMessage() {
        #expect(GraphvizError.formatUnavailable(.png, available: ["dot", "svg"]).description
            == "Graphviz on this machine cannot write png in-process (it needs the cairo plugin, libgvplugin_pango, from Debian's libgraphviz-dev); formats it can write: dot, svg")
        #expect(GraphvizError.layoutUnavailable(.sfdp, available: ["dot"]).description == "Graphviz on this machine has no sfdp layout; layouts it has: dot")
    }

    @Test("renders from many tasks at once come out as if made one by one")
    func concurrentRenders() async throws {
        let expected = try graphviz.render(Fixtures.sample).data
        let outputs = try await withThrowingTaskGroup(of: Data.self) { group in
            for _ in 0..<8 { group.addTask { try Graphviz.shared.render(Fixtures.sample).data } }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        #expect(outputs.count == 8)
        #expect(outputs.allSatisfy { $0 == expected })
    }

    @Test("bitmaps are scaled down to the pixel cap")
    func bitmapCap() throws {
        let data = try graphviz.render(Fixtures.chain(60), options: RenderOptions(format: .png, maxBitmapPixels: 800)).data
        // IHDR: width and height are big-endian 32-bit integers at bytes 16 and 20.
        let width = data[16..<20].reduce(0) { $0 << 8 | Int($1) }
        let height = data[20..<24].reduce(0) { $0 << 8 | Int($1) }
        #expect(width <= 800 && height <= 800)
        #expect(max(width, height) > 700)  // scaled to the cap, not below it
    }

    @Test("every layout engine produces well-formed SVG with every node", arguments: LayoutEngine.allCases)
    func engines(_ engine: LayoutEngine) throws {
        let svg = try SVGDocument(graphviz.render(Fixtures.sample, options: RenderOptions(layout: engine)).data)
        #expect(Set(svg.diagramNodeIDs) == Set(Fixtures.sample.nodes.map(\.id)))
        #expect(svg.ids.isSuperset(of: [Diagram.legendNodeID, "interlock:legend:1:text", "interlock:legend:3:line"]))
    }

    @Test("the engine is dot up to the threshold and sfdp beyond, unless chosen")
    func automaticLayout() throws {
        #expect(LayoutEngine.automatic(nodeCount: LayoutEngine.scalableThreshold) == .dot)
        #expect(LayoutEngine.automatic(nodeCount: LayoutEngine.scalableThreshold + 1) == .sfdp)
        #expect(try graphviz.render(Fixtures.sample).layout == .dot)
        #expect(try graphviz.render(Fixtures.sample, options: RenderOptions(layout: .neato)).layout == .neato)
    }
}
