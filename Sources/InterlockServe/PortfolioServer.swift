import Foundation
import HTTPTypes
import Hummingbird
import InterlockAnalysis
import InterlockCore
import InterlockGraphviz
import InterlockQuery
import InterlockReports
import Logging
import ServiceLifecycle

/// `interlock serve`: the page and its JSON API over a live portfolio (docs/serve.md).
///
///     let portfolio = try await LivePortfolio(paths: ["Samples/acme"])
///     let server = PortfolioServer(portfolio: portfolio)
///     try await server.application(host: "127.0.0.1", port: 8080).runService()
public struct PortfolioServer: Sendable {
    /// The portfolio served.
    public let portfolio: LivePortfolio
    /// How much one query may take.
    public var queryBounds: QueryBounds
    /// How often the files are looked at for changes.
    public var watchInterval: Duration
    /// The largest request body accepted (a query), in bytes.
    public static let maximumBodySize = 64 * 1024
    /// The most search results and findings one request returns.
    public static let maximumPageSize = 1_000

    /// A server for `portfolio`.
    public init(portfolio: LivePortfolio, queryBounds: QueryBounds = QueryBounds(), watchInterval: Duration = .milliseconds(250)) {
        self.portfolio = portfolio
        self.queryBounds = queryBounds
        self.watchInterval = watchInterval
    }

    /// The names a request's Host may give when the server listens on `host`: the loopback names
    /// for a loopback address; any name (nil) for another address, chosen on purpose.
    public static func allowedHosts(listeningOn host: String) -> Set<String>? {
        let loopback: Set<String> = ["127.0.0.1", "localhost", "[::1]", "::1"]
        return loopback.contains(host.lowercased()) ? loopback : nil
    }

    /// The routes, behind the security policy; `allowedHosts` as ``allowedHosts(listeningOn:)``.
    public func router(allowedHosts: Set<String>?) -> Router<BasicRequestContext> {
        let router = Router()
        router.add(middleware: ServePolicy(allowedHosts: allowedHosts))
        PageAssets.add(to: router)
        let portfolio = self.portfolio
        let bounds = queryBounds
        router.get("/report") { _, _ in
            let html = try await portfolio.boardReport()
            let name = await Self.reportFileName(portfolio.current)
            return Response(
                status: .ok,
                headers: [.contentType: "text/html; charset=utf-8", .contentDisposition: "attachment; filename=\"\(name)\""],
                body: ResponseBody(byteBuffer: ByteBuffer(string: html)))
        }
        router.get("/api/summary") { _, _ in
            let (served, problem) = await (portfolio.current, portfolio.problem)
            return Response.json(served.summary(problem: problem))
        }
        router.get("/api/findings") { request, _ in
            let served = await portfolio.current
            let parameters = request.uri.queryParameters
            let filter = try Self.findingFilter(parameters, in: served)
            let (offset, limit) = try Self.page(parameters)
            return Response.json(served.findings(filter, offset: offset, limit: limit))
        }
        router.get("/api/nodes") { request, _ in
            let parameters = request.uri.queryParameters
            guard let text = parameters.get("search") else { throw ServeError.badParameter("Give search=TEXT: words of a name or id.") }
            guard text.utf8.count <= 200 else { throw ServeError.badParameter("search is longer than 200 bytes.") }
            let (_, limit) = try Self.page(parameters, defaultLimit: 50)
            return Response.json(await portfolio.current.searchResults(text, limit: limit))
        }
        router.get("/api/nodes/:id") { _, context in
            let served = await portfolio.current
            let node = try Self.node(context.parameters.get("id"), in: served)
            return Response.json(served.details(of: node))
        }
        router.get("/api/render") { request, _ in
            let drawing = try await Self.drawingRequest(request.uri.queryParameters, in: portfolio.current)
            let svg = try await portfolio.drawing(drawing)
            return Response(status: .ok, headers: [.contentType: "image/svg+xml"], body: ResponseBody(byteBuffer: ByteBuffer(bytes: svg)))
        }
        router.post("/api/query") { request, _ in
            var request = request
            let body = try await request.collectBody(upTo: Self.maximumBodySize)
            let query = try QueryRequestBody(json: Data(buffer: body))
            return Response.json(try await portfolio.query(query.text, parameters: query.parameters, bounds: bounds))
        }
        router.get("/api/events") { _, _ in
            let events = await portfolio.events()
            return Response(
                status: .ok, headers: [.contentType: "text/event-stream", .cacheControl: "no-store"],
                body: ResponseBody { writer in
                    // The page reconnects by itself; it is told how soon, then hears each change.
                    try await writer.write(ByteBuffer(string: "retry: 1000\n\n"))
                    for await event in events.cancelOnGracefulShutdown() {
                        try await writer.write(ByteBuffer(string: event.serverSentEvent))
                    }
                    try await writer.finish(nil)
                })
        }
        return router
    }

    /// The application: the routes on `host`:`port`, and the watcher that reloads the
    /// portfolio when its files change. `runService()` runs it until SIGINT or SIGTERM.
    public func application(
        host: String, port: Int, onServerRunning: @escaping @Sendable (Int) async -> Void = { _ in }
    ) -> some ApplicationProtocol {
        Application(
            router: router(allowedHosts: Self.allowedHosts(listeningOn: host)),
            configuration: ApplicationConfiguration(address: .hostname(host, port: port), serverName: "interlock"),
            services: [PortfolioWatcher(portfolio: portfolio, interval: watchInterval)],
            onServerRunning: { channel in await onServerRunning(channel.localAddress?.port ?? port) },
            logger: Logger(label: "interlock.serve", factory: { _ in SwiftLogNoOpLogHandler() }))
    }

    private static func reportFileName(_ served: ServedPortfolio) -> String {
        let name = (served.graph.portfolio.name ?? "portfolio").lowercased()
        let safe = String(name.map { $0.isASCII && ($0.isLetter || $0.isNumber) ? $0 : "-" })
        return "\(safe.isEmpty ? "portfolio" : safe)-board-report.html"
    }
}
