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
        title: LocalizedText(en: "Outdated technology", fr: "Technologies en fin de vie"),
        whyItMatters: LocalizedText(
            en: "Building on technology that is losing support means paying again soon, or running unsupported.",
            fr: "Bâtir sur une technologie qui perd son support, c'est payer de nouveau bientôt, ou fonctionner sans support."))
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
                let supportEnds = endOfLife.flatMap { endOfLife in end.flatMap { endOfLife < $0 ? (endOfLife, $0) : nil } }
                guard lifecycle == .retired || lifecycle == .hold || supportEnds != nil else { continue }
                let severity: Severity = lifecycle == .retired || supportEnds != nil ? .error : .warning
                findings.append(Finding(
                    rule: id, severity: severity, nodes: [node, use.technology], in: graph,
                    explanation: Explanation(
                        initiative: node, technology: use.technology, lifecycle: lifecycle, supportEnds: supportEnds),
                    owners: graph.contactableOwners(of: [node, use.technology]), budgetAtStake: graph.budget(ofInitiative: node)))
            }
        }
        return findings
    }

    /// An initiative, the technology, and what is wrong with it.
    struct Explanation: FindingExplanation {
        let initiative: Int
        let technology: Int
        let lifecycle: Lifecycle?
        /// The end of support and the initiative's end, when support ends first.
        let supportEnds: (support: Day, initiative: Day)?

        func message(_ phrasing: Phrasing, in graph: PortfolioGraph) -> String {
            var reasons: [String] = []
            switch lifecycle {
            case .retired?: reasons.append(phrasing.text(en: "is retired", fr: "est retirée du service"))
            case .hold?: reasons.append(phrasing.text(en: "is on hold for new work", fr: "est gelée pour tout nouveau projet"))
            default: break
            }
            if let supportEnds {
                let (support, end) = (phrasing.day(supportEnds.support), phrasing.day(supportEnds.initiative))
                reasons.append(phrasing.text(
                    en: "loses support on \(support), before the initiative ends on \(end)",
                    fr: "perd son support le \(support), avant la fin de l'initiative le \(end)"))
            }
            let (name, used) = (graph.quoted(initiative, phrasing), graph.quoted(technology, phrasing))
            return phrasing.text(
                en: "Initiative \(name) builds on \(used), which \(phrasing.list(reasons)).",
                fr: "L'initiative \(name) repose sur \(used), qui \(phrasing.list(reasons)).")
        }

        func action(_ phrasing: Phrasing, in graph: PortfolioGraph) -> String {
            let (name, used) = (graph.quoted(initiative, phrasing), graph.quoted(technology, phrasing))
            return phrasing.text(
                en: "Move \(name) to a supported technology or agree an extended-support plan with \(used)'s owner.",
                fr: "Faire passer \(name) sur une technologie supportée, ou convenir d'un support étendu avec le responsable de \(used).")
        }
    }
}
