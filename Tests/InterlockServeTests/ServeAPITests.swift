import Foundation
import HummingbirdTesting
import InterlockAnalysis
import InterlockQuery
import InterlockServe
import Testing

@Suite("serve: the JSON API on the sample")
struct ServeAPITests {
    @Test("the summary names the portfolio, counts what it holds and its findings, and has no problem")
    func summary() async throws {
        let analysis = try PortfolioAnalysis(paths: [samplePortfolio])
        try await withServer([samplePortfolio]) { client, _ in
            let answer = try await client.ask("/api/summary")
            #expect(answer.status == 200)
            #expect(answer.headers[.contentType] == "application/json; charset=utf-8")
            let summary = try answer.object()
            #expect(summary["portfolio"] as? String == "Acme Group")
            #expect(summary["generation"] as? Int == 1)
            #expect(summary["problem"] is NSNull)
            let nodes = try #require(summary["nodes"] as? [String: Int])
            #expect(nodes["Initiative"] == analysis.portfolio.initiatives.count)
            let findings = try #require(summary["findings"] as? [String: Int])
            #expect(findings["error"] == analysis.findings.count { $0.severity == .error })
            #expect(findings["warning"] == analysis.findings.count { $0.severity == .warning })
            let units = try #require(summary["units"] as? [[String: Any]])
            #expect(units.count == analysis.portfolio.units.count)
        }
    }

    @Test("findings come in check's order, numbered, and each filter narrows them exactly")
    func findingsAndFilters() async throws {
        let analysis = try PortfolioAnalysis(paths: [samplePortfolio])
        let graph = analysis.graph
        try await withServer([samplePortfolio]) { client, _ in
            let all = try await client.ask("/api/findings?limit=1000").object()
            #expect(all["total"] as? Int == analysis.findings.count)
            let listed = try #require(all["findings"] as? [[String: Any]])
            #expect(listed.map { $0["message"] as? String } == analysis.findings.map(\.message))
            #expect(listed.map { $0["number"] as? Int } == Array(1...analysis.findings.count))

            let errors = try await client.ask("/api/findings?severity=error").object()
            #expect(errors["total"] as? Int == analysis.findings.count { $0.severity == .error })

            let cycles = try await client.ask("/api/findings?rule=dependency-cycle").object()
            #expect(cycles["total"] as? Int == analysis.findings.count { $0.rule.rawValue == "dependency-cycle" })

            let sales = try #require(graph.node(withID: "sales"))
            let inSales = analysis.findings.count { finding in
                finding.nodes(in: graph).contains { graph.unitNode(of: $0) == sales || $0 == sales }
            }
            let unit = try await client.ask("/api/findings?unit=sales").object()
            #expect(unit["total"] as? Int == inSales)
            #expect(inSales > 0)

            let owned = try await client.ask("/api/findings?owner=felix-roth").object()
            #expect(owned["total"] as? Int == analysis.findings.count { $0.owners.contains("felix-roth") })

            let page = try await client.ask("/api/findings?offset=5&limit=3").object()
            let pageFindings = try #require(page["findings"] as? [[String: Any]])
            #expect(pageFindings.map { $0["number"] as? Int } == [6, 7, 8])
        }
    }

    @Test("a bad filter or page is 400 with a JSON error naming the parameter", arguments: [
        ("/api/findings?severity=fatal", "severity"), ("/api/findings?rule=no-such-rule", "rule"),
        ("/api/findings?unit=entra-id", "unit"), ("/api/findings?offset=-1", "offset"), ("/api/findings?limit=0", "limit"),
        ("/api/findings?limit=5000", "limit"), ("/api/findings?offset=ten", "offset"), ("/api/nodes", "search"),
        ("/api/render?view=focus", "node"), ("/api/render?view=poster", "view"), ("/api/render?view=units&node=entra-id", "node"),
        ("/api/render?view=focus&node=entra-id&depth=9", "depth"), ("/api/render?view=focus&node=entra-id&direction=sideways", "direction"),
        ("/api/render?view=units&format=png", "format"),
    ])
    func badParameters(uri: String, parameter: String) async throws {
        try await withServer([samplePortfolio]) { client, _ in
            let answer = try await client.ask(uri)
            #expect(answer.status == 400, "\(uri)")
            #expect(try answer.errorCode() == "bad-parameter")
            #expect(try answer.errorMessage().contains(parameter), "\(uri): \(answer.body)")
        }
    }

