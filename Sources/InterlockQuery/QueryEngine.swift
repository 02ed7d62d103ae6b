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

    /// Parses, checks and runs a query.
    ///
    /// - Parameters:
    ///   - parameters: values of `$name` parameters.
    ///   - timeout: the run stops with a `.timeout` error past this duration.
    public func run(
        _ text: String, parameters: [String: QueryValue] = [:], timeout: Duration? = nil
    ) throws(QueryError) -> QueryResult {
        try run(try Self.prepare(text), parameters: parameters, timeout: timeout)
    }

    /// Runs a prepared query.
    public func run(
        _ query: Query, parameters: [String: QueryValue] = [:], timeout: Duration? = nil
    ) throws(QueryError) -> QueryResult {
        try execute(query, parameters: parameters, timeout: timeout)
    }

    /// The work of `run`, shared by the generic entry points and the portfolio ones.
    func execute(_ query: Query, parameters: [String: QueryValue], timeout: Duration?) throws(QueryError) -> QueryResult {
        let context = ExecutionContext(graph: graph, parameters: parameters, procedures: procedures, timeout: timeout)
        let planner = QueryPlanner(context: context)
        var plans: [QueryPlanner<Graph>.Plan] = []
        for part in query.parts { plans.append(try planner.plan(part)) }
        let collector = CollectSink(distinct: query.unionAll.contains(false))
        for plan in plans {
            let chain = plan.chain(into: collector)
            _ = try chain.push([])
            try chain.finish()
        }
        return QueryResult(columns: plans.first?.columns ?? [], rows: collector.rows)
    }
}
