/// Procedures every queryable graph offers.
enum StandardProcedures {
    /// The relationship types along which a failure travels upstream: what depends on, uses,
    /// reads, writes or is hosted on a node is affected when it fails.
    static let dependencyTypes: Set<String> = ["DEPENDS_ON", "USES", "READS", "WRITES", "HOSTED_ON"]

    /// `interlock.blastRadius(id)`, `db.labels()`, `db.relationshipTypes()`.
    static func all(for graph: some QueryableGraph) -> [QueryProcedure] {
        [blastRadius(graph), labels(graph), relationshipTypes(graph)]
    }

    /// `interlock.blastRadius(id) YIELD node, distance`: every node that transitively depends
    /// on the given one (by id string or node), nearest first, with its distance in hops.
    static func blastRadius(_ graph: some QueryableGraph) -> QueryProcedure {
        QueryProcedure(name: "interlock.blastRadius", arguments: ["id"], outputs: ["node", "distance"]) { arguments throws(QueryError) in
            let start: Int
            switch arguments[0] {
            case .node(let node): start = node
            case .string(let id):
                guard let node = graph.node(withID: id) else {
                    throw QueryError(.runtime, "interlock.blastRadius: no node has the id '\(id)'")
                }
                start = node
            case .null: return []
            case let other:
                throw QueryError(.runtime, "interlock.blastRadius expects an id or a node, not a \(other.typeName)")
            }
            let mask = graph.relationshipTypes.map { dependencyTypes.contains($0) }
            return upstream(of: start, in: graph, types: mask).map { [.node($0.node), .integer($0.distance)] }
        }
    }

    /// Breadth-first search against the direction of the relationships of the allowed types.
    static func upstream(of start: Int, in graph: some QueryableGraph, types: [Bool]) -> [(node: Int, distance: Int)] {
        var distance: [Int: Int] = [start: 0]
        var found: [(node: Int, distance: Int)] = []
        var frontier = [start]
        while !frontier.isEmpty {
            var next: [Int] = []
            for node in frontier {
                for edge in graph.incoming(node) where types[graph.typeIndex(ofRelationship: Int(edge))] {
                    let source = graph.source(ofRelationship: Int(edge))
                    guard distance[source] == nil, let current = distance[node] else { continue }
                    distance[source] = current + 1
                    found.append((source, current + 1))
                    next.append(source)
                }
            }
            frontier = next
        }
        return found
    }

    /// `db.labels() YIELD label`.
    static func labels(_ graph: some QueryableGraph) -> QueryProcedure {
        QueryProcedure(name: "db.labels", arguments: [], outputs: ["label"]) { _ in
            graph.labels.map { [.string($0)] }
        }
    }

    /// `db.relationshipTypes() YIELD relationshipType`.
    static func relationshipTypes(_ graph: some QueryableGraph) -> QueryProcedure {
        QueryProcedure(name: "db.relationshipTypes", arguments: [], outputs: ["relationshipType"]) { _ in
            graph.relationshipTypes.map { [.string($0)] }
        }
    }
}
