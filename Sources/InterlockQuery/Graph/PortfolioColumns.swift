import InterlockCore

/// The number and choice properties of a portfolio's nodes (`budget`, `status`, `lifecycle`,
/// `classification`) copied into arrays of their own, one per kind and property, in node order.
///
/// A scan reading `i.status` and `i.budget` of 100,000 initiatives from the entities spent
/// about 40 ns a node waiting for memory: each entity is a few hundred bytes of strings and
/// arrays, one cache miss apart. The same values in a column are read in sequence. Kept by
/// the query engine's graph (`PortfolioQueryGraph(_:keepingColumns:)`), built once per graph.
final class PortfolioColumns: Sendable {
    /// Per kind (in `NodeKind` order), its columns by property key.
    private let columns: [[String: PropertyColumn]]

    /// Copies the number and choice fields of every node of `graph`.
    init(_ graph: PortfolioGraph) {
        columns = NodeKind.allCases.map { kind in
            let nodes = graph.nodes(ofKind: kind)
            var columns: [String: PropertyColumn] = [:]
            for (position, field) in kind.fields.enumerated() {
                switch field.type {
                case .number:
                    let read = graph.fieldReader(at: position, of: kind)
                    columns[field.name] = .stored(nodes.map { PortfolioQueryGraph.value(read($0)) }, first: nodes.lowerBound)
                case .choice(let words):
                    // A format's choices are a handful of words: a byte holds any position.
                    guard words.count < Int(UInt8.max), let read = graph.choiceReader(at: position, of: kind) else { continue }
                    let positions = nodes.map { node in read(node).map { UInt8($0) } ?? UInt8.max }
                    columns[field.name] = .choices(words.map(QueryValue.string), positions: positions, first: nodes.lowerBound)
                default:
                    continue
                }
            }
            return columns
        }
    }

    /// The column of property `key` of `kind`'s nodes, if one is kept.
    func column(_ key: String, of kind: NodeKind) -> PropertyColumn? {
        columns[Int(kind.rawValue)][key]
    }
}
