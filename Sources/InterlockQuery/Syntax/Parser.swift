/// Reads query text into a `Query` by recursive descent over the query's own grammar (the
/// recursion follows the nesting of the text, never the size of a graph).
///
/// Faults are `QueryError`s of kind `.syntax` located at the offending token, or `.unsupported`
/// for the writing clauses (CREATE, MERGE, SET, DELETE, REMOVE) that a read-only engine refuses.
public struct Parser {
    var tokens: [Token]
    var index = 0
    let characters: [Character]
    /// How many nesting constructs (parentheses, lists, maps, calls, NOT, unary signs, CASE,
    /// comprehensions) enclose the current token; bounded by `QueryLimits.maximumNesting`
    /// because the parser, the compiler and the evaluator recurse once per level.
    var depth = 0
    /// Offsets where a parenthesis was tried as a pattern predicate and is not one.
    var notPatterns: Set<Int> = []

    /// Words that cannot name a variable, so that a clause keyword is never taken for one.
    static let reserved: Set<String> = [
        "MATCH", "OPTIONAL", "WHERE", "WITH", "RETURN", "UNWIND", "CALL", "YIELD", "ORDER", "BY", "SKIP", "LIMIT",
        "UNION", "AS", "AND", "OR", "XOR", "NOT", "IN", "IS", "STARTS", "ENDS", "CONTAINS", "CASE", "WHEN", "THEN",
        "ELSE", "END", "DISTINCT", "ASC", "DESC", "ASCENDING", "DESCENDING", "NULL", "TRUE", "FALSE",
        "CREATE", "MERGE", "SET", "DELETE", "DETACH", "REMOVE", "FOREACH",
    ]

    /// Clauses that change the graph, refused with a clear message.
    static let writingClauses: Set<String> = ["CREATE", "MERGE", "SET", "DELETE", "DETACH", "REMOVE", "FOREACH"]

    /// Parses a whole query.
    public static func parse(_ text: String) throws(QueryError) -> Query {
        var parser = try Parser(text)
        return try parser.query()
    }

    /// Parses a standalone expression (used by tests and `--param` values).
    public static func parseExpression(_ text: String) throws(QueryError) -> Expression {
        var parser = try Parser(text)
        let expression = try parser.expression()
        try parser.expectEnd()
        return expression
    }

    init(_ text: String) throws(QueryError) {
        tokens = try Lexer.tokenize(text)
        characters = Array(text)
    }

    // MARK: Token helpers

    /// Enters one more level of nesting, refusing to go past the limit (the caller leaves it
    /// with `defer { depth -= 1 }`).
    mutating func enterNesting() throws(QueryError) {
        guard depth < QueryLimits.maximumNesting else {
            throw QueryError(
                .syntax,
                "the query nests more than \(QueryLimits.maximumNesting) levels deep here; "
                    + "name parts of it with WITH instead of nesting them", at: current.position)
        }
        depth += 1
    }

    /// Refuses a list of clauses, patterns or steps longer than `QueryLimits.maximumParts`:
    /// running a query recurses once per clause and per pattern step.
    func checkPartCount(_ count: Int, _ what: String) throws(QueryError) {
        guard count <= QueryLimits.maximumParts else {
            throw QueryError(
                .syntax, "a query may have at most \(QueryLimits.maximumParts) \(what)", at: current.position)
        }
    }

    var current: Token { tokens[index] }

    func peek(_ ahead: Int) -> Token { tokens[min(index + ahead, tokens.count - 1)] }

    /// Offset just past the last consumed token, which ends the text of an expression.
    var previousEnd: Int { index > 0 ? tokens[index - 1].endOffset : 0 }

    mutating func advance() {
        if index < tokens.count - 1 { index += 1 }
    }

    /// Consumes the keyword if it is next.
    mutating func accept(keyword: String) -> Bool {
        guard current.isKeyword(keyword) else { return false }
        advance()
        return true
    }

    /// Consumes the symbol if it is next.
    mutating func accept(symbol: String) -> Bool {
        guard current.isSymbol(symbol) else { return false }
        advance()
        return true
    }

    mutating func expect(keyword: String) throws(QueryError) {
        guard accept(keyword: keyword) else { throw unexpected(expected: keyword) }
    }

    mutating func expect(symbol: String) throws(QueryError) {
        guard accept(symbol: symbol) else { throw unexpected(expected: "'\(symbol)'") }
    }

    func expectEnd() throws(QueryError) {
        guard current.kind == .end else { throw unexpected(expected: "the end of the query") }
    }

    /// "expected X but found Y", located at the current token.
    func unexpected(expected: String) -> QueryError {
        QueryError(.syntax, "expected \(expected) but found \(current.quoted)", at: current.position)
    }

    /// A name: an identifier that is not reserved, or any backtick-quoted one.
    mutating func name(_ what: String) throws(QueryError) -> String {
        guard case .identifier(let text, let quoted) = current.kind,
              quoted || !Self.reserved.contains(text.uppercased()) else {
            throw unexpected(expected: what)
        }
        advance()
        return text
    }

    /// A label, type, key or procedure segment: any identifier, reserved words included.
    mutating func symbolicName(_ what: String) throws(QueryError) -> String {
        guard case .identifier(let text, _) = current.kind else { throw unexpected(expected: what) }
        advance()
        return text
    }

