@testable import InterlockQuery
import Testing

/// The parser reads every construct and writes it back in canonical form, and that form
/// parses to the same canonical text again.
@Suite struct ParserRoundTripTests {
    static let cases: [(String, String)] = [
        ("match (n) return n", "MATCH (n) RETURN n"),
        ("MATCH (a:Initiative {id: 'x', budget: 10})-[r:USES|DEPENDS_ON]->(b:Technology|DataSource) RETURN a, r, b",
         "MATCH (a:Initiative {id: 'x', budget: 10})-[r:USES|DEPENDS_ON]->(b:Technology|DataSource) RETURN a, r, b"),
        ("MATCH (a)<--(b)--(c)-->(d) RETURN *", "MATCH (a)<--(b)--(c)-->(d) RETURN *"),
        ("MATCH p = (a)-[*]->(b), (c)-[:T*2]-(d), (e)<-[*1..3]-(f), (g)-[*..5]->(h), (i)-[*2..]->(j) RETURN p",
         "MATCH p = (a)-[*]->(b), (c)-[:T*2]-(d), (e)<-[*1..3]-(f), (g)-[*..5]->(h), (i)-[*2..]->(j) RETURN p"),
        ("MATCH p = shortestPath((a)-[:DEPENDS_ON*]->(b)) RETURN length(p)",
         "MATCH p = shortestPath((a)-[:DEPENDS_ON*]->(b)) RETURN length(p)"),
        ("OPTIONAL MATCH (a:A:B) WHERE a.x > 1 AND NOT a.y XOR a.z OR a.w RETURN DISTINCT a.x AS x ORDER BY x DESC, a.y SKIP 1 LIMIT 2",
         "OPTIONAL MATCH (a:A:B) WHERE (((a.x > 1) AND (NOT a.y)) XOR a.z) OR a.w RETURN DISTINCT a.x AS x ORDER BY x DESC, a.y SKIP 1 LIMIT 2"),
        ("UNWIND [1, 2.5, 'a', true, null, {k: [1]}] AS v WITH v WHERE v IS NOT NULL RETURN v",
         "UNWIND [1, 2.5, 'a', true, null, {k: [1]}] AS v WITH v WHERE v IS NOT NULL RETURN v"),
        ("RETURN 1 + 2 * 3 ^ 2 - -4 % 3 / 2", "RETURN 1 + (2 * (3 ^ 2)) - ((-4) % 3 / 2)"),
        ("RETURN 1 < 2 <= 3, 'a' STARTS WITH 'b', 'a' ENDS WITH 'b', 'a' CONTAINS 'b', 'a' =~ 'b', 1 IN [1], x.y IS NULL",
         "RETURN 1 < 2 <= 3, 'a' STARTS WITH 'b', 'a' ENDS WITH 'b', 'a' CONTAINS 'b', 'a' =~ 'b', 1 IN [1], x.y IS NULL"),
        ("RETURN CASE WHEN a THEN 1 ELSE 2 END, CASE x WHEN 1 THEN 'one' END",
         "RETURN CASE WHEN a THEN 1 ELSE 2 END, CASE x WHEN 1 THEN 'one' END"),
        ("RETURN [x IN range(1, 5) WHERE x % 2 = 0 | x * x], [y IN l | y], [z IN l WHERE z], l[0], l[1..], l[..-1], l[1..2]",
         "RETURN [x IN range(1, 5) WHERE (x % 2) = 0 | x * x], [y IN l | y], [z IN l WHERE z], l[0], l[1..], l[..-1], l[1..2]"),
        ("RETURN count(*), count(DISTINCT a.b), all(x IN l WHERE x > 0), exists((a)-[:T]->())",
         "RETURN count(*), count(DISTINCT a.b), all(x IN l WHERE x > 0), exists((a)-[:T]->())"),
        ("CALL interlock.findings() YIELD rule, node AS n WHERE rule = 'x' RETURN n",
         "CALL interlock.findings() YIELD rule, node AS n WHERE rule = 'x' RETURN n"),
        ("MATCH (a) RETURN a UNION ALL MATCH (b) RETURN b AS a UNION ALL RETURN 1 AS a",
         "MATCH (a) RETURN a UNION ALL MATCH (b) RETURN b AS a UNION ALL RETURN 1 AS a"),
        ("RETURN $p, $`odd name`, `weird var`.`key with space`, 'it\\'s', \"dq\\n\"",
         "RETURN $p, $`odd name`, `weird var`.`key with space`, 'it\\'s', 'dq\\n'"),
        ("MATCH (n) WHERE n:Initiative AND (n)-->(:Technology {id: 'java'}) RETURN n // comment\n /* block */",
         "MATCH (n) WHERE n:Initiative AND (n)-->(:Technology {id: 'java'}) RETURN n"),
        ("RETURN x<-1, 0x1F, 1.5e3, -9223372036854775807", "RETURN x < (-1), 31, 1500.0, -9223372036854775807"),
    ]

