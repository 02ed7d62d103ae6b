import InterlockCore

/// The core `PortfolioGraph` as queries see it (DESIGN.md, "The graph as queries and exports
/// see it"): one label per node kind, one relationship type per edge kind, and the scalar
/// fields of each entity as properties under the format's names.
///
/// Dates are `YYYY-MM-DD` strings, `tags` a list of strings, `budget` an integer when whole
/// (else a float), `systemOfRecord` and `active` booleans, `status` always present (default
/// `planned`). References (owner, unit, parent, technology...) are relationships, not properties.
///
/// A view: the graph's storage is one shared object, so the executor's many copies cost one
/// reference count each (two with columns). Properties come from the entities' field tables
/// (`Initiative.fields`), or from columns of their own when the view keeps them.
public struct PortfolioQueryGraph: QueryableGraph {
    /// The graph adapted.
    public let graph: PortfolioGraph
    /// The number and choice properties in columns, when kept.
    private let columns: PortfolioColumns?

    /// Adapts `graph`. With `keepingColumns`, the number and choice properties (`budget`,
    /// `status`, `lifecycle`, `classification`) are also copied into arrays in node order, so
    /// that a query reading them over many nodes reads in sequence instead of visiting every
    /// entity: a few milliseconds per 100,000 initiatives, worth it for an engine that runs
    /// queries (`QueryEngine(portfolio:)`), not for a single pass such as an export.
    public init(_ graph: PortfolioGraph, keepingColumns: Bool = false) {
        self.graph = graph
        columns = keepingColumns ? PortfolioColumns(graph) : nil
    }

    /// Node count.
    public var nodeCount: Int { graph.nodeCount }
    /// Edge count.
    public var relationshipCount: Int { graph.edgeCount }
    /// The labels, in `NodeKind` order.
    public var labels: [String] { Self.labelNames }
    /// The relationship types, in `EdgeKind` order.
    public var relationshipTypes: [String] { Self.typeNames }

    private static let labelNames = NodeKind.allCases.map(\.label)
    private static let typeNames = EdgeKind.allCases.map(\.relationshipType)

    /// The label index is the kind's raw value.
    public func labelIndex(ofNode node: Int) -> Int { Int(graph.kind(of: node).rawValue) }
    /// The nodes of a kind.
    public func nodes(withLabelIndex label: Int) -> Range<Int> {
        NodeKind(rawValue: UInt8(label)).map(graph.nodes(ofKind:)) ?? 0..<0
    }
    /// The node of an id.
    public func node(withID id: String) -> Int? { graph.node(withID: id) }
    /// Outgoing edges.
    public func outgoing(_ node: Int) -> Range<Int> { graph.outgoing(node) }
    /// Incoming edges.
    public func incoming(_ node: Int) -> ArraySlice<Int32> { graph.incoming(node) }
    /// Every node of a portfolio has an id, and no two share one.
    public var nodeKeyProperty: String? { "id" }
    /// Reads the sources and kinds stored beside the incoming edges, in order.
    public func forEachIncoming<Failure: Error>(
        _ node: Int, types: [Bool]?, _ body: (Int, Int) throws(Failure) -> Bool
    ) throws(Failure) -> Bool {
        let (edges, sources, kinds) = (graph.incoming(node), graph.incomingSources(node), graph.incomingKinds(node))
        for offset in 0..<edges.count {
            guard types?[Int(kinds[kinds.startIndex + offset].rawValue)] ?? true else { continue }
            if try !body(Int(edges[edges.startIndex + offset]), Int(sources[sources.startIndex + offset])) { return false }
        }
        return true
    }
    /// An edge's source.
    public func source(ofRelationship relationship: Int) -> Int { graph.source(ofEdge: relationship) }
    /// An edge's target.
    public func target(ofRelationship relationship: Int) -> Int { graph.target(ofEdge: relationship) }
    /// The type index is the edge kind's raw value.
    public func typeIndex(ofRelationship relationship: Int) -> Int { Int(graph.kind(ofEdge: relationship).rawValue) }

