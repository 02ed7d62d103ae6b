import InterlockQuery
import InterlockReports

/// How much one query from the page may take, and the options of `interlock serve` that raise
/// each bound (quoted in the error a query past it gets).
public struct QueryBounds: Hashable, Sendable {
    /// The longest a query may run.
    public var time: Duration
    /// The most rows a result may have.
    public var rows: Int
    /// The most elements a list, or UTF-8 bytes a string, built by the query may have.
    public var valueSize: Int
    /// The most values a query may hold at once (rows kept by ORDER BY, aggregation...).
    public var heldValues: Int

    /// Creates bounds; the defaults suit a page: 10 s, 1,000 rows, values of 1 million
    /// elements, 2 million values held.
    public init(time: Duration = .seconds(10), rows: Int = 1_000, valueSize: Int = 1_000_000, heldValues: Int = 2_000_000) {
        self.time = time
        self.rows = rows
        self.valueSize = valueSize
        self.heldValues = heldValues
    }

    /// The engine's limits, naming the options of `interlock serve` that raise them.
    var limits: QueryLimits {
        QueryLimits(
            timeout: time, maximumValueSize: valueSize, maximumHeldValues: heldValues,
            raisedBy: .init(
                timeout: "interlock serve --query-timeout", valueSize: "interlock serve --max-value-size",
                heldValues: "interlock serve --max-held"))
    }
}

extension ServedPortfolio {
    /// Runs a read-only openCypher query and returns its result as the API writes it:
    /// `{"columns": [...], "rows": [[typed JSON values]], "cells": [[display text]]}`.
    ///
    /// - Throws: `ServeError` 400 for a query that does not parse, check or run (with its
    ///   position when it has one), 422 for one past `bounds` (naming the bound).
    public func query(_ text: String, parameters: [String: QueryValue], bounds: QueryBounds) throws(ServeError) -> String {
        let limits = bounds.limits
        let formatter = ResultFormatter(graph: engine.graph)
        var columns: [String] = []
        var rows: [String] = []
        var cells: [JSONValue] = []
        do {
            let prepared = try QueryEngine<PortfolioQueryGraph>.prepare(text)
            try engine.stream(prepared, parameters: parameters, limits: limits, columns: { columns = $0 }) { (row) throws(QueryError) in
                guard rows.count < bounds.rows else {
                    throw QueryError(.limit, "the result has more than \(bounds.rows) rows, the row limit; add LIMIT, or raise the limit with interlock serve --query-rows")
                }
                rows.append("[" + row.map(formatter.jsonValue).joined(separator: ", ") + "]")
                cells.append(.array(row.map { .string(formatter.cellText($0)) }))
            }
        } catch {
            switch error.kind {
            case .timeout, .limit: throw ServeError(status: 422, code: "query-limit", Self.sentence(error.message))
            case .syntax, .semantic, .unsupported, .runtime:
                throw ServeError(status: 400, code: "bad-query", "\(error.kind.rawValue) error: \(error.message)", position: error.position)
            }
        }
        return "{\"columns\": " + JSONValue.array(columns.map(JSONValue.string)).serialized(pretty: false) + ", \"rows\": ["
            + rows.joined(separator: ", ") + "], \"cells\": " + JSONValue.array(cells).serialized(pretty: false) + "}"
    }

    private static func sentence(_ message: String) -> String {
        (message.first.map { $0.uppercased() + message.dropFirst() } ?? message) + (message.hasSuffix(".") ? "" : ".")
    }
}
