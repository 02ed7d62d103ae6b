import InterlockCore
@testable import InterlockQuery
import Testing

/// openCypher's semantics to the letter (issue #11): the wrong answers once given, each as a
/// regression test; operator precedence; three-valued logic; NaN and infinities; refusals that
/// name their place.
@Suite struct SemanticsTests {
    /// The portfolio of the issue's reproductions: `a` depends on `b`.
    static let graph: PortfolioGraph = {
        let yaml = "initiatives: [{id: a, dependsOn: [b]}, {id: b}]"
        return (try? PortfolioLoader.load(text: yaml, file: "issue.yaml")).map(PortfolioGraph.init) ?? PortfolioGraph(Portfolio())
    }()

    static func run(_ query: String) throws -> QueryResult {
        try QueryEngine(portfolio: graph).run(query)
    }

    // MARK: The seven wrong answers

    @Test func upperBoundZeroTakesNoHop() throws {
        #expect(try Self.run("MATCH (x:Initiative)-[:DEPENDS_ON*..0]->(y) RETURN x.id, y.id").rows.isEmpty)
        #expect(try Self.run("MATCH (x:Initiative)-[:DEPENDS_ON*0..0]->(y) RETURN x.id, y.id ORDER BY x.id").rows == [["a", "a"], ["b", "b"]])
        // An upper bound below the lower one is an empty range, not an error.
        #expect(try Self.run("MATCH (x)-[:DEPENDS_ON*2..1]->(y) RETURN x").rows.isEmpty)
        #expect(try Self.run("MATCH p = shortestPath((x {id: 'a'})-[*..0]->(y {id: 'b'})) RETURN p").rows.isEmpty)
    }

    @Test func predicatesBindTighterThanComparisons() throws {
        let result = try Self.run("RETURN false = true IS NULL AS a, true = 'abc' STARTS WITH 'a' AS b, false = true IN [true,false] AS c")
        #expect(result.rows == [[true, true, false]])
    }

    @Test func nanComparesFalse() throws {
        #expect(try Self.run("RETURN 0.0/0.0 > 1").rows == [[false]])
    }

    @Test func absOfTheSmallestIntegerOverflows() {
        let failure = error("RETURN abs(-9223372036854775807 - 1)", on: .empty)
        #expect(failure?.message == "integer overflow")
        #expect(failure?.position?.column == 8)
    }

    static let typeErrors: [(String, Int, String)] = [
        ("RETURN toInteger([1])", 8, "toInteger() expects a String, a number or a Boolean but got List"),
        ("RETURN false AND 123", 18, "AND expects Booleans but got Integer"),
        ("RETURN 1.34E999", 8, "the float '1.34e999' is out of range"),
        ("WITH 123 AS r MATCH ()-[r]-() RETURN r", 23,
         "'r' is a value that is not a graph element, so it cannot be used as a Relationship"),
        ("MATCH (a)-[r]->()-[r]->(a) RETURN a", 18,
         "the relationship variable 'r' is used twice in one MATCH: each relationship of a match is distinct"),
        // The same checks inside the patterns of expressions (they gave an empty list, or a
        // run-time error only when a row reached them).
        ("WITH 123 AS r RETURN [()-[r]->(b) | b] AS x", 25,
         "'r' is a value that is not a graph element, so it cannot be used as a Relationship"),
        ("WITH 123 AS a RETURN EXISTS { (a)-->() } AS x", 31, "'a' is a value that is not a graph element, so it cannot be used as a Node"),
        ("MATCH ()-[r]->() WITH r RETURN COUNT { MATCH (r)-->() } AS c", 46, "'r' is a Relationship, so it cannot be used as a Node"),
        ("MATCH (a) WHERE (a)-[r]->()-[r]->() RETURN a", 28,
         "the relationship variable 'r' is used twice in one MATCH: each relationship of a match is distinct"),
    ]

