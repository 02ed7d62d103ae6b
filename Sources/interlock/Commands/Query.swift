import ArgumentParser
import Foundation
import InterlockCore
import InterlockQuery

extension ResultFormatter.Format: ExpressibleByArgument {}

/// `interlock query`: runs a read-only openCypher query over a portfolio's graph.
struct QueryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "query",
        abstract: "Ask the portfolio graph a question in openCypher (read-only).",
        discussion: """
        The graph, the supported subset and twenty example questions are in docs/queries.md.
        Exits 0 with the rows, 2 on a bad portfolio or a bad query (shown with
        its line, column and a caret under the fault).

        Examples:
          interlock query Samples/acme 'MATCH (t:Technology) RETURN t.id, t.lifecycle'
          interlock query Samples/acme --file risks.cypher --param min=1000000
          interlock query Samples/acme --file risks.cypher --format csv -o risks.csv
        """
    )

    @Argument(help: ArgumentHelp(
        "Portfolio files or folders (YAML or JSON, merged as for check), then the query; omit the query when using --file.",
        valueName: "path... query"))
    var arguments: [String] = []

    @OptionGroup var source: PortfolioSource

    @Option(name: .customLong("param"), help: ArgumentHelp(
        "A parameter for $name, as name=value; the value is a Cypher literal (42, 'text', ['a', 'b']) or else a plain string. Repeatable.",
        valueName: "name=value"))
    var parameters: [String] = []

    @Option(help: "Output format.")
    var format: ResultFormatter<PortfolioQueryGraph>.Format = .table

    @Option(help: ArgumentHelp("Read the query from this file instead of the argument.", valueName: "file"))
    var file: String?

    @Option(help: ArgumentHelp("Stop the query after this many seconds.", valueName: "seconds"))
    var timeout: Double = 60

    @Option(name: .customLong("max-value-size"), help: ArgumentHelp(
        "The most elements a list, or UTF-8 bytes a string, built by the query may have.", valueName: "n"))
    var maximumValueSize = QueryLimits.query.maximumValueSize

    @Option(name: .customLong("max-held"), help: ArgumentHelp(
        "The most values the query may hold at once (rows kept by ORDER BY, DISTINCT, aggregation, collect(), or for a table).",
        valueName: "n"))
    var maximumHeldValues = QueryLimits.query.maximumHeldValues

    @Flag(help: "Print the time spent loading, building the graph, keeping its number and choice properties in columns, and running the query to standard error.")
    var timings = false

    @Option(name: [.short, .customLong("output")], help: "Write the result to this file (atomically) instead of standard output.")
    var output: String?

    /// The portfolio paths: every argument but the query.
    var paths: [String] { file == nil ? Array(arguments.dropLast()) : arguments }

    /// The query given as the last argument, when not read from --file.
    var query: String? { file == nil ? arguments.last : nil }

    func validate() throws {
        if paths.isEmpty {
            throw ValidationError(file == nil
                ? "Give the portfolio's files or folders, then the query (or the query with --file)."
                : "Give at least one portfolio file or folder.")
        }
        // `Duration` from a Double traps past Int64 nanoseconds: `--timeout inf` and `1e300` are refused here.
        guard timeout > 0, timeout <= Self.longestTimeout else {
            throw ValidationError("--timeout must be a number of seconds above 0 and at most \(Int(Self.longestTimeout)) (a week).")
        }
        guard maximumValueSize > 0, maximumHeldValues > 0 else {
            throw ValidationError("--max-value-size and --max-held must be positive numbers.")
        }
        for parameter in parameters where parsedParameter(parameter) == nil {
            throw ValidationError("--param expects name=value, got '\(parameter)'.")
        }
    }

    func run() throws {
        let text = try queryText()
        let prepared: InterlockQuery.Query
        do {
            prepared = try QueryEngine<PortfolioQueryGraph>.prepare(text)
        } catch {
            throw CommandFailure.badInput(located(error, in: text))
        }
        let analysis = try source.analyse(paths, .none)
        let clock = ContinuousClock()
        let columnsStart = clock.now
        let engine = QueryEngine(portfolio: analysis.graph)
        let columnsTime = clock.now - columnsStart
        var values: [String: QueryValue] = [:]
        for parameter in parameters {
            if let (name, value) = parsedParameter(parameter) { values[name] = QueryValue.parameter(from: value) }
        }
        let limits = QueryLimits(
            timeout: .milliseconds(Int((timeout * 1000).rounded(.up))), maximumValueSize: maximumValueSize,
            maximumHeldValues: maximumHeldValues)
        let start = clock.now
        let formatter = ResultFormatter(graph: engine.graph)
        let destination = OutputDestination(path: output)
        if ResultFormatter<PortfolioQueryGraph>.streams(format) {
            // Rows go out as they come: a result of any length never has to fit in memory. A
            // query that fails half-way fails the command (exit 2), and `-o` keeps no partial file.
            try destination.stream { handle in
                let writer = ChunkedWriter(handle)
                var columns: [String] = []
                var count = 0
                do throws(QueryError) {
                    try engine.stream(prepared, parameters: values, limits: limits, columns: { (names) throws(QueryError) in
                        columns = names
                        try writer.append(formatter.header(columns: names, as: format))
                    }) { (row) throws(QueryError) in
                        try writer.append(formatter.row(row, columns: columns, index: count, as: format))
                        count += 1
                    }
                } catch {
                    if let failure = writer.failure { throw failure }
                    throw CommandFailure.badInput(located(error, in: text))
                }
                try writer.finish(with: formatter.footer(rows: count, as: format))
            }
        } else {
            let result: QueryResult
            do {
                result = try engine.run(prepared, parameters: values, limits: limits)
            } catch {
                throw CommandFailure.badInput(located(error, in: text))
            }
            try destination.write(formatter.render(result, as: format))
        }
        if timings {
            printToStandardError("load   \(analysis.timings.load)")
            printToStandardError("build  \(analysis.timings.build)")
            printToStandardError("columns \(columnsTime)")
            printToStandardError("query  \(clock.now - start)")
        }
    }

    /// The longest `--timeout` accepted, in seconds.
    static let longestTimeout = 604_800.0

    /// The query from the argument or the file.
    private func queryText() throws -> String {
        if let query { return query }
        guard let file else { return "" }
        do {
            return try String(contentsOfFile: file, encoding: .utf8)
        } catch {
            throw CommandFailure.badInput("error: \(file): cannot read the query file")
        }
    }

    /// The error with its place and a caret under it; the file's name first when read from one.
    private func located(_ error: QueryError, in text: String) -> String {
        // "file:1:5: syntax error", but "file: timeout error" when the fault has no place.
        let separator = error.position == nil ? ": " : ":"
        return (file.map { $0 + separator } ?? "") + error.rendered(in: text)
    }

    private func parsedParameter(_ text: String) -> (String, String)? {
        guard let equals = text.firstIndex(of: "="), equals != text.startIndex else { return nil }
        return (String(text[..<equals]), String(text[text.index(after: equals)...]))
    }
}
