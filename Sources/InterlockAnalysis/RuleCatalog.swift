/// The rules an analysis ran, by id: how reports find a rule's summary and board wording.
public struct RuleCatalog: Sendable {
    private let detectors: [any Detector]
    private let positions: [RuleID: Int]

    /// The catalog of `detectors` (built-in ones and custom rules); the first of a repeated id wins.
    public init(_ detectors: [any Detector] = Detectors.builtIn) {
        self.detectors = detectors
        var positions: [RuleID: Int] = [:]
        for (position, detector) in detectors.enumerated() where positions[detector.id] == nil { positions[detector.id] = position }
        self.positions = positions
    }

    /// The wording of `rule`; a rule the catalog does not know (found by an earlier version of
    /// the portfolio, say) gets its id turned into words.
    public func wording(of rule: RuleID) -> RuleWording {
        positions[rule].map { detectors[$0].wording } ?? RuleWording(fallbackFor: rule)
    }

    /// The position of `rule` among the detectors, nil for a rule the catalog does not know.
    public func position(of rule: RuleID) -> Int? { positions[rule] }
}

extension RuleWording {
    /// Words for a rule nobody worded: its id split into words (`large-initiative-team-owned`
    /// → "Large initiative team owned"), as an organisation names its own rules.
    public init(fallbackFor rule: RuleID) {
        self.init(
            title: rule.rawValue.split(whereSeparator: { $0 == "-" || $0 == "_" }).joined(separator: " ").capitalizedFirst,
            whyItMatters: "A rule defined by the organisation itself.")
    }
}
