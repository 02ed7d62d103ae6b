import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import InterlockServe
import Testing

/// The repository's sample portfolio.
let samplePortfolio = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("../../Samples/acme").standardizedFileURL.path

/// One answer of the server, kept as text so that it can leave the test client's callback.
struct Answer: Sendable {
    let status: Int
    let headers: HTTPFields
    let body: String

    /// The body as a JSON object.
    func object() throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(body.utf8)) as? [String: Any], "not a JSON object: \(body.prefix(200))")
    }

    /// The body as a JSON array.
    func array() throws -> [[String: Any]] {
        try #require(try JSONSerialization.jsonObject(with: Data(body.utf8)) as? [[String: Any]], "not a JSON array: \(body.prefix(200))")
    }

    /// The API error's code, or nil when the body is not an API error.
    func errorCode() throws -> String? {
        try (object()["error"] as? [String: Any])?["code"] as? String
    }

    /// The API error's message.
    func errorMessage() throws -> String {
        try #require(try (object()["error"] as? [String: Any])?["message"] as? String)
    }
}

extension TestClientProtocol {
    /// Sends a request and keeps the answer.
    func ask(_ uri: String, method: HTTPRequest.Method = .get, body: String? = nil) async throws -> Answer {
        try await execute(uri: uri, method: method, body: body.map { ByteBuffer(string: $0) }) { response in
            Answer(status: Int(response.status.code), headers: response.headers, body: String(buffer: response.body))
        }
    }
}

/// Serves `paths` through the router alone (no socket), with `bounds` for queries, and runs `test`.
func withServer<Value: Sendable>(
    _ paths: [String], bounds: QueryBounds = QueryBounds(), allowedHosts: Set<String>? = ["localhost"],
    _ test: @Sendable (any TestClientProtocol, LivePortfolio) async throws -> Value
) async throws -> Value {
    let portfolio = try await LivePortfolio(paths: paths)
    let application = Application(router: PortfolioServer(portfolio: portfolio, queryBounds: bounds).router(allowedHosts: allowedHosts))
    return try await application.test(.router) { client in try await test(client, portfolio) }
}

/// A folder of its own under the temporary directory, removed by `cleanUp`.
struct ScratchFolder {
    let path: String

    init() throws {
        path = FileManager.default.temporaryDirectory.appendingPathComponent("interlock-serve-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    /// Writes `text` to `name` in the folder and returns the file's path.
    @discardableResult
    func write(_ name: String, _ text: String) throws -> String {
        let file = (path as NSString).appendingPathComponent(name)
        try Data(text.utf8).write(to: URL(fileURLWithPath: file))
        return file
    }

    func cleanUp() {
        try? FileManager.default.removeItem(atPath: path)
    }
}
