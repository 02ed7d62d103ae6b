import Foundation
import InterlockAnalysis
import InterlockCore
import Testing
@testable import InterlockGraphviz

@Suite("Views: diagrams built from the graph and the findings")
struct ViewTests {
    let small = LoadedPortfolio.small

    @Test("each view of the small portfolio gives the golden DOT", arguments: DiagramView.allCases)
    func golden(_ view: DiagramView) throws {
        let source = try Graphviz.shared.source(of: small.diagram(view))
        #expect(source == (try Golden.text("view-\(view.rawValue).dot", actual: source)))
    }

    @Test("overview: initiatives in nested unit clusters, shared data, no asset used once")
    func overview() throws {
        let diagram = try small.diagram(.overview)
        #expect(diagram.title == "Small Co — overview")
        #expect(diagram.nodes.map(\.id) == ["crm-a", "crm-b", "billing", "loner", "customers"])
        #expect(diagram.clusters.map(\.id) == ["group", "sales", "ops"])
        #expect(diagram.clusters.map(\.parent) == [nil, "group", nil])
        #expect(diagram.nodes.map(\.cluster) == ["sales", "ops", "ops", nil, nil])
        #expect(diagram.node("customers")?.shape == .cylinder)
        #expect(diagram.edges("crm-a", "customers").map(\.label) == ["writes"])
    }

