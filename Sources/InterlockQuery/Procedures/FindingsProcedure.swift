import Foundation
import InterlockAnalysis
import InterlockCore

extension QueryEngine where Graph == PortfolioQueryGraph {
    /// An engine over a portfolio graph, with `interlock.findings()` added to the standard
    /// procedures; its graph keeps the number and choice properties in columns.
    public init(portfolio graph: PortfolioGraph) {
        self.init(graph: PortfolioQueryGraph(graph, keepingColumns: true), procedures: [FindingsProcedure.make(for: graph)])
    }

    /// Parses, checks and runs a query. Calls from other modules land here rather than on the
    /// generic method, so that the whole executor is compiled for the portfolio graph
    /// (generic code called across modules runs unspecialised, several times slower).
    public func run(
        _ text: String, parameters: [String: QueryValue] = [:], limits: QueryLimits = .query
    ) throws(QueryError) -> QueryResult {
        try execute(try Self.prepare(text), parameters: parameters, limits: limits)
    }

    /// Runs a prepared query, compiled for the portfolio graph (see `run(_:parameters:limits:)`).
    public func run(
        _ query: Query, parameters: [String: QueryValue] = [:], limits: QueryLimits = .query
    ) throws(QueryError) -> QueryResult {
        try execute(query, parameters: parameters, limits: limits)
    }

    /// Streams a prepared query's rows, compiled for the portfolio graph (see the generic `stream`).
    public func stream(
        _ query: Query, parameters: [String: QueryValue] = [:], limits: QueryLimits = .query,
        columns: ([String]) throws(QueryError) -> Void, row: @escaping ([QueryValue]) throws(QueryError) -> Void
    ) throws(QueryError) {
        try executeStreaming(query, parameters: parameters, limits: limits, holding: false, columns: columns, row: row)
    }
}

/// `interlock.findings() YIELD rule, severity, node, message, nodes, action`: the built-in
/// detectors' findings after the portfolio's policy, one row per node a finding involves, so that
/// they join with patterns.
/// A finding whose nodes are all unknown ids (a dangling reference) gives one row with a null node.
enum FindingsProcedure {
    /// The fields, in order.
    static let outputs = ["rule", "severity", "node", "message", "nodes", "action"]

    static func make(for graph: PortfolioGraph) -> QueryProcedure {
        let cache = Cache()
        return QueryProcedure(name: "interlock.findings", arguments: [], outputs: outputs) { (_) throws(QueryError) in
            try cache.rows { () throws(QueryError) in rows(try findings(of: graph), graph: graph) }
        }
    }

    /// The built-in detectors' findings as `check` reports them: with the policy's thresholds,
    /// severities, `off` settings and exceptions applied. Custom rules are queries and do not run
    /// inside one; their ids still count as rules the policy may name.
    ///
    /// - Throws: a runtime `QueryError` when the policy names a rule that does not exist.
    static func findings(of graph: PortfolioGraph, today: Day = .today()) throws(QueryError) -> [Finding] {
        let policy = graph.portfolio.policy
        let detectors = Detectors.builtIn(for: policy, today: today)
        let found = Analyzer(context: AnalysisContext(graph), detectors: detectors).findings
        let rules = Set(detectors.map(\.id)).union(graph.portfolio.rules.map { RuleID($0.id) })
        do {
            return try policy.applied(to: found, rules: rules, today: today)
        } catch {
            throw QueryError(.runtime, "interlock.findings() cannot apply the portfolio's policy: \(error)")
        }
    }

    /// The rows, computed once per engine: a CALL after a MATCH runs once per incoming row,
    /// and the detectors need not run again for each.
    final class Cache: @unchecked Sendable {
        private let lock = NSLock()
        private var computed: [[QueryValue]]?

        func rows(_ make: () throws(QueryError) -> [[QueryValue]]) throws(QueryError) -> [[QueryValue]] {
            lock.lock()
            defer { lock.unlock() }
            if let computed { return computed }
            let made = try make()
            computed = made
            return made
        }
    }

    static func rows(_ findings: [Finding], graph: PortfolioGraph) -> [[QueryValue]] {
        var rows: [[QueryValue]] = []
        for finding in findings {
            // A cycle names its first node again at the end; each node gets one row.
            var seen: Set<Int> = []
            let nodes = finding.nodes(in: graph).filter { seen.insert($0).inserted }
            let shared: (QueryValue, QueryValue, QueryValue, QueryValue, QueryValue) = (
                .string(finding.rule.rawValue), .string(finding.severity.rawValue), .string(finding.message),
                .list(nodes.map(QueryValue.node)), .string(finding.action)
            )
            for node in nodes.isEmpty ? [nil] : nodes.map(Optional.some) {
                rows.append([shared.0, shared.1, node.map(QueryValue.node) ?? .null, shared.2, shared.3, shared.4])
            }
        }
        return rows
    }
}