    /// A comprehension's own variable hides an outer one of the same name; what a pattern binds
    /// stays inside it.
    @Test func patternsInExpressionsSeeTheirOwnVariables() throws {
        #expect(error("WITH 123 AS a RETURN [a IN [1] | size([(n)-->() | n])] AS x", on: .empty) == nil)
        #expect(error("MATCH (n) RETURN [(n)-[r]->(m) | m] AS x, [(m)-[r]->(n) | r] AS y", on: .empty) == nil)
    }

    @Test(arguments: typeErrors)
    func typeErrorsAreRaised(_ query: String, _ column: Int, _ message: String) {
        let failure = error(query, on: .empty)
        #expect(failure?.message == message, "\(query)")
        #expect(failure?.position?.line == 1, "\(query)")
        #expect(failure?.position?.column == column, "\(query)")
    }

    @Test func relationshipReusedAsNodeIsACompileTimeError() {
        let query = "MATCH ()-[r:DEPENDS_ON]->()\nMATCH (r) RETURN count(*)"
        let failure = error(query, on: .empty)
        #expect(failure?.kind == .semantic)
        #expect(failure?.message == "'r' is a Relationship, so it cannot be used as a Node")
        #expect(failure?.position?.line == 2)
        #expect(failure?.position?.column == 7)
        #expect(failure?.rendered(in: query).contains("MATCH (r) RETURN count(*)\n      ^") == true)
    }

