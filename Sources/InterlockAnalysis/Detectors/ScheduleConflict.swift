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
        title: "Schedules that do not fit",
        whyItMatters: "An initiative is planned to start before something it needs is delivered.")
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
            var message = "\(graph.quoted(link.dependent)) starts on \(start), but \(graph.quoted(link.dependency)), which it depends on, is only delivered on \(delivered)"
            if endsFirst, let end { message += "; it is even due to end before that, on \(end)" }
            message += "."
            let pair = [link.dependent, link.dependency]
            return Finding(
                rule: id, severity: endsFirst ? .error : .warning, nodes: pair, in: graph, message: message,
                action: "Move the start of \(graph.quoted(link.dependent)) after \(delivered), bring \(graph.quoted(link.dependency)) forward, or agree an interim solution.",
                owners: graph.contactableOwners(of: pair), budgetAtStake: graph.budget(ofInitiative: link.dependent))
        }
    }
}
