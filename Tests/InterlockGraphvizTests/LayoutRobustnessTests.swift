import Foundation
import InterlockAnalysis
import InterlockCore
import InterlockGenerator
import Testing
@testable import InterlockGraphviz

/// Issue #15: layouts that aborted the process (a double free in `gvFreeLayout`) or failed
/// ("trouble in init_rank"), and what happens when a layout fails anyway.
@Suite("Layouts that used to crash, and the fallback when one fails")
struct LayoutRobustnessTests {
    /// The 13-initiative portfolio of issue #15 that aborted `render --view risks` about every
    /// other run: a chain of dependencies, versioned uses of one technology (labelled edges)
    /// and a duplicated capability (a cluster).
    static let issuePortfolio = """
        capabilities: [{id: cap}]
        technologies: [{id: t1}, {id: t2}]
        dataSources: [{id: d1, technology: t1}, {id: d2}]
        initiatives:
          - {id: n0, capabilities: [cap], data: [{source: d1, access: write}]}
          - {id: n1}
          - {id: n2, dependsOn: [n3], technologies: [t1@2]}
          - {id: n3, dependsOn: [n4], technologies: [t1@3], capabilities: [cap]}
          - {id: n4, dependsOn: [n5], technologies: [t1@4], name: x}
          - {id: n5, dependsOn: [n6], technologies: [t1@5], capabilities: [cap]}
          - {id: n6, dependsOn: [n7], technologies: [t1@6], capabilities: [cap], name: x}
          - {id: n7, dependsOn: [n8], technologies: [t1@7], capabilities: [cap], name: x}
          - {id: n8, dependsOn: [n9], technologies: [t1@8], capabilities: [cap]}
          - {id: n9, dependsOn: [n10], technologies: [t1@9], capabilities: [cap], name: x}
          - {id: n10, dependsOn: [n11], technologies: [t1@10], capabilities: [cap]}
          - {id: n11, dependsOn: [missing], technologies: [t1@11], capabilities: [cap]}
          - {id: n12, technologies: [t1@13], capabilities: [cap], name: x}
        """

    /// Lays `diagram` out with dot in the test process itself (tests never call
    /// `layOutInSubprocesses`), so that heap corruption ends the test run instead of being
    /// absorbed by a layout process and the fallback; asserts that no fallback was needed.
    static func renderInProcess(_ diagram: Diagram) throws -> Data {
        let rendered = try Graphviz.shared.render(diagram, options: RenderOptions(layout: .dot))
        #expect(rendered.fallback == nil)
        return rendered.data
    }

    static func diagram(_ view: DiagramView, of text: String) throws -> Diagram {
        let context = AnalysisContext(PortfolioGraph(try PortfolioLoader.load(text: text, file: "portfolio.yaml")))
        return try view.diagram(in: ViewContext(analysis: context, findings: Analyzer(context: context).findings))
    }

    @Test("the portfolio of issue #15 renders risks and overview 20 times in a row, in this process", arguments: [DiagramView.risks, .overview])
    func issuePortfolioTwentyTimes(view: DiagramView) throws {
        let diagram = try Self.diagram(view, of: Self.issuePortfolio)
        let first = try Self.renderInProcess(diagram)
        #expect(try SVGDocument(first).nodeIDs.contains("n3"))
        for _ in 1..<20 { #expect(try Self.renderInProcess(diagram) == first) }
    }

    /// Sizes and seeds of `interlock generate` that aborted (overview, 50 to 300 initiatives)
    /// or failed with "trouble in init_rank" (risks, 200 initiatives, seed 5).
    static let grid: [(initiatives: Int, seed: UInt64)] = [50, 100, 200, 250, 300].flatMap { size in
        [1, 2, 3, 5, 7].map { (size, UInt64($0)) }
    }

    @Test("generated portfolios of 50 to 300 initiatives lay out with dot, in this process, as valid SVG")
    func generatedPortfolios() throws {
        // Three cases of the grid per run keep the test near half a minute in a debug build;
        // INTERLOCK_LAYOUT_GRID=all runs all 25.
        var random = SystemRandomNumberGenerator()
        let all = ProcessInfo.processInfo.environment["INTERLOCK_LAYOUT_GRID"] == "all"
        let cases = all ? Self.grid : Array(Self.grid.shuffled(using: &random).prefix(3))
        for (initiatives, seed) in cases {
            let text = String(decoding: PortfolioGenerator(initiatives: initiatives, seed: seed).text(.yaml), as: UTF8.self)
            for view in [DiagramView.overview, .risks] {
                let diagram = try Self.diagram(view, of: text)
                let svg = try SVGDocument(Self.renderInProcess(diagram))
                #expect(svg.nodeIDs.count >= diagram.nodes.count, "\(view) of \(initiatives) initiatives, seed \(seed)")
            }
        }
    }

    static let clustered = Diagram(
        title: "Clustered", nodes: [DiagramNode(id: "a", label: .plain("A"), cluster: "c"), DiagramNode(id: "b", label: .plain("B"))],
        edges: [DiagramEdge(from: "a", to: "b", label: "uses")], clusters: [DiagramCluster(id: "c", label: "Box")])

    @Test("when dot fails with clusters, the diagram is drawn by dot without them and says so")
    func fallbackWithoutClusters() throws {
        var attempts: [(clusters: Int, engine: LayoutEngine)] = []
        let rendered = try Graphviz.shared.render(Self.clustered, engine: .dot, options: RenderOptions()) { plan, engine throws(GraphvizError) in
            attempts.append((plan.clusters.count, engine))
            guard plan.clusters.isEmpty else {
                throw .graphviz(stage: "dot layout", messages: ["trouble in init_rank"])
            }
            return try Graphviz.shared.render(plan, engine: engine, format: .svg)
        }
        #expect(attempts.map(\.clusters) == [1, 0])
        #expect(attempts.map(\.engine) == [.dot, .dot])
        let sentence = "Drawn without its boxes: Graphviz's dot layout failed with them (trouble in init_rank)."
        #expect(rendered.fallback == sentence)
        #expect(try SVGDocument(rendered.data).texts.contains(sentence))
    }

    @Test("when dot dies, the diagram is drawn by sfdp and says why; when everything fails, the first failure is thrown")
    func fallbackToSFDP() throws {
        let crash = GraphvizError.layoutCrashed(stage: "dot layout", signal: SIGABRT)
        let rendered = try Graphviz.shared.render(Self.clustered, engine: .dot, options: RenderOptions()) { plan, engine throws(GraphvizError) in
            guard engine == .sfdp else { throw crash }
            return try Graphviz.shared.render(plan, engine: engine, format: .svg)
        }
        #expect(rendered.layout == .sfdp)
        #expect(rendered.fallback == "Drawn with the sfdp layout: Graphviz's dot layout failed (its process was killed by signal 6 (abort)).")

        var engines: [LayoutEngine] = []
        #expect(throws: crash) {
            try Graphviz.shared.render(Self.clustered, engine: .dot, options: RenderOptions()) { _, engine throws(GraphvizError) in
                engines.append(engine)
                throw engine == .dot ? crash : .graphviz(stage: "\(engine.rawValue) layout", messages: ["other"])
            }
        }
        #expect(engines == [.dot, .dot, .sfdp])
        #expect(crash.description == "Graphviz failed during dot layout: its process was killed by signal 6 (abort).")
    }

