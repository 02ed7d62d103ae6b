import InterlockCore

extension RuleID {
    /// `obsolete-technology`.
    public static let obsoleteTechnology = RuleID("obsolete-technology")
}

/// `obsolete-technology`: a planned, in-progress or live initiative builds on a technology that is
/// on hold, retired, or out of support before the initiative ends.
///
/// Retired technology and support ending before delivery are errors; `hold` is a warning.
/// Initiatives without an end date are checked against lifecycle only: "today" is deliberately
/// not used, so the same portfolio gives the same findings on any day.
public struct ObsoleteTechnology: Detector {
    /// `obsolete-technology`.
    public let id = RuleID.obsoleteTechnology
    /// How the board report speaks of it.
    public let wording = RuleWording(
        title: "Outdated technology",
        whyItMatters: "Building on technology that is losing support means paying again soon, or running unsupported.")
    /// What the detector looks for.
    public let summary = "A live or planned initiative uses a technology on hold, retired, or past its end of life before the initiative ends."

    /// Creates the detector.
    public init() {}

    private static let checkedStatuses: Set<InitiativeStatus> = [.planned, .inProgress, .live]

    /// One finding per initiative and obsolete technology.
    public func run(in context: AnalysisContext) -> [Finding] {
        let graph = context.graph
        var findings: [Finding] = []
        for node in graph.nodes(ofKind: .initiative) {
            guard let status = graph.status(ofInitiative: node), Self.checkedStatuses.contains(status) else { continue }
            let end = graph.field(\.end, ofInitiative: node) ?? nil
            for use in graph.technologyUses(of: node) {
                let lifecycle = graph.field(\.lifecycle, ofTechnology: use.technology) ?? nil
                let endOfLife = graph.field(\.endOfLife, ofTechnology: use.technology) ?? nil
                var reasons: [String] = []
                var severity = Severity.warning
                switch lifecycle {
                case .retired?:
                    reasons.append("is retired")
                    severity = .error
                case .hold?:
                    reasons.append("is on hold for new work")
                default:
                    break
                }
                if let endOfLife, let end, endOfLife < end {
                    reasons.append("loses support on \(endOfLife), before the initiative ends on \(end)")
                    severity = .error
                }
                guard !reasons.isEmpty else { continue }
                findings.append(Finding(
                    rule: id, severity: severity, nodes: [node, use.technology], in: graph,
                    message: "Initiative \(graph.quoted(node)) builds on \(graph.quoted(use.technology)), which \(Wording.list(reasons)).",
                    action: "Move \(graph.quoted(node)) to a supported technology or agree an extended-support plan with \(graph.quoted(use.technology))'s owner.",
                    owners: graph.contactableOwners(of: [node, use.technology]), budgetAtStake: graph.budget(ofInitiative: node)))
            }
        }
        return findings
    }
}
