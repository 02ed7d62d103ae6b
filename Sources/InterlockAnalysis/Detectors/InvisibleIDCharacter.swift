import InterlockCore

extension RuleID {
    /// `invisible-id-character`.
    public static let invisibleIDCharacter = RuleID("invisible-id-character")
}

/// `invisible-id-character`: an id holding characters that print as nothing (zero-width spaces
/// and joiners, right-to-left and other direction overrides, soft hyphens, byte order marks).
/// Such an id looks like another one, or reads in another order, while being a different id:
/// a reference that looks right resolves to nothing, or to the look-alike.
public struct InvisibleIDCharacter: Detector {
    /// `invisible-id-character`.
    public let id = RuleID.invisibleIDCharacter
    /// How the board report speaks of it.
    public let wording = RuleWording(
        title: LocalizedText(en: "Ids with invisible characters", fr: "Identifiants aux caractères invisibles"),
        whyItMatters: LocalizedText(
            en: "An id that looks like another one but is not makes references point somewhere else than they seem to.",
            fr: "Un identifiant qui ressemble à un autre sans l'être fait pointer les références ailleurs qu'il n'y paraît."))
    /// What the detector looks for.
    public let summary = "An id holding invisible characters (zero-width, direction overrides), which make it look like another."

    /// Creates the detector.
    public init() {}

    /// One warning per node whose id holds a format character (Unicode category Cf).
    public func run(in context: AnalysisContext) -> [Finding] {
        let graph = context.graph
        return (0..<graph.nodeCount).compactMap { node in
            let id = graph.id(of: node)
            // Ids are nearly always ASCII, which holds no format character: skip the property look-ups.
            guard !id.utf8.allSatisfy({ $0 < 0x80 }) else { return nil }
            let invisible = id.unicodeScalars.filter { $0.properties.generalCategory == .format }
            guard !invisible.isEmpty else { return nil }
            let codes = invisible.map { "U+" + String($0.value, radix: 16, uppercase: true) }
            let visible = String(String.UnicodeScalarView(id.unicodeScalars.filter { $0.properties.generalCategory != .format }))
            return Finding(
                rule: self.id, severity: .warning, nodes: [node], in: graph,
                explanation: Explanation(id: id.escapingControlCharacters(), codes: codes, visible: visible),
                owners: graph.contactableOwners(of: [node]))
        }
    }

    /// The id, its invisible characters and how it reads without them.
    struct Explanation: FindingExplanation {
        let id: String
        let codes: [String]
        let visible: String

        func message(_ phrasing: Phrasing, in graph: PortfolioGraph) -> String {
            phrasing.text(
                en: "The id \"\(id)\" holds invisible characters (\(codes.joined(separator: ", "))): it reads as \"\(visible)\" but is another id.",
                fr: "L'identifiant « \(id) » contient des caractères invisibles (\(codes.joined(separator: ", "))) : il se lit « \(visible) » mais c'est un autre identifiant.")
        }

        func action(_ phrasing: Phrasing, in graph: PortfolioGraph) -> String {
            phrasing.text(
                en: "Retype the id \"\(visible)\" without the invisible characters, here and where it is referenced.",
                fr: "Ressaisir l'identifiant « \(visible) » sans les caractères invisibles, ici et partout où il est référencé.")
        }
    }
}