    @Test("a rendering error is not retried with another layout")
    func renderingErrorsAreNotRetried() {
        var calls = 0
        #expect(throws: GraphvizError.graphviz(stage: "svg rendering", messages: ["no"])) {
            try Graphviz.shared.render(Self.clustered, engine: .dot, options: RenderOptions()) { _, _ throws(GraphvizError) in
                calls += 1
                throw .graphviz(stage: "svg rendering", messages: ["no"])
            }
        }
        #expect(calls == 1)
    }

    @Test("an error message is one sentence: Graphviz's tab-indented listing of internal nodes is dropped")
    func oneSentenceErrors() {
        let log = GraphvizMessageLog()
        for piece in ["Error", ": ", "trouble in init_rank\n", "\t%0 25\n", "\t%0 3\n", "\tn12 2\n"] { log.receive(piece) }
        #expect(log.errors == ["trouble in init_rank"])
        #expect(GraphvizError.graphviz(stage: "dot layout", messages: log.errors).description == "Graphviz failed during dot layout: trouble in init_rank.")
        #expect(GraphvizError.graphviz(stage: "dot layout", messages: ["a.", "b"]).description == "Graphviz failed during dot layout: a, and 1 more errors.")
    }

    @Test("a layout served by another process comes back as drawn here, errors included")
    func servedLayout() throws {
        let plan = try GraphPlan(Self.clustered, engine: .dot, options: RenderOptions())
        let request = try JSONEncoder().encode(LayoutRequest(plan: plan, engine: .dot, format: .svg))
        let response = try JSONDecoder().decode(LayoutResponse.self, from: Graphviz.shared.serveLayout(request))
        #expect(response.failure == nil)
        #expect(response.data == (try Graphviz.shared.render(plan, engine: .dot, format: .svg).data))

        var broken = plan
        broken.nodes[0].attributes[1] = GraphPlan.Attribute(name: "label", value: .html("<B>oops</TABLE>\n"))
        let failed = try JSONDecoder().decode(
            LayoutResponse.self, from: Graphviz.shared.serveLayout(try JSONEncoder().encode(LayoutRequest(plan: broken, engine: .dot, format: .svg))))
        #expect(failed.failure?.stage == "dot layout")
        #expect(failed.data == nil)
    }

    @Test("a layout process that dies or answers nothing is a crashed layout, not the end of this process")
    func deadLayoutProcess() throws {
        let plan = try GraphPlan(Self.clustered, engine: .dot, options: RenderOptions())
        let request = LayoutRequest(plan: plan, engine: .dot, format: .svg)
        let shell = URL(fileURLWithPath: "/bin/sh")
        #expect(throws: GraphvizError.layoutCrashed(stage: "dot layout", signal: SIGKILL)) {
            try request.run(shell, arguments: ["-c", "kill -KILL $$"])
        }
        // Exits without reading a request larger than a socket buffer: sending it must not
        // raise SIGPIPE here.
        let large = LayoutRequest(plan: try GraphPlan(Fixtures.chain(5000), engine: .dot, options: nil), engine: .dot, format: .svg)
        #expect(try JSONEncoder().encode(large).count > 1 << 20)
        #expect(throws: GraphvizError.layoutCrashed(stage: "dot layout", signal: 0)) {
            try large.run(shell, arguments: ["-c", "exit 0"])
        }
    }
}
