import ArgumentParser
import Foundation
import InterlockServe

/// `interlock serve`: the portfolio live in the browser.
struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Explore the portfolio live in the browser: search, click to focus, ask questions, see risks change as files are saved.",
        discussion: """
        Serves one page and a JSON API (docs/serve.md) on 127.0.0.1 unless --host says otherwise. The page searches names and ids, lists the findings (filter by rule, severity, unit, owner), shows a node's diagram, fields, findings, owner and what breaks without it, runs openCypher queries, draws the views, and downloads the board report. The files are watched: a save shows its new and resolved findings on the page within a second or two; a file that no longer loads shows its error there and the last good version stays. Ctrl-C stops the server.

        Examples:
          interlock serve Samples/acme --open
          interlock serve portfolio/ --port 9000
        """
    )

    @Argument(help: ArgumentHelp("Portfolio files or folders (YAML or JSON); folders are read recursively and merged.", valueName: "path"))
    var paths: [String]

    @Option(help: "The port to listen on (0: any free port, printed at start).")
    var port = 8080

    @Option(help: "The address to listen on; anything but 127.0.0.1, localhost or ::1 lets other machines read the portfolio.")
    var host = "127.0.0.1"

    @Flag(help: "Open the page in the default browser once the server listens.")
    var open = false

    @Option(name: .customLong("query-timeout"), help: ArgumentHelp("Stop a query from the page after this many seconds.", valueName: "seconds"))
    var queryTimeout = 10.0

    @Option(name: .customLong("query-rows"), help: ArgumentHelp("The most rows a query from the page may return.", valueName: "n"))
    var queryRows = QueryBounds().rows

    @Option(name: .customLong("max-value-size"), help: ArgumentHelp(
        "The most elements a list, or UTF-8 bytes a string, built by a query from the page may have.", valueName: "n"))
    var maximumValueSize = QueryBounds().valueSize

    @Option(name: .customLong("max-held"), help: ArgumentHelp(
        "The most values a query from the page may hold at once (rows kept by ORDER BY, DISTINCT, aggregation).", valueName: "n"))
    var maximumHeldValues = QueryBounds().heldValues

    func validate() throws {
        if paths.isEmpty { throw ValidationError("Give at least one portfolio file or folder.") }
        guard (0...65_535).contains(port) else { throw ValidationError("--port must be from 0 to 65535, not \(port).") }
        if host.isEmpty { throw ValidationError("--host must name an address, such as 127.0.0.1.") }
        guard queryTimeout > 0, queryTimeout <= QueryCommand.longestTimeout else {
            throw ValidationError("--query-timeout must be a number of seconds above 0 and at most \(Int(QueryCommand.longestTimeout)) (a week).")
        }
        guard queryRows > 0, maximumValueSize > 0, maximumHeldValues > 0 else {
            throw ValidationError("--query-rows, --max-value-size and --max-held must be positive numbers.")
        }
    }

    func run() async throws {
        LayoutServer.isolateLayouts()
        let portfolio: LivePortfolio
        do {
            portfolio = try await LivePortfolio(paths: paths)
        } catch {
            throw CommandFailure.badInput(error.description)
        }
        if PortfolioServer.allowedHosts(listeningOn: host) == nil {
            printToStandardError(
                "interlock: warning: listening on \(host), not on loopback: anyone who can reach this machine can read the portfolio.")
        }
        let name = await portfolio.current.graph.portfolio.name ?? "the portfolio"
        let (host, open) = (self.host, self.open)
        let bounds = QueryBounds(
            time: .milliseconds(Int((queryTimeout * 1000).rounded(.up))), rows: queryRows, valueSize: maximumValueSize,
            heldValues: maximumHeldValues)
        let application = PortfolioServer(portfolio: portfolio, queryBounds: bounds).application(host: host, port: port) { port in
            let address = "http://\(host.contains(":") ? "[\(host)]" : host):\(port)/"
            // Written at once, not buffered: a script waiting for this line to know the port gets it.
            FileHandle.standardOutput.write(Data("Interlock serves \(name) at \(address) (Ctrl-C stops it).\n".utf8))
            if open { Self.openInBrowser(address) }
        }
        do {
            try await application.runService()
        } catch {
            throw CommandFailure.badInput("cannot serve on \(host):\(port): \(error)")
        }
    }

    /// Opens `address` with the desktop's opener; says so when there is none.
    private static func openInBrowser(_ address: String) {
        let opener = Process()
        opener.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        opener.arguments = ["xdg-open", address]
        opener.standardOutput = FileHandle.nullDevice
        opener.standardError = FileHandle.nullDevice
        do {
            try opener.run()
        } catch {
            printToStandardError("interlock: note: could not open a browser (\(error)); open \(address) yourself.")
        }
    }
}
