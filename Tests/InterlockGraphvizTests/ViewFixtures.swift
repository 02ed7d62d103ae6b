import Foundation
import InterlockAnalysis
import InterlockCore
import InterlockGraphviz

/// The hand-made portfolios under `Portfolios/`, loaded with their findings.
struct LoadedPortfolio {
    let context: ViewContext
    let graph: PortfolioGraph
    let findings: [Finding]

    static let small = load("small.yaml")
    static let hostile = load("hostile.yaml")
    /// The repository's sample portfolio, `Samples/acme`.
    static let acme = load("../../../Samples/acme")

    private static func load(_ name: String) -> LoadedPortfolio {
        let path = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Portfolios/\(name)").standardized.path
        do {
            let analysis = AnalysisContext(PortfolioGraph(try PortfolioLoader.load(paths: [path])))
            let findings = Analyzer(context: analysis).findings
            return LoadedPortfolio(context: ViewContext(analysis: analysis, findings: findings), graph: analysis.graph, findings: findings)
        } catch {
            fatalError("test portfolio \(name) does not load: \(error)")
        }
    }

    /// The diagram of `view`; the focus view centres on `crm-b`, one step both ways.
    func diagram(_ view: DiagramView, maxNodes: Int = ViewOptions.defaultMaxNodes, focus: Focus = Focus(nodeID: "crm-b", depth: 1)) throws -> Diagram {
        try view.diagram(in: context, options: ViewOptions(
            maxNodes: maxNodes, focus: view == .focus ? focus : nil, finding: view == .finding ? .number(1) : nil))
    }
}

extension Diagram {
    /// The node with `id`.
    func node(_ id: String) -> DiagramNode? { nodes.first { $0.id == id } }
    /// The edges from `from` to `to`.
    func edges(_ from: String, _ to: String) -> [DiagramEdge] { edges.filter { $0.from == from && $0.to == to } }
}
