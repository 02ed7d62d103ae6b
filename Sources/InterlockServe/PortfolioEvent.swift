import InterlockAnalysis
import InterlockReports

/// What the server tells open pages (`GET /api/events`, server-sent events).
public enum PortfolioEvent: Hashable, Sendable {
    /// The files were saved and load: version `generation` is served, with the findings that
    /// appeared and those that went away since the version before.
    case updated(generation: Int, appeared: [Finding], resolved: [Finding])
    /// The files were saved but no longer load: the located error; the last good version stays.
    case problem(String)
    /// Nothing happened; sent now and then so that a closed page is noticed and let go.
    case heartbeat

    /// The event as one server-sent event: its name, then its JSON data.
    var serverSentEvent: String {
        switch self {
        case .updated(let generation, let appeared, let resolved):
            let data = JSONValue.object([
                ("generation", .integer(generation)), ("appeared", .array(appeared.map(Self.json))),
                ("resolved", .array(resolved.map(Self.json))),
            ])
            return "event: update\ndata: \(data.serialized(pretty: false))\n\n"
        case .problem(let message):
            return "event: problem\ndata: \(JSONValue.object([("message", .string(message))]).serialized(pretty: false))\n\n"
        case .heartbeat:
            return ": heartbeat\n\n"
        }
    }

    private static func json(_ finding: Finding) -> JSONValue {
        .object([
            ("key", .string(finding.fingerprint)), ("rule", .string(finding.rule.rawValue)), ("severity", .string(finding.severity.rawValue)),
            ("message", .string(finding.message)),
        ])
    }
}
