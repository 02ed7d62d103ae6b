import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import InterlockServe
import Testing

@Suite("serve: what a hostile page, portfolio or request cannot do")
struct ServeSafetyTests {
    /// Names that break out of HTML, SVG, JSON or a script when not escaped.
    static let hostilePortfolio = """
        portfolio: "Acme </title><script>alert('name')</script>"
        initiatives:
          - id: evil
            name: "<img src=x onerror=alert(1)> \\"quoted\\" & 'single' </svg>"
            dependsOn: [other]
          - id: other
            name: "</script><script>alert(2)</script>\\u2028line"
            dependsOn: [evil]
        """

    @Test("no address reaches a file outside the page", arguments: [
        "/../../../../etc/passwd", "/app.js/../../../../etc/passwd", "/%2e%2e/%2e%2e/%2e%2e/etc/passwd", "/..%2f..%2f..%2fetc%2fpasswd",
        "/api/nodes/..%2F..%2F..%2Fetc%2Fpasswd", "/api/render?view=focus&node=../../../../etc/passwd", "/style.css%00.html", "/report/../../etc/passwd",
    ])
    func traversal(uri: String) async throws {
        try await withServer([samplePortfolio]) { client, _ in
            let answer = try await client.ask(uri)
            #expect([400, 404].contains(answer.status), "\(uri): \(answer.status)")
            #expect(!answer.body.contains("root:"), "\(uri)")
            #expect(try answer.errorCode() != nil, "\(uri): errors are JSON: \(answer.body.prefix(100))")
        }
    }

    @Test("hostile names come back as the same text in JSON and escaped in SVG")
    func hostileNames() async throws {
        let folder = try ScratchFolder()
        defer { folder.cleanUp() }
        try folder.write("portfolio.yaml", Self.hostilePortfolio)
        try await withServer([folder.path]) { client, _ in
            let summary = try await client.ask("/api/summary").object()
            #expect(summary["portfolio"] as? String == "Acme </title><script>alert('name')</script>")
            let node = try await client.ask("/api/nodes/evil").object()
            #expect(node["name"] as? String == "<img src=x onerror=alert(1)> \"quoted\" & 'single' </svg>")
            let other = try await client.ask("/api/nodes/other")
            #expect(try other.object()["name"] as? String == "</script><script>alert(2)</script>\u{2028}line")
            #expect(!other.body.contains("\u{2028}"), "U+2028 is escaped, so the JSON is also valid JavaScript")

            let drawing = try await client.ask("/api/render?view=focus&node=evil&depth=1")
            #expect(drawing.status == 200)
            #expect(!drawing.body.contains("<script"))
            #expect(!drawing.body.contains("<img"))
            #expect(drawing.body.contains("&lt;img src=x onerror=alert(1)&gt;"))

            let report = try await client.ask("/report")
            #expect(!report.body.contains("<script>alert"))
            #expect(!report.body.contains("<img src=x"))
        }
    }

    @Test("every answer carries the security headers; the policy allows only the page's own script")
    func securityHeaders() async throws {
        try await withServer([samplePortfolio]) { client, _ in
            for uri in ["/", "/app.js", "/api/summary", "/api/nodes/nobody", "/nothing-here"] {
                let answer = try await client.ask(uri)
                let policy = try #require(answer.headers[.contentSecurityPolicy], "\(uri)")
                #expect(policy.contains("default-src 'none'"))
                #expect(policy.contains("script-src 'self'"))
                #expect(!policy.contains("unsafe-inline"))
                #expect(answer.headers[.xContentTypeOptions] == "nosniff")
            }
        }
    }

    @Test("a request naming another host is refused (DNS rebinding)")
    func hostCheck() async throws {
        // The router test client names "localhost"; a server that accepts only 127.0.0.1 refuses it.
        try await withServer([samplePortfolio], allowedHosts: ["127.0.0.1"]) { client, _ in
            let answer = try await client.ask("/api/summary")
            #expect(answer.status == 403)
            #expect(try answer.errorCode() == "forbidden-host")
        }
        #expect(PortfolioServer.allowedHosts(listeningOn: "127.0.0.1")?.contains("localhost") == true)
        #expect(PortfolioServer.allowedHosts(listeningOn: "0.0.0.0") == nil)
    }

    @Test("a body over the cap is 413; a wrong method is 404; errors are JSON")
    func bodiesAndMethods() async throws {
        try await withServer([samplePortfolio]) { client, _ in
            let huge = #"{"query": "RETURN 1", "pad": ""# + String(repeating: "x", count: PortfolioServer.maximumBodySize) + #""}"#
            let tooLarge = try await client.ask("/api/query", method: .post, body: huge)
            #expect(tooLarge.status == 413)
            #expect(try tooLarge.errorCode() == "body-too-large")
            let wrongMethod = try await client.ask("/api/query")
            #expect(wrongMethod.status == 404)
            #expect(try wrongMethod.errorCode() == "not-found")
        }
    }
}
