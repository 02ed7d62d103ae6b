import InterlockQuery

/// A small in-memory graph for tests: nodes are grouped by label as the protocol requires,
/// relationships stored by source with an incoming index.
struct TestGraph: QueryableGraph {
    struct Node {
        var label: String
        var properties: [String: QueryValue]
    }

    struct Relationship {
        var source: Int
        var target: Int
        var type: String
        var properties: [String: QueryValue] = [:]
    }

    let labels: [String]
    let relationshipTypes: [String]
    let nodes: [Node]
    /// Relationships sorted by source; index = relationship id.
    let relationships: [Relationship]
    private let outStarts: [Int]
    private let incomingLists: [[Int32]]
    private let labelRanges: [Range<Int>]
    private let byID: [String: Int]

    /// Builds the graph; `nodes` must already be grouped by label, in `labels` order of first appearance.
    init(nodes: [Node], relationships: [Relationship], relationshipTypes: [String]? = nil) {
        var labels: [String] = []
        var ranges: [Range<Int>] = []
        for (index, node) in nodes.enumerated() {
            if labels.last == node.label {
                ranges[ranges.count - 1] = ranges[ranges.count - 1].lowerBound..<(index + 1)
            } else {
                precondition(!labels.contains(node.label), "nodes must be grouped by label")
                labels.append(node.label)
                ranges.append(index..<(index + 1))
            }
        }
        self.labels = labels
        labelRanges = ranges
        self.nodes = nodes
        let sorted = relationships.enumerated().sorted { ($0.element.source, $0.offset) < ($1.element.source, $1.offset) }.map(\.element)
        self.relationships = sorted
        self.relationshipTypes = relationshipTypes ?? Array(Set(relationships.map(\.type))).sorted()
        var starts = [Int](repeating: 0, count: nodes.count + 1)
        for relationship in sorted { starts[relationship.source + 1] += 1 }
        for index in 0..<nodes.count { starts[index + 1] += starts[index] }
        outStarts = starts
        var incoming = [[Int32]](repeating: [], count: nodes.count)
        for (index, relationship) in sorted.enumerated() { incoming[relationship.target].append(Int32(index)) }
        incomingLists = incoming
        var ids: [String: Int] = [:]
        for (index, node) in nodes.enumerated() {
            if case .string(let id) = node.properties["id"] { ids[id] = index }
        }
        byID = ids
    }

    var nodeCount: Int { nodes.count }
    var relationshipCount: Int { relationships.count }
    func labelIndex(ofNode node: Int) -> Int { labels.firstIndex(of: nodes[node].label) ?? 0 }
    func nodes(withLabelIndex label: Int) -> Range<Int> { labelRanges[label] }
    func node(withID id: String) -> Int? { byID[id] }
    func property(_ key: String, ofNode node: Int) -> QueryValue { nodes[node].properties[key] ?? .null }
    func propertyKeys(ofNode node: Int) -> [String] { nodes[node].properties.keys.sorted() }
    func outgoing(_ node: Int) -> Range<Int> { outStarts[node]..<outStarts[node + 1] }
    func incoming(_ node: Int) -> ArraySlice<Int32> { incomingLists[node][...] }
    func source(ofRelationship relationship: Int) -> Int { relationships[relationship].source }
    func target(ofRelationship relationship: Int) -> Int { relationships[relationship].target }
    func typeIndex(ofRelationship relationship: Int) -> Int {
        relationshipTypes.firstIndex(of: relationships[relationship].type) ?? 0
    }
    func property(_ key: String, ofRelationship relationship: Int) -> QueryValue {
        relationships[relationship].properties[key] ?? .null
    }
    func propertyKeys(ofRelationship relationship: Int) -> [String] {
        relationships[relationship].properties.keys.sorted()
    }
}

extension TestGraph {
    /// An empty graph, for queries that only compute values.
    static let empty = TestGraph(nodes: [], relationships: [])

    /// A small portfolio-like graph used by the clause tests:
    ///
    ///     a -DEPENDS_ON-> b -DEPENDS_ON-> c -DEPENDS_ON-> a   (a cycle)
    ///     d -DEPENDS_ON-> c
    ///     a, b -USES-> java {version: '17' / '21'};  c -USES-> oracle;  d -USES-> postgres
    ///     java -INCOMPATIBLE_WITH-> oracle
    static let sample: TestGraph = {
        func initiative(_ id: String, _ budget: QueryValue, _ status: String, _ start: String?) -> Node {
            Node(label: "Initiative", properties: [
                "id": .string(id), "name": .string(id.uppercased()), "budget": budget, "status": .string(status),
                "start": start.map(QueryValue.string) ?? .null, "tags": id == "a" ? ["gdpr", "crm"] : [],
            ])
        }
        func technology(_ id: String, _ lifecycle: String) -> Node {
            Node(label: "Technology", properties: ["id": .string(id), "name": .string(id), "lifecycle": .string(lifecycle)])
        }
        let nodes = [
            initiative("a", 100, "live", "2026-01-01"), initiative("b", 250, "planned", "2026-03-15"),
            initiative("c", nil, "planned", nil), initiative("d", 40, "idea", "2025-12-01"),
            technology("java", "adopt"), technology("oracle", "hold"), technology("postgres", "adopt"),
        ]
        let relationships: [Relationship] = [
            .init(source: 0, target: 1, type: "DEPENDS_ON"), .init(source: 1, target: 2, type: "DEPENDS_ON"),
            .init(source: 2, target: 0, type: "DEPENDS_ON"), .init(source: 3, target: 2, type: "DEPENDS_ON"),
            .init(source: 0, target: 4, type: "USES", properties: ["version": "17"]),
            .init(source: 1, target: 4, type: "USES", properties: ["version": "21"]),
            .init(source: 2, target: 5, type: "USES"), .init(source: 3, target: 6, type: "USES"),
            .init(source: 4, target: 5, type: "INCOMPATIBLE_WITH"),
        ]
        return TestGraph(nodes: nodes, relationships: relationships)
    }()
}
