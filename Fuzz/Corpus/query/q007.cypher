The library does the same from Swift: `QueryEngine(portfolio: graph).run(text, parameters:)`
gives a `QueryResult`, which `ResultFormatter` writes as a table, JSON or CSV.

## The graph

The graph is the contract of DESIGN.md ("The graph as queries and exports see it"): the same
query gives the same rows here as on a Cypher database loaded with the same graph.

Every node has one label. Properties are the scalar fields of the portfolio format, under the
same names; a field that is not set is absent (null).

| label | properties |
| --- | --- |
| `Initiative` | `id`, `name`, `status` (always set; default `planned`), `budget`, `start`, `end`, `tags` |
| `Technology` | `id`, `name`, `category`, `vendor`, `lifecycle`, `endOfLife` |
| `DataSource` | `id`, `name`, `domain`, `classification`, `systemOfRecord` (always set; default false) |
| `Capability`, `Unit`, `Team` | `id`, `name` |
| `Goal` | `id`, `name`, `description` |
| `Person` | `id`, `name`, `active` (always set; default true) |

- Dates (`start`, `end`, `endOfLife`) are strings `YYYY-MM-DD`, so `<`, `>=`, `min` and `max`
  compare them as dates; `date('2026-01-31')` checks a literal is a real date.
- `budget` is an integer when whole (as a database loading `1200000` would store it), else a float.
- `tags` is a list of strings.
- References are relationships, not properties: an initiative's owner is `(i)-[:OWNED_BY]->(o)`,
  its unit `(i)-[:IN_UNIT]->(u)`. A reference to an id that does not exist has no relationship
  (it is a `dangling-reference` finding).

| relationship | from | to | from the format |
| --- | --- | --- | --- |
| `DEPENDS_ON` | Initiative | Initiative, Technology, DataSource | `dependsOn` |
| `USES` {`version`} | Initiative | Technology | `technologies` (`java@17` gives version "17") |
| `READS`, `WRITES` | Initiative | DataSource | `data[].access` |
| `DELIVERS` | Initiative | Capability | `capabilities` |
| `SUPPORTS` | Initiative | Goal | `goals` |
| `OWNED_BY` | Initiative, Technology, DataSource | Person, Team | `owner` |
| `IN_UNIT` | Initiative, Person, Team | Unit | `unit` |
| `MEMBER_OF` | Person | Team | `teams[].members` |
| `HOSTED_ON` | DataSource | Technology | `technology` |
| `INCOMPATIBLE_WITH` | Technology | Technology | `incompatibleWith`, `policy.incompatible` |
| `PART_OF` | Capability, Unit | Capability, Unit | `parent` |
| `HEADED_BY` | Unit | Person | `head` |

`CALL db.labels()` and `CALL db.relationshipTypes()` list them.

## What is supported

Read-only openCypher (version 9, with the common Neo4j additions listed here).

**Clauses.** `MATCH`, `OPTIONAL MATCH`, `WHERE`, `WITH` (projection, aggregation, `DISTINCT`,
`ORDER BY`, `SKIP`, `LIMIT`, `WHERE` after it), `UNWIND`, `RETURN` (`DISTINCT`, `AS`, `*`),
`ORDER BY` (several keys, `ASC`/`DESC`), `SKIP`, `LIMIT` (integers or parameters), `UNION`,
`UNION ALL`, `CALL procedure(...) YIELD field [AS name], ... [WHERE ...]` (standalone or inside a
query). `CREATE`, `MERGE`, `SET`, `DELETE`, `DETACH DELETE`, `REMOVE` and `FOREACH` are refused:
"CREATE is not supported: Interlock queries are read-only".

**Patterns.** Labels `(:A)`, alternatives `(:A|B)`, several `(:A:B)`; property maps `{k: v}` on
nodes and relationships; relationship types and alternatives `[:T|U]`; `-->`, `<--` and
undirected `--`; variable length `*`, `*2`, `*1..3`, `*..5`, `*2..`, `*0..1`; several
comma-separated patterns; path variables `p = (...)`; `shortestPath(...)` and
`allShortestPaths(...)`; patterns as predicates in `WHERE` (`WHERE NOT (i)-[:SUPPORTS]->()`,
`exists((i)-->())`). Within one `MATCH` a relationship is used at most once (openCypher's
relationship uniqueness); nodes may repeat.