    @Test("risks: red cycle, incompatible pair with its reason, duplicates grouped, unowned marked")
    func risks() throws {
        let diagram = try small.diagram(.risks)
        #expect(diagram.nodes.map(\.id) == ["crm-a", "crm-b", "billing", "oracle", "postgres", "customers", "crm", "invoicing"])
        for (from, to) in [("crm-a", "crm-b"), ("crm-b", "crm-a")] {
            #expect(diagram.edges(from, to).map(\.color) == [Palette.red])
            #expect(diagram.edges(from, to).map(\.style) == [.bold])
        }
        #expect(diagram.edges("billing", "crm-b").map(\.color) == [Palette.neutral])
        let incompatible = try #require(diagram.edges("oracle", "postgres").first)
        #expect(incompatible.label == "declared incompatible")
        #expect(incompatible.style == .dashed && !incompatible.constraint && incompatible.direction == EdgeDirection.none)
        #expect(diagram.clusters.map(\.id) == ["duplicated:crm"])
        #expect(diagram.clusters.first?.label == "Duplicated: Customer management, 2 initiatives, EUR 150k")
        #expect(diagram.nodes.filter { $0.cluster == "duplicated:crm" }.map(\.id) == ["crm-a", "crm-b", "crm"])
        let billing = try #require(diagram.node("billing"))
        #expect(billing.label == .plain("New billing\nno owner"))
        #expect(billing.style == [.filled, .dashed])
        #expect(billing.fillColor == Palette.fill(for: .error))
        #expect(billing.tooltip == #"Initiative "New billing" has nobody accountable: its owner "Bob" has left the organisation."#)
        #expect(diagram.node("crm-a")?.tooltip?.hasSuffix("(+2 more findings)") == true)
        #expect(diagram.node("invoicing")?.fillColor == .white)
        let legend = diagram.legend?.entries.map(\.text) ?? []
        #expect(legend == ["Initiative", "Technology", "Data source", "Capability", "Error finding",
                           "Dashed outline: nobody accountable owns it", "Depends on", "Uses (@version); Writes", "Reads",
                           "Delivers the capability", "Hosted on", "Dependency on a cycle", "Incompatible technologies (with the reason)"])
        #expect(diagram.notes == ["4 findings (4 errors) and their direct neighbours"])
    }

    @Test("focus: neighbourhood by depth and direction, centre highlighted")
    func focus() throws {
        #expect(try small.diagram(.focus).nodes.map(\.id) == ["crm-a", "crm-b", "billing", "postgres", "customers", "crm", "growth"])
        let up = try small.diagram(.focus, focus: Focus(nodeID: "crm-b", depth: 1, direction: .up))
        #expect(up.nodes.map(\.id) == ["crm-a", "crm-b", "billing"])
        let down = try small.diagram(.focus, focus: Focus(nodeID: "billing", depth: 2, direction: .down))
        #expect(down.nodes.map(\.id) == ["crm-a", "crm-b", "billing", "postgres", "customers", "crm", "invoicing", "growth"])
        let centre = try small.diagram(.focus, focus: Focus(nodeID: "loner", depth: 0))
        #expect(centre.nodes.map(\.id) == ["loner"])
        #expect(centre.node("loner")?.peripheries == 2)
        #expect(centre.title == "Small Co — focus on Side project")
        #expect(throws: ViewError.unknownNode("nope")) { try small.diagram(.focus, focus: Focus(nodeID: "nope")) }
        #expect(throws: ViewError.missingFocus) { try DiagramView.focus.diagram(in: small.context) }
    }

    @Test("units: units that run initiatives, coloured by the share of budget at risk, one edge per entangled pair")
    func units() throws {
        let diagram = try small.diagram(.units)
        // "Group" holds only another unit and runs nothing: left out, and so is its parent link.
        #expect(diagram.nodes.map(\.id) == ["sales", "ops", UnitsView.noUnitID])
        #expect(diagram.node("ops")?.label == .plain("Operations\n2 initiatives\nEUR 50k at risk (100 %)"))
        #expect(diagram.node("ops")?.fillColor == Palette.fill(for: .error))
        #expect(diagram.node(UnitsView.noUnitID)?.fillColor == .white)
        // One undirected edge per pair, counted as the board report counts entanglement: both
        // dependencies between sales and ops, the source one writes and the other reads, and the
        // operations initiative building on PostgreSQL, which Sales owns.
        #expect(diagram.edges("sales", "ops").map(\.label) == ["2 dependencies\n1 data flow\n1 on shared platforms"])
        #expect(diagram.edges("sales", "ops").map(\.direction) == [EdgeDirection.none])
        #expect(diagram.edges("ops", "sales").isEmpty)
        #expect(diagram.edges("sales", "group").isEmpty)
    }

    @Test("units: line widths rank the ties, from 1 to 6 points")
    func unitTieWidths() {
        #expect(UnitsView.rankWidths([]) == [])
        #expect(UnitsView.rankWidths([7]) == [2])
        #expect(UnitsView.rankWidths([1, 100, 5, 5, 40]) == [1, 6, 3.5, 3.5, 4.75])
    }

    @Test("capabilities: the map with who delivers what, duplicates grouped")
    func capabilities() throws {
        let diagram = try small.diagram(.capabilities)
        #expect(diagram.nodes.map(\.id) == ["crm", "invoicing", "crm-a", "crm-b", "billing"])
        #expect(diagram.edges("billing", "invoicing").map(\.color) == [Palette.green])
        #expect(diagram.clusters.map(\.id) == ["duplicated:crm"])
        #expect(diagram.notes == ["2 capabilities delivered by 3 initiatives; 1 delivered more than once"])
    }

    @Test("beyond --max-nodes a view keeps the highest-risk part and says what it left out")
    func cut() throws {
        let diagram = try small.diagram(.overview, maxNodes: 3)
        #expect(diagram.nodes.map(\.id) == ["crm-a", "crm-b", "billing"])
        #expect(Array(diagram.notes.suffix(2)) == [
            "Showing 3 of 5 items: the 2 with the lowest risk are left out.", "Not drawn: 1 initiative of 1 other unit.",
        ], "the initiative left out is counted where it belongs")
        // Whole groups first (a capability with its initiatives), then capabilities alone.
        #expect(try small.diagram(.capabilities, maxNodes: 3).nodes.map(\.id) == ["crm", "crm-a", "crm-b"])
        let capabilities = try small.diagram(.capabilities, maxNodes: 4)
        #expect(capabilities.nodes.map(\.id) == ["crm", "invoicing", "crm-a", "crm-b"])
        #expect(capabilities.notes.last == "Showing 4 of 5 items: the one with the lowest risk is left out.")
        let focus = try small.diagram(.focus, maxNodes: 2, focus: Focus(nodeID: "billing", depth: 3))
        #expect(focus.nodes.map(\.id) == ["crm-b", "billing"])
        #expect(focus.notes.last == "Showing 2 of 10 items: the 8 farthest from it are left out.")
    }

    @Test("finding: a single point of failure counts every dependent by unit, on short lines")
    func singlePointOfFailureByUnit() throws {
        let acme = LoadedPortfolio.acme
        let spof = try #require(acme.findings.firstIndex { $0.rule == .singlePointOfFailure })
        let diagram = try DiagramView.finding.diagram(in: acme.context, options: ViewOptions(maxNodes: 3, finding: .number(spof + 1)))
        #expect(diagram.nodes.map(\.id) == ["entra-id", "units:field-service", "units:more"])
        #expect(diagram.node("units:field-service")?.label == .plain("Field Service\n7 initiatives\nEUR 5.2M"))
        #expect(diagram.node("units:more")?.label == .plain("6 more units\n20 initiatives\nEUR 16.8M"))
        // 7 + 20: every one of the 27 initiatives that stop with Entra ID is counted, so the
        // subtitle does not say that some were left out.
        #expect(acme.findings[spof].message.contains("27 in all"))
        #expect(!diagram.notes.contains { $0.contains("are drawn") }, "\(diagram.notes)")
        let clash = try #require(acme.findings.firstIndex { $0.nodes.contains("ecc-tax-extension") && $0.rule == .incompatibleStack })
        let pair = try DiagramView.finding.diagram(in: acme.context, options: ViewOptions(finding: .number(clash + 1)))
        #expect(pair.node("ecc-tax-extension")?.label == .plain("VAT reporting\nextension on SAP ECC"))
        for node in pair.nodes + diagram.nodes {
            guard case .plain(let label) = node.label else { continue }
            #expect(label.split(separator: "\n").allSatisfy { $0.count <= FindingView.labelWidth }, "\(label)")
        }
    }

    @Test("every view renders in every format with real structure", arguments: DiagramView.allCases)
    func rendersEverywhere(_ view: DiagramView) throws {
        let diagram = try small.diagram(view)
        let svg = try SVGDocument(Graphviz.shared.render(diagram).data)
        #expect(svg.diagramNodeIDs == diagram.nodes.map(\.id))
        #expect(svg.ids.contains(Diagram.legendNodeID))
        #expect(svg.nodeIDs.filter { $0.hasSuffix(":text") }.count == diagram.legend?.entries.count)
        #expect(try svg.texts(inElementWithID: "graph0").first == diagram.title)
        for (format, signature) in [(OutputFormat.png, [UInt8]([0x89, 0x50, 0x4E, 0x47])), (.pdf, Array("%PDF-".utf8))] {
            let data = try Graphviz.shared.render(diagram, options: RenderOptions(format: format)).data
            #expect(Array(data.prefix(signature.count)) == signature)
            #expect(data.count > 5_000)
        }
        let dot = try Graphviz.shared.render(diagram, options: RenderOptions(format: .dot)).data
        #expect(String(decoding: dot, as: UTF8.self).contains("pos=\""))
    }

    @Test("a portfolio of hostile names renders in every view and format, names intact", arguments: DiagramView.allCases)
    func hostile(_ view: DiagramView) throws {
        let hostile = LoadedPortfolio.hostile
        let diagram = try hostile.diagram(view, focus: Focus(nodeID: "i2", depth: 2))
        for format in OutputFormat.allCases {
            #expect(try Graphviz.shared.render(diagram, options: RenderOptions(format: format)).warnings == [])
        }
        let svg = try SVGDocument(Graphviz.shared.render(diagram).data)
        #expect(try svg.texts(inElementWithID: "graph0").first == #"Hostile "Board" <b>&amp;</b> — "# + view.subject(in: hostile))
        for node in diagram.nodes where node.id != Diagram.legendNodeID {
            guard case .plain(let label) = node.label else { continue }
            #expect(try svg.texts(inElementWithID: node.id) == label.split(separator: "\n").map(String.init))
            #expect(try svg.tooltip(ofElementWithID: node.id) == node.tooltip)
        }
    }

    @Test("the same view renders byte-identical SVG twice", arguments: DiagramView.allCases)
    func deterministic(_ view: DiagramView) throws {
        let first = try Graphviz.shared.render(small.diagram(view)).data
        let second = try Graphviz.shared.render(small.diagram(view)).data
        #expect(first == second)
    }
}

extension DiagramView {
    /// The subject in the title of this view for `portfolio` (focus centred on `i2`).
    fileprivate func subject(in portfolio: LoadedPortfolio) -> String {
        switch self {
        case .units: "business units"
        case .landscape: "capability landscape"
        case .focus: "focus on " + portfolio.graph.name(of: portfolio.graph.node(withID: "i2") ?? 0)
        case .finding:
            portfolio.findings.sortedForReport().first.map {
                FindingView.subject(of: $0, wording: RuleCatalog().wording(of: $0.rule), in: portfolio.graph)
            } ?? rawValue
        default: rawValue
        }
    }
}