    @Test func jsonWritesNonFiniteFloatsAsTaggedObjects() throws {
        let engine = QueryEngine(portfolio: Self.graph)
        let result = try engine.run("RETURN 0.0/0.0 AS n, 1/0.0 AS p, -1/0.0 AS m, 'NaN' AS s")
        #expect(ResultFormatter(graph: engine.graph).json(result) == """
            [
              {"n": {"$float": "NaN"}, "p": {"$float": "Infinity"}, "m": {"$float": "-Infinity"}, "s": "NaN"}
            ]

            """)
    }

    // MARK: Operator precedence (openCypher 9, lowest first: OR, XOR, AND, NOT, comparisons,
    // the predicates IS NULL / IN / STARTS WITH / ENDS WITH / CONTAINS / =~, + -, * / %, ^,
    // unary + -, then property, index and label suffixes)

    /// Each expression, the same with the parentheses openCypher implies, and its value; the
    /// other grouping would give another value (or an error).
    static let precedence: [(String, String, QueryValue)] = [
        ("true OR false XOR true", "true OR (false XOR true)", true),
        ("true XOR true AND false", "true XOR (true AND false)", true),
        ("NOT true AND false", "(NOT true) AND false", false),
        ("NOT false OR true", "(NOT false) OR true", true),
        ("NOT 1 = 2", "NOT (1 = 2)", true),
        ("false = true IS NULL", "false = (true IS NULL)", true),
        ("null IS NULL = true", "(null IS NULL) = true", true),
        ("NOT null IS NULL", "NOT (null IS NULL)", false),
        ("true = 'abc' STARTS WITH 'a'", "true = ('abc' STARTS WITH 'a')", true),
        ("true = 'abc' ENDS WITH 'c'", "true = ('abc' ENDS WITH 'c')", true),
        ("true = 'abc' CONTAINS 'b'", "true = ('abc' CONTAINS 'b')", true),
        ("true = 'abc' =~ 'a.c'", "true = ('abc' =~ 'a.c')", true),
        ("false = true IN [true, false]", "false = (true IN [true, false])", false),
        ("1 < 2 = true", "1 < 2 AND 2 = true", false),
        ("1 + 2 IN [3]", "(1 + 2) IN [3]", true),
        ("'a' + 'b' STARTS WITH 'ab'", "('a' + 'b') STARTS WITH 'ab'", true),
        ("1 + 2 * 3", "1 + (2 * 3)", 7),
        ("10 - 4 - 3", "(10 - 4) - 3", 3),
        ("7 - 2 % 3", "7 - (2 % 3)", 5),
        ("2 * 3 ^ 2", "2 * (3 ^ 2)", 18.0),
        ("2 ^ 3 ^ 2", "(2 ^ 3) ^ 2", 64.0),
        ("-2 ^ 2", "(-2) ^ 2", 4.0),
        ("- [1, 2][0] + 3", "(-([1, 2][0])) + 3", 2),
        ("{a: 2}.a * 3", "({a: 2}.a) * 3", 6),
        ("1 = 1 OR 1 = 2 AND 1 = 3", "(1 = 1) OR ((1 = 2) AND (1 = 3))", true),
    ]

    @Test(arguments: precedence)
    func operatorPrecedence(_ written: String, _ grouped: String, _ expected: QueryValue) {
        let result = value(written)
        #expect(result == expected, "\(written)")
        #expect(result?.typeName == expected.typeName, "\(written)")
        #expect(value(grouped) == expected, "\(grouped)")
    }

    // MARK: Three-valued logic

    static let truthValues: [QueryValue] = [true, false, nil]

    static func kleene(_ value: QueryValue) -> Int { value == true ? 2 : value == false ? 0 : 1 }

    @Test func truthTables() {
        let names: [QueryValue: String] = [true: "true", false: "false", nil: "null"]
        for a in Self.truthValues {
            let x = names[a] ?? "?"
            #expect(value("NOT \(x)") == (a.isNull ? QueryValue.null : .boolean(a != true)), "NOT \(x)")
            for b in Self.truthValues {
                let y = names[b] ?? "?"
                let (p, q) = (Self.kleene(a), Self.kleene(b))
                let and: QueryValue = [false, nil, true][min(p, q)]
                let or: QueryValue = [false, nil, true][max(p, q)]
                let xor: QueryValue = a.isNull || b.isNull ? nil : .boolean(a != b)
                #expect(value("\(x) AND \(y)") == and, "\(x) AND \(y)")
                #expect(value("\(x) OR \(y)") == or, "\(x) OR \(y)")
                #expect(value("\(x) XOR \(y)") == xor, "\(x) XOR \(y)")
                // The operators inside a chain and in WHERE agree with the binary form.
                #expect(value("\(x) AND \(y) AND true") == and, "\(x) AND \(y) AND true")
                #expect(value("false OR \(x) OR \(y)") == or, "false OR \(x) OR \(y)")
            }
        }
    }

    // MARK: NaN and infinities

    static let nonFinite: [(String, QueryValue)] = [
        ("0.0/0.0 > 1", false), ("0.0/0.0 < 1", false), ("0.0/0.0 >= 0.0/0.0", false), ("0.0/0.0 <= 1", false),
        ("0.0/0.0 = 0.0/0.0", false), ("0.0/0.0 <> 0.0/0.0", true), ("0.0/0.0 = 1", false), ("1 < 0.0/0.0", false),
        ("1/0.0 > 1.0e308", true), ("-1/0.0 < -1.0e308", true), ("1/0.0 = 1/0.0", true), ("1/0.0 > -1/0.0", true),
        ("1/0.0 - 1/0.0 = 0", false), ("0.0/0.0 > null", nil), ("0.0/0.0 > 'a'", nil),
        ("1 < 2 < 0.0/0.0", false), ("isNaN(0.0/0.0)", true), ("isNaN(1)", false),
        ("toString(1/0.0)", "Infinity"), ("toString(0.0/0.0)", "NaN"),
    ]

    @Test(arguments: nonFinite)
    func nanAndInfinityComparisons(_ expression: String, _ expected: QueryValue) {
        #expect(value(expression) == expected, "\(expression)")
    }

    // MARK: Every refusal names its place

    static let refusals: [(String, Int, Int)] = [
        ("MATCH (n)\nCREATE (m)", 2, 1), ("MATCH (n) SET n.x = 1", 1, 11), ("MATCH (n) DELETE n", 1, 11),
        ("MERGE (n)", 1, 1), ("MATCH (n) REMOVE n.x", 1, 11), ("MATCH (n) DETACH DELETE n", 1, 11),
        ("RETURN nosuch(1)", 1, 8), ("RETURN 017", 1, 8), ("RETURN 0x", 1, 8), ("RETURN 9223372036854775808", 1, 8),
        ("RETURN 1 AND 'x'", 1, 8), ("RETURN NOT 2", 1, 12), ("RETURN 1.5e400", 1, 8),
        ("MATCH (n)-[r]->(m)\nWITH r\nMATCH (r)-->() RETURN r", 3, 7),
        ("MATCH p = (n)-->(m) MATCH (p) RETURN p", 1, 27),
        ("MATCH (n) MATCH ()-[n]->() RETURN n", 1, 19),
        ("MATCH (a)-[r]->(b), (b)-[r]->(c) RETURN a", 1, 24),
        ("RETURN toInteger([1])", 1, 8), ("RETURN abs(-9223372036854775807 - 1)", 1, 8),
        ("MATCH ()-[r:DEPENDS_ON]->() MATCH (r) RETURN count(*)", 1, 35),
    ]

    @Test(arguments: refusals)
    func refusalsAreLocated(_ query: String, _ line: Int, _ column: Int) {
        let failure = error(query, on: .sample)
        #expect(failure != nil, "\(query)")
        #expect(failure?.position?.line == line, "\(query): \(failure?.message ?? "")")
        #expect(failure?.position?.column == column, "\(query): \(failure?.message ?? "")")
        #expect(failure.map { $0.rendered(in: query).contains("^") } == true, "\(query)")
    }

    // MARK: Number literals

    static let numbers: [(String, QueryValue)] = [
        (".5", 0.5), ("-.5", -0.5), ("-.0", -0.0), ("0.5", 0.5), ("1e3", 1000.0), (".5e1", 5.0),
        ("-9223372036854775808", .integer(.min)), ("9223372036854775807", .integer(.max)),
        ("0o17", 15), ("0O17", 15), ("-0o17", -15), ("0x1F", 31), ("-0x8000000000000000", .integer(.min)),
        ("0", 0), ("0.0", 0.0),
    ]

    @Test(arguments: numbers)
    func numberLiterals(_ text: String, _ expected: QueryValue) {
        let result = value(text)
        #expect(result == expected, "\(text)")
        #expect(result?.typeName == expected.typeName, "\(text)")
    }

    @Test func rangesStillLexAsRanges() {
        #expect(value("[1, 2, 3, 4][1..3]") == [2, 3])
        #expect(value("[1, 2, 3, 4][..2]") == [1, 2])
        #expect(error("RETURN 017", on: .empty)?.message == "'017' has a leading zero: write 0o17 for octal, or drop the zero")
    }
}

/// The everyday Cypher once refused (issue #11).
@Suite struct EverydayCypherTests {
    static let cases: [(String, [[QueryValue]])] = [
        ("RETURN reduce(acc = 0, x IN [1, 2, 3] | acc + x) AS s", [[6]]),
        ("RETURN reduce(s = '', x IN ['a', 'b'] | s + x) AS s, reduce(a = 1, x IN null | a) AS n", [["ab", nil]]),
        ("MATCH (i:Initiative {id: 'a'}) RETURN [(i)-[:USES]->(t) | t.id] AS techs", [[["java"]]]),
        ("MATCH (i:Initiative) RETURN i.id, [(i)-[:DEPENDS_ON]->(d) WHERE d.budget > 50 | d.id] AS deps ORDER BY i.id",
         [["a", ["b"]], ["b", []], ["c", ["a"]], ["d", []]]),
        ("MATCH (i:Initiative) RETURN i.id, size((i)-[:DEPENDS_ON]->()) AS n ORDER BY i.id", [["a", 1], ["b", 1], ["c", 1], ["d", 1]]),
        ("MATCH (i:Initiative) WHERE EXISTS { (i)-[:USES]->(t:Technology {lifecycle: 'hold'}) } RETURN i.id", [["c"]]),
        ("MATCH (i:Initiative) WHERE NOT EXISTS { MATCH (i)-[:USES]->(t) WHERE t.lifecycle = 'adopt' } RETURN i.id ORDER BY i.id", [["c"]]),
        ("MATCH (t:Technology) RETURN t.id, COUNT { (i:Initiative)-[:USES]->(t) } AS users ORDER BY t.id",
         [["java", 2], ["oracle", 1], ["postgres", 1]]),
        ("MATCH (i:Initiative {id: 'a'}) RETURN i {.id, .budget, big: i.budget > 50} AS m", [[["id": "a", "budget": 100, "big": true]]]),
        ("WITH {a: 1, b: 2} AS m, 3 AS c RETURN m {.*, c, .a} AS p", [[["a": 1, "b": 2, "c": 3]]]),
        ("UNWIND [1, 2, 3, 4] AS x RETURN stDev(x) AS s, stDevP(x) AS p",
         [[.float((5.0 / 3.0).squareRoot()), .float(1.25.squareRoot())]]),
        ("UNWIND [10, 20, 30, 40] AS x RETURN percentileCont(x, 0.5) AS c, percentileDisc(x, 0.5) AS d", [[25.0, 20]]),
        ("UNWIND [1] AS x RETURN stDev(x) AS s, percentileDisc(x, 1.0) AS d", [[0.0, 1]]),
        ("RETURN isEmpty([]) AS a, isEmpty('x') AS b, isEmpty({}) AS c, isEmpty(null) AS d", [[true, false, true, nil]]),
        ("RETURN toIntegerOrNull([1]) AS a, toIntegerOrNull('7') AS b, toFloatOrNull({}) AS c, toBooleanOrNull(2.5) AS d, toStringOrNull([]) AS e",
         [[nil, 7, nil, nil, nil]]),
        ("RETURN sqrt(16) AS a, exp(0) AS b, log(e()) AS c, log10(1000) AS d, round(pi() * 100) AS f", [[4.0, 1.0, 1.0, 3.0, 314.0]]),
        ("RETURN sin(0) AS a, cos(0) AS b, tan(0) AS c, asin(0) AS d, acos(1) AS f, atan(0) AS g, atan2(0, 1) AS h, degrees(pi()) AS i, radians(180) = pi() AS j, haversin(0) AS k",
         [[0.0, 1.0, 0.0, 0.0, 0.0, 0.0, 0.0, 180.0, true, 0.0]]),
        ("RETURN rand() >= 0 AND rand() < 1 AS r", [[true]]),
        ("MATCH (i:Initiative)-[:DEPENDS_ON*2..1]->(j) RETURN i", []),
        ("MATCH (i:Initiative) RETURN i.status AS status, count(*) AS n ORDER BY status, count(*) DESC",
         [["idea", 1], ["live", 1], ["planned", 2]]),
    ]

    @Test(arguments: cases)
    func runs(_ query: String, _ expected: [[QueryValue]]) {
        #expect(rows(query) == expected, "\(query)")
    }

    @Test func writesStayRefused() {
        #expect(error("MATCH (n) SET n.x = 1 RETURN n")?.message.contains("read-only") == true)
        #expect(error("RETURN EXISTS { MATCH (n) RETURN n }")?.message.contains("not supported") == true)
    }

    @Test func topKKeepsTheBestRowsInOrder() {
        let all = rows("UNWIND range(1, 500) AS x RETURN x % 7 AS k, x ORDER BY k DESC, x")
        for limit in [0, 1, 3, 10, 100, 600] {
            #expect(rows("UNWIND range(1, 500) AS x RETURN x % 7 AS k, x ORDER BY k DESC, x LIMIT \(limit)") == Array(all.prefix(limit)))
            #expect(rows("UNWIND range(1, 500) AS x RETURN x % 7 AS k, x ORDER BY k DESC, x SKIP 5 LIMIT \(limit)")
                == Array(all.dropFirst(5).prefix(limit)))
        }
    }
}
