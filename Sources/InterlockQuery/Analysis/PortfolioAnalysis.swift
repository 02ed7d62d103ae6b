import InterlockAnalysis
import InterlockCore

/// A portfolio loaded from its files, built into a graph and checked by every built-in detector
/// and its own custom rules: the one path every command takes, and the one a script takes.
///
///     let analysis = try PortfolioAnalysis(paths: ["Samples/acme"])
///     for finding in analysis.findings where finding.severity == .error { print(finding.message) }
///
/// Custom rules (`rules:` in the portfolio, or in rule files given as paths) are queries, which
/// is why this type lives with the query engine.
public struct PortfolioAnalysis: Sendable {
    /// Which detectors run.
    public enum Selection: Hashable, Sendable {
        /// Every built-in detector and every custom rule.
        case all
        /// Only the built-in detectors and custom rules with these ids.
        case only(Set<RuleID>)
        /// None: the portfolio is loaded and built only, and custom rules are not even parsed
        /// (for queries, which must work while a rule is being written).
        case none
    }

    /// The portfolio as loaded.
    public let portfolio: Portfolio
    /// The graph and the facts shared by detectors, views and reports.
    public let context: AnalysisContext
    /// The built-in detectors followed by the portfolio's custom rules (empty for `.none`).
    public let detectors: [any Detector]
    /// Every finding of the selected detectors, in report order.
    public let findings: [Finding]
    /// How long each stage took.
    public let timings: Timings
    /// Special files (FIFOs, devices) the portfolio's folders held under portfolio names, left
    /// unread; a command lists them so that nothing is dropped without a word.
    public private(set) var skippedFiles: [SkippedFile] = []

    /// How long each stage of an analysis took.
    public struct Timings: Sendable {
        /// Reading, parsing and decoding the files, and parsing the custom rules.
        public var load: Duration
        /// Building the graph.
        public var build: Duration
        /// Each detector, in the order the detectors ran.
        public var detectors: [(detector: RuleID, duration: Duration)]
        /// All detectors with their findings put in report order (less than the detectors' sum:
        /// they run in parallel).
        public var analysis: Duration
    }

    /// The graph.
    public var graph: PortfolioGraph { context.graph }

    /// The rules that ran, for reports that word them.
    public var rules: RuleCatalog { RuleCatalog(detectors) }

    /// Loads `paths` (files or folders, merged) and analyses them.
    ///
    /// - Parameters:
    ///   - ruleLimits: the bounds of each custom rule's run (time, memory, findings).
    ///   - today: the day the policy's exceptions are checked against.
    ///   - progress: told of each stage as it starts, to show progress on long runs.
    /// - Throws: `PortfolioAnalysisError` for a structural fault of the files, a custom rule that
    ///   does not parse, a policy naming a rule that does not exist, or a selected id that is
    ///   neither a built-in detector nor a custom rule.
    public init(
        paths: [String], selection: Selection = .all, ruleLimits: QueryRule.Limits = .standard, today: Day = .today(),
        progress: any AnalysisProgress = SilentProgress()
    ) throws(PortfolioAnalysisError) {
        let clock = ContinuousClock()
        let start = clock.now
        let portfolio: Portfolio
        var skipped: [SkippedFile] = []
        do {
            portfolio = try progress.during("Loading the portfolio") { () throws(LoadError) in
                try PortfolioLoader.load(paths: paths, skipped: &skipped)
            }
        } catch {
            throw .load(error)
        }
        try self.init(
            portfolio: portfolio, selection: selection, ruleLimits: ruleLimits, today: today, progress: progress, loadStarted: start)
        skippedFiles = skipped
    }

    /// Analyses a portfolio already in memory.
    public init(
        portfolio: Portfolio, selection: Selection = .all, ruleLimits: QueryRule.Limits = .standard, today: Day = .today(),
        progress: any AnalysisProgress = SilentProgress()
    ) throws(PortfolioAnalysisError) {
        try self.init(
            portfolio: portfolio, selection: selection, ruleLimits: ruleLimits, today: today, progress: progress,
            loadStarted: ContinuousClock.now)
    }

    private init(
        portfolio: Portfolio, selection: Selection, ruleLimits: QueryRule.Limits, today: Day, progress: any AnalysisProgress,
        loadStarted: ContinuousClock.Instant
    ) throws(PortfolioAnalysisError) {
        let clock = ContinuousClock()
        self.portfolio = portfolio
        var detectors: [any Detector] = []
        var only: Set<RuleID>?
        switch selection {
        case .none:
            only = []
        case .all, .only:
            do {
                detectors = Detectors.builtIn(for: portfolio.policy, today: today) + (try QueryRule.all(in: portfolio, limits: ruleLimits))
            } catch {
                throw .rule(error)
            }
            if case .only(let ids) = selection {
                let known = Set(detectors.map(\.id))
                let unknown = ids.subtracting(known).sorted()
                if !unknown.isEmpty { throw .unknownRules(unknown, known: known.sorted()) }
                only = ids
            }
        }
        self.detectors = detectors
        let load = clock.now - loadStarted
        var start = clock.now
        let graph = progress.during("Building the graph") { PortfolioGraph(portfolio) }
        let context = AnalysisContext(graph)
        self.context = context
        let build = clock.now - start
        start = clock.now
        let selected = detectors
        let analyzer = progress.during("Finding risks") { Analyzer(context: context, detectors: selected, only: only) }
        if case .none = selection {
            findings = analyzer.findings
        } else {
            do {
                findings = try portfolio.policy.applied(to: analyzer.findings, rules: Set(detectors.map(\.id)), today: today)
            } catch {
                throw .load(error)
            }
        }
        timings = Timings(load: load, build: build, detectors: analyzer.timings, analysis: clock.now - start)
    }
}

/// Why a portfolio could not be analysed.
public enum PortfolioAnalysisError: Error, CustomStringConvertible, Sendable {
    /// A structural fault of the files, located.
    case load(LoadError)
    /// A custom rule that cannot be used, located.
    case rule(QueryRuleError)
    /// Selected rule ids that no detector has, with the ids there are.
    case unknownRules([RuleID], known: [RuleID])

    /// One message naming what is wrong and where.
    public var description: String {
        switch self {
        case .load(let error): "error: \(error)"
        case .rule(let error): "error: \(error)"
        case .unknownRules(let unknown, let known):
            "Unknown rule \(unknown.map(\.rawValue).joined(separator: ", ")); known rules: \(known.map(\.rawValue).joined(separator: ", "))."
        }
    }
}

/// Told of each stage of a long analysis as it runs, to show progress.
public protocol AnalysisProgress: Sendable {
    /// Runs `work`, the stage named `stage`, and returns its result.
    func during<Result, Failure: Error>(_ stage: String, _ work: () throws(Failure) -> Result) throws(Failure) -> Result
}

/// Shows nothing: the default for library users.
public struct SilentProgress: AnalysisProgress {
    /// Creates it.
    public init() {}

    /// Runs `work`.
    public func during<Result, Failure: Error>(_ stage: String, _ work: () throws(Failure) -> Result) throws(Failure) -> Result {
        try work()
    }
}
