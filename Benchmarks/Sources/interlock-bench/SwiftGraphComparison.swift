import BenchmarkSupport
import Foundation
import InterlockCore
import SwiftGraph

/// Interlock's SCC beside SwiftGraph 4.0.0 on the same edge list, in one process.
///
/// SwiftGraph has no strongly connected components; what answers the same question there
/// ("which nodes lie on a dependency cycle?") is `detectCycles(upToLength:)`, which lists every
/// elementary cycle up to a length, and `isDAG` ("is there any cycle?"), a recursive topological
/// sort. Both are timed against Interlock's `stronglyConnectedComponents`, and each prints its
/// answer (nodes on a cycle), so a wrong answer shows as well as a slow one.
struct SwiftGraphComparison {
    let path: String
    var repeats = 3
    var cycleLength = 8

    init(arguments: [String]) throws {
        guard let path = arguments.first else { throw UsageError( "give the edge list") }
        self.path = path
        var rest = arguments.dropFirst()
        while let option = rest.popFirst() {
            guard let value = rest.popFirst().flatMap(Int.init), value > 0 else {
                throw UsageError( "\(option) needs a positive number")
            }
            switch option {
            case "--repeats": repeats = value
            case "--cycle-length": cycleLength = value
            default: throw UsageError( "unknown option \(option)")
            }
        }
    }

    func run() throws {
        let edges = try EdgeList(contentsOf: path)
        let ours = PortfolioGraph(edges.dependencyPortfolio())
        let (theirs, swiftGraphBuild) = Stopwatch.time { swiftGraph(of: edges) }
        var rows: [(name: String, seconds: [Double], answer: String)] = []
        rows.append(measure("interlock stronglyConnectedComponents") {
            let components = ours.stronglyConnectedComponents(over: EdgeKindSet(.dependsOn))
            var sizes = [Int](repeating: 0, count: components.count)
            for component in components.componentOf { sizes[Int(component)] += 1 }
            return "\(sizes.filter { $0 > 1 }.reduce(0, +)) nodes on cycles"
        })
        rows.append(("SwiftGraph build UnweightedGraph", [swiftGraphBuild], "\(theirs.vertexCount) vertices"))
        rows.append(measure("SwiftGraph detectCycles(upToLength: \(cycleLength))") {
            let cycles = theirs.detectCycles(upToLength: cycleLength)
            return "\(Set(cycles.joined()).count) nodes on cycles"
        })
        rows.append(measure("SwiftGraph isDAG") { theirs.isDAG ? "acyclic" : "has a cycle" })

        let base = Stopwatch.median(rows[0].seconds)
        print("SwiftGraph 4.0.0 beside Interlock on \(path): \(edges.nodeCount) nodes, \(edges.sources.count) edges; "
            + "median of \(repeats) run(s); ratio = time / Interlock's SCC time")
        print("operation | median ms | ratio | answer")
        for row in rows {
            let median = Stopwatch.median(row.seconds)
            print("\(row.name) | " + String(format: "%.3f | %.1fx", median * 1000, base > 0 ? median / base : 0) + " | \(row.answer)")
        }
    }

    private func measure(_ name: String, _ work: () -> String) -> (name: String, seconds: [Double], answer: String) {
        var seconds: [Double] = []
        var answer = ""
        for _ in 0..<repeats {
            let run = Stopwatch.time(work)
            seconds.append(run.seconds)
            answer = run.result
        }
        return (name, seconds, answer)
    }

    private func swiftGraph(of edges: EdgeList) -> UnweightedGraph<Int> {
        let graph = UnweightedGraph<Int>(vertices: Array(0..<edges.nodeCount))
        for (source, target) in zip(edges.sources, edges.targets) {
            graph.addEdge(fromIndex: Int(source), toIndex: Int(target), directed: true)
        }
        return graph
    }
}
