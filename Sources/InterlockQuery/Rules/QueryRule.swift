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
    /// The longest a rule's query may run before it is reported as failed.
    public static let timeout: Duration = .seconds(30)

    /// Parses and checks the rule's query.
    ///
    /// - Throws: `QueryRuleError` naming the rule and its place in the portfolio, with the
    ///   located query error, when the query is invalid or the id taken by a built-in detector.
    public init(_ rule: CustomRule) throws(QueryRuleError) {
        self.rule = rule
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
    public static func all(in portfolio: Portfolio) throws(QueryRuleError) -> [QueryRule] {
        var rules: [QueryRule] = []
        for rule in portfolio.rules { rules.append(try QueryRule(rule)) }
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

    /// The findings, or the error the query ran into.
    public func findings(on graph: PortfolioGraph) throws(QueryError) -> [Finding] {
        let engine = QueryEngine(portfolio: graph)
        let result = try engine.run(query, timeout: Self.timeout)
        let formatter = ResultFormatter(graph: engine.graph)
        return result.rows.map { row in
            let nodes = Self.nodes(in: row)
            return Finding(
                rule: id, severity: severity, nodes: nodes, in: graph,
                message: Self.fill(rule.message, columns: result.columns, row: row, formatter: formatter),
                action: action(for: nodes, columns: result.columns, row: row, formatter: formatter, graph),
                owners: graph.contactableOwners(of: nodes))
        }
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
