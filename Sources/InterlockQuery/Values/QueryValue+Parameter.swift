extension QueryValue {
    /// A parameter value given on a command line (`--param name=value`): a Cypher literal
    /// (`42`, `2.5`, `true`, `null`, `'text'`, `['a', 'b']`, `{k: 1}`) is read as such;
    /// anything else is taken as a plain string, so `--param tech=java` means `'java'`.
    public static func parameter(from text: String) -> QueryValue {
        guard let expression = try? Parser.parseExpression(text), expression.isConstantLiteral,
              let value = try? QueryEngine(graph: EmptyGraph()).run(
                  Query(parts: [SingleQuery(clauses: [.return(.init(
                      distinct: false, includesAll: false, items: [.init(expression: expression, alias: "v", text: text)],
                      orderBy: [], skip: nil, limit: nil, predicate: nil, position: .start))])], unionAll: [])
              ).rows.first?.first
        else { return .string(text) }
        return value
    }
}

extension Expression {
    /// Whether the expression is made only of literals (lists and maps of them, negated numbers).
    var isConstantLiteral: Bool {
        switch kind {
        case .literal: true
        case .list(let items): items.allSatisfy(\.isConstantLiteral)
        case .map(let entries): entries.allSatisfy(\.value.isConstantLiteral)
        case .unary(.minus, let operand): operand.isConstantLiteral
        default: false
        }
    }
}

/// A graph with nothing in it, for evaluating constants.
struct EmptyGraph: QueryableGraph {
    var nodeCount: Int { 0 }
    var relationshipCount: Int { 0 }
    var labels: [String] { [] }
    var relationshipTypes: [String] { [] }
    func labelIndex(ofNode node: Int) -> Int { 0 }
    func nodes(withLabelIndex label: Int) -> Range<Int> { 0..<0 }
    func node(withID id: String) -> Int? { nil }
    func property(_ key: String, ofNode node: Int) -> QueryValue { .null }
    func propertyKeys(ofNode node: Int) -> [String] { [] }
    func outgoing(_ node: Int) -> Range<Int> { 0..<0 }
    func incoming(_ node: Int) -> ArraySlice<Int32> { [] }
    func source(ofRelationship relationship: Int) -> Int { 0 }
    func target(ofRelationship relationship: Int) -> Int { 0 }
    func typeIndex(ofRelationship relationship: Int) -> Int { 0 }
    func property(_ key: String, ofRelationship relationship: Int) -> QueryValue { .null }
    func propertyKeys(ofRelationship relationship: Int) -> [String] { [] }
}
