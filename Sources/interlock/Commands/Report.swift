import ArgumentParser
import Foundation
import InterlockAnalysis
import InterlockCore
import InterlockBoard
import InterlockQuery
import InterlockReports

extension BoardLanguage: ExpressibleByArgument {}

/// `interlock report`: the board pack, one self-contained HTML page.
struct Report: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write the board pack: one self-contained HTML page with health, money at stake, top risks and who must act.",
        discussion: """
        The page has no external reference (CSS and SVG are inline) and prints to A4 landscape.
        With --baseline it also shows what is new, resolved and unchanged since that version.
        The page is in English or French: --lang, else the portfolio's `language:`, else English.
        Exits 0 when the report is written, whatever it finds; 2 on bad input or usage.

        Examples:
          interlock report Samples/acme -o out/board.html
          interlock report Samples/acme --lang fr --pdf out/board-fr.pdf
          interlock report portfolio --baseline last-meeting/portfolio --title "Q3 board" -o board.html
          interlock report Samples/acme --lang fr -o out/conseil.html
        """
    )

    @OptionGroup var input: PortfolioInput

    @Option(name: [.short, .customLong("output")], help: "Write the page to this file (atomically) instead of standard output.")
    var output: String?

    @Option(help: ArgumentHelp(
        "Also print the page to this PDF file (A4 landscape) with headless Chromium, when the machine has it.", valueName: "file"))
    var pdf: String?

    @Option(help: ArgumentHelp("The portfolio as it was at the last meeting (file or folder), to show what changed.", valueName: "path"))
    var baseline: String?

    @Option(help: ArgumentHelp(
        "The language of the page: en or fr (default: the portfolio's `language:`, else en).", valueName: "language"))
    var lang: BoardLanguage?

    @Option(help: ArgumentHelp("Add a section comparing this scenario (a file of changes, as whatif --scenario reads) with today.", valueName: "file"))
    var scenario: String?

    @Flag(help: "Add a section with the health over the last 20 commits that touched the portfolio (one path, in a git work tree).")
    var trend = false

    @Option(help: "The page title (default: the portfolio's name and \"board report\").")
    var title: String?

    @Option(help: ArgumentHelp("The date printed on the report, YYYY-MM-DD (default: today, UTC).", valueName: "date"))
    var date: String?

    func validate() throws {
        if let date, Day(date) == nil { throw ValidationError("--date must be a day written YYYY-MM-DD, not \"\(date)\".") }
        if trend, input.paths.count != 1 { throw ValidationError("--trend reads the history of one portfolio file or folder.") }
    }

    func run() throws {
        LayoutServer.isolateLayouts()
        let analysis = try input.analyse()
        let baselineFindings = try baseline.map { try PortfolioInput.analyse([$0]).findings }
        var report = BoardReport(
            analysis: analysis.context, findings: analysis.findings, rules: analysis.rules, language: lang, title: title, date: date ?? Today.text(),
            inputHash: try fingerprint(), baselineFindings: baselineFindings)
        if let scenario {
            let plan: Scenario
            let result: WhatIf
            do {
                plan = try Scenario.load(path: scenario)
                result = try WhatIf(plan, on: analysis)
            } catch let error as LoadError {
                throw CommandFailure.badInput(error.description)
            } catch let error as WhatIfError {
                throw CommandFailure.badInput(error.description)
            }
            report.scenario = BoardScenario(scenario: plan, losses: result.losses, diff: result.diff, after: result.after.graph)
        }
        if trend { report.trend = try Trend.history(of: input.paths[0], last: Trend.defaultLast) }
        let drawn = BoardDiagrams.adding(to: report)
        for problem in drawn.problems { printToStandardError("interlock: warning: \(problem)") }
        let page = HTMLReporter.render(drawn.report)
        if let pdf { try ChromiumPrinter.print(html: page, to: pdf) }
        if output != nil || pdf == nil { try OutputDestination(path: output).write(page) }
    }

    /// The input files' SHA-256, for the appendix; a file that cannot be read is exit code 2.
    private func fingerprint() throws -> String {
        do { return try InputFingerprint.of(paths: input.paths) } catch { throw CommandFailure.badInput("error: \(error)") }
    }
}
