extension Parser {
    /// An expression, lowest precedence first: OR, XOR, AND, NOT, comparisons and predicates,
    /// `+ -`, `* / %`, `^`, unary `+ -`, then postfix property, index, slice and label checks.
    mutating func expression() throws(QueryError) -> Expression {
        try enterNesting()
        defer { depth -= 1 }
        return try binaryLevel(["OR": .or]) { (parser: inout Parser) throws(QueryError) in
            try parser.binaryLevel(["XOR": .xor]) { (parser: inout Parser) throws(QueryError) in
                try parser.binaryLevel(["AND": .and]) { (parser: inout Parser) throws(QueryError) in
                    try parser.negation()
                }
            }
        }
    }

    /// Left-associative keyword operators over a tighter level.
    private mutating func binaryLevel(
        _ operators: [String: Expression.BinaryOperator],
        _ operand: (inout Parser) throws(QueryError) -> Expression
    ) throws(QueryError) -> Expression {
        let first = try operand(&self)
        var steps: [Expression.OperatorStep] = []
        while let op = operators.first(where: { current.isKeyword($0.key) })?.value {
            advance()
            steps.append(Expression.OperatorStep(op: op, operand: try operand(&self)))
        }
        return Self.chain(first, steps)
    }

    /// One operand as is, two as a binary operation, more as a flat chain (never a left-deep
    /// tree: `1 + 1 + ...` ten thousand times must not nest ten thousand levels).
    private static func chain(_ first: Expression, _ steps: [Expression.OperatorStep]) -> Expression {
        switch steps.count {
        case 0: first
        case 1: Expression(.binary(steps[0].op, first, steps[0].operand), at: first.position)
        default: Expression(.operatorChain(first, steps), at: first.position)
        }
    }

    private mutating func negation() throws(QueryError) -> Expression {
        let start = current.position
        if accept(keyword: "NOT") {
            try enterNesting()
            defer { depth -= 1 }
            return Expression(.unary(.not, try negation()), at: start)
        }
        return try comparison()
    }

    /// Comparisons, chained as `a < b < c`, over the predicates that bind tighter than them.
    private mutating func comparison() throws(QueryError) -> Expression {
        let first = try predicates()
        var chain: [Expression.ComparisonStep] = []
        while true {
            splitLeftArrow()
            guard let op = comparisonOperator() else { break }
            advance()
            chain.append(Expression.ComparisonStep(comparison: op, operand: try predicates()))
        }
        switch chain.count {
        case 0: return first
        case 1: return Expression(.binary(chain[0].comparison, first, chain[0].operand), at: first.position)
        default: return Expression(.comparisonChain(first, chain), at: first.position)
        }
    }

    /// `IS [NOT] NULL`, `IN`, `STARTS WITH`, `ENDS WITH`, `CONTAINS` and `=~` after an additive
    /// expression: openCypher binds them tighter than comparisons, so that
    /// `false = true IS NULL` is `false = (true IS NULL)`.
    private mutating func predicates() throws(QueryError) -> Expression {
        var left = try additive()
        // Each predicate wraps what came before: one more level of the tree.
        var levels = 0
        defer { depth -= levels }
        while true {
            if current.isKeyword("IS") || current.isKeyword("IN") || current.isKeyword("CONTAINS")
                || current.isKeyword("STARTS") || current.isKeyword("ENDS") || current.isSymbol("=~") {
                try enterNesting()
                levels += 1
            }
            if current.isKeyword("IS") {
                advance()
                let negated = accept(keyword: "NOT")
                try expect(keyword: "NULL")
                left = Expression(.isNull(left, negated: negated), at: left.position)
            } else if let op = try predicateOperator() {
                left = Expression(.binary(op, left, try additive()), at: left.position)
            } else {
                return left
            }
        }
    }

