import Foundation
import Testing
@testable import InterlockGraphviz

@Suite("Node links in SVG")
struct NodeLinkTests {
    @Test("a node's link becomes its xlink:href; characters that could leave the attribute or name a scheme are dropped")
    func links() throws {
        var linked = DiagramNode(id: "crm", label: .plain("CRM"), tooltip: "Tip")
        linked.link = "#node-crm"
        var hostile = DiagramNode(id: "evil", label: .plain("Evil"))
        hostile.link = "javascript:alert(1)\" onclick=\"x"
        let plain = DiagramNode(id: "plain", label: .plain("Plain"))
        let diagram = Diagram(title: "Links", nodes: [linked, hostile, plain])
        let svg = String(decoding: try Graphviz.shared.render(diagram).data, as: UTF8.self)
        #expect(svg.contains("xlink:href=\"#node-crm\""))
        #expect(svg.contains("xlink:href=\"javascriptalert1onclickx\""))
        #expect(!svg.contains("javascript:") && !svg.contains("onclick=\""))
        #expect(svg.components(separatedBy: "xlink:href=").count == 3)
        _ = try SVGDocument(Data(svg.utf8))
    }
}
