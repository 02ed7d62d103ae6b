import ArgumentParser
import Foundation
import InterlockAnalysis
import InterlockCore
import InterlockQuery
import InterlockReports

/// `interlock trend`: the portfolio's health over its git history, or over several folders.
struct Trend: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Health score, findings by severity and budget at risk for each commit that touched the portfolio.",
        discussion: """
        With --git, the last commits (--last, default 20) that touched PATH are read from the
        repository without checking anything out, oldest first. Without it, each path is one
        point, in the order given (folders of exported snapshots, for instance). --chart writes
        a small SVG line chart of the health and the error count.

        Examples:
          interlock trend portfolio/ --git
          interlock trend portfolio/ --git --last 50 --format csv -o trend.csv --chart trend.svg
          interlock trend 2026-q1/ 2026-q2/ 2026-q3/
        """
    )

    /// Output formats of `trend`.
    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json, csv
    }

    @Argument(help: ArgumentHelp("With --git, the portfolio file or folder; without it, one portfolio per point.", valueName: "path"))
    var paths: [String]

    @Flag(help: "Read the points from the git history of the one path.")
    var git = false

    /// How many commits `trend --git` and `report --trend` read by default.
    static let defaultLast = 20

    @Option(help: "With --git, how many commits (the most recent).")
    var last = Trend.defaultLast

    @Option(help: "Output format.")
    var format: Format = .text

    @Option(name: [.short, .customLong("output")], help: "Write the table to this file (atomically) instead of standard output.")
    var output: String?

    @Option(help: ArgumentHelp("Also write an SVG line chart of the health and the errors to this file (atomically).", valueName: "file"))
    var chart: String?

    func validate() throws {
        if paths.isEmpty { throw ValidationError("Give a portfolio path (with --git) or several.") }
        if git, paths.count != 1 { throw ValidationError("With --git, give one portfolio file or folder.") }
        if !(1...1_000).contains(last) { throw ValidationError("--last must be from 1 to 1000, not \(last).") }
    }

    func run() throws {
        let points = try git ? Self.history(of: paths[0], last: last) : paths.map { path in
            let analysis = try PortfolioInput.analyse([path])
            return TrendPoint(label: path, subject: "", graph: analysis.graph, findings: analysis.findings)
        }
        let destination = OutputDestination(path: output)
        switch format {
        case .text: try destination.write(TrendReporter.text(points))
        case .json: try destination.write(TrendReporter.json(points))
        case .csv: try destination.write(TrendReporter.csv(points))
        }
        if let chart {
            try OutputDestination(path: chart).write(TrendReporter.svg(points, title: "Portfolio health: \(paths[0])"))
        }
    }

    /// One point per commit of the last `last` that touched `path`, oldest first (also the
    /// board report's `--trend`).
    static func history(of path: String, last: Int) throws -> [TrendPoint] {
        let commits = try GitRevision.commits(touching: path, last: last)
        guard !commits.isEmpty else { throw CommandFailure.badInput("\(path): no commit touches it") }
        return try commits.reversed().map { commit in
            let analysis: PortfolioAnalysis
            do {
                analysis = try PortfolioAnalysis(portfolio: try GitRevision(revision: commit.hash, path: path).load())
            } catch let error as PortfolioAnalysisError {
                throw CommandFailure.badInput("\(commit.hash.prefix(10)): \(error)")
            }
            return TrendPoint(label: "\(commit.hash.prefix(7)) \(commit.day)", subject: commit.subject, graph: analysis.graph, findings: analysis.findings)
        }
    }
}
