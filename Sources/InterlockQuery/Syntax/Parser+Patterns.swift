extension Parser {
    /// `[p =] [shortestPath(] (a)-[r]->(b)... [)]`.
    mutating func patternPart() throws(QueryError) -> PatternPart {
        let start = current.position
        var pathVariable: String?
        if case .identifier = current.kind, peek(1).isSymbol("=") {
            pathVariable = try name("a path variable")
            advance()
        }
        for kind in [PatternPart.Shortest.shortestPath, .allShortestPaths] where current.isKeyword(kind.rawValue) {
            advance()
            try expect(symbol: "(")
            var part = try patternChain(at: start)
            try expect(symbol: ")")
            part.pathVariable = pathVariable
            part.shortest = kind
            return part
        }
        var part = try patternChain(at: start)
        part.pathVariable = pathVariable
        return part
    }

    /// A node followed by any number of relationship and node pairs.
    mutating func patternChain(at start: QueryPosition) throws(QueryError) -> PatternPart {
        let first = try nodePattern()
        var steps: [PatternStep] = []
        while current.isSymbol("-") || current.isSymbol("<-") {
            try checkPartCount(steps.count + 1, "relationships in one pattern")
            let relationship = try relationshipPattern()
            steps.append(PatternStep(relationship: relationship, node: try nodePattern()))
        }
        return PatternPart(pathVariable: nil, shortest: nil, start: first, steps: steps, position: start)
    }

    /// `(variable:Label|Other {key: value})`.
    mutating func nodePattern() throws(QueryError) -> NodePattern {
        let start = current.position
        try expect(symbol: "(")
        var variable: String?
        if case .identifier = current.kind { variable = try name("a variable, a label or ')'") }
        var labels: [[String]] = []
        while accept(symbol: ":") {
            var group = [try symbolicName("a label")]
            while accept(symbol: "|") {
                _ = accept(symbol: ":")
                group.append(try symbolicName("a label"))
            }
            labels.append(group)
        }
        let properties = current.isSymbol("{") ? try mapEntries() : []
        try expect(symbol: ")")
        return NodePattern(variable: variable, labels: labels, properties: properties, position: start)
    }

    /// `-[...]->`, `<-[...]-`, `-[...]-`, or the short forms without brackets.
    mutating func relationshipPattern() throws(QueryError) -> RelationshipPattern {
        let start = current.position
        let pointsLeft = accept(symbol: "<-")
        if !pointsLeft { try expect(symbol: "-") }
        var relationship = RelationshipPattern(
            variable: nil, types: [], direction: .either, length: nil, properties: [], position: start)
        if accept(symbol: "[") {
            try relationshipDetail(into: &relationship)
            try expect(symbol: "]")
        }
        let pointsRight: Bool
        if accept(symbol: "->") {
            pointsRight = true
        } else if accept(symbol: "-") {
            pointsRight = false
        } else {
            throw unexpected(expected: "'-' or '->' to close the relationship")
        }
        switch (pointsLeft, pointsRight) {
        case (true, true):
            throw QueryError(.syntax, "a relationship cannot point both ways; write -[...]- for either way", at: start)
        case (true, false): relationship.direction = .incoming
        case (false, true): relationship.direction = .outgoing
        case (false, false): relationship.direction = .either
        }
        return relationship
    }

    /// The inside of `[...]`: variable, types, length and properties, each optional.
    mutating func relationshipDetail(into relationship: inout RelationshipPattern) throws(QueryError) {
        if case .identifier = current.kind { relationship.variable = try name("a variable, a type or ']'") }
        if accept(symbol: ":") {
            relationship.types.append(try symbolicName("a relationship type"))
            while accept(symbol: "|") {
                _ = accept(symbol: ":")
                relationship.types.append(try symbolicName("a relationship type"))
            }
        }
        if accept(symbol: "*") { relationship.length = try lengthBounds() }
        if current.isSymbol("{") { relationship.properties = try mapEntries() }
    }

    /// After `*`: nothing, `n`, `n..`, `..m` or `n..m`.
    mutating func lengthBounds() throws(QueryError) -> RelationshipPattern.Length {
        let minimum = try optionalHopCount()
        guard accept(symbol: "..") else {
            // `*2` is exactly two hops.
            return RelationshipPattern.Length(minimum: minimum, maximum: minimum)
        }
        // An upper bound below the lower one (`*2..1`, `*..0`) is an empty range: no rows.
        let maximum = try optionalHopCount()
        return RelationshipPattern.Length(minimum: minimum, maximum: maximum)
    }

    mutating func optionalHopCount() throws(QueryError) -> Int? {
        guard case .integer(let value) = current.kind else { return nil }
        advance()
        return value
    }

    /// `{key: value, ...}` as written, keys in order.
    mutating func mapEntries() throws(QueryError) -> [Expression.MapEntry] {
        try expect(symbol: "{")
        var entries: [Expression.MapEntry] = []
        if !current.isSymbol("}") {
            repeat {
                let key = try symbolicName("a property key")
                try expect(symbol: ":")
                entries.append(Expression.MapEntry(key: key, value: try expression()))
            } while accept(symbol: ",")
        }
        try expect(symbol: "}")
        return entries
    }
}