    @Test("search finds by id and by words of the name, the exact id first")
    func search() async throws {
        try await withServer([samplePortfolio]) { client, _ in
            let entra = try await client.ask("/api/nodes?search=entra-id").array()
            #expect(entra.first?["id"] as? String == "entra-id")
            #expect(entra.first?["kind"] as? String == "Technology")
            let words = try await client.ask("/api/nodes?search=SIGN%20ON").array()
            #expect(words.map { $0["id"] as? String }.contains("iam-consolidation"))
            let none = try await client.ask("/api/nodes?search=zzzz-nothing").array()
            #expect(none.isEmpty)
            let limited = try await client.ask("/api/nodes?search=a&limit=3").array()
            #expect(limited.count == 3)
        }
    }

    @Test("a node's details: owner, findings, relations and what breaks without it, as the analysis says")
    func nodeDetails() async throws {
        let analysis = try PortfolioAnalysis(paths: [samplePortfolio])
        let graph = analysis.graph
        let entra = try #require(graph.node(withID: "entra-id"))
        try await withServer([samplePortfolio]) { client, _ in
            let node = try await client.ask("/api/nodes/entra-id").object()
            #expect(node["name"] as? String == "Microsoft Entra ID")
            #expect((node["owner"] as? [String: Any])?["id"] as? String == "felix-roth")
            let dependents = try #require(node["dependents"] as? [String: Any])
            let expected = graph.dependents(of: entra)
            #expect(dependents["total"] as? Int == expected.count)
            #expect(dependents["direct"] as? Int == expected.count(where: \.isDirect))
            let listed = try #require(dependents["initiatives"] as? [[String: Any]])
            #expect(listed.map { $0["id"] as? String } == expected.map(\.initiative))
            #expect(listed.map { $0["path"] as? [String] } == expected.map(\.path))
            let findings = try #require(node["findings"] as? [[String: Any]])
            #expect(findings.contains { $0["rule"] as? String == "single-point-of-failure" })
            #expect(node["relationCount"] as? Int == graph.outgoing(entra).count + graph.incoming(entra).count)
            let fields = try #require(node["fields"] as? [[String: Any]])
            #expect(fields.contains { $0["name"] as? String == "lifecycle" })

            let missing = try await client.ask("/api/nodes/no-such-node")
            #expect(missing.status == 404)
            #expect(try missing.errorCode() == "unknown-node")
        }
    }

    @Test("every view the page offers draws as SVG; a focus draws its centre; an unknown centre is 404")
    func drawings() async throws {
        try await withServer([samplePortfolio]) { client, _ in
            for view in ["risks", "units", "roadmap", "landscape", "overview", "capabilities"] {
                let answer = try await client.ask("/api/render?view=\(view)")
                #expect(answer.status == 200, "\(view): \(answer.body.prefix(200))")
                #expect(answer.headers[.contentType] == "image/svg+xml")
                #expect(answer.body.contains("<svg"), "\(view)")
            }
            let focus = try await client.ask("/api/render?view=focus&node=entra-id&depth=1&direction=up")
            #expect(focus.status == 200)
            #expect(focus.body.contains("<title>entra&#45;id</title>"))
            #expect(focus.body.contains("<title>iam&#45;consolidation</title>"), "a direct dependent of Entra ID")
            let unknown = try await client.ask("/api/render?view=focus&node=nobody")
            #expect(unknown.status == 404)
            #expect(try unknown.errorCode() == "unknown-node")
        }
    }