**Expressions.** Literals (integers, floats, strings in `'...'` or `"..."`, `true`, `false`,
`null`, lists, maps), properties `n.key`, parameters `$name`, `=`, `<>`, `<`, `<=`, `>`, `>=`
(and chains `a < b < c`), `AND`, `OR`, `XOR`, `NOT` with openCypher's three-valued logic (null is
"unknown": `null AND false` is false, `null OR true` is true, `null = null` is null), `IS [NOT]
NULL`, `IN`, `STARTS WITH`, `ENDS WITH`, `CONTAINS`, `=~` (the whole string must match; Java-style
syntax, `(?i)` for case-insensitive), `+ - * / % ^` (integers stay integers, overflow and integer
division by zero are errors), `+` on strings and lists, `CASE` (both forms), `n:Label`, list
indexing `l[0]`, `l[-1]` and slicing `l[1..3]`, list comprehensions `[x IN l WHERE p | f(x)]`,
`all`/`any`/`none`/`single(x IN l WHERE p)`.

**Functions.** `labels`, `type`, `id`, `keys`, `properties`, `startNode`, `endNode`, `size`,
`length`, `nodes`, `relationships`, `coalesce`, `head`, `last`, `tail`, `reverse`, `range`,
`toLower`, `toUpper`, `trim`, `lTrim`, `rTrim`, `replace`, `split`, `substring`, `left`, `right`,
`toString`, `toInteger`, `toFloat`, `toBoolean`, `date`, `exists`, `abs`, `ceil`, `floor`,
`round`, `sign`, `sqrt`. A null argument gives null (except `coalesce` and `exists`).
Aggregates: `count(*)`, `count(x)`, `count(DISTINCT x)`, `collect`, `sum`, `avg`, `min`, `max`
(nulls are skipped; `DISTINCT` works with each).

**Procedures.**

| procedure | yields | what |
| --- | --- | --- |
| `interlock.findings()` | `rule`, `severity`, `node`, `message`, `nodes`, `action` | the built-in detectors' findings, one row per node a finding involves, so that findings join with patterns |
| `interlock.blastRadius(id)` | `node`, `distance` | every node that transitively depends on `id` (an id string or a node): what `DEPENDS_ON`, `USES`, `READS`, `WRITES` or is `HOSTED_ON` it, directly or not; nearest first |
| `db.labels()` | `label` | the labels |
| `db.relationshipTypes()` | `relationshipType` | the relationship types |

**How it runs.** Each `MATCH` starts from its most selective node: one already bound, then one
found by id (`{id: 'x'}`, `WHERE n.id = $x` or `WHERE n.id IN [...]`), then the smallest label,
and expands along the pattern through the graph's adjacency lists. Each `WHERE` condition is
checked as soon as its variables are bound. Rows flow through the query one by one, so a
`LIMIT` stops the search early instead of materialising whole label sets.

A `MATCH` (not `OPTIONAL`) followed directly by a `WITH` or `RETURN` whose only aggregates are
`count(*)` and `count(x)` (no `DISTINCT`) counts its last hops instead of enumerating them when
nothing after it reads their nodes or relationships: `MATCH (a)-[:WRITES]->(d)<-[:READS]-(b)
RETURN d.id, count(*)` multiplies the writers and the readers of each data source rather than
making one row per pair. Hops are counted together only when their relationship types differ,
so that no two of them can be the same relationship; a `WHERE` or a grouping key that reads a
hop's node keeps that hop enumerated. The rows are the same either way.

## Differences from openCypher and Neo4j

- Read-only: no writing clauses; no `LOAD CSV`, `CALL { subquery }`, `EXISTS { ... }`,
  pattern comprehensions, `FOREACH`, temporal or spatial types. Dates are `YYYY-MM-DD` strings.
- A variable-length relationship without an upper bound (`*`, `*2..`) stops at
  **10 hops** (`QueryLimits.defaultMaximumHops`): every path is enumerated, which grows
  exponentially on dense graphs. For unbounded reachability use `shortestPath` (no bound) or
  `interlock.blastRadius`.
- `shortestPath` between a node and itself gives no path unless the lower bound is 0; the
  `WHERE` of a `shortestPath` match filters the path found, it does not steer the search.
- `id(n)` is Interlock's internal node number: stable for one portfolio, but not the id a
  database would give. Use the `id` property (`n.id`) to name things.
- Grouping and `DISTINCT` treat `1` and `1.0` as the same value (openCypher's equivalence).
- `ORDER BY` after an aggregation or `DISTINCT` may use the returned columns, or an expression
  written exactly as a returned one (`ORDER BY count(*)`).
- Reserved words (`BY`, `END`, `IN`, ...) cannot name variables or columns unless quoted in
  backticks.
- `=~` uses ICU regular expressions (close to Java's).

## Twenty risk questions on Samples/acme

Each query below runs against `Samples/acme` in the tests, which compare the rows with the
table shown, so these examples cannot drift from what the engine does.

### 1. Which initiatives serve no goal?

How each initiative serves the vision: work that serves no goal is the first candidate to stop.