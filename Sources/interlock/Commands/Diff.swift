import ArgumentParser
import Foundation
import InterlockAnalysis
import InterlockCore
import InterlockQuery
import InterlockReports

/// `interlock diff`: what changed between two versions of a portfolio, and whether it brought new errors.
struct Diff: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Compare two versions of a portfolio: nodes, findings and budgets.",
        discussion: """
        Exits 1 when the new version has an error finding the old one did not (so CI can gate a
        pull request on it), 0 otherwise, 2 on bad input or usage.

        Examples:
          interlock diff main-checkout/portfolio portfolio
          interlock diff old.yaml new.yaml --format markdown
          interlock diff --git main..HEAD portfolio/
          interlock diff --git v1.2 portfolio/          # that tag against the files as they are

        With --git, the versions are revisions of the repository the path is in, read with
        git (nothing is checked out): REV1..REV2, or REV alone against the files as they are.
        """
    )

    /// Output formats of `diff`.
    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json, markdown
    }

    @Argument(help: ArgumentHelp(
        "The old and the new version: two portfolio files or folders; with --git, the one path both revisions hold.", valueName: "paths"))
    var versions: [String] = []

    @Option(help: ArgumentHelp("Compare two revisions of a git repository (REV1..REV2), or one with the files as they are (REV).", valueName: "revisions"))
    var git: String?

    @OptionGroup var source: PortfolioSource

    @Option(help: "Output format.")
    var format: Format = .text

    @Option(name: [.short, .customLong("output")], help: "Write the result to this file (atomically) instead of standard output.")
    var output: String?

    func validate() throws {
        if let git {
            guard versions.count == 1 else { throw ValidationError("With --git, give one portfolio file or folder.") }
            guard source.from == nil else { throw ValidationError("--git reads Interlock YAML or JSON; --from is not supported with it.") }
            for revision in Self.revisions(git).compactMap({ $0 }) { try GitRevision.validate(revision) }
        } else if versions.count != 2 {
            throw ValidationError("Give the old and the new version (two files or folders), or --git REV1..REV2 and one path.")
        }
    }

    /// `REV1..REV2` as its two revisions; `REV` as that revision and nil (the files as they are).
    static func revisions(_ text: String) -> [String?] {
        guard let range = text.range(of: "..") else { return [text, nil] }
        return [String(text[..<range.lowerBound]), String(text[range.upperBound...])]
    }

    func run() throws {
        let (before, after) = try analyses()
        let diff = PortfolioDiff(old: before.graph, oldFindings: before.findings, new: after.graph, newFindings: after.findings)
        let currency = after.graph.portfolio.currency ?? before.graph.portfolio.currency
        let destination = OutputDestination(path: output)
        switch format {
        case .text: try destination.write(DiffReporter.text(diff, currency: currency))
        case .json: try destination.write(DiffReporter.json(diff))
        case .markdown: try destination.write(DiffReporter.markdown(diff, currency: currency))
        }
        if diff.hasNewErrors { throw ExitCode(1) }
    }

    /// Both versions analysed: the two paths, or the revisions of `--git`.
    private func analyses() throws -> (PortfolioAnalysis, PortfolioAnalysis) {
        guard let git else { return (try source.analyse([versions[0]]), try source.analyse([versions[1]])) }
        let path = versions[0]
        let analysed = try Self.revisions(git).map { revision -> PortfolioAnalysis in
            guard let revision else { return try source.analyse([path]) }
            do {
                return try PortfolioAnalysis(portfolio: try GitRevision(revision: revision, path: path).load())
            } catch let error as PortfolioAnalysisError {
                throw CommandFailure.badInput(error.description)
            }
        }
        return (analysed[0], analysed[1])
    }
}
