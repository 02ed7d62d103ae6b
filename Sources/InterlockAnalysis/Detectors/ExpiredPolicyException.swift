import InterlockCore

extension RuleID {
    /// `policy-exception-expired`.
    public static let policyExceptionExpired = RuleID("policy-exception-expired")
}

/// `policy-exception-expired`: an exception of the portfolio's policy whose `until` day has
/// passed. The finding it accepted is reported again; this warning says why, and where the
/// exception is written, so that it is renewed with a reason or removed.
public struct ExpiredPolicyException: Detector {
    /// `policy-exception-expired`.
    public let id = RuleID.policyExceptionExpired
    /// How the board report speaks of it.
    public let wording = RuleWording(
        title: LocalizedText(en: "Accepted risks whose acceptance expired", fr: "Risques acceptés dont l'acceptation a expiré"),
        whyItMatters: LocalizedText(
            en: "A risk was accepted until a date that has passed: nobody has confirmed it is still acceptable.",
            fr: "Un risque a été accepté jusqu'à une date dépassée : personne n'a confirmé qu'il reste acceptable."))
    /// What the detector looks for.
    public let summary = "An exception of the policy whose 'until' day has passed."
    /// The day exceptions are checked against.
    public let today: Day

    /// Checks the exceptions against `today`.
    public init(today: Day) {
        self.today = today
    }

    /// One warning per expired exception, about the nodes it names.
    public func run(in context: AnalysisContext) -> [Finding] {
        let graph = context.graph
        return graph.portfolio.policy.exceptions.compactMap { exception in
            guard let until = exception.until, until < today else { return nil }
            let nodes = exception.nodes.compactMap(graph.node(withID:))
            return Finding(
                rule: id, severity: .warning, nodes: nodes, in: graph,
                explanation: Explanation(rule: exception.rule, nodes: exception.nodes, until: until, reason: exception.reason, place: "\(exception.location)"),
                owners: graph.contactableOwners(of: nodes))
        }
    }

    /// The exception: its rule, nodes, end, reason and place.
    struct Explanation: FindingExplanation {
        let rule: String
        let nodes: [String]
        let until: Day
        let reason: String
        let place: String

        func message(_ phrasing: Phrasing, in graph: PortfolioGraph) -> String {
            let named = nodes.joined(separator: ", ")
            return phrasing.text(
                en: "The exception for \(rule) on \(named) (\(place)) expired on \(until); it said: \(reason)",
                fr: "L'exception pour \(rule) sur \(named) (\(place)) a expiré le \(phrasing.day(until)) ; elle disait : \(reason)")
        }

        func action(_ phrasing: Phrasing, in graph: PortfolioGraph) -> String {
            phrasing.text(
                en: "Fix the finding, or renew the exception with a new date and the reason it is still accepted.",
                fr: "Corriger le constat, ou renouveler l'exception avec une nouvelle date et la raison pour laquelle il reste accepté.")
        }
    }
}
