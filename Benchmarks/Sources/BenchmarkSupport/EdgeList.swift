import Foundation
import InterlockCore

/// A directed graph as `interlock export --format edgelist` writes it: a first line
/// `# nodes N edges M`, then M lines `source target` of node numbers in `0..<N`.
public struct EdgeList: Sendable {
    /// Number of nodes; nodes are `0..<nodeCount`.
    public let nodeCount: Int
    /// The source of every edge, in file order.
    public let sources: [Int32]
    /// The target of every edge, in file order.
    public let targets: [Int32]

    /// Why an edge list cannot be read, with the line at fault.
    public struct FormatError: Error, CustomStringConvertible {
        /// `file:line: what was expected`.
        public let description: String
    }

    /// Reads and checks the file at `path`.
    /// - Complexity: O(size of the file), one pass over its bytes.
    public init(contentsOf path: String) throws {
        let data = try Data(contentsOf: URL(fileURLWithPath: path), options: .alwaysMapped)
        var nodeCount = 0, edgeCount = 0
        var sources: [Int32] = [], targets: [Int32] = []
        try data.withUnsafeBytes { (bytes: UnsafeRawBufferPointer) in
            var reader = NumberReader(bytes: bytes, path: path)
            try reader.expect("# nodes ")
            nodeCount = try reader.number()
            try reader.expect(" edges ")
            edgeCount = try reader.number()
            try reader.endOfLine()
            sources.reserveCapacity(edgeCount)
            targets.reserveCapacity(edgeCount)
            while !reader.atEnd {
                let source = try reader.number(below: nodeCount)
                try reader.expect(" ")
                let target = try reader.number(below: nodeCount)
                try reader.endOfLine()
                sources.append(Int32(source))
                targets.append(Int32(target))
            }
            if sources.count != edgeCount {
                throw FormatError(description: "\(path): the header says \(edgeCount) edges, the file has \(sources.count)")
            }
        }
        self.nodeCount = nodeCount
        self.sources = sources
        self.targets = targets
    }

    /// A portfolio of `nodeCount` initiatives `n0`, `n1`, ... where each edge is a `dependsOn`,
    /// so `PortfolioGraph` numbers its nodes as the file does and its DEPENDS_ON edges are the
    /// file's edges (a pair repeated in the file gives one edge, as `dependsOn` does).
    /// - Complexity: O(nodes + edges).
    public func dependencyPortfolio() -> Portfolio {
        var dependsOn = [[String]](repeating: [], count: nodeCount)
        for (source, target) in zip(sources, targets) { dependsOn[Int(source)].append("n\(target)") }
        let location = SourceLocation(file: "edge list", line: 1, column: 1)
        let initiatives = dependsOn.enumerated().map { node, targets in
            Initiative(id: "n\(node)", name: "n\(node)", dependsOn: targets, location: location)
        }
        return Portfolio(initiatives: initiatives)
    }
}

/// Reads decimal numbers and fixed text from the bytes of an edge list, counting lines.
private struct NumberReader {
    let bytes: UnsafeRawBufferPointer
    let path: String
    var position = 0
    var line = 1

    var atEnd: Bool { position >= bytes.count }

    func failure(_ expected: String) -> EdgeList.FormatError {
        EdgeList.FormatError(description: "\(path):\(line): expected \(expected)")
    }

    mutating func expect(_ text: String) throws {
        for byte in text.utf8 {
            guard position < bytes.count, bytes[position] == byte else { throw failure("'\(text)'") }
            position += 1
        }
    }

    mutating func number(below limit: Int = Int(Int32.max)) throws -> Int {
        var value = 0
        let start = position
        while position < bytes.count, bytes[position] >= UInt8(ascii: "0"), bytes[position] <= UInt8(ascii: "9") {
            value = value * 10 + Int(bytes[position] - UInt8(ascii: "0"))
            position += 1
            if value > limit { break }
        }
        guard position > start, value < limit else { throw failure("a number below \(limit)") }
        return value
    }

    mutating func endOfLine() throws {
        guard position < bytes.count else { return }
        guard bytes[position] == UInt8(ascii: "\n") else { throw failure("the end of the line") }
        position += 1
        line += 1
    }
}
