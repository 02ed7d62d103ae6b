import InterlockCore

extension RuleID {
    /// `dangling-reference`.
    public static let danglingReference = RuleID("dangling-reference")
}

/// `dangling-reference`: a reference to an id that does not exist, or to a node of the wrong kind.
///
/// Unknown owners are left to the ownership detectors, which explain them as missing accountability.
public struct DanglingReferences: Detector {
    /// `dangling-reference`.
    public let id = RuleID.danglingReference
    /// How the board report speaks of it.
    public let wording = RuleWording(
        title: LocalizedText(en: "Broken references in the records", fr: "Références introuvables dans les fiches"),
        whyItMatters: LocalizedText(
            en: "The records point at things that do not exist, so the picture is incomplete.",
            fr: "Les fiches renvoient à des éléments qui n'existent pas : le tableau est incomplet."))
    /// What the detector looks for.
    public let summary = "A reference to an id that does not exist (owners excepted: see the unowned-* rules)."

    /// Creates the detector.
    public init() {}

    /// One warning per dangling reference.
    public func run(in context: AnalysisContext) -> [Finding] {
        let graph = context.graph
        return graph.danglingReferences.filter { $0.field != "owner" }.map { reference in
            let holder = reference.node.map { [$0] } ?? []
            return Finding(
                rule: id, severity: .warning, nodes: holder, in: graph, explanation: Explanation(reference: reference),
                owners: graph.contactableOwners(of: holder))
        }
    }

    /// A reference to an id that does not exist, or to a node of another kind.
    struct Explanation: FindingExplanation {
        let reference: DanglingReference

        func message(_ phrasing: Phrasing, in graph: PortfolioGraph) -> String {
            let (field, target) = (reference.field, phrasing.quoted(reference.target))
            switch phrasing.language {
            case .en:
                let expected = phrasing.alternatives(reference.expectedKinds.map(\.noun))
                let problem = reference.foundKind.map { "which is \(phrasing.indefinite($0)), not \(Wording.withArticle(expected))" }
                    ?? "but no \(expected) has that id"
                let subject = reference.node.map { "The \(graph.kind(of: $0).noun) \(graph.quoted($0, phrasing))" }
                    ?? (field.hasPrefix("policy.") ? "The policy" : "The portfolio")
                return "\(subject) refers to \(target) in '\(field)', \(problem)."
            case .fr:
                let problem = reference.foundKind.map { "qui désigne \(phrasing.indefinite($0)) et non \(frenchExpected(phrasing))" }
                    ?? "mais \(frenchNone(phrasing)) ne porte cet identifiant"
                let subject = reference.node.map { "\(phrasing.definite(graph.kind(of: $0)).capitalizedFirst) \(graph.quoted($0, phrasing))" }
                    ?? (field.hasPrefix("policy.") ? "La politique" : "Le portefeuille")
                return ("\(subject) renvoie à \(target) dans le champ '\(field)', \(problem)." as FrenchText).text
            }
        }

        func action(_ phrasing: Phrasing, in graph: PortfolioGraph) -> String {
            let field = reference.field
            return phrasing.text(
                en: "Correct the id in '\(field)' or add the missing \(phrasing.alternatives(reference.expectedKinds.map(\.noun))) to the portfolio.",
                fr: "Corriger l'identifiant dans le champ '\(field)', ou ajouter au portefeuille l'élément manquant (\(frenchExpected(phrasing))).")
        }

        /// "une initiative ou une technologie".
        private func frenchExpected(_ phrasing: Phrasing) -> String {
            phrasing.alternatives(reference.expectedKinds.map(phrasing.indefinite))
        }

        /// "aucune initiative ni technologie", agreeing with the first noun.
        private func frenchNone(_ phrasing: Phrasing) -> String {
            let nouns = reference.expectedKinds.map(phrasing.noun)
            let article = reference.expectedKinds.first == .goal ? "aucun " : "aucune "
            return article + (nouns.count < 2 ? nouns.joined() : nouns.dropLast().joined(separator: ", ") + " ni " + nouns[nouns.count - 1])
        }
    }
}
