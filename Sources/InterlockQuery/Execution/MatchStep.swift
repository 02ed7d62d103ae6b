/// One step of a `MatchPlan`.
enum MatchStep {
    /// Binds an unbound node slot to each candidate that passes the step's node check.
    case scan(slot: Int, source: NodeSource)
    /// Checks a node bound before this step (null: no match; not a node: an error).
    case verify(slot: Int)
    /// One hop from a bound node.
    case expand(Expansion)
    /// A variable-length hop from a bound node.
    case expandVariable(Expansion)
    /// The shortest paths between two bound nodes.
    case shortest(ShortestSearch)
    /// Assembles a path variable from the slots of its part.
    case path(slot: Int, shape: PathShape)
}

/// Where a scan finds its candidates, from the most to the least selective.
enum NodeSource {
    /// The nodes whose `id` is the value (a string, or a list of strings).
    case ids(Evaluator)
    /// The nodes of these labels (each label's nodes are a range).
    case labels([Range<Int>])
    /// Every node.
    case all

    /// Calls `body` on each candidate until it returns false.
    func forEachCandidate(
        row: Row, graph: some QueryableGraph, _ body: (Int) throws(QueryError) -> Bool
    ) throws(QueryError) -> Bool {
        switch self {
        case .ids(let value):
            let wanted: [QueryValue]
            switch try value(row) {
            case .list(let values): wanted = values
            case let single: wanted = [single]
            }
            var visited: Set<Int> = []
            for case .string(let id) in wanted {
                guard let node = graph.node(withID: id), visited.insert(node).inserted else { continue }
                if try !body(node) { return false }
            }
            return true
        case .labels(let ranges):
            for range in ranges {
                for node in range where try !body(node) { return false }
            }
            return true
        case .all:
            for node in 0..<graph.nodeCount where try !body(node) { return false }
            return true
        }
    }
}

/// The constraints on a node that can be checked as soon as it is reached: labels, and
/// property values that depend only on rows bound before the MATCH.
struct NodeCheck<Graph: QueryableGraph> {
    /// For each label group, which label indices satisfy it.
    var labelMasks: [[Bool]] {
        didSet { labelRange = Self.onlyLabelRange(labelMasks, in: graph) }
    }
    /// Property equality constraints.
    var properties: [PropertyCheck]
    let graph: Graph
    /// The nodes that pass the labels when these allow one label only (`(i:Initiative)`): a
    /// range, as a label's nodes are contiguous, so two comparisons check a node instead of a
    /// read of its label across the whole graph for every candidate (a fifth of a walk over
    /// 235,000 `USES` relationships).
    private var labelRange: Range<Int>?

    init(labelMasks: [[Bool]], properties: [PropertyCheck], graph: Graph) {
        self.labelMasks = labelMasks
        self.properties = properties
        self.graph = graph
        labelRange = Self.onlyLabelRange(labelMasks, in: graph)
    }

    /// The nodes of the one label `masks` allow, if they allow one.
    private static func onlyLabelRange(_ masks: [[Bool]], in graph: Graph) -> Range<Int>? {
        guard masks.count == 1, masks[0].filter({ $0 }).count == 1, let label = masks[0].firstIndex(of: true) else { return nil }
        return graph.nodes(withLabelIndex: label)
    }

    /// Whether `node` satisfies every constraint.
    func accepts(_ node: Int, _ row: Row) throws(QueryError) -> Bool {
        if let labelRange {
            guard labelRange.contains(node) else { return false }
        } else if !labelMasks.isEmpty {
            let label = graph.labelIndex(ofNode: node)
            for mask in labelMasks where !mask[label] { return false }
        }
        for check in properties {
            guard graph.property(check.key, ofNode: node).equals(try check.value(row)) == true else { return false }
        }
        return true
    }
}

/// `{key: value}` in a pattern: the element's property must equal the value.
struct PropertyCheck {
    /// The property key.
    var key: String
    /// The value it must equal.
    var value: Evaluator
}

/// One relationship pattern as the search crosses it: between which slots, along which
/// types and direction, how many hops.
struct Hop {
    /// Slot of the bound node the hop starts from.
    var from: Int
    /// Slot of the node reached.
    var to: Int
    /// Slot of the relationship (a list of relationships for variable length).
    var relationship: Int
    /// Which relationship types qualify, by type index; nil for any.
    var types: [Bool]?
    /// Direction relative to the hop (flipped when the plan walks a pattern right to left).
    var direction: RelationshipPattern.Direction
    /// How many relationships may be crossed.
    var length: ClosedRange<Int>
}

/// How to cross one relationship pattern from a bound node.
struct Expansion {
    /// The slots, types, direction and length.
    var hop: Hop
    /// Whether the reached node's slot is already bound (then it must be that node).
    var targetBound: Bool
    /// Whether the relationship's slot is already bound (single hops only).
    var relationshipBound: Bool
    /// Whether the plan walks this relationship against the pattern's reading order, so
    /// that a variable-length list must be reversed to read left to right.
    var reversed: Bool
    /// Whether anything reads the relationship slot (a named relationship, or one in a path);
    /// an anonymous variable-length relationship skips building its list.
    var isRead: Bool
}

/// `shortestPath((a)-[*]->(b))` between two bound nodes.
struct ShortestSearch {
    /// The slots (both ends bound before the search), types, direction and length bounds.
    var hop: Hop
    /// allShortestPaths rather than shortestPath.
    var all: Bool
}

/// The slots that make up a path variable.
struct PathShape {
    /// Slots of the part's nodes, in pattern order.
    var nodes: [Int]
    /// Slots of the part's relationships; variable-length ones hold lists.
    var relationships: [Int]

    /// The path the slots describe, nil if an element is missing (an OPTIONAL MATCH miss).
    func path(in row: Row, graph: some QueryableGraph) -> QueryPath? {
        guard case .node(var current) = row[nodes[0]] else { return nil }
        var path = QueryPath(nodes: [current], relationships: [])
        for slot in relationships {
            let hops: [QueryValue]
            switch row[slot] {
            case .relationship: hops = [row[slot]]
            case .list(let list): hops = list
            default: return nil
            }
            for case .relationship(let relationship) in hops {
                current = graph.otherNode(of: relationship, from: current)
                path.relationships.append(relationship)
                path.nodes.append(current)
            }
        }
        return path
    }
}

extension QueryableGraph {
    /// Calls `body(relationship, otherNode)` for each relationship of `node` in `direction`
    /// whose type passes the mask, until it returns false. A self-loop counts once when
    /// either direction is allowed.
    func forEachEdge<Failure: Error>(
        of node: Int, _ direction: RelationshipPattern.Direction, types: [Bool]?,
        _ body: (Int, Int) throws(Failure) -> Bool
    ) throws(Failure) -> Bool {
        if direction != .incoming {
            for edge in outgoing(node) where types?[typeIndex(ofRelationship: edge)] ?? true {
                if try !body(edge, target(ofRelationship: edge)) { return false }
            }
        }
        guard direction != .outgoing else { return true }
        return try forEachIncoming(node, types: types) { (edge, source) throws(Failure) in
            if direction == .either, source == node { return true }
            return try body(edge, source)
        }
    }

    /// The (relationship, other node) pairs `forEachEdge` visits, as an array.
    func adjacent(to node: Int, _ direction: RelationshipPattern.Direction, types: [Bool]?) -> [(Int, Int)] {
        var pairs: [(Int, Int)] = []
        _ = forEachEdge(of: node, direction, types: types) { edge, other in
            pairs.append((edge, other))
            return true
        }
        return pairs
    }
}
