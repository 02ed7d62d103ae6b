import Foundation
import Testing
import InterlockAnalysis
import InterlockCore
import InterlockGenerator
@testable import InterlockBoard
import InterlockReports
import InterlockTestSupport

@Suite("Board report (HTML)")
struct HTMLReporterTests {
    /// What `Fixtures/inspect-html.py` finds in a page.
    struct Inspection: Decodable {
        let problems: [String]
        let external: [String]
        let handlers: [String]
        let elements: [String: Int]
        let text: String
        let ids: [String]
    }

    func inspect(_ html: String) throws -> Inspection {
        let page = try temporaryFile("board.html", html)
        let result = try run("python3", [repositoryRoot.appendingPathComponent("Tests/InterlockBoardTests/Fixtures/inspect-html.py").path, page])
        #expect(result.status == 0, "\(result.output)")
        return try JSONDecoder().decode(Inspection.self, from: Data(result.output.utf8))
    }

    func acmeBoard(baseline: [Finding]? = nil, language: BoardLanguage? = nil) throws -> BoardReport {
        let report = try acmeReport()
        return BoardReport(analysis: AnalysisContext(report.graph), findings: report.findings, language: language, date: "2026-11-22",
                           inputHash: String(repeating: "ab", count: 32), baselineFindings: baseline)
    }

    @Test func acmeReportIsWellFormedSelfContainedAndComplete() throws {
        let board = try acmeBoard()
        let html = HTMLReporter.render(board)
        let page = try inspect(html)
        #expect(page.problems.isEmpty, "\(page.problems)")
        #expect(page.external.isEmpty, "\(page.external)")
        #expect(page.handlers.isEmpty)
        #expect(html.range(of: "http://") == nil && html.range(of: "https://") == nil)
        // Every finding of the sample is there: its message (days spelled out) in the text and its details row.
        #expect(board.findings.count == 30)
        for (index, finding) in board.findings.enumerated() {
            #expect(page.text.contains(board.message(of: finding)), "missing \(finding.rule) \(finding.nodes)")
            #expect(page.ids.contains("finding-\(index + 1)"))
        }
        for expected in ["Acme Group: board report", "22 November 2026", String(repeating: "ab", count: 32),
                         "Portfolio health 64 / 100", "14 serious · 16 warnings", "EUR 1,280,000", "save up to EUR 660,000",
                         "Felix Roth, CISO", "Glossary"] {
            #expect(page.text.contains(expected), "missing \(expected)")
        }
        #expect(html == HTMLReporter.render(board), "the same input gives the same page")
    }

