/// The graph a query runs over, as the executor sees it: integer nodes grouped by label,
/// relationships stored by source (CSR) with an index of incoming ones, properties by key.
///
/// `PortfolioQueryGraph` adapts the core `PortfolioGraph`; tests use small graphs of their own.
/// Every node has exactly one label and the nodes of a label are contiguous, so a label scan
/// is a range. The `id` property is unique, which `node(withID:)` serves in O(1).
public protocol QueryableGraph: Sendable {
    /// Nodes are `0..<nodeCount`.
    var nodeCount: Int { get }
    /// Relationships are `0..<relationshipCount`.
    var relationshipCount: Int { get }
    /// Every label; a node's label is `labels[labelIndex(ofNode:)]`.
    var labels: [String] { get }
    /// Every relationship type; a relationship's type is `relationshipTypes[typeIndex(ofRelationship:)]`.
    var relationshipTypes: [String] { get }

    /// The index in `labels` of the node's label.
    func labelIndex(ofNode node: Int) -> Int
    /// The nodes with the label of index `label`, contiguous.
    func nodes(withLabelIndex label: Int) -> Range<Int>
    /// The node whose `id` property is `id`.
    func node(withID id: String) -> Int?
    /// The value of a node's property, null when absent.
    func property(_ key: String, ofNode node: Int) -> QueryValue
    /// A function reading the property `key` of any node, what `property(key, ofNode:)` gives:
    /// a graph can look the key up once here rather than on every row (see the default).
    func propertyReader(_ key: String) -> @Sendable (Int) -> QueryValue
    /// The property `key` of the nodes with the label of index `label`, as a column: what
    /// `property(key, ofNode:)` gives for each of them, with the choices of a property that
    /// holds one of a few values known (see the default, which knows none).
    func propertyColumn(_ key: String, labelIndex label: Int) -> PropertyColumn
    /// The keys of the node's non-null properties, sorted.
    func propertyKeys(ofNode node: Int) -> [String]
    /// A property every node has and no two nodes share (`id` in a portfolio), if there is
    /// one: grouping by it is grouping by the node, without reading or hashing it per row.
    var nodeKeyProperty: String? { get }

    /// The relationships leaving `node`.
    func outgoing(_ node: Int) -> Range<Int>
    /// The relationships entering `node`.
    func incoming(_ node: Int) -> ArraySlice<Int32>
    /// Calls `body(relationship, source)` for each relationship entering `node` whose type
    /// passes the mask (nil: any), in the order of `incoming(node)`, until it returns false.
    /// A graph that stores its sources beside `incoming` reads them in order here (see the
    /// default, which looks each relationship up).
    func forEachIncoming<Failure: Error>(
        _ node: Int, types: [Bool]?, _ body: (Int, Int) throws(Failure) -> Bool
    ) throws(Failure) -> Bool
    /// The node a relationship leaves.
    func source(ofRelationship relationship: Int) -> Int
    /// The node a relationship enters.
    func target(ofRelationship relationship: Int) -> Int
    /// The index in `relationshipTypes` of the relationship's type.
    func typeIndex(ofRelationship relationship: Int) -> Int
    /// The value of a relationship's property, null when absent.
    func property(_ key: String, ofRelationship relationship: Int) -> QueryValue
    /// The keys of the relationship's non-null properties, sorted.
    func propertyKeys(ofRelationship relationship: Int) -> [String]
}

extension QueryableGraph {
    /// None: a graph promises no property that tells its nodes apart.
    public var nodeKeyProperty: String? { nil }

    /// Looks up the source and type of each relationship of `incoming(node)`.
    public func forEachIncoming<Failure: Error>(
        _ node: Int, types: [Bool]?, _ body: (Int, Int) throws(Failure) -> Bool
    ) throws(Failure) -> Bool {
        for edge32 in incoming(node) {
            let edge = Int(edge32)
            guard types?[typeIndex(ofRelationship: edge)] ?? true else { continue }
            if try !body(edge, source(ofRelationship: edge)) { return false }
        }
        return true
    }

    /// Reads through `property(_:ofNode:)`, looking the key up on every call.
    public func propertyReader(_ key: String) -> @Sendable (Int) -> QueryValue {
        { node in property(key, ofNode: node) }
    }

    /// Any value, read through `propertyReader`.
    public func propertyColumn(_ key: String, labelIndex label: Int) -> PropertyColumn {
        .values(propertyReader(key))
    }

    /// The label of a node.
    func label(ofNode node: Int) -> String { labels[labelIndex(ofNode: node)] }

    /// The type of a relationship.
    func type(ofRelationship relationship: Int) -> String { relationshipTypes[typeIndex(ofRelationship: relationship)] }

    /// The node at the other end of `relationship` from `node`.
    func otherNode(of relationship: Int, from node: Int) -> Int {
        let source = source(ofRelationship: relationship)
        return source == node ? target(ofRelationship: relationship) : source
    }

    /// Every property of a node as a map.
    func properties(ofNode node: Int) -> [String: QueryValue] {
        Dictionary(uniqueKeysWithValues: propertyKeys(ofNode: node).map { ($0, property($0, ofNode: node)) })
    }

    /// Every property of a relationship as a map.
    func properties(ofRelationship relationship: Int) -> [String: QueryValue] {
        Dictionary(
            uniqueKeysWithValues: propertyKeys(ofRelationship: relationship).map {
                ($0, property($0, ofRelationship: relationship))
            })
    }
}
