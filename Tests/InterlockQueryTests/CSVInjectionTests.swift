import InterlockCore
import InterlockQuery
import Testing

/// CSV cells a spreadsheet would run as formulas are written with a leading apostrophe (#16 item 11).
@Suite struct CSVInjectionTests {
    @Test func formulaCellsAreNeutralisedAndNumbersKept() throws {
        let portfolio = try PortfolioLoader.load(text: """
            initiatives:
              - {id: "=cmd|calc", name: "=HYPERLINK(\\"http://evil\\",\\"click\\")"}
              - {id: b, name: "+1+cmd|' /C calc'!A0", tags: ["@SUM(A1)"]}
              - {id: c, name: "-2"}
              - {id: d, name: "\\tTab"}
              - {id: e, name: "\\rReturn"}
              - {id: f, name: "safe = 1"}
            """, file: "p.yaml")
        let engine = QueryEngine(portfolio: PortfolioGraph(portfolio))
        let result = try engine.run("MATCH (i:Initiative) RETURN i.id AS `=id`, i.name, -5 AS n, i.tags[0] AS tag ORDER BY i.id")
        #expect(ResultFormatter(graph: engine.graph).csv(result) == """
            '=id,i.name,n,tag\r
            '=cmd|calc,"'=HYPERLINK(""http://evil"",""click"")",-5,\r
            b,'+1+cmd|' /C calc'!A0,-5,'@SUM(A1)\r
            c,'-2,-5,\r
            d,'\tTab,-5,\r
            e,"'\rReturn",-5,\r
            f,safe = 1,-5,\r

            """)
    }
}
