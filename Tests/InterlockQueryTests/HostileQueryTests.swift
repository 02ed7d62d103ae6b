import InterlockAnalysis
import InterlockCore
@testable import InterlockQuery
import Testing

/// Issue #16, items 2 and 3: queries an attack used to crash, hang or exhaust the machine with.
/// Each stops with a located error naming the limit, or runs, well within the test's time.
@Suite struct HostileQueryTests {
    /// Nesting 5,000 levels of each construct the attack used: a syntax error at the level
    /// past the limit, never a stack overflow.
    static let deepNestings: [(name: String, text: String)] = [
        ("parentheses", "RETURN " + String(repeating: "(", count: 5000) + "1" + String(repeating: ")", count: 5000)),
        ("lists", "RETURN " + String(repeating: "[", count: 5000) + "1" + String(repeating: "]", count: 5000)),
        ("maps", "RETURN " + String(repeating: "{a: ", count: 5000) + "1" + String(repeating: "}", count: 5000)),
        ("NOT", "RETURN " + String(repeating: "NOT ", count: 5000) + "true"),
        ("unary minus", "RETURN " + String(repeating: "- ", count: 5000) + "1"),
        ("CASE", "RETURN " + String(repeating: "CASE WHEN true THEN ", count: 5000) + "1" + String(repeating: " END", count: 5000)),
        ("comprehensions", "RETURN " + String(repeating: "[x IN ", count: 5000) + "[1]" + String(repeating: " | x]", count: 5000)),
        ("calls", "RETURN " + String(repeating: "abs(", count: 5000) + "1" + String(repeating: ")", count: 5000)),
        ("properties", "RETURN {a: 1}" + String(repeating: ".a", count: 5000)),
        ("IS NULL", "RETURN 1" + String(repeating: " IS NULL", count: 5000)),
        ("pattern maps", "MATCH (n) WHERE " + String(repeating: "({a: ", count: 5000) + "1" + String(repeating: "})", count: 5000) + " RETURN n"),
    ]

    @Test(arguments: deepNestings)
    func deepNestingIsASyntaxErrorWithItsPlace(_ nesting: (name: String, text: String)) {
        do {
            _ = try QueryEngine<PortfolioQueryGraph>.prepare(nesting.text)
            Issue.record("\(nesting.name): expected a syntax error")
        } catch {
            #expect(error.kind == .syntax, "\(nesting.name)")
            #expect(error.message.contains("nests more than \(QueryLimits.maximumNesting) levels"), "\(nesting.name): \(error)")
            #expect(error.position != nil, "\(nesting.name)")
        }
    }

    @Test func nestingUpToTheLimitRuns() {
        let depth = QueryLimits.maximumNesting - 1
        #expect(value(String(repeating: "(", count: depth) + "1" + String(repeating: ")", count: depth)) == 1)
        #expect(value(String(repeating: "[", count: 50) + "1" + String(repeating: "]", count: 50)) != nil)
    }

    /// A long flat chain is no nesting: it runs, left to right, as the binary operators would.
    @Test func longFlatChainsRunWithoutRecursion() {
        #expect(value(Array(repeating: "1", count: 100_000).joined(separator: " + ")) == 100_000)
        #expect(value(Array(repeating: "true", count: 100_000).joined(separator: " AND ")) == true)
        #expect(value(Array(repeating: "false", count: 100_000).joined(separator: " OR ")) == false)
        #expect(value(Array(repeating: "'a'", count: 10_000).joined(separator: " + ")) == .string(String(repeating: "a", count: 10_000)))
        // Left to right, as the left-deep tree computed it: 'a' + 1 + 2 is 'a12', 10 - 2 - 3 is 5.
        #expect(value("'a' + 1 + 2") == "a12")
        #expect(value("10 - 2 - 3") == 5)
        #expect(value("2 * 3 % 4 / 2") == 1)
        // AND and OR stop at the decisive operand: the division by zero after it never runs.
        #expect(value("false AND 1 / 0 = 1 AND true") == false)
        #expect(value("true OR 1 / 0 = 1 OR false") == true)
        #expect(value("null AND false AND true") == false)
        #expect(value("true XOR true XOR true") == true)
    }

