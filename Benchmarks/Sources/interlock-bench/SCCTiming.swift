import BenchmarkSupport
import Foundation
import InterlockCore

/// Times Interlock's strongly connected components, the algorithm apart from loading and building.
enum SCCTiming {
    /// The edge list as a portfolio of initiatives whose `dependsOn` are the edges.
    static func edgeList(_ path: String) throws {
        let (edges, loadSeconds) = try Stopwatch.time { try EdgeList(contentsOf: path) }
        let (graph, buildSeconds) = Stopwatch.time { PortfolioGraph(edges.dependencyPortfolio()) }
        report(graph, load: loadSeconds, build: buildSeconds)
    }

    /// A portfolio's whole graph; the SCC follows only its DEPENDS_ON edges, as `dependency-cycle` does.
    static func portfolio(_ path: String) throws {
        let (portfolio, loadSeconds) = try Stopwatch.time { try PortfolioLoader.load(paths: [path]) }
        let (graph, buildSeconds) = Stopwatch.time { PortfolioGraph(portfolio) }
        report(graph, load: loadSeconds, build: buildSeconds)
    }

    private static func report(_ graph: PortfolioGraph, load: Double, build: Double) {
        let (components, sccSeconds) = Stopwatch.time { graph.stronglyConnectedComponents(over: EdgeKindSet(.dependsOn)) }
        var sizes = [Int](repeating: 0, count: components.count)
        for component in components.componentOf { sizes[Int(component)] += 1 }
        let nontrivial = sizes.filter { $0 > 1 }
        print("nodes \(graph.nodeCount) edges \(graph.edgeCount)")
        print(String(format: "load %.6f s", load))
        print(String(format: "build %.6f s", build))
        print(String(format: "scc %.6f s", sccSeconds))
        print("components \(nontrivial.count) \(nontrivial.max() ?? 1)")
    }
}