    /// `x<-1` lexes as `x`, `<-`, `1`; in an expression it means `x < -1`.
    private mutating func splitLeftArrow() {
        guard current.isSymbol("<-") else { return }
        let token = current
        let position = token.position
        let minusPosition = QueryPosition(offset: position.offset + 1, line: position.line, column: position.column + 1)
        tokens[index] = Token(kind: .symbol("<"), position: position, endOffset: position.offset + 1)
        tokens.insert(Token(kind: .symbol("-"), position: minusPosition, endOffset: token.endOffset), at: index + 1)
    }

    private func comparisonOperator() -> Expression.BinaryOperator? {
        guard case .symbol(let text) = current.kind else { return nil }
        switch text {
        case "=": return .equal
        case "<>", "!=": return .notEqual
        case "<": return .less
        case ">": return .greater
        case "<=": return .lessOrEqual
        case ">=": return .greaterOrEqual
        default: return nil
        }
    }

    /// Consumes IN, STARTS WITH, ENDS WITH, CONTAINS or =~ if next.
    private mutating func predicateOperator() throws(QueryError) -> Expression.BinaryOperator? {
        if accept(keyword: "IN") { return .in }
        if accept(keyword: "CONTAINS") { return .contains }
        if accept(symbol: "=~") { return .matches }
        if accept(keyword: "STARTS") {
            try expect(keyword: "WITH")
            return .startsWith
        }
        if accept(keyword: "ENDS") {
            try expect(keyword: "WITH")
            return .endsWith
        }
        return nil
    }

    private mutating func additive() throws(QueryError) -> Expression {
        try symbolLevel(["+": .add, "-": .subtract]) { (parser: inout Parser) throws(QueryError) in
            try parser.symbolLevel(["*": .multiply, "/": .divide, "%": .modulo]) { (parser: inout Parser) throws(QueryError) in
                try parser.symbolLevel(["^": .power]) { (parser: inout Parser) throws(QueryError) in
                    try parser.unary()
                }
            }
        }
    }

    /// Left-associative symbol operators over a tighter level.
    private mutating func symbolLevel(
        _ operators: [String: Expression.BinaryOperator],
        _ operand: (inout Parser) throws(QueryError) -> Expression
    ) throws(QueryError) -> Expression {
        let first = try operand(&self)
        var steps: [Expression.OperatorStep] = []
        while case .symbol(let text) = current.kind, let op = operators[text] {
            advance()
            steps.append(Expression.OperatorStep(op: op, operand: try operand(&self)))
        }
        return Self.chain(first, steps)
    }

    private mutating func unary() throws(QueryError) -> Expression {
        let start = current.position
        guard current.isSymbol("-") || current.isSymbol("+") else { return try postfix() }
        try enterNesting()
        defer { depth -= 1 }
        let negative = current.isSymbol("-")
        advance()
        // `-9223372036854775808`: the one integer whose magnitude is not an integer.
        if negative, current.kind == .minimumIntegerMagnitude {
            advance()
            return Expression(.literal(.integer(.min)), at: start)
        }
        let operand = try unary()
        guard negative else { return Expression(.unary(.plus, operand), at: start) }
        // Fold negative literals, so that `-5` is a literal as it reads.
        if case .literal(.integer(let value)) = operand.kind, value != .min {
            return Expression(.literal(.integer(-value)), at: start)
        }
        if case .literal(.float(let value)) = operand.kind { return Expression(.literal(.float(-value)), at: start) }
        return Expression(.unary(.minus, operand), at: start)
    }

