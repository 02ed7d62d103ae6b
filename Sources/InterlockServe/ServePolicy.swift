import HTTPTypes
import Hummingbird
import InterlockReports

/// What every response of `interlock serve` carries and every request must pass: the security
/// headers, the Host check against DNS rebinding, and API errors written as JSON.
struct ServePolicy<Context: RequestContext>: RouterMiddleware {
    /// The Host names a request may name; nil accepts any (the server was bound to a public address on purpose).
    let allowedHosts: Set<String>?

    /// The page runs only its own script and style and loads nothing from anywhere else; the
    /// SVG drawings are inline, their styles are attributes.
    static var contentSecurityPolicy: String {
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
            + "base-uri 'none'; form-action 'none'; frame-ancestors 'none'"
    }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var response: Response
        if let allowedHosts, !allowedHosts.contains(Self.hostName(request.head.authority ?? "")) {
            // A page on another site that made its name point at 127.0.0.1 must not read the portfolio.
            response = Self.errorResponse(ServeError(status: 403, code: "forbidden-host", "This server answers only to the names it listens on."))
        } else {
            do {
                response = try await next(request, context)
            } catch let error as ServeError {
                response = Self.errorResponse(error)
            } catch let error as HTTPResponseError {
                response = Self.errorResponse(Self.serveError(for: error.status))
            }
        }
        response.headers[.contentSecurityPolicy] = Self.contentSecurityPolicy
        response.headers[.xContentTypeOptions] = "nosniff"
        response.headers[HTTPField.Name("Referrer-Policy")!] = "no-referrer"
        response.headers[HTTPField.Name("X-Frame-Options")!] = "DENY"
        if response.headers[.cacheControl] == nil { response.headers[.cacheControl] = "no-store" }
        return response
    }

    /// The host of a Host header without its port (`[::1]:8080` is `[::1]`), in lower case.
    static func hostName(_ authority: String) -> String {
        let lowered = authority.lowercased()
        if lowered.hasPrefix("["), let close = lowered.firstIndex(of: "]") { return String(lowered[...close]) }
        return String(lowered.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false).first ?? "")
    }

    /// The JSON answer for an error.
    static func errorResponse(_ error: ServeError) -> Response {
        Response.json(error.json, status: HTTPResponse.Status(code: error.status))
    }

    private static func serveError(for status: HTTPResponse.Status) -> ServeError {
        switch status.code {
        // The router answers 404 for a method an address does not take, too.
        case 404: ServeError(status: 404, code: "not-found", "Nothing is served at this address with this method.")
        case 413: ServeError(status: 413, code: "body-too-large", "The request body is larger than the server accepts.")
        default: ServeError(status: status.code, code: "http-\(status.code)", status.reasonPhrase)
        }
    }
}

extension Response {
    /// A JSON response.
    static func json(_ value: JSONValue, status: HTTPResponse.Status = .ok) -> Response {
        json(value.serialized(pretty: false), status: status)
    }

    /// A JSON response from text already serialised.
    static func json(_ text: String, status: HTTPResponse.Status = .ok) -> Response {
        Response(
            status: status, headers: [.contentType: "application/json; charset=utf-8"],
            body: ResponseBody(byteBuffer: ByteBuffer(string: text)))
    }
}