    /// The source text from `start` up to the last consumed token.
    func text(from start: QueryPosition) -> String {
        String(characters[start.offset..<max(start.offset, previousEnd)])
    }

    // MARK: Query and clauses

    mutating func query() throws(QueryError) -> Query {
        var parts = [try singleQuery()]
        var unionAll: [Bool] = []
        while accept(keyword: "UNION") {
            try checkPartCount(parts.count + 1, "parts joined by UNION")
            unionAll.append(accept(keyword: "ALL"))
            parts.append(try singleQuery())
        }
        _ = accept(symbol: ";")
        try expectEnd()
        return Query(parts: parts, unionAll: unionAll)
    }

    mutating func singleQuery() throws(QueryError) -> SingleQuery {
        var clauses: [Clause] = []
        while true {
            guard let clause = try clause() else { break }
            clauses.append(clause)
            try checkPartCount(clauses.count, "clauses in one part")
            if case .return = clause { break }
        }
        guard !clauses.isEmpty else { throw unexpected(expected: "a clause (MATCH, WITH, UNWIND, CALL or RETURN)") }
        return SingleQuery(clauses: clauses)
    }

    /// The next clause, or nil at a token that cannot start one (UNION, `;`, the end...).
    mutating func clause() throws(QueryError) -> Clause? {
        let start = current.position
        if case .identifier(let word, quoted: false) = current.kind, Self.writingClauses.contains(word.uppercased()) {
            throw QueryError(
                .unsupported, "\(word.uppercased()) is not supported: Interlock queries are read-only", at: start)
        }
        if accept(keyword: "OPTIONAL") {
            try expect(keyword: "MATCH")
            return .match(try matchBody(optional: true, at: start))
        }
        if accept(keyword: "MATCH") { return .match(try matchBody(optional: false, at: start)) }
        if accept(keyword: "UNWIND") {
            let list = try expression()
            try expect(keyword: "AS")
            return .unwind(Unwind(list: list, variable: try name("a variable name"), position: start))
        }
        if accept(keyword: "WITH") { return .with(try projection(isWith: true, at: start)) }
        if accept(keyword: "RETURN") { return .return(try projection(isWith: false, at: start)) }
        if accept(keyword: "CALL") { return .call(try callBody(at: start)) }
        return nil
    }

    mutating func matchBody(optional: Bool, at start: QueryPosition) throws(QueryError) -> Match {
        var patterns = [try patternPart()]
        while accept(symbol: ",") {
            try checkPartCount(patterns.count + 1, "patterns in one MATCH")
            patterns.append(try patternPart())
        }
        let predicate = accept(keyword: "WHERE") ? try expression() : nil
        return Match(optional: optional, patterns: patterns, predicate: predicate, position: start)
    }

    mutating func projection(isWith: Bool, at start: QueryPosition) throws(QueryError) -> Projection {
        let distinct = accept(keyword: "DISTINCT")
        var includesAll = false
        var items: [Projection.Item] = []
        if accept(symbol: "*") {
            includesAll = true
        } else {
            items.append(try projectionItem())
        }
        while accept(symbol: ",") { items.append(try projectionItem()) }
        var orderBy: [Projection.SortItem] = []
        if accept(keyword: "ORDER") {
            try expect(keyword: "BY")
            repeat {
                let key = try expression()
                let descending = accept(keyword: "DESC") || accept(keyword: "DESCENDING")
                if !descending { _ = accept(keyword: "ASC") || accept(keyword: "ASCENDING") }
                orderBy.append(Projection.SortItem(expression: key, descending: descending))
            } while accept(symbol: ",")
        }
        let skip = accept(keyword: "SKIP") ? try expression() : nil
        let limit = accept(keyword: "LIMIT") ? try expression() : nil
        let predicate = isWith && accept(keyword: "WHERE") ? try expression() : nil
        return Projection(
            distinct: distinct, includesAll: includesAll, items: items, orderBy: orderBy, skip: skip, limit: limit,
            predicate: predicate, position: start)
    }

    mutating func projectionItem() throws(QueryError) -> Projection.Item {
        let start = current.position
        let value = try expression()
        let text = text(from: start)
        let alias = accept(keyword: "AS") ? try name("a column name after AS") : nil
        return Projection.Item(expression: value, alias: alias, text: text)
    }

    mutating func callBody(at start: QueryPosition) throws(QueryError) -> Call {
        var segments = [try symbolicName("a procedure name")]
        while accept(symbol: ".") { segments.append(try symbolicName("a procedure name")) }
        var arguments: [Expression] = []
        if accept(symbol: "(") {
            if !current.isSymbol(")") {
                repeat { arguments.append(try expression()) } while accept(symbol: ",")
            }
            try expect(symbol: ")")
        }
        var yields: [Call.YieldItem]?
        var predicate: Expression?
        if accept(keyword: "YIELD") {
            if !accept(symbol: "*") {
                var items: [Call.YieldItem] = []
                repeat {
                    let field = try symbolicName("a field name to yield")
                    let alias = accept(keyword: "AS") ? try name("a variable name after AS") : nil
                    items.append(Call.YieldItem(field: field, alias: alias))
                } while accept(symbol: ",")
                yields = items
            }
            predicate = accept(keyword: "WHERE") ? try expression() : nil
        }
        return Call(
            procedure: segments.joined(separator: "."), arguments: arguments, yields: yields, predicate: predicate,
            position: start)
    }
}