    @Test func chainedConjunctsStillSplitForThePlanner() {
        let rows = rows("MATCH (i:Initiative) WHERE i.id = 'a' AND i.name = 'A' AND true RETURN i.id")
        #expect(rows == [["a"]])
        let query = try? Parser.parse("MATCH (i) WHERE i.id = 'a' AND i.name = 'A' AND true RETURN i")
        guard case .match(let match)? = query?.parts.first?.clauses.first else { return }
        #expect(match.predicate?.conjuncts.count == 3)
    }

    @Test func manyClausesOrPatternStepsAreRefused() {
        let clauses = Array(repeating: "WITH 1 AS x", count: 1000).joined(separator: " ") + " RETURN x"
        #expect(error(clauses)?.message == "a query may have at most \(QueryLimits.maximumParts) clauses in one part")
        let steps = "MATCH (a)" + String(repeating: "-->()", count: 1000) + " RETURN a"
        #expect(error(steps)?.message == "a query may have at most \(QueryLimits.maximumParts) relationships in one pattern")
    }

    @Test func aDeeplyNestedParameterIsReadAsText() {
        let text = String(repeating: "[", count: 5000) + String(repeating: "]", count: 5000)
        #expect(QueryValue.parameter(from: text) == .string(text))
    }

    /// Values past the size limit stop with a `.limit` error naming the option that raises it.
    static let oversized = [
        "RETURN range(1, 10000000000)",
        "RETURN range(-9223372036854775807, 9223372036854775807)",
        "WITH range(1, 6000000) AS l RETURN size(l + l)",
        "WITH range(1, 4000000) AS l RETURN size(l + l + l)",
        "WITH 'aaaaaaaaaa' AS s RETURN size(replace(replace(replace(replace(replace(replace(replace(replace(s, 'a', 'aaaaaaaaaa'), 'a', 'aaaaaaaaaa'), 'a', 'aaaaaaaaaa'), 'a', 'aaaaaaaaaa'), 'a', 'aaaaaaaaaa'), 'a', 'aaaaaaaaaa'), 'a', 'aaaaaaaaaa'), 'a', 'aaaaaaaaaa'))",
    ]

    @Test(arguments: oversized)
    func oversizedValuesAreRefused(_ query: String) {
        let failure = error(query, on: .empty)
        #expect(failure?.kind == .limit, "\(query)")
        #expect(failure?.message.contains("--max-value-size") == true)
    }

    @Test func holdingTooMuchIsRefused() {
        let limits = QueryLimits(maximumHeldValues: 100_000)
        for query in [
            "UNWIND range(1, 1000) AS a UNWIND range(1, 1000) AS b RETURN size(collect([a, b]))",
            "UNWIND range(1, 1000) AS a UNWIND range(1, 1000) AS b RETURN a, b ORDER BY b",
            "UNWIND range(1, 1000) AS a UNWIND range(1, 1000) AS b RETURN DISTINCT a, b",
            "UNWIND range(1, 1000) AS a UNWIND range(1, 1000) AS b RETURN a, b, count(*)",
            "UNWIND range(1, 1000) AS a UNWIND range(1, 1000) AS b RETURN a, b",
        ] {
            do {
                _ = try QueryEngine(graph: TestGraph.empty).run(query, limits: limits)
                Issue.record("expected a limit error: \(query)")
            } catch {
                #expect(error.kind == .limit, "\(query)")
                #expect(error.message.contains("--max-held"), "\(query)")
            }
        }
    }

    @Test func aStreamedResultIsNotHeld() throws {
        var count = 0
        let query = try QueryEngine<TestGraph>.prepare("UNWIND range(1, 1000) AS a UNWIND range(1, 1000) AS b RETURN a, b")
        try QueryEngine(graph: TestGraph.empty).stream(
            query, limits: QueryLimits(maximumHeldValues: 1000), columns: { _ in }, row: { _ in count += 1 })
        #expect(count == 1_000_000)
    }

