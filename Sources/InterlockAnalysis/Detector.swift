import InterlockCore

/// A check over the portfolio graph. Adding a check is adding one file: a type that conforms,
/// its `RuleID` constant and its board wording beside it, and its entry in `Detectors.builtIn`.
public protocol Detector: Sendable {
    /// The stable rule id findings carry (kebab-case; a contract).
    var id: RuleID { get }
    /// One sentence saying what the detector looks for, for help texts and SARIF rule entries.
    var summary: String { get }
    /// How the board report and the diagrams speak of its findings.
    var wording: RuleWording { get }
    /// The findings in the context's graph. Must depend on nothing but the graph (reached through
    /// the context, whose shared facts it should use), so output is deterministic.
    func run(in context: AnalysisContext) -> [Finding]
}

/// The detectors Interlock ships.
public enum Detectors {
    /// Every built-in detector, in the order their sections appear in reports.
    public static let builtIn: [any Detector] = [
        DependencyCycle(),
        DuplicatedCapability(),
        IncompatibleStack(),
        ObsoleteTechnology(),
        VersionConflict(),
        UnownedInitiative(),
        UnownedDataSource(),
        UnownedTechnology(),
        DanglingReferences(),
        DataSilo(),
        SinglePointOfFailure(),
        UnalignedInitiative(),
        ScheduleConflict(),
        ParentCycle(),
        InvisibleIDCharacter(),
    ]

    /// The built-in detector with `id`, if any.
    public static func detector(withID id: RuleID) -> (any Detector)? {
        builtIn.first { $0.id == id }
    }
}
