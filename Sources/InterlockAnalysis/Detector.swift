import InterlockCore

/// A check over the portfolio graph. Adding a check is adding one type that conforms and listing
/// it in `Detectors.builtIn`.
public protocol Detector: Sendable {
    /// The stable rule id findings carry (kebab-case; a contract).
    var id: String { get }
    /// One sentence saying what the detector looks for, for help texts and SARIF rule entries.
    var summary: String { get }
    /// The findings in `graph`. Must not depend on anything but the graph, so output is deterministic.
    func run(on graph: PortfolioGraph) -> [Finding]
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
    ]

    /// The built-in detector with `id`, if any.
    public static func detector(withID id: String) -> (any Detector)? {
        builtIn.first { $0.id == id }
    }
}
