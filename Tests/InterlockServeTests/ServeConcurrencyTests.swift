import Foundation
import HummingbirdTesting
import InterlockServe
import Testing

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

@Suite("serve: many requests at once on a real socket")
struct ServeConcurrencyTests {
    @Test("100 concurrent requests of every kind on loopback all get their answer")
    func hundredAtOnce() async throws {
        let portfolio = try await LivePortfolio(paths: [samplePortfolio])
        let application = PortfolioServer(portfolio: portfolio).application(host: "127.0.0.1", port: 0)
        try await application.test(.live) { client in
            let port = try #require(client.port)
            let base = "http://127.0.0.1:\(port)"
            let requests: [(String, String?)] = [
                ("/api/summary", nil), ("/api/findings?severity=error", nil), ("/api/nodes?search=sap", nil), ("/api/nodes/entra-id", nil),
                ("/api/render?view=focus&node=entra-id&depth=1", nil), ("/api/render?view=units", nil),
                ("/api/query", #"{"query": "MATCH (i:Initiative) RETURN count(i)"}"#), ("/api/nodes/no-such-node", nil), ("/", nil),
                ("/api/findings?severity=bad", nil),
            ]
            let session = URLSession(configuration: .ephemeral)
            let statuses = try await withThrowingTaskGroup(of: (Int, Int).self) { group in
                for index in 0..<100 {
                    let (path, body) = requests[index % requests.count]
                    group.addTask {
                        var request = URLRequest(url: try #require(URL(string: base + path)))
                        request.timeoutInterval = 60
                        if let body {
                            request.httpMethod = "POST"
                            request.httpBody = Data(body.utf8)
                        }
                        let (data, response) = try await session.data(for: request)
                        #expect(!data.isEmpty)
                        return (index, (response as? HTTPURLResponse)?.statusCode ?? 0)
                    }
                }
                var statuses = [Int](repeating: 0, count: 100)
                for try await (index, status) in group { statuses[index] = status }
                return statuses
            }
            let expected = (0..<100).map { index -> Int in
                switch requests[index % requests.count].0 {
                case "/api/nodes/no-such-node": 404
                case "/api/findings?severity=bad": 400
                default: 200
                }
            }
            #expect(statuses == expected)
        }
    }
}
