import InterlockAnalysis
import InterlockCore

/// A custom rule from the portfolio's `rules:` as a detector: each row the query returns
/// becomes a finding with the rule's id, severity and message, the row's nodes as its nodes.
///
/// The message may name columns in braces, `{i.name}` or `{total}`, replaced by the row's
/// values. The nodes are the node values of the row in column order (also those inside lists
/// and paths), each once; their owners are the finding's owners.
public struct QueryRule: Detector {
    /// The rule as written in the portfolio.
    public let rule: CustomRule
    /// Its parsed and checked query.
    public let query: Query
    /// The bounds of its run: time, memory, findings.
    public let limits: Limits

    /// The bounds of one custom rule's run. A rule past one of them gives one error finding
    /// naming the limit and the `check` option that raises it, instead of its findings.
    public struct Limits: Sendable, Hashable {
        /// Time, value size and held values of the rule's query.
        public var query: QueryLimits
        /// The most findings the rule may report: a rule matching millions of rows is a wrong
        /// rule, and its findings would exhaust memory before any report could show them.
        public var maximumFindings: Int

        /// Creates limits; the defaults are those of `interlock check`.
        public init(
            query: QueryLimits = QueryLimits(
                timeout: .seconds(30),
                raisedBy: .init(timeout: "--rule-timeout", valueSize: "--rule-max-value-size", heldValues: "--rule-max-held")),
            maximumFindings: Int = 10_000
        ) {
            self.query = query
            self.maximumFindings = maximumFindings
        }

        /// The defaults.
        public static let standard = Limits()
    }

    /// Parses and checks the rule's query.
    ///
    /// - Throws: `QueryRuleError` naming the rule and its place in the portfolio, with the
    ///   located query error, when the query is invalid or the id taken by a built-in detector.
    public init(_ rule: CustomRule, limits: Limits = .standard) throws(QueryRuleError) {
        self.rule = rule
        self.limits = limits
        if Detectors.detector(withID: RuleID(rule.id)) != nil {
            throw QueryRuleError(rule: rule, detail: "the id '\(rule.id)' is a built-in rule; choose another")
        }
        do {
            query = try QueryEngine<PortfolioQueryGraph>.prepare(rule.query)
        } catch {
            throw QueryRuleError(rule: rule, detail: error.rendered(in: rule.query))
        }
    }

    /// Every rule of a portfolio, checked; the first invalid one throws.
    public static func all(in portfolio: Portfolio, limits: Limits = .standard) throws(QueryRuleError) -> [QueryRule] {
        var rules: [QueryRule] = []
        for rule in portfolio.rules { rules.append(try QueryRule(rule, limits: limits)) }
        return rules
    }

    /// The rule's id.
    public var id: RuleID { RuleID(rule.id) }
    /// Its severity, as the portfolio states it.
    public var severity: Severity { rule.severity }
    /// The rule's message, as the summary.
    public var summary: String { rule.message }
    /// The rule's id turned into words: the organisation named it, so its words are the best title there is.
    public var wording: RuleWording { RuleWording(fallbackFor: id) }

    /// The findings; a query that fails while running gives one finding saying so.
    public func run(in context: AnalysisContext) -> [Finding] {
        do {
            return try findings(on: context.graph)
        } catch {
            return [Finding(
                rule: id, severity: .error, nodes: [String](),
                message: "The custom rule \(rule.id) (\(rule.location)) could not run: \(error).",
                action: "Fix the rule's query; try it with `interlock query`.")]
        }
    }

    /// The findings, or the error the query ran into (past `limits.maximumFindings`, a `.limit` error).
    public func findings(on graph: PortfolioGraph) throws(QueryError) -> [Finding] {
        let engine = QueryEngine(portfolio: graph)
        let formatter = ResultFormatter(graph: engine.graph)
        var columns: [String] = []
        var findings: [Finding] = []
        let (id, severity, rule, maximum) = (id, severity, rule, limits.maximumFindings)
        // Rows become findings as they come, so that the rows are never all held at once.
        try engine.stream(query, limits: limits.query, columns: { columns = $0 }) { (row) throws(QueryError) in
            guard findings.count < maximum else {
                throw QueryError(
                    .limit, "it reports more than \(maximum) findings; narrow its query, or raise the limit with --rule-max-findings")
            }
            let nodes = Self.nodes(in: row)
            findings.append(Finding(
                rule: id, severity: severity, nodes: nodes, in: graph,
                message: Self.fill(rule.message, columns: columns, row: row, formatter: formatter),
                action: action(for: nodes, columns: columns, row: row, formatter: formatter, graph),
                owners: graph.contactableOwners(of: nodes)))
        }
        return findings
    }

    /// The rule's own action with the row's values filled in; without one, a request to review
    /// the items found, by name, so two findings of one rule never read the same.
    private func action(
        for nodes: [Int], columns: [String], row: [QueryValue], formatter: ResultFormatter<PortfolioQueryGraph>, _ graph: PortfolioGraph
    ) -> String {
        if let action = rule.action { return Self.fill(action, columns: columns, row: row, formatter: formatter) }
        guard !nodes.isEmpty else { return "Review what this check found with the portfolio's owners." }
        let names = nodes.prefix(5).map { "\"\(graph.name(of: $0))\"" } + (nodes.count > 5 ? ["\(nodes.count - 5) more"] : [])
        return "Review \(Wording.list(names)) with \(nodes.count == 1 ? "its" : "their") owners against this check."
    }

    /// The node values of a row, in column order, looking into lists and paths; each once.
    static func nodes(in row: [QueryValue]) -> [Int] {
        var found: [Int] = []
        var pending = Array(row.reversed())
        while let value = pending.popLast() {
            switch value {
            case .node(let node): if !found.contains(node) { found.append(node) }
            case .list(let values): pending += values.reversed()
            case .path(let path): pending += path.nodes.reversed().map(QueryValue.node)
            default: break
            }
        }
        return found
    }

    /// Replaces `{column}` by the row's value of that column; unknown names stay as written.
    static func fill(_ template: String, columns: [String], row: [QueryValue], formatter: ResultFormatter<some QueryableGraph>) -> String {
        var output = ""
        var rest = Substring(template)
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            output += rest[..<open]
            let name = String(rest[rest.index(after: open)..<close]).trimmingSpaces()
            if let column = columns.firstIndex(of: name) {
                output += formatter.cellText(row[column])
            } else {
                output += rest[open...close]
            }
            rest = rest[rest.index(after: close)...]
        }
        return output + rest
    }
}

/// A custom rule that cannot be used, with where it is defined.
public struct QueryRuleError: Error, CustomStringConvertible, Sendable {
    /// The rule.
    public let rule: CustomRule
    /// What is wrong (for a query, the located error with its caret).
    public let detail: String

    /// "file:line:column: rule id: detail".
    public var description: String { "\(rule.location): rule \(rule.id): \(detail)" }
}

extension String {
    fileprivate func trimmingSpaces() -> String {
        String(drop { $0 == " " }.reversed().drop { $0 == " " }.reversed())
    }
}
