import InterlockCore

extension RuleID {
    /// `unowned-initiative`.
    public static let unownedInitiative = RuleID("unowned-initiative")
    /// `unowned-data-source`.
    public static let unownedDataSource = RuleID("unowned-data-source")
    /// `unowned-technology`.
    public static let unownedTechnology = RuleID("unowned-technology")
    /// The rules whose finding means its first node has nobody accountable for it.
    public static let ownership: Set<RuleID> = [.unownedInitiative, .unownedDataSource, .unownedTechnology]
}

/// `unowned-initiative`: an active initiative with no owner, an owner id nobody has, or an owner
/// who has left (a person marked inactive, or a team whose members have all left).
public struct UnownedInitiative: OwnershipDetector {
    /// `unowned-initiative`.
    public let id = RuleID.unownedInitiative
    /// How the board report speaks of it.
    public let wording = RuleWording(
        title: LocalizedText(en: "Initiatives nobody owns", fr: "Initiatives sans responsable"),
        whyItMatters: LocalizedText(
            en: "Money is spent without anybody accountable for the result.",
            fr: "De l'argent est dépensé sans que personne ne réponde du résultat."))
    /// What the detector looks for.
    public let summary = "An initiative with no owner, an unknown owner, or an owner who is not active."
    let kind = NodeKind.initiative
    let severity = Severity.error
    func action(for node: Int, _ phrasing: Phrasing, in graph: PortfolioGraph) -> String {
        let name = graph.quoted(node, phrasing)
        return phrasing.text(
            en: "Name an active person or team accountable for \(name), or stop it.",
            fr: "Désigner une personne ou une équipe active responsable de \(name), ou arrêter l'initiative.")
    }

    /// Creates the detector.
    public init() {}

    func isChecked(_ node: Int, in graph: PortfolioGraph) -> Bool { graph.isActiveInitiative(node) }

    func writtenOwner(of node: Int, in graph: PortfolioGraph) -> String? { graph.field(\.owner, ofInitiative: node) ?? nil }
}

/// `unowned-data-source`: a data source nobody active is accountable for.
public struct UnownedDataSource: OwnershipDetector {
    /// `unowned-data-source`.
    public let id = RuleID.unownedDataSource
    /// How the board report speaks of it.
    public let wording = RuleWording(
        title: LocalizedText(en: "Data nobody owns", fr: "Données sans responsable"),
        whyItMatters: LocalizedText(
            en: "Nobody answers for the quality of this data or for who may use it.",
            fr: "Personne ne répond de la qualité de ces données ni de qui peut s'en servir."))
    /// What the detector looks for.
    public let summary = "A data source with no owner, an unknown owner, or an owner who is not active."
    let kind = NodeKind.dataSource
    let severity = Severity.warning
    func action(for node: Int, _ phrasing: Phrasing, in graph: PortfolioGraph) -> String {
        let name = graph.quoted(node, phrasing)
        return phrasing.text(
            en: "Name a data owner for \(name) who decides who may read and write it and answers for its quality.",
            fr: "Désigner pour \(name) un responsable des données qui décide qui peut les lire et les modifier, et qui réponde de leur qualité.")
    }

    /// Creates the detector.
    public init() {}

    func isChecked(_ node: Int, in graph: PortfolioGraph) -> Bool { true }

    func writtenOwner(of node: Int, in graph: PortfolioGraph) -> String? { graph.field(\.owner, ofDataSource: node) ?? nil }
}

/// `unowned-technology`: a technology still in use nobody active is accountable for (retired ones are skipped).
public struct UnownedTechnology: OwnershipDetector {
    /// `unowned-technology`.
    public let id = RuleID.unownedTechnology
    /// How the board report speaks of it.
    public let wording = RuleWording(
        title: LocalizedText(en: "Technology nobody owns", fr: "Technologies sans responsable"),
        whyItMatters: LocalizedText(
            en: "Nobody answers for licences, upgrades and support of this technology.",
            fr: "Personne ne répond des licences, des mises à jour ni du support de cette technologie."))
    /// What the detector looks for.
    public let summary = "A technology not retired with no owner, an unknown owner, or an owner who is not active."
    let kind = NodeKind.technology
    let severity = Severity.warning
    func action(for node: Int, _ phrasing: Phrasing, in graph: PortfolioGraph) -> String {
        let name = graph.quoted(node, phrasing)
        return phrasing.text(
            en: "Name an owner for \(name) who answers for its licences, upgrades and support.",
            fr: "Désigner pour \(name) un responsable qui réponde de ses licences, de ses mises à jour et de son support.")
    }

    /// Creates the detector.
    public init() {}

    func isChecked(_ node: Int, in graph: PortfolioGraph) -> Bool { graph.field(\.lifecycle, ofTechnology: node) != .retired }

    func writtenOwner(of node: Int, in graph: PortfolioGraph) -> String? { graph.field(\.owner, ofTechnology: node) ?? nil }
}
