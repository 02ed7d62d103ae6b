import Foundation
import Testing
import InterlockAnalysis
import InterlockCore
import InterlockGenerator
@testable import InterlockBoard
import InterlockReports
import InterlockTestSupport

/// The board report answers the six questions in order, in words a board knows, with money that adds up.
@Suite("Board report: questions, money, accountability")
struct BoardQuestionsTests {
    private func board(_ yaml: String) throws -> BoardReport {
        let context = AnalysisContext(PortfolioGraph(try PortfolioLoader.load(text: yaml, file: "test.yaml")))
        return BoardReport(analysis: context, findings: Analyzer(context: context).findings, date: "2026-01-01", inputHash: "0")
    }

    private func acmeBoard() throws -> BoardReport {
        let context = AnalysisContext(PortfolioGraph(try PortfolioLoader.load(paths: [acmePath])))
        return BoardReport(analysis: context, findings: Analyzer(context: context).findings, date: "2026-01-01",
                           inputHash: "feedface", baselineFindings: [])
    }

    @Test("the sections come in the order of the board's questions")
    func sectionsInOrder() throws {
        let html = HTMLReporter.render(try acmeBoard())
        let ids = ["summary", "vision", "technology", "customer-data", "sharing", "owners", "resilience", "changes", "glossary", "appendix"]
        let positions = try ids.map { id in try #require(html.range(of: "<section id=\"\(id)\"")?.lowerBound, "no section \(id)") }
        #expect(positions == positions.sorted())
        // Each question is opened by its one-sentence answer.
        for id in ids.prefix(7) {
            let start = try #require(html.range(of: "<section id=\"\(id)\""))
            let answer = try #require(html.range(of: "<p class=\"answer\">", range: start.upperBound..<html.endIndex))
            let nextSection = html.range(of: "<section", range: start.upperBound..<html.endIndex)?.lowerBound ?? html.endIndex
            #expect(answer.lowerBound < nextSection, "\(id) has no answer")
        }
    }

    @Test("no rule id, file location, score or fingerprint before the appendix")
    func noJargonOnTheBoardsPages() throws {
        let html = HTMLReporter.render(try acmeBoard())
        let appendix = try #require(html.range(of: "<section id=\"appendix\""))
        let boardPages = String(html[..<appendix.lowerBound])
        let text = boardPages.replacing(/<[^>]*>/, with: " ")
        for detector in Detectors.builtIn { #expect(!text.contains(detector.id.rawValue), "\(detector.id) on the board's pages") }
        for jargon in ["sha256", "feedface", ".yaml:", "Score", "docs/scoring.md", "SCC"] {
            #expect(!text.contains(jargon), "\(jargon) on the board's pages")
        }
        let rest = String(html[appendix.lowerBound...])
        #expect(rest.contains("feedface") && rest.contains("dependency-cycle") && rest.contains(".yaml:"))
    }

    @Test("an initiative named by three findings is counted once in the budget at risk")
    func oneInitiativeOnce() throws {
        let board = try board("""
            technologies: [{id: t1, incompatibleWith: [t2]}, {id: t2}]
            goals: [{id: g}]
            people: [{id: ann}]
            initiatives:
              - {id: big, goals: [g], budget: 1000, dependsOn: [small], technologies: [t1, t2]}
              - {id: small, owner: ann, goals: [g], budget: 10, dependsOn: [big]}
            """)
        let money = board.moneyAtRisk
        // big: in the cycle, unowned and combining a clashing pair; small: in the cycle.
        #expect(Set(board.findings.filter { $0.severity == .error }.map(\.rule)) == [.dependencyCycle, .unownedInitiative, .incompatibleStack])
        #expect(money.atRiskFromErrors == 1010)
        #expect(money.initiativesAtRiskFromErrors == 2)
        #expect(money.errorsByRule.map(\.budget).sorted() == [1000, 1000, 1010])
        #expect(money.overlap == 2000)
        #expect(money.activeBudget == 1010)
    }

    @Test("money adds up on generated portfolios", arguments: [(150, 1), (400, 2), (1000, 3)])
    func moneyAddsUp(initiatives: Int, seed: UInt64) throws {
        let text = String(decoding: PortfolioGenerator(initiatives: initiatives, seed: seed).text(.yaml), as: UTF8.self)
        let board = try board(text)
        let money = board.moneyAtRisk
        let tolerance = 0.5
        #expect(money.atRiskFromErrors + money.atRiskFromWarningsOnly <= money.activeBudget + tolerance)
        #expect(money.savings <= money.duplicatedBudget + tolerance)
        #expect(money.duplicatedBudget <= money.activeBudget + tolerance)
        #expect(money.savings >= 0 && money.overlap >= -tolerance)
        #expect(abs(money.errorsByRule.reduce(0) { $0 + $1.budget } - money.overlap - money.atRiskFromErrors) <= tolerance)
        // Each heat-map cell counts an initiative once; a row never exceeds the active budget.
        for row in board.heatMap().rows { #expect(row.budgets.allSatisfy { $0 <= money.activeBudget + tolerance }) }
    }

    @Test("a serious problem with personal data outranks a warning of the same size")
    func personalDataRanksFirst() throws {
        let board = try board("""
            goals: [{id: g}]
            people: [{id: ann}]
            dataSources:
              - {id: crm, domain: customer, classification: pii, owner: ann}
              - {id: shop, domain: customer, classification: pii, owner: ann}
            initiatives:
              - {id: a, owner: ann, goals: [g], budget: 100, data: [{source: crm, access: write}]}
              - {id: b, owner: ann, goals: [g], budget: 100, data: [{source: shop, access: write}]}
              - {id: c, owner: ann, budget: 100}
            """)
        let first = try #require(board.ranking.first.map { board.findings[$0] })
        #expect(first.rule == .dataSilo && first.severity == .error)
        let page = HTMLReporter.render(board)
        let summary = try #require(page.range(of: "<section id=\"vision\"")).lowerBound
        #expect(page[..<summary].contains("Name one system of record for customer data"), "the silo is one of the five decisions")
    }

    @Test("who must act shows names and roles; unowned items go to the unit head, else the sponsor")
    func rolesAndHeads() throws {
        let board = try board("""
            sponsor: cio
            units: [{id: sales, name: Sales, head: clara}, {id: hr, name: People}]
            people:
              - {id: cio, name: Sarah Chen, role: CIO}
              - {id: clara, name: Clara Weber, role: Chief Sales Officer, unit: sales}
            goals: [{id: g}]
            initiatives:
              - {id: crm, name: CRM, unit: sales, goals: [g], budget: 50}
              - {id: payroll, name: Payroll, unit: hr, goals: [g], budget: 20}
              - {id: shop, name: Shop, unit: sales, owner: clara, goals: [g], dependsOn: [shop]}
            """)
        let actors = board.actors().map(\.name)
        #expect(actors.contains("Clara Weber, Chief Sales Officer (head of Sales): name an owner"))
        #expect(actors.contains("Sarah Chen, CIO (sponsor of the portfolio): name an owner"))
        #expect(actors.contains("Clara Weber, Chief Sales Officer"))
        let page = HTMLReporter.render(board)
        #expect(page.contains("Clara Weber, Chief Sales Officer, head of Sales"))
        #expect(page.contains("Sarah Chen, CIO, sponsor of the portfolio"))
    }
}
