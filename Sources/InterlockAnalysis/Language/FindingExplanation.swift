import InterlockCore

/// What a finding says, as data: the detector's typed facts (nodes, counts, money, days) and the
/// sentences it makes of them in every language. The English sentences in `Phrasing.findings`
/// are the finding's `message` and `action`; the board renders the same facts in its language.
///
/// Each detector declares its own explanations in its file, one `switch` per sentence over the
/// language, so a sentence without its French does not compile. The nodes are numbers of the
/// graph the finding was made in.
public protocol FindingExplanation: Sendable {
    /// The one-sentence explanation.
    func message(_ phrasing: Phrasing, in graph: PortfolioGraph) -> String
    /// The suggested action.
    func action(_ phrasing: Phrasing, in graph: PortfolioGraph) -> String
}

extension Finding {
    /// Creates a finding about nodes of `graph` whose message and action are `explanation`'s
    /// sentences in the findings' own words (`Phrasing.findings`).
    public init(
        rule: RuleID, severity: Severity, nodes: [Int], in graph: PortfolioGraph, explanation: some FindingExplanation,
        owners: [String] = [], budgetAtStake: Double? = nil
    ) {
        self.init(
            rule: rule, severity: severity, nodes: nodes, in: graph, message: explanation.message(.findings, in: graph),
            action: explanation.action(.findings, in: graph), owners: owners, budgetAtStake: budgetAtStake)
        self.explanation = explanation
    }

    /// The message in `phrasing`: rendered from the explanation when the finding has one and was
    /// made in `graph`, else `message` as written (a custom rule's own words, a baseline's finding).
    public func message(_ phrasing: Phrasing, in graph: PortfolioGraph) -> String {
        explained(in: graph)?.message(phrasing, in: graph) ?? message
    }

    /// The action in `phrasing`, like `message(_:in:)`.
    public func action(_ phrasing: Phrasing, in graph: PortfolioGraph) -> String {
        explained(in: graph)?.action(phrasing, in: graph) ?? action
    }

    private func explained(in graph: PortfolioGraph) -> (any FindingExplanation)? {
        guard let explanation, isNumbered(in: graph) else { return nil }
        return explanation
    }
}

extension PortfolioGraph {
    /// A node's name in the phrasing's quotation marks: "CRM revamp" / « CRM revamp ».
    public func quoted(_ node: Int, _ phrasing: Phrasing) -> String { phrasing.quoted(name(of: node)) }

    /// `list` of quoted names; past `limit` names the rest are counted ("and 12 others"), so a
    /// capability built by thousands of initiatives still gets a one-sentence message (the
    /// finding's nodes list them all).
    public func quotedList(_ nodes: [Int], _ phrasing: Phrasing, limit: Int = 6) -> String {
        guard nodes.count > limit else { return phrasing.list(nodes.map { quoted($0, phrasing) }) }
        let shown = nodes.prefix(limit - 1).map { quoted($0, phrasing) }.joined(separator: ", ")
        let rest = nodes.count - limit + 1
        return switch phrasing.language {
        case .en: shown + " and \(rest) others"
        case .fr: shown + " et \(phrasing.count(rest, "autre", "autres"))"
        }
    }

    /// Money in the portfolio's currency, in the phrasing's format.
    public func money(_ amount: Double, _ phrasing: Phrasing) -> String { phrasing.money(amount, currency: portfolio.currency) }
}
