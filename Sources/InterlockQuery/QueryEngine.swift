/// Runs read-only openCypher queries over a graph.
///
///     let engine = QueryEngine(graph: PortfolioQueryGraph(portfolioGraph))
///     let result = try engine.run("MATCH (i:Initiative) WHERE i.budget > $min RETURN i.id", parameters: ["min": 1_000_000])
///
/// A run parses the text, checks it, plans each single query into a chain of row sinks, and
/// pushes one empty row through; the chain stops early when a LIMIT is reached.
public struct QueryEngine<Graph: QueryableGraph>: Sendable {
    /// The graph queried.
    public let graph: Graph
    /// The procedures CALL can use: the standard ones and those given at creation.
    public let procedures: [QueryProcedure]

    /// Creates an engine; `procedures` add to (or replace, by name) the standard ones.
    public init(graph: Graph, procedures: [QueryProcedure] = []) {
        self.graph = graph
        let added = Set(procedures.map { $0.name.lowercased() })
        self.procedures = StandardProcedures.all(for: graph).filter { !added.contains($0.name.lowercased()) } + procedures
    }

    /// Parses and checks a query without running it.
    public static func prepare(_ text: String) throws(QueryError) -> Query {
        let query = try Parser.parse(text)
        try SemanticChecker.check(query)
        return query
    }

    /// Parses, checks and runs a query, holding its rows (see `stream` for results too large to hold).
    ///
    /// - Parameters:
    ///   - parameters: values of `$name` parameters.
    ///   - limits: time, value size and held values; past one, a `.timeout` or `.limit` error.
    public func run(
        _ text: String, parameters: [String: QueryValue] = [:], limits: QueryLimits = .query
    ) throws(QueryError) -> QueryResult {
        try run(try Self.prepare(text), parameters: parameters, limits: limits)
    }

    /// Runs a prepared query, holding its rows.
    public func run(
        _ query: Query, parameters: [String: QueryValue] = [:], limits: QueryLimits = .query
    ) throws(QueryError) -> QueryResult {
        try execute(query, parameters: parameters, limits: limits)
    }

    /// Runs a prepared query and hands each row to `row` as it is produced, so that a result
    /// of any length never has to fit in memory; `columns` gets the column names first.
    /// An error thrown by `row` stops the run and is thrown again.
    public func stream(
        _ query: Query, parameters: [String: QueryValue] = [:], limits: QueryLimits = .query,
        columns: ([String]) throws(QueryError) -> Void, row: @escaping ([QueryValue]) throws(QueryError) -> Void
    ) throws(QueryError) {
        try executeStreaming(query, parameters: parameters, limits: limits, holding: false, columns: columns, row: row)
    }

    /// The work of `run`, shared by the generic entry points and the portfolio ones.
    func execute(_ query: Query, parameters: [String: QueryValue], limits: QueryLimits) throws(QueryError) -> QueryResult {
        var rows: [[QueryValue]] = []
        var names: [String] = []
        try executeStreaming(
            query, parameters: parameters, limits: limits, holding: true, columns: { names = $0 },
            row: { rows.append($0) })
        return QueryResult(columns: names, rows: rows)
    }

    /// The work of `stream`, shared by the generic entry points and the portfolio ones;
    /// `holding` counts every row against the budget, for callers that keep them all.
    func executeStreaming(
        _ query: Query, parameters: [String: QueryValue], limits: QueryLimits, holding: Bool,
        columns: ([String]) throws(QueryError) -> Void, row: @escaping ([QueryValue]) throws(QueryError) -> Void
    ) throws(QueryError) {
        let context = ExecutionContext(graph: graph, parameters: parameters, procedures: procedures, limits: limits)
        let planner = QueryPlanner(context: context)
        var plans: [QueryPlanner<Graph>.Plan] = []
        for part in query.parts { plans.append(try planner.plan(part)) }
        try columns(plans.first?.columns ?? [])
        let emitter = EmitSink(
            distinct: query.unionAll.contains(false), holding: holding, budget: context.budget, emit: row)
        for plan in plans {
            let chain = plan.chain(into: emitter)
            _ = try chain.push([])
            try chain.finish()
        }
    }
}
