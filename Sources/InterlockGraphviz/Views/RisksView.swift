import InterlockAnalysis
import InterlockCore

/// `risks`: only what findings touch, with one hop of context; cycles in red, duplicates
/// grouped around their capability, incompatible technologies joined by a red dashed edge,
/// unowned nodes dashed.
struct RisksView {
    /// Relations shown, and followed for one hop of context.
    static let relations = EdgeKindSet([.dependsOn, .uses, .reads, .writes, .delivers, .hostedOn])

    func diagram(in context: ViewContext, options: ViewOptions) -> Diagram {
        let graph = context.graph
        let touched = context.findings.touched
        let neighbours = graph.reachable(from: touched, over: Self.relations, direction: .both, maxDepth: 1).map(\.node)
        let candidates = Set(touched + neighbours).sorted()
        let cut = NodeCut(candidates, limit: options.maxNodes, keepFirst: context.isRiskier)
        var composer = DiagramComposer(context, nodes: cut.kept, relations: Self.relations)
        composer.groupDuplicatedCapabilities()
        let findings = context.findings.findings
        let say = context.phrasing
        let counts = Severity.allCases.reversed().compactMap { severity -> String? in
            let count = findings.filter { $0.severity == severity }.count
            guard count > 0 else { return nil }
            return switch severity {
            case .error: say.text(en: say.count(count, "error", "errors"), fr: "\(say.count(count, "grave", "graves"))")
            case .warning: say.text(en: say.count(count, "warning", "warnings"), fr: "\(say.count(count, "avertissement", "avertissements"))")
            case .info: say.text(en: say.count(count, "info", "infos"), fr: "\(say.count(count, "information", "informations"))")
            }
        }
        let summary = findings.isEmpty
            ? say.text(en: "No findings", fr: "Aucun constat")
            : say.text(
                en: "\(say.count(findings.count, "finding", "findings")) (\(counts.joined(separator: ", "))) and their direct neighbours",
                fr: "\(say.count(findings.count, "constat", "constats")) (\(counts.joined(separator: ", "))) et leurs voisins directs")
        let notes = cut.notes(after: summary, criterion: context.text(en: "with the lowest risk", fr: "les moins risqués"), context)
        return composer.diagram(subject: context.text(en: "risks", fr: "risques"), notes: notes)
    }
}
