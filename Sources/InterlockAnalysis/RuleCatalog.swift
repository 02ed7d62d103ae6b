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
}

extension RuleWording {
    /// Words for a rule nobody worded: its id split into words (`large-initiative-team-owned`
    /// → "Large initiative team owned"), in every language, as the organisation named it.
    public init(fallbackFor rule: RuleID) {
        let title = rule.rawValue.split(whereSeparator: { $0 == "-" || $0 == "_" }).joined(separator: " ").capitalizedFirst
        self.init(
            title: LocalizedText(en: title, fr: "\(title)"),
            whyItMatters: LocalizedText(en: "A rule defined by the organisation itself.", fr: "Une règle que l'organisation s'est donnée."))
    }
}
