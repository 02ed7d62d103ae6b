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
        let counts = Severity.allCases.reversed().compactMap { severity -> String? in
            let count = findings.filter { $0.severity == severity }.count
            return count == 0 ? nil : "\(count) \(severity.rawValue)\(count == 1 ? "" : "s")"
        }
        let summary = findings.isEmpty ? "No findings" : "\(findings.count) findings (\(counts.joined(separator: ", "))) and their direct neighbours"
        let notes = [summary] + [cut.note(criterion: "with the lowest risk")].compactMap { $0 }
        return composer.diagram(subject: "risks", notes: notes)
    }
}
