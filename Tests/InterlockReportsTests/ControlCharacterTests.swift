import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import InterlockCore
import InterlockReports
import Testing

/// Markdown cells carry no raw control character (#16 item 12).
@Suite struct ControlCharacterTests {
    @Test func markdownCellsEscapeControlCharacters() {
        #expect(MarkdownReporter.escaped("Bell\u{07} and \u{1B}[31mred") == "Bell\\\\u{7} and \\\\u{1b}\\[31mred")
    }
}

/// The trend chart's SVG holds any commit label or title as text (#12).
@Suite struct TrendChartTests {
    @Test func hostileLabelsStayTextAndTheChartParses() throws {
        let graph = PortfolioGraph(try PortfolioLoader.load(text: "initiatives: [{id: a, name: A}]\n", file: "p.yaml"))
        let points = ["<script>alert(1)</script>", "a&b \"c\" 'd'\u{07}"].map { TrendPoint(label: $0, subject: "", graph: graph, findings: []) }
        let svg = TrendReporter.svg(points, title: "<b>Portfolio</b> & co")
        #expect(!svg.contains("<script>") && !svg.contains("<b>"))
        #expect(svg.contains("&lt;script&gt;alert(1)&lt;/script&gt;") && svg.contains("a&amp;b &quot;c&quot; &apos;d&apos;\u{FFFD}"))
        let document = try XMLDocument(data: Data(svg.utf8), options: [])
        #expect(try document.nodes(forXPath: "//*[local-name()='polyline']").count == 2)
    }
}
