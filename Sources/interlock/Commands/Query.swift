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

    @Option(name: .customLong("param"), help: ArgumentHelp(
        "A parameter for $name, as name=value; the value is a Cypher literal (42, 'text', ['a', 'b']) or else a plain string. Repeatable.",
        valueName: "name=value"))
    var parameters: [String] = []

    @Option(help: "Output format.")
    var format: ResultFormatter<PortfolioQueryGraph>.Format = .table

    @Option(help: ArgumentHelp("Read the query from this file instead of the argument.", valueName: "file"))
    var file: String?

    @Option(help: ArgumentHelp("Stop the query after this many seconds.", valueName: "seconds"))
    var timeout: Double?

    @Flag(help: "Print the time spent loading, building the graph and running the query to standard error.")
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
        if let timeout, !(timeout > 0) { throw ValidationError("--timeout must be a positive number of seconds.") }
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
        let analysis = try PortfolioInput.analyse(paths, .none)
        let engine = QueryEngine(portfolio: analysis.graph)
        var values: [String: QueryValue] = [:]
        for parameter in parameters {
            if let (name, value) = parsedParameter(parameter) { values[name] = QueryValue.parameter(from: value) }
        }
        let result: QueryResult
        let clock = ContinuousClock()
        let start = clock.now
        do {
            result = try engine.run(prepared, parameters: values, timeout: timeout.map { .milliseconds(Int($0 * 1000)) })
        } catch {
            throw CommandFailure.badInput(located(error, in: text))
        }
        if timings {
            printToStandardError("load   \(analysis.timings.load)")
            printToStandardError("build  \(analysis.timings.build)")
            printToStandardError("query  \(clock.now - start)")
        }
        try OutputDestination(path: output).write(ResultFormatter(graph: engine.graph).render(result, as: format))
    }

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
        (file.map { "\($0):" } ?? "") + error.rendered(in: text)
    }

    private func parsedParameter(_ text: String) -> (String, String)? {
        guard let equals = text.firstIndex(of: "="), equals != text.startIndex else { return nil }
        return (String(text[..<equals]), String(text[text.index(after: equals)...]))
    }
}
