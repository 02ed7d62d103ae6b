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
    private let deadline: ContinuousClock.Instant?
    private var ticks = 0
    private var regexes: [String: NSRegularExpression] = [:]

    init(graph: Graph, parameters: [String: QueryValue], procedures: [QueryProcedure], timeout: Duration?) {
        self.graph = graph
        self.parameters = parameters
        self.procedures = Dictionary(procedures.map { ($0.name.lowercased(), $0) }, uniquingKeysWith: { $1 })
        deadline = timeout.map { ContinuousClock.now.advanced(by: $0) }
    }

    /// Counts one unit of work and, every 1024 units, stops the query past its deadline.
    func tick() throws(QueryError) {
        ticks &+= 1
        guard ticks & 1023 == 0, let deadline else { return }
        if ContinuousClock.now >= deadline || Task.isCancelled {
            throw QueryError(.timeout, "the query ran past its time limit and was cancelled")
        }
    }

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

extension NSRegularExpression {
    /// Whether the expression matches somewhere in `text` (anchored expressions: the whole of it).
    func wholeMatches(_ text: String) -> Bool {
        firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil
    }
}
