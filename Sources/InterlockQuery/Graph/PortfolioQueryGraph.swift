import InterlockCore

/// The core `PortfolioGraph` as queries see it (DESIGN.md, "The graph as queries and exports
/// see it"): one label per node kind, one relationship type per edge kind, and the scalar
/// fields of each entity as properties under the format's names.
///
/// Dates are `YYYY-MM-DD` strings, `tags` a list of strings, `budget` an integer when whole
/// (else a float), `systemOfRecord` and `active` booleans, `status` always present (default
/// `planned`). References (owner, unit, parent, technology...) are relationships, not properties.
///
/// A class, so that the executor's many copies of its graph are one reference count each,
/// not one per array of the portfolio graph.
public final class PortfolioQueryGraph: QueryableGraph {
    /// The graph adapted.
    public let graph: PortfolioGraph

    /// Adapts `graph`.
    public init(_ graph: PortfolioGraph) {
        self.graph = graph
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

    /// The property keys each label can have, sorted.
    public static let propertyKeys: [NodeKind: [String]] = [
        .initiative: ["budget", "end", "id", "name", "start", "status", "tags"],
        .technology: ["category", "endOfLife", "id", "lifecycle", "name", "vendor"],
        .dataSource: ["classification", "domain", "id", "name", "systemOfRecord"],
        .capability: ["id", "name"],
        .goal: ["description", "id", "name"],
        .unit: ["id", "name"],
        .person: ["active", "id", "name"],
        .team: ["id", "name"],
    ]

    /// The keys of the node's properties that have a value.
    public func propertyKeys(ofNode node: Int) -> [String] {
        (Self.propertyKeys[graph.kind(of: node)] ?? []).filter { !property($0, ofNode: node).isNull }
    }

    /// A node property, read in place from its entity (no entity is copied: this runs for
    /// every property access of every row).
    public func property(_ key: String, ofNode node: Int) -> QueryValue {
        switch key {
        case "id": return .string(graph.id(of: node))
        case "name": return .string(graph.name(of: node))
        default: break
        }
        let index = graph.entityIndex(of: node)
        switch graph.kind(of: node) {
        case .initiative: return initiativeProperty(key, index)
        case .technology: return technologyProperty(key, index)
        case .dataSource: return dataSourceProperty(key, index)
        case .goal: return key == "description" ? QueryValue(graph.portfolio.goals[index].description) : .null
        case .person: return key == "active" ? .boolean(graph.portfolio.people[index].active) : .null
        case .capability, .unit, .team: return .null
        }
    }

    private func initiativeProperty(_ key: String, _ index: Int) -> QueryValue {
        switch key {
        case "status": .string(graph.portfolio.initiatives[index].status.rawValue)
        case "budget": graph.portfolio.initiatives[index].budget.map(Self.number) ?? .null
        case "start": QueryValue(graph.portfolio.initiatives[index].start?.description)
        case "end": QueryValue(graph.portfolio.initiatives[index].end?.description)
        case "tags": .list(graph.portfolio.initiatives[index].tags.map(QueryValue.string))
        default: .null
        }
    }

    private func technologyProperty(_ key: String, _ index: Int) -> QueryValue {
        switch key {
        case "category": QueryValue(graph.portfolio.technologies[index].category)
        case "vendor": QueryValue(graph.portfolio.technologies[index].vendor)
        case "lifecycle": QueryValue(graph.portfolio.technologies[index].lifecycle?.rawValue)
        case "endOfLife": QueryValue(graph.portfolio.technologies[index].endOfLife?.description)
        default: .null
        }
    }

    private func dataSourceProperty(_ key: String, _ index: Int) -> QueryValue {
        switch key {
        case "domain": QueryValue(graph.portfolio.dataSources[index].domain)
        case "classification": QueryValue(graph.portfolio.dataSources[index].classification?.rawValue)
        case "systemOfRecord": .boolean(graph.portfolio.dataSources[index].systemOfRecord)
        default: .null
        }
    }

    /// A whole number is an integer, as a Cypher database loading `1200000` would store it.
    private static func number(_ value: Double) -> QueryValue {
        if value.rounded() == value, abs(value) < 9.0e15 { return .integer(Int(value)) }
        return .float(value)
    }
}

extension QueryValue {
    /// A string, or null.
    init(_ text: String?) {
        self = text.map(QueryValue.string) ?? .null
    }
}
