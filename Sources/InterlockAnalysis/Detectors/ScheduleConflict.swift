import InterlockCore

extension RuleID {
    /// `schedule-conflict`.
    public static let scheduleConflict = RuleID("schedule-conflict")
}

/// `schedule-conflict`: an initiative starts before (or on the day) an initiative it depends on
/// is delivered.
///
/// Only plans can still move, so the dependent must be an idea, planned or in progress, and the
/// dependency not yet live or retired. Initiatives in one dependency cycle are left to
/// `dependency-cycle`: no dates can order a loop, and the loop is what must be fixed. A warning;
/// an error when the dependent is even due to end before the dependency is delivered, so it
/// cannot finish as planned.
public struct ScheduleConflict: Detector {
    /// `schedule-conflict`.
    public let id = RuleID.scheduleConflict
    /// How the board report speaks of it.
    public let wording = RuleWording(
        title: LocalizedText(en: "Schedules that do not fit", fr: "Calendriers incompatibles"),
        whyItMatters: LocalizedText(
            en: "An initiative is planned to start before something it needs is delivered.",
            fr: "Une initiative doit démarrer avant que ce dont elle a besoin soit livré."))
    /// What the detector looks for.
    public let summary = "An initiative starts before an initiative it depends on is delivered."

    /// Creates the detector.
    public init() {}

    private static let movable: Set<InitiativeStatus> = [.idea, .planned, .inProgress]

    /// One finding per dependsOn edge whose dates conflict.
    public func run(in context: AnalysisContext) -> [Finding] {
        let graph = context.graph
        let loops = context.dependencyComponents.componentOf
        return context.dependencyLinks.compactMap { link in
            // Fields read in place: copying both initiatives for each of millions of links cost
            // more than the check.
            guard loops[link.dependent] != loops[link.dependency],
                  let status = graph.status(ofInitiative: link.dependent), Self.movable.contains(status),
                  let dependencyStatus = graph.status(ofInitiative: link.dependency), Self.movable.contains(dependencyStatus),
                  let start = graph.field(\.start, ofInitiative: link.dependent) ?? nil,
                  let delivered = graph.field(\.end, ofInitiative: link.dependency) ?? nil, start <= delivered else { return nil }
            let end = graph.field(\.end, ofInitiative: link.dependent) ?? nil
            let endsFirst = end.map { $0 <= delivered } ?? false
            let pair = [link.dependent, link.dependency]
            let explanation = Explanation(
                dependent: link.dependent, dependency: link.dependency, start: start, delivered: delivered, end: endsFirst ? end : nil)
            return Finding(
                rule: id, severity: endsFirst ? .error : .warning, nodes: pair, in: graph, explanation: explanation,
                owners: graph.contactableOwners(of: pair), budgetAtStake: graph.budget(ofInitiative: link.dependent))
        }
    }

    /// A start before a delivery, and an end before it when there is one.
    struct Explanation: FindingExplanation {
        let dependent: Int
        let dependency: Int
        let start: Day
        let delivered: Day
        /// The dependent's end, when it comes before the delivery too.
        let end: Day?

        func message(_ phrasing: Phrasing, in graph: PortfolioGraph) -> String {
            let (name, needed) = (graph.quoted(dependent, phrasing), graph.quoted(dependency, phrasing))
            let (start, delivered) = (phrasing.day(start), phrasing.day(delivered))
            let end = end.map(phrasing.day)
            return phrasing.text(
                en: "\(name) starts on \(start), but \(needed), which it depends on, is only delivered on \(delivered)"
                    + (end.map { "; it is even due to end before that, on \($0)." } ?? "."),
                fr: "\(name) démarre le \(start), mais \(needed), dont elle dépend, n'est livrée que le \(delivered)"
                    + (end.map { " ; elle doit même se terminer avant, le \($0)." } ?? "."))
        }

        func action(_ phrasing: Phrasing, in graph: PortfolioGraph) -> String {
            let (name, needed) = (graph.quoted(dependent, phrasing), graph.quoted(dependency, phrasing))
            return phrasing.text(
                en: "Move the start of \(name) after \(phrasing.day(delivered)), bring \(needed) forward, or agree an interim solution.",
                fr: "Décaler le démarrage de \(name) après le \(phrasing.day(delivered)), avancer \(needed), ou convenir d'une solution provisoire.")
        }
    }
}