    /// An atom followed by `.key`, `[index]`, `[from..to]` and `:Label` suffixes.
    private mutating func postfix() throws(QueryError) -> Expression {
        var base = try atom()
        // Each suffix wraps what came before: `x.a.b.c...` is as deep as it is long.
        var levels = 0
        defer { depth -= levels }
        while true {
            if current.isSymbol(".") || current.isSymbol("[") || current.isSymbol(":") {
                try enterNesting()
                levels += 1
            }
            if accept(symbol: ".") {
                base = Expression(.property(base, key: try symbolicName("a property key after '.'")), at: base.position)
            } else if accept(symbol: "[") {
                base = try indexOrSlice(of: base)
            } else if current.isSymbol(":") {
                var labels: [String] = []
                while accept(symbol: ":") { labels.append(try symbolicName("a label")) }
                base = Expression(.hasLabels(base, labels), at: base.position)
            } else {
                return base
            }
        }
    }

    private mutating func indexOrSlice(of base: Expression) throws(QueryError) -> Expression {
        if accept(symbol: "..") {
            let to = current.isSymbol("]") ? nil : try expression()
            try expect(symbol: "]")
            return Expression(.slice(base, from: nil, to: to), at: base.position)
        }
        let first = try expression()
        if accept(symbol: "..") {
            let to = current.isSymbol("]") ? nil : try expression()
            try expect(symbol: "]")
            return Expression(.slice(base, from: first, to: to), at: base.position)
        }
        try expect(symbol: "]")
        return Expression(.index(base, index: first), at: base.position)
    }

    private mutating func atom() throws(QueryError) -> Expression {
        let start = current.position
        switch current.kind {
        case .integer(let value):
            advance()
            return Expression(.literal(.integer(value)), at: start)
        case .float(let value):
            advance()
            return Expression(.literal(.float(value)), at: start)
        case .minimumIntegerMagnitude:
            throw QueryError(.syntax, "integer '9223372036854775808' is too large", at: start)
        case .string(let value):
            advance()
            return Expression(.literal(.string(value)), at: start)
        case .parameter(let name):
            advance()
            return Expression(.parameter(name), at: start)
        case .symbol("["):
            return try listOrComprehension()
        case .symbol("{"):
            return Expression(.map(try mapEntries()), at: start)
        case .symbol("("):
            if let pattern = try patternPredicate() { return pattern }
            advance()
            let inner = try expression()
            try expect(symbol: ")")
            return inner
        case .identifier(let word, quoted: false):
            return try keywordOrName(word, at: start)
        case .identifier(let word, quoted: true):
            advance()
            return try callOrVariable(word, at: start)
        default:
            throw unexpected(expected: "an expression")
        }
    }

    private mutating func keywordOrName(_ word: String, at start: QueryPosition) throws(QueryError) -> Expression {
        switch word.uppercased() {
        case "NULL":
            advance()
            return Expression(.literal(.null), at: start)
        case "TRUE":
            advance()
            return Expression(.literal(.boolean(true)), at: start)
        case "FALSE":
            advance()
            return Expression(.literal(.boolean(false)), at: start)
        case "CASE":
            advance()
            return try caseExpression(at: start)
        case let upper where Expression.Quantifier(rawValue: upper.lowercased()) != nil && peek(1).isSymbol("("):
            return try quantifier(at: start)
        case "REDUCE" where peek(1).isSymbol("(") && peek(3).isSymbol("="):
            return try reduce(at: start)
        case let upper where Expression.Subquery(rawValue: upper) != nil && peek(1).isSymbol("{"):
            return try subquery(at: start)
        default:
            guard !Self.reserved.contains(word.uppercased()) else { throw unexpected(expected: "an expression") }
            advance()
            return try callOrVariable(word, at: start)
        }
    }

