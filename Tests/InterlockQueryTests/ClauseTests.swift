import InterlockQuery
import Testing

/// Each clause on the sample graph (see `TestGraph.sample`).
@Suite struct MatchTests {
    @Test func directionsAndTypes() {
        #expect(rows("MATCH (a {id: 'c'})<-[:DEPENDS_ON]-(b) RETURN b.id ORDER BY b.id") == [["b"], ["d"]])
        #expect(rows("MATCH (a {id: 'c'})-[:DEPENDS_ON]-(b) RETURN b.id ORDER BY b.id") == [["a"], ["b"], ["d"]])
        #expect(rows("MATCH (a {id: 'a'})-[r:USES|DEPENDS_ON]->(b) RETURN type(r), b.id ORDER BY b.id")
            == [["DEPENDS_ON", "b"], ["USES", "java"]])
        #expect(rows("MATCH (:Technology)-[r]->(:Technology) RETURN type(r)") == [["INCOMPATIBLE_WITH"]])
        #expect(rows("MATCH (a)-[:NO_SUCH_TYPE]->(b) RETURN a").isEmpty)
        #expect(rows("MATCH (a:NoSuchLabel) RETURN a").isEmpty)
    }

    @Test func labelsAlternativesAndPropertyMaps() {
        #expect(rows("MATCH (n:Technology|Initiative {status: 'planned'}) RETURN n.id ORDER BY n.id") == [["b"], ["c"]])
        #expect(rows("MATCH (n:Technology {lifecycle: 'hold'}) RETURN n.name") == [["oracle"]])
        #expect(rows("MATCH (n) WHERE n:Technology AND n.id STARTS WITH 'p' RETURN n.id") == [["postgres"]])
        #expect(rows("MATCH (n:Initiative:Technology) RETURN n").isEmpty)
        #expect(rows("MATCH (n {budget: null}) RETURN n").isEmpty, "null never equals")
    }

    @Test func relationshipPropertiesAndVariables() {
        #expect(rows("MATCH (i)-[u:USES {version: '21'}]->(t) RETURN i.id, u.version, t.id") == [["b", "21", "java"]])
        #expect(rows("MATCH (i)-[u:USES]->(t) WHERE u.version IS NULL RETURN i.id ORDER BY i.id") == [["c"], ["d"]])
        #expect(rows("MATCH ()-[r:USES]->() RETURN count(r), collect(DISTINCT type(r))") == [[4, ["USES"]]])
    }

    @Test func severalPatternsShareVariables() {
        // Two initiatives using the same technology.
        #expect(rows("""
            MATCH (x:Initiative)-[:USES]->(t), (y:Initiative)-[:USES]->(t) WHERE x.id < y.id
            RETURN x.id, y.id, t.id
            """) == [["a", "b", "java"]])
        // Unconnected patterns multiply.
        #expect(rows("MATCH (t:Technology), (u:Technology {lifecycle: 'hold'}) RETURN count(*)") == [[3]])
    }

    @Test func relationshipsAreUniqueWithinAMatch() {
        // a-b-c-a is a triangle: walking three DEPENDS_ON hops back to the start uses each once.
        #expect(rows("MATCH (a {id: 'a'})-[:DEPENDS_ON]->(b)-[:DEPENDS_ON]->(c)-[:DEPENDS_ON]->(a) RETURN b.id, c.id") == [["b", "c"]])
        // An undirected pattern cannot go back over the same relationship.
        #expect(rows("MATCH (a {id: 'd'})-[:DEPENDS_ON]-(b)-[:DEPENDS_ON]-(c) RETURN c.id ORDER BY c.id") == [["a"], ["b"]])
    }

    @Test func variableLength() {
        // Trails may revisit a node (c) by another relationship.
        #expect(rows("MATCH ({id: 'd'})-[:DEPENDS_ON*]->(x) RETURN x.id") == [["c"], ["a"], ["b"], ["c"]])
        #expect(rows("MATCH ({id: 'd'})-[:DEPENDS_ON*2]->(x) RETURN x.id") == [["a"]])
        #expect(rows("MATCH ({id: 'd'})-[:DEPENDS_ON*2..3]->(x) RETURN x.id") == [["a"], ["b"]])
        #expect(rows("MATCH ({id: 'd'})-[:DEPENDS_ON*..1]->(x) RETURN x.id") == [["c"]])
        #expect(rows("MATCH ({id: 'd'})-[:DEPENDS_ON*0..1]->(x) RETURN x.id") == [["d"], ["c"]])
        // The list reads in pattern order (from x), whichever end the search starts from.
        let list = rows("MATCH (x)<-[rs:DEPENDS_ON*2]-({id: 'd'}) RETURN [r IN rs | startNode(r).id + '>' + endNode(r).id]")
        #expect(list == [[["c>a", "d>c"]]])
        // Trails never repeat a relationship, so the cycle is walked once around.
        #expect(rows("MATCH ({id: 'a'})-[:DEPENDS_ON*]->(x) RETURN count(*)") == [[3]])
    }

    @Test func pathsAndPathFunctions() {
        let result = rows("MATCH p = ({id: 'd'})-[:DEPENDS_ON]->()-[:DEPENDS_ON*1..2]->(x) RETURN length(p), [n IN nodes(p) | n.id], size(relationships(p))")
        #expect(result == [[2, ["d", "c", "a"], 2], [3, ["d", "c", "a", "b"], 3]])
    }

    @Test func shortestPaths() {
        #expect(rows("MATCH p = shortestPath((a {id: 'd'})-[:DEPENDS_ON*]->(b {id: 'b'})) RETURN [n IN nodes(p) | n.id]")
            == [[["d", "c", "a", "b"]]])
        #expect(rows("MATCH p = shortestPath((a {id: 'b'})-[:DEPENDS_ON*]->(b {id: 'd'})) RETURN p").isEmpty)
        #expect(rows("MATCH p = shortestPath((a {id: 'a'})-[*]-(b {id: 'oracle'})) RETURN length(p)") == [[2]])
        // Two paths of length 2 join a and oracle: via java and via c.
        #expect(rows("MATCH p = allShortestPaths((a {id: 'a'})-[*]-(b {id: 'oracle'})) RETURN [n IN nodes(p) | n.id] ORDER BY length(p), p")
            .map { $0[0] } .sorted { $0.literalText < $1.literalText } == [["a", "c", "oracle"], ["a", "java", "oracle"]])
        #expect(rows("MATCH p = shortestPath((a {id: 'a'})-[:DEPENDS_ON*..1]->(b {id: 'c'})) RETURN p").isEmpty)
    }

    @Test func optionalMatchKeepsRowsWithNulls() {
        #expect(rows("""
            MATCH (t:Technology) OPTIONAL MATCH (i:Initiative)-[:USES]->(t) WHERE i.status = 'live'
            RETURN t.id, i.id ORDER BY t.id
            """) == [["java", "a"], ["oracle", nil], ["postgres", nil]])
        #expect(rows("OPTIONAL MATCH (n:Nothing) RETURN n") == [[nil]])
        #expect(rows("OPTIONAL MATCH (n:Nothing) OPTIONAL MATCH (n)-->(m) RETURN n, m") == [[nil, nil]])
    }

    @Test func patternPredicates() {
        #expect(rows("MATCH (i:Initiative) WHERE NOT (i)<-[:DEPENDS_ON]-() RETURN i.id") == [["d"]])
        #expect(rows("MATCH (i:Initiative) WHERE exists((i)-[:USES]->(:Technology {lifecycle: 'hold'})) RETURN i.id") == [["c"]])
    }

    @Test func whereWithIdLookupAndIn() {
        #expect(rows("MATCH (n) WHERE n.id IN ['b', 'java', 'zzz'] RETURN n.id") == [["b"], ["java"]])
        #expect(rows("MATCH (n)-[:USES]->(t) WHERE t.id = $tech RETURN n.id", parameters: ["tech": "java"]) == [["a"], ["b"]])
        #expect(rows("MATCH (n:Initiative) WHERE n.budget >= 100 AND n.start < '2026-02-01' RETURN n.id") == [["a"]])
    }
}

@Suite struct ProjectionTests {
    @Test func withAndAggregation() {
        #expect(rows("""
            MATCH (i:Initiative)-[:USES]->(t:Technology)
            WITH t, count(i) AS users, sum(i.budget) AS money WHERE users > 1
            RETURN t.id, users, money
            """) == [["java", 2, 350]])
        #expect(rows("MATCH (i:Initiative) RETURN i.status, count(*) AS n ORDER BY n DESC, i.status")
            == [["planned", 2], ["idea", 1], ["live", 1]])
        #expect(rows("MATCH (i:Initiative) RETURN count(*), count(i.budget), sum(i.budget), avg(i.budget), min(i.budget), max(i.start), collect(i.budget)")
            == [[4, 3, 390, 130.0, 40, "2026-03-15", [100, 250, 40]]])
        #expect(rows("MATCH (i:Initiative) RETURN count(DISTINCT i.status), collect(DISTINCT i.status)")
            == [[3, ["live", "planned", "idea"]]])
    }

    @Test func aggregatesOverNothing() {
        #expect(rows("MATCH (n:Nothing) RETURN count(*), count(n), sum(n.x), avg(n.x), min(n.x), collect(n)")
            == [[0, 0, 0, nil, nil, []]])
        #expect(rows("MATCH (n:Nothing) RETURN n.x, count(*)").isEmpty, "grouping keys and no rows give no groups")
    }

    @Test func aggregateExpressions() {
        #expect(rows("MATCH (i:Initiative) RETURN sum(i.budget) / count(i.budget) AS mean, toString(count(*)) + ' initiatives'")
            == [[130, "4 initiatives"]])
        #expect(rows("UNWIND [1, 2.5] AS x RETURN sum(x)") == [[3.5]])
    }

    @Test func distinctOrderSkipLimit() {
        #expect(rows("MATCH (i:Initiative)-[:USES]->(t) RETURN DISTINCT t.id ORDER BY t.id DESC") == [["postgres"], ["oracle"], ["java"]])
        #expect(rows("MATCH (i:Initiative) RETURN i.id ORDER BY i.budget DESC SKIP 1 LIMIT 2") == [["b"], ["a"]])
        #expect(rows("MATCH (i:Initiative) RETURN i.id ORDER BY i.budget") == [["d"], ["a"], ["b"], ["c"]], "null sorts last")
        #expect(rows("MATCH (i:Initiative) RETURN i.id ORDER BY i.budget DESC") == [["c"], ["b"], ["a"], ["d"]])
        #expect(rows("MATCH (n) RETURN n.id LIMIT 0").isEmpty)
        #expect(rows("MATCH (n) RETURN n.id SKIP $s LIMIT $l", parameters: ["s": 5, "l": 10]) == [["oracle"], ["postgres"]])
        #expect(rows("UNWIND [3, 1, 2] AS x WITH x ORDER BY x LIMIT 2 RETURN collect(x)") == [[[1, 2]]])
        #expect(rows("UNWIND [[1], 'a', 2, null, true, {k: 1}, 1.5] AS x RETURN x ORDER BY x").map { $0[0] }
            == [["k": 1], [1], "a", true, 1.5, 2, nil])
    }

    @Test func orderByAnAggregateAsWritten() {
        #expect(rows("MATCH (i:Initiative)-[:USES]->(t) RETURN t.id, count(*) ORDER BY count(*) DESC, t.id LIMIT 2")
            == [["java", 2], ["oracle", 1]])
    }

    @Test func equivalenceGroupsNumbersAndNulls() {
        #expect(rows("UNWIND [1, 1.0, 2, null, null] AS x RETURN DISTINCT x") == [[1], [2], [nil]])
        #expect(rows("UNWIND [1, 1.0, null] AS x RETURN x, count(*)") == [[1, 2], [nil, 1]])
    }

    @Test func graphElementFunctions() {
        #expect(rows("MATCH (n {id: 'java'}) RETURN id(n), labels(n), keys(n), n:Technology, n:Initiative")
            == [[4, ["Technology"], ["id", "lifecycle", "name"], true, false]])
        #expect(rows("MATCH ({id: 'a'})-[r:USES]->() RETURN type(r), properties(r), startNode(r).id, endNode(r).id, id(r) >= 0")
            == [["USES", ["version": "17"], "a", "java", true]])
        #expect(rows("MATCH (n {id: 'a'}) RETURN n['budget'], size(n.tags), n.tags[1], 'crm' IN n.tags, n.missing")
            == [[100, 2, "crm", true, nil]])
    }

    @Test func sortWithLimitKeepsOnlyTheBestRows() {
        // Far more rows than the limit: the sort cuts its buffer back as it goes, stably.
        #expect(rows("UNWIND range(1, 1000) AS x RETURN x ORDER BY x % 7 DESC, x LIMIT 3") == [[6], [13], [20]])
        #expect(rows("UNWIND range(1, 500) AS x RETURN x ORDER BY x % 2 SKIP 1 LIMIT 3") == [[4], [6], [8]])
        #expect(rows("UNWIND range(1, 500) AS x WITH x ORDER BY x DESC LIMIT 2 RETURN collect(x)") == [[[500, 499]]])
    }

    @Test func laterMatchesStartFromCarriedNodes() {
        #expect(rows("MATCH (t:Technology {lifecycle: 'hold'}) WITH t MATCH (i)-[:USES]->(t) RETURN i.id") == [["c"]])
        #expect(rows("MATCH (i:Initiative) WITH i WHERE i.budget > 200 MATCH (i)-[:USES]->(t) RETURN i.id, t.id") == [["b", "java"]])
        #expect(rows("UNWIND ['a', 'zzz'] AS id OPTIONAL MATCH (n {id: id}) RETURN id, n.name") == [["a", "A"], ["zzz", nil]])
    }

    @Test func orderByTheVariablesBeforeTheProjection() {
        #expect(rows("MATCH (i:Initiative) RETURN i.name AS name ORDER BY i.budget DESC LIMIT 1") == [["C"]])
    }

    @Test func returnStarAndColumns() throws {
        let result = try QueryEngine(graph: TestGraph.sample).run("MATCH (b {id: 'b'})-[r:USES]->(a) RETURN *, a.id AS x")
        #expect(result.columns == ["a", "b", "r", "x"])
        #expect(result.rows.count == 1)
        let named = try QueryEngine(graph: TestGraph.sample).run("MATCH (n {id: 'a'}) RETURN n.id, n.budget * 2 AS double")
        #expect(named.columns == ["n.id", "double"])
    }

    @Test func unwind() {
        #expect(rows("UNWIND [1, 2] AS x UNWIND ['a', 'b'] AS y RETURN x, y")
            == [[1, "a"], [1, "b"], [2, "a"], [2, "b"]])
        #expect(rows("UNWIND [] AS x RETURN x").isEmpty)
        #expect(rows("UNWIND null AS x RETURN x").isEmpty)
        #expect(rows("MATCH (i {id: 'a'}) UNWIND i.tags AS tag RETURN tag") == [["gdpr"], ["crm"]])
    }

    @Test func union() {
        #expect(rows("UNWIND [1, 2, 2] AS x RETURN x UNION UNWIND [2, 3] AS x RETURN x") == [[1], [2], [3]])
        #expect(rows("UNWIND [1, 2, 2] AS x RETURN x UNION ALL UNWIND [2, 3] AS x RETURN x") == [[1], [2], [2], [2], [3]])
    }

    @Test func procedures() {
        #expect(rows("CALL interlock.blastRadius('oracle') YIELD node, distance RETURN node.id, distance")
            == [["c", 1], ["b", 2], ["d", 2], ["a", 3]])
        #expect(rows("CALL db.labels()") == [["Initiative"], ["Technology"]])
        #expect(rows("MATCH (t:Technology {lifecycle: 'hold'}) CALL interlock.blastRadius(t) YIELD node WHERE node.status = 'idea' RETURN node.id")
            == [["d"]])
    }
}

@Suite struct SemanticErrorTests {
    static let cases: [(String, String, Int)] = [
        ("MATCH (n) RETURN m", "variable 'm' is not defined", 18),
        ("MATCH (n) WHERE count(n) > 1 RETURN n", "aggregate functions are not allowed in WHERE", 17),
        ("RETURN count(count(*))", "aggregate functions cannot be nested", 14),
        ("MATCH (n) WITH n.id RETURN 1", "the expression 'n.id' in WITH must be named with AS", 16),
        ("MATCH (n) WITH n AS m RETURN n", "variable 'n' is not defined", 30),
        ("MATCH (n)", "a query must end with RETURN", 1),
        ("RETURN 1 AS a UNION RETURN 2 AS b", "all parts of a UNION must return the same columns (a vs b)", 21),
        ("RETURN 1 AS a UNION RETURN 2 AS a UNION ALL RETURN 3 AS a", "UNION and UNION ALL cannot be mixed in one query", 45),
        ("MATCH (n) RETURN n.id, count(*) ORDER BY n.budget", "variable 'n' is not defined", 42),
        ("MATCH (n) RETURN n LIMIT n.x", "variable 'n' is not defined", 26),
        ("MATCH (n) WHERE (n)-->(m) RETURN n", "variable 'm' is not defined", 17),
        ("MATCH (n) RETURN n.id, n.budget + count(*)", "'n' is used outside an aggregate in 'n.budget + count(*)' but is not a grouping key; return it as a column too", 24),
        ("MATCH (n) RETURN n, n", "the column name 'n' is used twice", 21),
        ("RETURN 1 LIMIT -1", "LIMIT needs a non-negative integer, not -1", 16),
        ("CALL nothing.here()", "unknown procedure 'nothing.here'; available: db.labels, db.relationshipTypes, interlock.blastRadius", 1),
        ("CALL db.labels() YIELD nope RETURN nope", "db.labels yields no field 'nope'; it yields label", 1),
        ("MATCH (a)-[r]->(b), (r) RETURN a", "'r' is a Relationship, so it cannot be used as a Node", 21),
    ]

    @Test(arguments: cases)
    func reportsWhereTheFaultIs(_ query: String, _ message: String, _ column: Int) {
        let failure = error(query)
        #expect(failure?.message == message)
        #expect(failure?.position?.column == column)
    }

    @Test func unwindingTimesOut() {
        do {
            _ = try QueryEngine(graph: TestGraph.empty).run("UNWIND range(1, 100000) AS x RETURN count(*)", limits: QueryLimits(timeout: .zero))
            Issue.record("expected a timeout")
        } catch {
            #expect(error.kind == .timeout)
        }
    }

    @Test func timesOut() {
        // A cross product of 7^6 rows (the WHERE makes the search enumerate them rather than
        // count them): far past a zero timeout.
        let query = "MATCH (a), (b), (c), (d), (e), (f) WHERE a <> f RETURN count(*)"
        do {
            _ = try QueryEngine(graph: TestGraph.sample).run(query, limits: QueryLimits(timeout: .zero))
            Issue.record("expected a timeout")
        } catch {
            #expect(error.kind == .timeout)
        }
    }
}
