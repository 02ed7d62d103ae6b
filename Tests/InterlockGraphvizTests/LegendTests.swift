import Foundation
import InterlockAnalysis
import InterlockCore
import Testing
@testable import InterlockGraphviz

@Suite("Legends list every style a diagram draws and nothing else")
struct LegendTests {
    /// Every view of every test portfolio and of the sample, the finding view for each finding.
    static var diagrams: [(name: String, diagram: Diagram)] {
        var diagrams: [(String, Diagram)] = []
        let today = Day("2026-12-04")
        for (name, portfolio) in [("small", LoadedPortfolio.small), ("hostile", LoadedPortfolio.hostile), ("acme", LoadedPortfolio.acme)] {
            for view in DiagramView.allCases {
                let findings = view == .finding ? Array(1...max(1, portfolio.findings.count)) : [1]
                for number in findings {
                    let options = ViewOptions(
                        focus: view == .focus ? Focus(nodeID: portfolio.graph.id(of: 0), depth: 1) : nil,
                        finding: view == .finding ? .number(number) : nil, today: today)
                    guard let diagram = try? view.diagram(in: portfolio.context, options: options) else { continue }
                    diagrams.append(("\(name) \(view.rawValue)\(view == .finding ? " \(number)" : "")", diagram))
                }
            }
        }
        return diagrams
    }

    @Test("every legend entry is drawn, and everything drawn has an entry")
    func entriesMatchTheDrawing() throws {
        let diagrams = Self.diagrams
        #expect(diagrams.count > 20)
        for (name, diagram) in diagrams {
            let legend = try #require(diagram.legend, "\(name) has a legend")
            let drawn = diagram.nodes.filter { ![.plaintext, .point].contains($0.shape) && !$0.style.contains(.invisible) }
            var shapes: Set<NodeShape> = []
            var looks: [NodeLook] = []
            var lines: [EdgeLook] = []
            for entry in legend.entries {
                switch entry.sample {
                case .shape(let shape):
                    shapes.insert(shape)
                    #expect(drawn.contains { $0.shape == shape }, "\(name): '\(entry.text)' shows a shape not drawn")
                case .node(let look):
                    shapes.insert(look.shape)
                    looks.append(look)
                    let matches = look.style.contains(.dashed)
                        ? drawn.contains { $0.style.contains(.dashed) }
                        : drawn.contains { $0.fillColor == look.fillColor && $0.lineColor == look.lineColor }
                            || diagram.clusters.contains { $0.fillColor == look.fillColor && $0.lineColor == look.lineColor }
                    #expect(matches, "\(name): '\(entry.text)' shows a look not drawn")
                case .edge(let look):
                    lines.append(look)
                }
            }
            for node in drawn {
                #expect(shapes.contains(node.shape), "\(name): \(node.id) is a \(node.shape) the legend does not show")
                let explained = (node.fillColor == .white && node.lineColor == Palette.neutral)
                    || looks.contains { $0.fillColor == node.fillColor && $0.lineColor == node.lineColor }
                #expect(explained, "\(name): the fill and outline of \(node.id) are not in the legend")
                if node.style.contains(.dashed) {
                    #expect(looks.contains { $0.style.contains(.dashed) }, "\(name): \(node.id)'s dashed outline is not in the legend")
                }
            }
            // Lines compared without their width; a width that varies is shown at both ends.
            let drawnLines = Dictionary(grouping: diagram.edges.map(EdgeLook.init(of:)), by: { $0.width(nil) })
            let shownLines = Dictionary(grouping: lines, by: { $0.width(nil) })
            #expect(Set(drawnLines.keys) == Set(shownLines.keys), "\(name): the legend's lines differ from the drawn ones")
            for (line, drawnWidths) in drawnLines where Set(drawnWidths.map(\.penWidth)).count > 1 {
                let shownWidths = Set((shownLines[line] ?? []).map(\.penWidth))
                #expect(shownWidths.count > 1, "\(name): line width varies but the legend shows one width")
                #expect(shownWidths.isSubset(of: Set(drawnWidths.map(\.penWidth))), "\(name): the legend shows a width not drawn")
            }
        }
    }

    @Test("each legend entry becomes a real sample node and caption, lines a real edge", arguments: LayoutEngine.allCases)
    func lowered(_ engine: LayoutEngine) throws {
        let plan = try GraphPlan(Fixtures.sample, engine: engine, options: nil)
        let names = plan.nodes.map(\.name)
        for index in 1...3 {
            #expect(names.contains("interlock:legend:\(index)"))
            #expect(names.contains("interlock:legend:\(index):text"))
        }
        let sample = try #require(plan.nodes.first { $0.name == "interlock:legend:1" })
        #expect(sample.attributes.contains(GraphPlan.Attribute(name: "shape", value: .plain("box"))))
        let line = try #require(plan.edges.first { $0.attributes.contains(GraphPlan.Attribute(name: "id", value: .plain("interlock:legend:3:line"))) })
        #expect(line.attributes.contains(GraphPlan.Attribute(name: "style", value: .plain("dashed"))))
        #expect(line.attributes.contains(GraphPlan.Attribute(name: "dir", value: .plain("none"))))
        // Nothing joins the legend to the diagram.
        let legendNodes = Set(plan.nodes.indices.filter { plan.nodes[$0].name.hasPrefix(Diagram.legendNodeID) })
        #expect(plan.edges.allSatisfy { legendNodes.contains($0.tail) == legendNodes.contains($0.head) })
        #expect(plan.edges.allSatisfy { edge in !edge.attributes.contains { $0.name == "label" } })
    }
}