    /// A timeout is placed at the clause whose work used the time, so that `--file` errors read
    /// `slow.cypher:2:1: timeout error` with a caret under it (#16 item 14).
    @Test(arguments: [
        ("UNWIND range(1, 5000000) AS x\nRETURN count(*) AS n", "1:1"),
        ("UNWIND range(1, 3) AS x\nRETURN size([y IN range(1, 5000000) WHERE y > x]) AS n", "2:1"),
        ("MATCH (a)\nWITH count(a) AS n\nUNWIND range(1, 5000000) AS x\nRETURN x ORDER BY x DESC LIMIT 1", "3:1"),
    ])
    func aTimeoutIsPlacedAtTheClauseThatRanOutOfTime(_ query: String, _ place: String) {
        do {
            _ = try QueryEngine(graph: TestGraph.empty).run(query, limits: QueryLimits(timeout: .zero))
            Issue.record("expected a timeout")
        } catch {
            #expect(error.kind == .timeout)
            #expect(error.position?.description == place, "\(error)")
        }
    }

    /// The time limit is checked inside one expression's loops, not only between rows.
    @Test func theTimeLimitHoldsInsideOneExpression() {
        for query in [
            "RETURN size([x IN range(1, 5000000) WHERE x > 0])",
            "RETURN any(x IN range(1, 5000000) WHERE x < 0)",
            "RETURN 0 IN range(1, 5000000)",
            "RETURN " + Array(repeating: "1", count: 5000).joined(separator: " + "),
        ] {
            do {
                _ = try QueryEngine(graph: TestGraph.empty).run(query, limits: QueryLimits(timeout: .zero))
                Issue.record("expected a timeout: \(query.prefix(60))")
            } catch {
                #expect(error.kind == .timeout)
                #expect(error.message.contains("--timeout"))
            }
        }
    }

    @Test func queriesHaveADefaultTimeLimit() {
        #expect(QueryLimits.query.timeout == .seconds(60))
        #expect(QueryRule.Limits.standard.query.timeout == .seconds(30))
    }

    @Test func hugeLimitsDoNotTrap() {
        #expect(rows("UNWIND [3, 1, 2] AS x RETURN x ORDER BY x SKIP 1 LIMIT 9223372036854775807", on: .empty) == [[2], [3]])
        #expect(value("size(range(9223372036854775806, 9223372036854775807))") == 2)
        #expect(value("size(range(-9223372036854775807, -9223372036854775806, 9223372036854775807))") == 1)
        #expect(value("size(range(5, 1))") == 0)
    }

    /// A custom rule matching a path of every shape reports the cap, not millions of findings.
    @Test func aRuleStopsAtItsFindingsCap() throws {
        let yaml = """
            initiatives:
              - {id: a, name: A, dependsOn: [b]}
              - {id: b, name: B, dependsOn: [c]}
              - {id: c, name: C, dependsOn: [a]}
              - {id: d, name: D, dependsOn: [a]}
              - {id: e, name: E, dependsOn: [b]}
              - {id: f, name: F, dependsOn: [c]}
              - {id: g, name: G, dependsOn: [d]}
            """
        let graph = PortfolioGraph(try PortfolioLoader.load(text: yaml, file: "cycle.yaml"))
        let rule = CustomRule(
            id: "all-paths", severity: .warning, message: "{p}", query: "MATCH p=()-[*]-() RETURN p LIMIT 1000000000",
            location: SourceLocation(file: "cycle.yaml", line: 9, column: 5))
        var limits = QueryRule.Limits.standard
        limits.maximumFindings = 20
        let findings = try QueryRule(rule, limits: limits).run(in: AnalysisContext(graph))
        #expect(findings.count == 1)
        #expect(findings.first?.severity == .error)
        #expect(findings.first?.message.contains("more than 20 findings") == true)
        #expect(findings.first?.message.contains("--rule-max-findings") == true)
    }
}
