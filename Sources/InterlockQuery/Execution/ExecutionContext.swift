import Foundation

/// What a running query shares across its operators: the graph, the parameters, the
/// procedures and the deadline. One context serves one run, on one thread.
final class ExecutionContext<Graph: QueryableGraph> {
    /// The graph queried.
    let graph: Graph
    /// `$name` values.
    let parameters: [String: QueryValue]
    /// Procedures callable with CALL, by lower-cased name.
    let procedures: [String: QueryProcedure]
    /// The time limit, shared with the sinks.
    let deadline: QueryDeadline
    /// The size and memory limits, shared with the sinks that hold rows.
    let budget: QueryBudget
    private var regexes: [String: NSRegularExpression] = [:]

    init(graph: Graph, parameters: [String: QueryValue], procedures: [QueryProcedure], limits: QueryLimits) {
        self.graph = graph
        self.parameters = parameters
        self.procedures = Dictionary(procedures.map { ($0.name.lowercased(), $0) }, uniquingKeysWith: { $1 })
        deadline = QueryDeadline(timeout: limits.timeout, raisedBy: limits.raisedBy.timeout)
        budget = QueryBudget(limits: limits)
    }

    /// Counts `units` of work (see `QueryDeadline.tick`).
    func tick(_ units: Int = 1) throws(QueryError) { try deadline.tick(units) }

    /// The compiled regular expression for `pattern`, anchored to match the whole string as
    /// openCypher's `=~` requires; compiled once per run.
    func regex(_ pattern: String, at position: QueryPosition) throws(QueryError) -> NSRegularExpression {
        if let cached = regexes[pattern] { return cached }
        do {
            let regex = try NSRegularExpression(pattern: "\\A(?:" + pattern + ")\\z", options: [])
            regexes[pattern] = regex
            return regex
        } catch {
            throw QueryError(.runtime, "invalid regular expression '\(pattern)'", at: position)
        }
    }
}

/// The time limit of one run. Work is counted in units (a candidate tried, a row unwound);
/// every 1024 units the clock is read, so that checking costs next to nothing (the counter
/// goes without exclusivity checks, which cost more than the count: one run, one thread).
final class QueryDeadline {
    private let end: ContinuousClock.Instant?
    private let timeout: Duration?
    private let raisedBy: String
    /// Units left before the clock is read again.
    @exclusivity(unchecked) private var untilCheck = QueryDeadline.unitsPerCheck
    private static let unitsPerCheck = 1024

    init(timeout: Duration?, raisedBy: String) {
        self.timeout = timeout
        self.raisedBy = raisedBy
        end = timeout.map { ContinuousClock.now.advanced(by: $0) }
    }

    /// Counts `units` of work (a loop may count its iterations at once, after it); throws a
    /// `.timeout` error once past the limit or when the task is cancelled.
    func tick(_ units: Int = 1) throws(QueryError) {
        untilCheck -= units
        guard untilCheck <= 0 else { return }
        untilCheck = Self.unitsPerCheck
        guard let end, let timeout else { return }
        if ContinuousClock.now >= end || Task.isCancelled {
            throw QueryError(
                .timeout, "the query ran past its time limit of \(timeout) and was cancelled; raise it with \(raisedBy)")
        }
    }
}

extension NSRegularExpression {
    /// Whether the expression matches somewhere in `text` (anchored expressions: the whole of it).
    func wholeMatches(_ text: String) -> Bool {
        firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil
    }
}
