/// A value flowing through a query: the openCypher value types, with graph elements held as
/// the integer indices of the graph they come from.
public enum QueryValue: Sendable {
    /// The absent value; comparisons with it are unknown (null).
    case null
    /// true or false.
    case boolean(Bool)
    /// A 64-bit integer.
    case integer(Int)
    /// A 64-bit floating-point number.
    case float(Double)
    /// A string of characters.
    case string(String)
    /// An ordered list.
    case list([QueryValue])
    /// A map from string keys.
    case map([String: QueryValue])
    /// A node, by its index in the graph.
    case node(Int)
    /// A relationship, by its index in the graph.
    case relationship(Int)
    /// A path: alternating nodes and relationships.
    case path(QueryPath)
}

/// A path through the graph: `nodes.count == relationships.count + 1`.
public struct QueryPath: Hashable, Sendable {
    /// The nodes in order, from the start.
    public var nodes: [Int]
    /// The relationships in order, `relationships[i]` joining `nodes[i]` and `nodes[i + 1]`.
    public var relationships: [Int]

    /// Creates a path.
    public init(nodes: [Int], relationships: [Int]) {
        self.nodes = nodes
        self.relationships = relationships
    }
}

extension QueryValue {
    /// The openCypher name of the value's type, for error messages.
    public var typeName: String {
        switch self {
        case .null: "Null"
        case .boolean: "Boolean"
        case .integer: "Integer"
        case .float: "Float"
        case .string: "String"
        case .list: "List"
        case .map: "Map"
        case .node: "Node"
        case .relationship: "Relationship"
        case .path: "Path"
        }
    }

    /// Whether the value is null.
    public var isNull: Bool {
        if case .null = self { return true }
        return false
    }

    /// Whether the value is a string, a number or a Boolean: what conversions accept.
    var isScalar: Bool {
        switch self {
        case .string, .integer, .float, .boolean: true
        default: false
        }
    }

    /// The value as a Double when it is a number.
    var number: Double? {
        switch self {
        case .integer(let value): Double(value)
        case .float(let value): value
        default: nil
        }
    }
}

extension QueryValue: ExpressibleByNilLiteral, ExpressibleByBooleanLiteral, ExpressibleByIntegerLiteral,
    ExpressibleByFloatLiteral, ExpressibleByStringLiteral, ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral
{
    /// `nil` is null.
    public init(nilLiteral: ()) { self = .null }
    /// A boolean literal.
    public init(booleanLiteral value: Bool) { self = .boolean(value) }
    /// An integer literal.
    public init(integerLiteral value: Int) { self = .integer(value) }
    /// A float literal.
    public init(floatLiteral value: Double) { self = .float(value) }
    /// A string literal.
    public init(stringLiteral value: String) { self = .string(value) }
    /// A list literal.
    public init(arrayLiteral elements: QueryValue...) { self = .list(elements) }
    /// A map literal; a repeated key keeps its last value.
    public init(dictionaryLiteral elements: (String, QueryValue)...) {
        self = .map(Dictionary(elements, uniquingKeysWith: { _, last in last }))
    }
}
