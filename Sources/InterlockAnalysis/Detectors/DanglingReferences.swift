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
        title: "Broken references in the records",
        whyItMatters: "The records point at things that do not exist, so the picture is incomplete.")
    /// What the detector looks for.
    public let summary = "A reference to an id that does not exist (owners excepted: see the unowned-* rules)."

    /// Creates the detector.
    public init() {}

    /// One warning per dangling reference.
    public func run(in context: AnalysisContext) -> [Finding] {
        let graph = context.graph
        return graph.danglingReferences.filter { $0.field != "owner" }.map { reference in
            let expected = Wording.alternatives(reference.expectedKinds.map(\.noun))
            let problem = reference.foundKind.map { "which is \(Wording.withArticle($0.noun)), not \(Wording.withArticle(expected))" }
                ?? "but no \(expected) has that id"
            let holder = reference.node.map { [$0] } ?? []
            let subject = reference.node.map { "The \(graph.kind(of: $0).noun) \(graph.quoted($0))" } ?? (reference.field.hasPrefix("policy.") ? "The policy" : "The portfolio")
            return Finding(
                rule: id, severity: .warning, nodes: holder, in: graph,
                message: "\(subject) refers to \"\(reference.target)\" in '\(reference.field)', \(problem).",
                action: "Correct the id in '\(reference.field)' or add the missing \(expected) to the portfolio.",
                owners: graph.contactableOwners(of: holder))
        }
    }
}
