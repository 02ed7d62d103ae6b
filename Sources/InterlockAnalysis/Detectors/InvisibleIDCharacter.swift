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
        title: "Ids with invisible characters",
        whyItMatters: "An id that looks like another one but is not makes references point somewhere else than they seem to.")
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
                message: "The id \"\(id.escapingControlCharacters())\" holds invisible characters (\(codes.joined(separator: ", "))): it reads as \"\(visible)\" but is another id.",
                action: "Retype the id \"\(visible)\" without the invisible characters, here and where it is referenced.",
                owners: graph.contactableOwners(of: [node]))
        }
    }
}
