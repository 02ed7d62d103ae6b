import InterlockQuery
import Testing

/// Runs `query` on `graph` and gives its rows, failing the test on an error.
func rows(
    _ query: String, on graph: TestGraph = .sample, parameters: [String: QueryValue] = [:],
    sourceLocation: SourceLocation = #_sourceLocation
) -> [[QueryValue]] {
    do {
        return try QueryEngine(graph: graph).run(query, parameters: parameters).rows
    } catch {
        Issue.record("\(error.rendered(in: query))", sourceLocation: sourceLocation)
        return []
    }
}

/// The single value `RETURN expression` gives.
func value(_ expression: String, parameters: [String: QueryValue] = [:], sourceLocation: SourceLocation = #_sourceLocation) -> QueryValue? {
    rows("RETURN " + expression, on: .empty, parameters: parameters, sourceLocation: sourceLocation).first?.first
}

/// The error a query gives, nil if it runs.
func error(_ query: String, on graph: TestGraph = .sample) -> QueryError? {
    do {
        _ = try QueryEngine(graph: graph).run(query)
        return nil
    } catch {
        return error
    }
}

/// The ids of node values, in order (other values as their literal text).
func ids(_ values: [QueryValue], in graph: TestGraph = .sample) -> [String] {
    values.map { value in
        if case .node(let node) = value, case .string(let id) = graph.property("id", ofNode: node) { return id }
        return value.literalText
    }
}