    /// `name(...)`, `namespace.name(...)`, `count(*)`, or a variable.
    private mutating func callOrVariable(_ word: String, at start: QueryPosition) throws(QueryError) -> Expression {
        var name = word
        // A dotted function name such as `interlock.f(x)`: only when a call follows the dots.
        var lookahead = 0
        while peek(lookahead).isSymbol("."), case .identifier = peek(lookahead + 1).kind { lookahead += 2 }
        if lookahead > 0, peek(lookahead).isSymbol("(") {
            for _ in 0..<(lookahead / 2) {
                advance()
                name += "." + (try symbolicName("a function name"))
            }
        }
        guard accept(symbol: "(") else {
            let variable = Expression(.variable(word), at: start)
            return current.isSymbol("{") ? try mapProjection(of: variable) : variable
        }
        if name.lowercased() == "count", accept(symbol: "*") {
            try expect(symbol: ")")
            return Expression(.countStar, at: start)
        }
        let distinct = accept(keyword: "DISTINCT")
        var arguments: [Expression] = []
        if !current.isSymbol(")") {
            repeat { arguments.append(try expression()) } while accept(symbol: ",")
        }
        try expect(symbol: ")")
        return Expression(.function(name: name, distinct: distinct, arguments: arguments), at: start)
    }

    /// `[1, 2]`, or `[x IN list WHERE x > 1 | x * 2]`.
    private mutating func listOrComprehension() throws(QueryError) -> Expression {
        let start = current.position
        try expect(symbol: "[")
        if case .identifier = current.kind, peek(1).isKeyword("IN") {
            let variable = try name("a variable")
            advance()
            let source = try expression()
            let filter = accept(keyword: "WHERE") ? try expression() : nil
            let projection = accept(symbol: "|") ? try expression() : nil
            try expect(symbol: "]")
            return Expression(
                .listComprehension(variable: variable, source: source, filter: filter, projection: projection), at: start)
        }
        if current.isSymbol("("), let comprehension = try patternComprehension(at: start) { return comprehension }
        var items: [Expression] = []
        if !current.isSymbol("]") {
            repeat { items.append(try expression()) } while accept(symbol: ",")
        }
        try expect(symbol: "]")
        return Expression(.list(items), at: start)
    }

    /// `[(a)-->(b) WHERE filter | projection]` after the `[`, or nil (nothing consumed) when
    /// the parenthesis opens an ordinary list element.
    private mutating func patternComprehension(at start: QueryPosition) throws(QueryError) -> Expression? {
        let saved = (index, tokens, depth)
        var named: String?
        if case .identifier = current.kind, peek(1).isSymbol("=") {
            named = try name("a path variable")
            advance()
        }
        guard var part = try? patternChain(at: current.position), !part.steps.isEmpty,
              current.isKeyword("WHERE") || current.isSymbol("|") else {
            (index, tokens, depth) = saved
            return nil
        }
        part.pathVariable = named
        let filter = accept(keyword: "WHERE") ? try expression() : nil
        try expect(symbol: "|")
        let projection = try expression()
        try expect(symbol: "]")
        return Expression(.patternComprehension(part, filter: filter, projection: projection), at: start)
    }

    /// `reduce(accumulator = initial, variable IN list | expression)`.
    private mutating func reduce(at start: QueryPosition) throws(QueryError) -> Expression {
        advance()
        try expect(symbol: "(")
        let accumulator = try name("an accumulator variable")
        try expect(symbol: "=")
        let initial = try expression()
        try expect(symbol: ",")
        let variable = try name("a variable")
        try expect(keyword: "IN")
        let source = try expression()
        try expect(symbol: "|")
        let body = try expression()
        try expect(symbol: ")")
        return Expression(
            .reduce(accumulator: accumulator, initial: initial, variable: variable, source: source, expression: body), at: start)
    }

    /// `EXISTS { [MATCH] pattern, ... [WHERE filter] }` and `COUNT { ... }`.
    private mutating func subquery(at start: QueryPosition) throws(QueryError) -> Expression {
        guard case .identifier(let word, _) = current.kind, let kind = Expression.Subquery(rawValue: word.uppercased()) else {
            throw unexpected(expected: "EXISTS or COUNT")
        }
        advance()
        try expect(symbol: "{")
        _ = accept(keyword: "MATCH")
        var patterns: [PatternPart] = []
        repeat { patterns.append(try patternPart()) } while accept(symbol: ",")
        let filter = accept(keyword: "WHERE") ? try expression() : nil
        guard accept(symbol: "}") else {
            throw unexpected(expected: "'}' (a subquery here is a pattern with an optional WHERE; WITH, RETURN and other clauses are not supported in it)")
        }
        return Expression(.subquery(kind, patterns: patterns, filter: filter), at: start)
    }