    @Test(arguments: cases)
    func roundTrips(_ input: String, _ canonical: String) throws {
        let first = try Parser.parse(input).cypher
        #expect(first == canonical)
        #expect(try Parser.parse(first).cypher == canonical)
    }

    @Test func columnNamesKeepTheWrittenText() throws {
        let query = try Parser.parse("MATCH (n) RETURN n.name,  toUpper( n.id ) , count(*) AS c")
        guard case .return(let projection) = query.parts[0].clauses[1] else {
            Issue.record("expected RETURN")
            return
        }
        #expect(projection.items.map(\.name) == ["n.name", "toUpper( n.id )", "c"])
    }
}

/// Syntax errors name the line and column of the fault and draw a caret under it.
@Suite struct ParserErrorTests {
    static let cases: [(query: String, line: Int, column: Int, message: String)] = [
        ("MATCH (n:Goal RETURN n", 1, 15, "expected ')' but found 'RETURN'"),
        ("MATCH (n)\nWHERE n.x = \nRETURN n", 3, 1, "expected an expression but found 'RETURN'"),
        ("MATCH (n) RETURN n LIMIT", 1, 25, "expected an expression but found the end of the query"),
        ("MATCH (a)-[r:T->(b) RETURN a", 1, 15, "expected ']' but found '->'"),
        ("MATCH (a)<-[r]->(b) RETURN a", 1, 10, "a relationship cannot point both ways; write -[...]- for either way"),
        ("RETURN 'abc", 1, 8, "unterminated string"),
        ("RETURN 1 ~ 2", 1, 10, "unexpected character '~'"),
        ("RETURN 99999999999999999999", 1, 8, "integer '99999999999999999999' is too large"),
        ("RETURN 'a\\q'", 1, 10, "unknown escape '\\q' in string"),
        ("MATCH (n) RETURN n MATCH (m)", 1, 20, "expected the end of the query but found 'MATCH'"),
        ("", 1, 1, "expected a clause (MATCH, WITH, UNWIND, CALL or RETURN) but found the end of the query"),
    ]

    @Test(arguments: cases)
    func locatesTheFault(_ query: String, _ line: Int, _ column: Int, _ message: String) {
        do {
            _ = try Parser.parse(query)
            Issue.record("expected a syntax error")
        } catch {
            #expect(error.kind == .syntax)
            #expect(error.message == message)
            #expect(error.position?.line == line)
            #expect(error.position?.column == column)
        }
    }

    @Test func rendersACaretUnderTheFault() throws {
        let query = "MATCH (n:Initiative)\nWHERE n.budget >> 3\nRETURN n"
        do {
            _ = try Parser.parse(query)
            Issue.record("expected a syntax error")
        } catch {
            #expect(error.rendered(in: query) == """
                2:17: syntax error: expected an expression but found '>'
                WHERE n.budget >> 3
                                ^
                """)
        }
    }

    @Test(arguments: ["CREATE (n)", "MATCH (n) SET n.x = 1 RETURN n", "MATCH (n) DELETE n", "MERGE (n:A)",
                      "MATCH (n) DETACH DELETE n", "MATCH (n) REMOVE n.x"])
    func refusesWritingClauses(_ query: String) {
        do {
            _ = try Parser.parse(query)
            Issue.record("expected a refusal")
        } catch {
            #expect(error.kind == .unsupported)
            #expect(error.message.hasSuffix("is not supported: Interlock queries are read-only"))
        }
    }
}