    @Test("a query returns typed rows and display cells; parameters are bound")
    func query() async throws {
        try await withServer([samplePortfolio]) { client, _ in
            let body = #"{"query": "MATCH (t:Technology {id: $id}) RETURN t.id AS id, t.name AS name, 1.5 AS x", "parameters": {"id": "entra-id"}}"#
            let answer = try await client.ask("/api/query", method: .post, body: body)
            #expect(answer.status == 200, "\(answer.body)")
            let result = try answer.object()
            #expect(result["columns"] as? [String] == ["id", "name", "x"])
            let rows = try #require(result["rows"] as? [[Any]])
            #expect(rows.count == 1)
            #expect(rows.first?[2] as? Double == 1.5)
            #expect(result["cells"] as? [[String]] == [["entra-id", "Microsoft Entra ID", "1.5"]])
        }
    }

    @Test("a bad query is 400 with its line and column; a write is refused; a bad body is 400")
    func badQueries() async throws {
        try await withServer([samplePortfolio]) { client, _ in
            let syntax = try await client.ask("/api/query", method: .post, body: #"{"query": "MATCH (t:Technology\nRETURN t"}"#)
            #expect(syntax.status == 400)
            #expect(try syntax.errorCode() == "bad-query")
            let position = try #require((try syntax.object()["error"] as? [String: Any])?["position"] as? [String: Int])
            #expect(position["line"] == 2)
            #expect(position["column"] == 1)

            let write = try await client.ask("/api/query", method: .post, body: #"{"query": "CREATE (n:Initiative {id: 'x'})"}"#)
            #expect(write.status == 400)
            #expect(try write.errorMessage().contains("unsupported"))

            for body in ["not json", #"{"text": "MATCH (n) RETURN n"}"#, #"{"query": "RETURN $p", "parameters": {"p": {"deep": [[1]]}}}"#] {
                let answer = try await client.ask("/api/query", method: .post, body: body)
                #expect(answer.status == 400, "\(body)")
                #expect(try answer.errorCode() == "bad-parameter")
            }
        }
    }

    @Test("a query past the row or time limit is 422 naming the limit")
    func queryLimits() async throws {
        try await withServer([samplePortfolio], bounds: QueryBounds(time: .milliseconds(50), rows: 5)) { client, _ in
            let rows = try await client.ask("/api/query", method: .post, body: #"{"query": "MATCH (n) RETURN n.id"}"#)
            #expect(rows.status == 422)
            #expect(try rows.errorCode() == "query-limit")
            #expect(try rows.errorMessage().contains("more than 5 rows"))
            #expect(try rows.errorMessage().contains("--query-rows"))

            let slow = #"{"query": "MATCH (a), (b), (c) WHERE a.id < b.id AND b.id < c.id RETURN count(*)"}"#
            let time = try await client.ask("/api/query", method: .post, body: slow)
            #expect(time.status == 422)
            #expect(try time.errorMessage().contains("time limit of 0.05 seconds"), "\(time.body)")
            #expect(try time.errorMessage().contains("--query-timeout"))

            let big = try await client.ask("/api/query", method: .post, body: #"{"query": "RETURN size(range(1, 2000000)) AS n"}"#)
            #expect(big.status == 422)
            #expect(try big.errorMessage().contains("--max-value-size"), "\(big.body)")

            let fits = try await client.ask("/api/query", method: .post, body: #"{"query": "MATCH (n) RETURN n.id LIMIT 5"}"#)
            #expect(fits.status == 200)
        }
    }

    @Test("the page, its script and style are served; the board report downloads as HTML")
    func pageAndReport() async throws {
        try await withServer([samplePortfolio]) { client, _ in
            let page = try await client.ask("/")
            #expect(page.status == 200)
            #expect(page.headers[.contentType] == "text/html; charset=utf-8")
            #expect(page.body.contains("<script src=\"/app.js\""))
            let script = try await client.ask("/app.js")
            #expect(script.headers[.contentType] == "text/javascript; charset=utf-8")
            #expect(!script.body.contains("innerHTML"), "the page builds its content with textContent only")
            let style = try await client.ask("/style.css")
            #expect(style.status == 200)

            let report = try await client.ask("/report")
            #expect(report.status == 200)
            #expect(report.headers[.contentDisposition] == "attachment; filename=\"acme-group-board-report.html\"")
            #expect(report.body.contains("Acme Group"))
            #expect(report.body.hasPrefix("<!DOCTYPE html>") || report.body.hasPrefix("<!doctype html>"))
        }
    }
}
