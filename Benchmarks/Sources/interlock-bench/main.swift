import BenchmarkSupport
import Foundation

/// `interlock-bench`: the timings the peer scripts compare with, one command per experiment.
/// Each prints `key seconds s` lines that `Benchmarks/peers/scc_peers.py --interlock` reads.
let usage = """
    usage: interlock-bench scc EDGELIST
               strongly connected components of an edge list: load, build, scc, components
           interlock-bench scc-portfolio PORTFOLIO
               the same over the DEPENDS_ON edges of a portfolio's whole graph (what dependency-cycle runs)
           interlock-bench swiftgraph EDGELIST [--repeats N] [--cycle-length K]
               Interlock's SCC beside SwiftGraph's isDAG and detectCycles on the same graph, with ratios
    """

let arguments = Array(CommandLine.arguments.dropFirst())
do {
    switch arguments.first {
    case "scc" where arguments.count == 2:
        try SCCTiming.edgeList(arguments[1])
    case "scc-portfolio" where arguments.count == 2:
        try SCCTiming.portfolio(arguments[1])
    case "swiftgraph" where arguments.count >= 2:
        try SwiftGraphComparison(arguments: Array(arguments.dropFirst())).run()
    default:
        FileHandle.standardError.write(Data((usage + "\n").utf8))
        exit(2)
    }
} catch let error as UsageError {
    FileHandle.standardError.write(Data("interlock-bench: \(error)\n\(usage)\n".utf8))
    exit(2)
} catch {
    FileHandle.standardError.write(Data("interlock-bench: \(error)\n".utf8))
    exit(2)
}

/// A bad command line, shown with the usage.
struct UsageError: Error, CustomStringConvertible {
    let description: String

    init(_ description: String) { self.description = description }
}