    /// `n {.key, key: value, variable, .*}` after the variable.
    private mutating func mapProjection(of base: Expression) throws(QueryError) -> Expression {
        try enterNesting()
        defer { depth -= 1 }
        try expect(symbol: "{")
        var entries: [Expression.MapEntry] = []
        var allProperties = false
        if !current.isSymbol("}") {
            repeat {
                let position = current.position
                if accept(symbol: ".") {
                    if accept(symbol: "*") {
                        allProperties = true
                    } else {
                        let key = try symbolicName("a property key or '*' after '.'")
                        entries.append(Expression.MapEntry(key: key, value: Expression(.property(base, key: key), at: position)))
                    }
                } else if peek(1).isSymbol(":") {
                    let key = try symbolicName("a key")
                    try expect(symbol: ":")
                    entries.append(Expression.MapEntry(key: key, value: try expression()))
                } else {
                    let variable = try name("'.key', 'key: value' or a variable")
                    entries.append(Expression.MapEntry(key: variable, value: Expression(.variable(variable), at: position)))
                }
            } while accept(symbol: ",")
        }
        try expect(symbol: "}")
        return Expression(.mapProjection(base, entries, allProperties: allProperties), at: base.position)
    }

    /// `all(x IN list WHERE predicate)` and `any`, `none`, `single`.
    private mutating func quantifier(at start: QueryPosition) throws(QueryError) -> Expression {
        guard case .identifier(let word, _) = current.kind,
              let kind = Expression.Quantifier(rawValue: word.lowercased()) else {
            throw unexpected(expected: "all, any, none or single")
        }
        advance()
        try expect(symbol: "(")
        let variable = try name("a variable")
        try expect(keyword: "IN")
        let source = try expression()
        try expect(keyword: "WHERE")
        let filter = try expression()
        try expect(symbol: ")")
        return Expression(.quantifier(kind, variable: variable, source: source, filter: filter), at: start)
    }

    /// `CASE [subject] WHEN ... THEN ... [ELSE ...] END`.
    private mutating func caseExpression(at start: QueryPosition) throws(QueryError) -> Expression {
        let subject = current.isKeyword("WHEN") ? nil : try expression()
        var branches: [Expression.CaseBranch] = []
        while accept(keyword: "WHEN") {
            let condition = try expression()
            try expect(keyword: "THEN")
            branches.append(Expression.CaseBranch(when: condition, then: try expression()))
        }
        guard !branches.isEmpty else { throw unexpected(expected: "WHEN") }
        let otherwise = accept(keyword: "ELSE") ? try expression() : nil
        try expect(keyword: "END")
        return Expression(.caseExpression(subject: subject, branches: branches, otherwise: otherwise), at: start)
    }

    /// A relationship pattern used as a predicate, `(a)-[:T]->()`; nil (and nothing consumed)
    /// when the parenthesis opens an ordinary expression.
    ///
    /// A place where the attempt failed once is remembered: `({a: ({a: (...)})})` would
    /// otherwise be tried as a pattern and again as an expression at every level, which
    /// doubles the work per level.
    private mutating func patternPredicate() throws(QueryError) -> Expression? {
        let start = current.position
        guard !notPatterns.contains(start.offset) else { return nil }
        let saved = (index, tokens, depth)
        guard let part = try? patternChain(at: start), !part.steps.isEmpty else {
            (index, tokens, depth) = saved
            notPatterns.insert(start.offset)
            return nil
        }
        return Expression(.pattern(part), at: start)
    }
}