    /// `version` on USES relationships; nothing else.
    public func property(_ key: String, ofRelationship relationship: Int) -> QueryValue {
        guard key == "version", let version = graph.version(ofEdge: relationship) else { return .null }
        return .string(version)
    }

    /// `["version"]` on a USES relationship with a version.
    public func propertyKeys(ofRelationship relationship: Int) -> [String] {
        graph.version(ofEdge: relationship) == nil ? [] : ["version"]
    }

    /// The property keys each label can have, sorted: the fields of its entity that are not
    /// references (those are relationships).
    public static let propertyKeys: [NodeKind: [String]] = Dictionary(uniqueKeysWithValues: NodeKind.allCases.map { kind in
        (kind, kind.fields.filter { !$0.type.isReference }.map(\.name).sorted())
    })

    /// For each label, its properties and their positions in the entity's field table. Searched
    /// in order: a handful of short keys compare faster than they hash, on every property access.
    private static let propertyPositions: [[(key: String, position: Int)]] = NodeKind.allCases.map { kind in
        kind.fields.enumerated().compactMap { position, field in field.type.isReference ? nil : (field.name, position) }
    }

    /// The keys of the node's properties that have a value.
    public func propertyKeys(ofNode node: Int) -> [String] {
        (Self.propertyKeys[graph.kind(of: node)] ?? []).filter { !property($0, ofNode: node).isNull }
    }

    /// A node property, read in place from its entity (no entity is copied: this runs for
    /// every property access of every row).
    public func property(_ key: String, ofNode node: Int) -> QueryValue {
        let properties = Self.propertyPositions[labelIndex(ofNode: node)]
        guard let property = properties.first(where: { $0.key == key }) else { return .null }
        return Self.value(at: property.position, of: node, in: graph)
    }

    /// Reads the property `key`, its column or its field in each label's table and that
    /// label's entities found once.
    public func propertyReader(_ key: String) -> @Sendable (Int) -> QueryValue {
        let graph = self.graph
        let readers = NodeKind.allCases.map { propertyColumn(key, of: $0).reader }
        return { node in readers[Int(graph.kind(of: node).rawValue)](node) }
    }

    /// The property `key` of one kind's nodes; nulls for a key the kind does not have.
    public func propertyColumn(_ key: String, labelIndex label: Int) -> PropertyColumn {
        guard let kind = NodeKind(rawValue: UInt8(clamping: label)), Int(kind.rawValue) == label else { return .values { _ in .null } }
        return propertyColumn(key, of: kind)
    }

    /// The property `key` of one kind's nodes: its kept column if any, else read from the
    /// entities; nulls for a key the kind does not have.
    private func propertyColumn(_ key: String, of kind: NodeKind) -> PropertyColumn {
        if let column = columns?.column(key, of: kind) { return column }
        guard let property = Self.propertyPositions[Int(kind.rawValue)].first(where: { $0.key == key }) else {
            return .values { _ in .null }
        }
        let read = graph.fieldReader(at: property.position, of: kind)
        return .values { Self.value(read($0)) }
    }

    /// The field at `position` of the node's entity as a query value.
    private static func value(at position: Int, of node: Int, in graph: PortfolioGraph) -> QueryValue {
        value(graph.fieldValue(at: position, of: node))
    }

    /// A field's value as a query value.
    static func value(_ field: FieldValue?) -> QueryValue {
        guard let value = field else { return .null }
        switch value {
        case .text(let text): return .string(text)
        case .number(let number): return Self.number(number)
        case .boolean(let flag): return .boolean(flag)
        case .list(let items): return .list(items.map(QueryValue.string))
        }
    }

    /// A whole number is an integer, as a Cypher database loading `1200000` would store it.
    private static func number(_ value: Double) -> QueryValue {
        if value.rounded() == value, abs(value) < 9.0e15 { return .integer(Int(value)) }
        return .float(value)
    }
}