    /// The risks, units and roadmap views are embedded as inline SVG whose ids cannot clash, and items
    /// named by findings link to their index entries.
    @Test func diagramsAreEmbeddedAndLinked() throws {
        let drawn = BoardDiagrams.adding(to: try acmeBoard())
        #expect(drawn.problems.isEmpty)
        // The views, then a picture of each of the three biggest risks.
        #expect(drawn.report.diagrams.map(\.view) == ["risks", "units", "landscape", "roadmap", "finding-1", "finding-2", "finding-3"])
        #expect(drawn.report.diagrams[4].title == "Risk 1: Single points of failure: Microsoft Entra ID")
        let html = HTMLReporter.render(drawn.report)
        let page = try inspect(html)
        #expect(page.problems.isEmpty, "\(page.problems)")
        #expect(page.external.isEmpty, "\(page.external)")
        #expect(page.elements["svg"] == 7)
        #expect(html.contains("xlink:href=\"#node-entra-id\""))
        #expect(html.range(of: "http://") == nil)
        for view in ["risks", "units", "landscape", "roadmap", "finding-1"] { #expect(page.ids.contains("diagram-\(view)")) }
    }

    /// Each picture is drawn for the box the print style gives it, so the browser does not shrink
    /// it further: its size is within the box, and every picture prints its smallest text at
    /// 7 pt or more.
    @Test func diagramsFitTheirPrintedBoxes() throws {
        let drawn = BoardDiagrams.adding(to: try acmeBoard())
        let printed = try Self.printedSizes(drawn.report)
        #expect(printed.count == 7)
        for (view, size) in printed { #expect(size >= 7, "\(view): \(size) pt") }
        let map = try #require(drawn.report.diagrams.first { $0.view == "risks" }?.svg)
        #expect(map.contains("Showing "), "the map says what it left out")
        let legends = drawn.report.diagrams.filter { $0.svg.contains("Legend") }.map(\.view)
        #expect(legends == ["risks"], "the other pictures are read with their captions and the map's key")
    }

    /// Generated portfolios have what the sample lacks: clashes read by fifteen initiatives,
    /// duplicates across three units, long names. Every picture still prints at 7 pt or more.
    @Test(arguments: [(10, 2), (300, 1), (3000, 2)])
    func generatedPortfoliosPrintReadably(initiatives: Int, seed: UInt64) throws {
        let text = String(decoding: PortfolioGenerator(initiatives: initiatives, seed: seed).text(.json), as: UTF8.self)
        let context = AnalysisContext(PortfolioGraph(try PortfolioLoader.load(text: text, file: "generated.json")))
        let board = BoardReport(analysis: context, findings: Analyzer(context: context).findings, date: "2026-12-05",
                                inputHash: "feedface", baselineFindings: nil)
        let drawn = BoardDiagrams.adding(to: board)
        #expect(drawn.problems.isEmpty, "\(drawn.problems)")
        let printed = try Self.printedSizes(drawn.report)
        #expect(printed.count == 7)
        for (view, size) in printed { #expect(size >= 7, "\(view): \(size) pt") }
    }

    /// The smallest text of each picture as printed, in points, after checking that the picture
    /// is within its box (so the browser does not shrink it further).
    private static func printedSizes(_ report: BoardReport) throws -> [String: Double] {
        var printed: [String: Double] = [:]
        for diagram in report.diagrams {
            let frame = BoardDiagrams.frame(of: diagram.view)
            let width = try #require(Self.number(after: "<svg width=\"", in: diagram.svg))
            let height = try #require(Self.number(after: " height=\"", in: diagram.svg))
            #expect(width <= frame.width * 72 + 1 && height <= frame.height * 72 + 1, "\(diagram.view): \(width) × \(height) pt")
            let scale = Self.number(after: "transform=\"scale(", in: diagram.svg) ?? 1
            let sizes = diagram.svg.components(separatedBy: "font-size=\"").dropFirst().compactMap { Double($0.prefix { $0.isNumber || $0 == "." }) }
            printed[diagram.view] = try #require(sizes.min()) * scale
        }
        return printed
    }

    private static func number(after key: String, in text: String) -> Double? {
        guard let start = text.range(of: key)?.upperBound else { return nil }
        return Double(text[start...].prefix { $0.isNumber || $0 == "." })
    }

    @Test func topRisksNameOwnersAndTheMostEntangledUnits() throws {
        let board = try acmeBoard()
        let ranked = board.ranking.prefix(3).map { board.findings[$0].rule }
        #expect(ranked == ["single-point-of-failure", "incompatible-stack", "dependency-cycle"])
        let links = board.analysis.unitEntanglement.prefix(3).map {
            "\(board.graph.name(of: $0.first)) ↔ \(board.graph.name(of: $0.second)): \($0.dependencies) + \($0.dataFlows) + \($0.platforms)"
        }
        // Every unit builds on Digital & IT's platforms (Entra ID above all): those ties dominate.
        #expect(links == [
            "Field Service ↔ Digital & IT: 1 + 1 + 9",
            "Finance & Controlling ↔ Digital & IT: 0 + 2 + 8",
            "Operations & Logistics ↔ Digital & IT: 1 + 2 + 7",
        ])
        // The heat map weighs money: Entra ID's blast radius, not a count of findings, darkens Field Service.
        let heat = board.heatMap()
        // The rules that have findings on Acme, in built-in order (Acme has no looping hierarchy).
        #expect(heat.rules == Detectors.builtIn.map(\.id).filter(Set(board.findings.map(\.rule)).contains))
        let spof = try #require(heat.rules.firstIndex(of: .singlePointOfFailure))
        let entra = try #require(board.findings.first { $0.rule == .singlePointOfFailure })
        #expect(heat.rows.reduce(0) { $0 + $1.budgets[spof] } == entra.budgetAtStake, "each dependent once, in its unit")
        #expect(heat.rows.filter { $0.budgets[spof] > 0 }.count >= 5)
        #expect(heat.rows.allSatisfy { $0.budgets.allSatisfy { $0 >= 0 } })
    }

    @Test func baselineShowsNewResolvedAndUnchanged() throws {
        let current = try acmeReport().findings
        let old = Array(current.dropFirst()) + [Finding(rule: "unowned-initiative", severity: .error, nodes: ["gone"], message: "Gone.", action: "x")]
        let board = try acmeBoard(baseline: old)
        let page = try inspect(HTMLReporter.render(board))
        #expect(page.problems.isEmpty, "\(page.problems)")
        #expect(page.text.contains("1 new, 1 resolved and 29 unchanged findings compared with the baseline."))
        #expect(page.ids.contains("changes"))
    }

    /// Names written to break out of text, attributes, anchors and SVG cannot add markup or script.
    @Test func hostileNamesCannotInjectMarkup() throws {
        let yaml = """
        portfolio: "</title><script>alert('t')</script>"
        units: [{id: "u\\"><script>alert(1)</script>", name: "<img src=x onerror=alert(2)>"}]
        people: [{id: "p'onmouseover='alert(3)", name: "\\"><svg onload=alert(4)>"}]
        goals: [{id: g}]
        capabilities: [{id: "c#x\\"", name: "&lt;script&gt;alert(5)&lt;/script&gt;"}]
        initiatives:
          - {id: "a\\"onclick=\\"alert(6)", name: "<script>alert(7)</script>", unit: "u\\"><script>alert(1)</script>",
             owner: "p'onmouseover='alert(3)", capabilities: ["c#x\\""], goals: [g], budget: 10, dependsOn: ["b<b>"]}
          - {id: "b<b>", name: "javascript:alert(8)", capabilities: ["c#x\\""], dependsOn: ["a\\"onclick=\\"alert(6)"], budget: 5}
        """
        let report = try report(ofYAML: yaml)
        let board = BoardReport(analysis: AnalysisContext(report.graph), findings: report.findings, title: "<style>body{display:none}</style>",
                                date: "2026-01-01", inputHash: "0", baselineFindings: [],
                                diagrams: [ReportDiagram(view: "risks\"><script>", title: "<i>Risks</i>", caption: "<u>c</u>",
                                                         svg: "<?xml version=\"1.0\"?><!-- x --><svg xmlns=\"http://www.w3.org/2000/svg\"><g id=\"n\"/></svg>")])
        let html = HTMLReporter.render(board)
        let page = try inspect(html)
        #expect(page.problems.isEmpty, "\(page.problems)")
        #expect(page.external.isEmpty, "\(page.external)")
        #expect(html.range(of: "http://") == nil)
        #expect(page.handlers.isEmpty, "\(page.handlers)")
        #expect(page.elements["script"] == nil && page.elements["img"] == nil && page.elements["b"] == nil && page.elements["i"] == nil)
        #expect(page.elements["style"] == 1)
        #expect(page.elements["svg"] == 1)
        // The same names drawn by Graphviz, with links from their ids, stay inert too.
        let drawn = BoardDiagrams.adding(to: board)
        #expect(drawn.problems.isEmpty)
        let withDiagrams = try inspect(HTMLReporter.render(drawn.report))
        #expect(withDiagrams.problems.isEmpty, "\(withDiagrams.problems)")
        #expect(withDiagrams.external.isEmpty && withDiagrams.handlers.isEmpty, "\(withDiagrams.external) \(withDiagrams.handlers)")
        #expect(withDiagrams.elements["script"] == nil && withDiagrams.elements["img"] == nil)
        #expect(withDiagrams.elements["svg"] == 8, "the given diagram, four views and three risks")
        // The names are shown exactly as written.
        for text in ["<script>alert(7)</script>", "<img src=x onerror=alert(2)>", "&lt;script&gt;alert(5)&lt;/script&gt;",
                     "javascript:alert(8)", "<style>body{display:none}</style>", "<i>Risks</i>"] {
            #expect(page.text.contains(text), "not shown literally: \(text)")
        }
    }

    /// Past `rowsPerRule` findings of one rule the page shows the highest-scoring ones, says so, and
    /// links only to rows it shows.
    @Test func longRulesAreCutWithoutBrokenLinks() throws {
        let initiatives = (0..<205).map { "  - {id: i\($0), owner: ann, budget: \($0 + 1)}" }.joined(separator: "\n")
        let report = try report(ofYAML: "people: [{id: ann}]\ninitiatives:\n" + initiatives)
        let board = BoardReport(analysis: AnalysisContext(report.graph), findings: report.findings, date: "2026-01-01", inputHash: "0")
        #expect(board.findings.count(where: { $0.rule == "unaligned-initiative" }) == 205)
        let page = try inspect(HTMLReporter.render(board))
        #expect(page.problems.isEmpty, "\(page.problems)")
        #expect(page.text.contains("Showing the 200 highest-scoring of 205 findings"))
        #expect(page.ids.filter { $0.hasPrefix("finding-") }.count == 200)
        // The five smallest budgets score lowest and are the ones left out.
        #expect(!page.text.contains("\"i0\" serves") && page.text.contains("\"i5\" serves") && page.text.contains("\"i204\" serves"))
    }

    @Test func anchorsAreSafeAndDistinct() {
        #expect(Markup.node("crm-revamp") == "node-crm-revamp")
        #expect(Markup.node("a\"b c") == "node-a_22_b_20_c")
        #expect(Markup.node("a_b") != Markup.node("a-b"))
        #expect(Markup.attribute("\"<&'>") == "&quot;&lt;&amp;&#39;&gt;")
        #expect(Markup.embeddable(svg: "<?xml version=\"1.0\"?>\n<!DOCTYPE svg>\n<!-- a -->\n<svg><!-- b --><g/></svg>", idPrefix: "d1-") == "<svg><g/></svg>")
        #expect(Markup.embeddable(svg: "<svg width=\"1pt\" xmlns=\"http://www.w3.org/2000/svg\" xmlns:xlink=\"http://www.w3.org/1999/xlink\"><g/></svg>", idPrefix: "d1-")
                == "<svg width=\"1pt\"><g/></svg>")
        #expect(Markup.embeddable(svg: "<svg><g id=\"graph0\" class=\"graph\"><text>say id=&quot;x&quot;</text></g></svg>", idPrefix: "d2-")
                == "<svg><g id=\"d2-graph0\" class=\"graph\"><text>say id=&quot;x&quot;</text></g></svg>")
    }
}
