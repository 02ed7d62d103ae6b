#!/usr/bin/env python3
"""Load `interlock export --format neo4j` into an embedded openCypher database and compare answers.

The Neo4j export is the way out for portfolios that outgrow one machine. This check proves that
the way out keeps its meaning: it exports a portfolio, loads the export's CSV files into
real-ladybug (the maintained fork of Kùzu, an embedded openCypher database installed with pip),
compares the node and relationship counts per label and type with the portfolio's own, then runs
every documented question of docs/queries.md ("Twenty risk questions"), every example rule of
its "Custom rules" and every custom rule of the portfolio in both engines and compares the rows.

A question runs in the database as written unless REWRITES below gives the stated rewrite
(docs/queries.md lists the same rewrites, and says why). Rows are compared as multisets of
values by position: column names differ between engines (Ladybug names a column by its
expression text), and rows tied under ORDER BY may come in either order. A node in a row is
compared by its `id`.

Exit status: 0 when everything agrees, 1 with every difference listed, 2 when something could
not run (missing package, failing export).

Examples:
    python3 scripts/check-neo4j-export-in-ladybug.py .build/debug/interlock Samples/acme
    python3 scripts/check-neo4j-export-in-ladybug.py .build/debug/interlock big.yaml --generated
"""

from __future__ import annotations

import argparse
import csv
import decimal
import json
import os
import re
import subprocess
import sys
import tempfile
from collections import Counter

try:
    import real_ladybug as ladybug
    import yaml
except ImportError as error:  # `make deps` installs both.
    sys.exit(f"check-neo4j-export-in-ladybug: {error.name} is missing; run `make deps` "
             "(python3 -m pip install real_ladybug pyyaml)")

NODE_FILE = re.compile(r"^nodes-(\w+)\.csv$")
RELATIONSHIP_FILE = re.compile(r"^relationships-(\w+)-(\w+)-(\w+)\.csv$")
# neo4j-admin header types → Ladybug column types.
COLUMN_TYPES = {"": "STRING", "string": "STRING", "double": "DOUBLE", "long": "INT64",
                "boolean": "BOOLEAN", "string[]": "STRING[]"}
# neo4j-admin's default array delimiter, which the export uses.
ARRAY_DELIMITER = ";"

# Queries whose text differs in Ladybug, by question number or rule id, with the reason (the
# same list is in docs/queries.md). The answers must still be the same rows.
REWRITES: dict[str, tuple[str, str]] = {
    "4": ("MATCH (i:Initiative)-[:USES]->(t:Technology) "
          "WHERE i.status <> 'retired' AND i.`end` > t.endOfLife "
          "RETURN i.id, i.`end`, t.id, t.endOfLife ORDER BY i.id",
          "`end` is a reserved word in Ladybug: quote it with backticks"),
    "5": ("MATCH (i:Initiative)-[u:USES]->(t:Technology) WHERE u.version IS NOT NULL "
          "WITH t, list_distinct(collect(string_split(u.version, '.')[1])) AS majors, "
          "collect(i.id + '@' + u.version) AS uses WHERE size(majors) > 1 "
          "RETURN t.id, majors, uses ORDER BY t.id",
          "no split(): string_split(), and lists are indexed from 1; Ladybug 0.15.3 returns "
          "null for the other aggregates of a group that has a DISTINCT one: list_distinct()"),
    "8": ("MATCH (d:DataSource) WITH d.domain AS domain, collect(d.id) AS sources, "
          "sum(CASE WHEN d.systemOfRecord = true THEN 1 ELSE 0 END) AS systemsOfRecord "
          "WHERE size(sources) > 1 RETURN domain, sources, systemsOfRecord ORDER BY domain",
          "Ladybug 0.15.3 evaluates `CASE WHEN d.systemOfRecord` wrongly after a WHERE "
          "(0 for true, rows repeated): compare with `= true`"),
    "12": ("MATCH (i:Initiative)-[:OWNED_BY]->(o) WHERE i.status <> 'retired' "
           "RETURN o.id AS owner, label(o) AS kind, count(i) AS initiatives, "
           "sum(coalesce(i.budget, 0)) AS budget ORDER BY budget DESC, owner LIMIT 5",
           "no labels(): a node has one label, label(o); the sum of nulls only is null in Ladybug "
           "(0 in openCypher), and sorts first: coalesce()"),
    "14": ("MATCH (n:Technology:DataSource) WHERE NOT (n)-[:OWNED_BY]->() "
           "RETURN label(n) AS kind, n.id ORDER BY kind, n.id",
           "no label predicates in WHERE: `(n:Technology:DataSource)` means either label; label(n)"),
    "16": ("MATCH (node:Initiative)-[r:DEPENDS_ON|USES|READS|WRITES|HOSTED_ON* SHORTEST 1..30]->"
           "(:Technology {id: 'entra-id'}) "
           "RETURN length(r) AS distance, count(*) AS initiatives, sum(node.budget) AS budget "
           "ORDER BY distance",
           "no interlock.blastRadius: a shortest path to the node over the same relationships"),
    "17": ("MATCH (t:Technology)<-[:USES|DEPENDS_ON]-(i:Initiative) WHERE i.status <> 'retired' "
           "WITH t, i, count(*) AS links "
           "RETURN t.id, count(i) AS dependents, sum(i.budget * links) AS budget "
           "ORDER BY dependents DESC, t.id LIMIT 5",
           "Ladybug 0.15.3 returns null for the other aggregates of a group that has a DISTINCT "
           "one: count each initiative once per technology first"),
    "18": ("MATCH p = (a:Initiative)-[:DEPENDS_ON* TRAIL 1..30]->(a) "
           "RETURN DISTINCT list_transform(nodes(p), n -> n.id) AS cycle ORDER BY size(cycle)",
           "no list comprehension: list_transform(); paths are walks unless TRAIL is asked for; "
           "no ORDER BY on a list"),
    "19": ("MATCH (a:Initiative)-[:DEPENDS_ON]->(b:Initiative) "
           "WHERE b.status <> 'live' AND a.start < b.`end` "
           "RETURN a.id, a.start, b.id, b.`end` ORDER BY a.id, b.id",
           "`end` is a reserved word in Ladybug: quote it with backticks"),
    "starts-before-dependency": (
        "MATCH (a:Initiative)-[:DEPENDS_ON]->(b:Initiative) "
        "WHERE b.status <> 'live' AND a.start < b.`end` "
        "RETURN a, b, a.name AS initiative, a.start AS start, b.name AS dependency, b.`end` AS ready "
        "ORDER BY a.id, b.id",
        "`end` is a reserved word in Ladybug: quote it with backticks"),
    "20": ("MATCH p = (a:Initiative {id: 'remote-assist'})-[:DEPENDS_ON|USES|READS|WRITES* SHORTEST 1..30]-"
           "(b:Initiative {id: 'b2b-eshop'}) "
           "RETURN list_transform(nodes(p), n -> n.id) AS route, length(p) AS hops",
           "no shortestPath(): `* SHORTEST 1..30`; no list comprehension: list_transform()"),
}
# Questions that need Interlock's own procedures, which a database does not have.
UNAVAILABLE = {"21": "interlock.findings() is the analysis: load `interlock check --format json` instead"}


def run(command: list[str]) -> str:
    result = subprocess.run(command, capture_output=True, text=True)
    if result.returncode != 0:
        sys.exit(f"check-neo4j-export-in-ladybug: `{' '.join(command)}` failed "
                 f"({result.returncode}):\n{result.stderr}")
    return result.stdout


def header_columns(header: list[str]) -> list[tuple[str, str]]:
    """The (name, Ladybug type) of each property column; `:LABEL`, `:TYPE` and ids excluded."""
    columns = []
    for field in header:
        name, _, kind = field.partition(":")
        if name and kind != "ID" and kind not in ("START_ID", "END_ID"):
            columns.append((name, COLUMN_TYPES[kind]))
    return columns


def ladybug_csv(source: str, target: str, id_fields: list[str], columns: list[tuple[str, str]]) -> None:
    """Rewrite a neo4j-admin CSV as Ladybug's COPY reads it: ids first, lists as `[a,b]`."""
    with open(source, newline="", encoding="utf-8") as input_file, \
            open(target, "w", newline="", encoding="utf-8") as output_file:
        reader = csv.DictReader(input_file)
        writer = csv.writer(output_file)
        by_name = {field.partition(":")[0]: field for field in reader.fieldnames or []}
        writer.writerow([*id_fields, *(name for name, _ in columns)])
        for row in reader:
            values = [row[field] for field in id_fields]
            for name, kind in columns:
                value = row[by_name[name]]
                if kind == "STRING[]":
                    items = [item for item in value.split(ARRAY_DELIMITER) if item] if value else []
                    value = "[" + ",".join(items) + "]"
                values.append(value)
            writer.writerow(values)


def load(export: str, connection) -> tuple[Counter, Counter]:
    """Create one node table per label and one relationship table per type, and COPY the files."""
    files = sorted(os.listdir(export))
    node_counts, relationship_counts = Counter(), Counter()
    staging = tempfile.mkdtemp(prefix="ladybug-csv-")
    for name in files:
        match = NODE_FILE.match(name)
        if not match:
            continue
        label = match.group(1)
        with open(os.path.join(export, name), newline="", encoding="utf-8") as file:
            header = next(csv.reader(file))
        columns = header_columns(header)
        definitions = ", ".join(f"`{column}` {kind}" for column, kind in columns)
        connection.execute(f"CREATE NODE TABLE {label}(id STRING PRIMARY KEY"
                           f"{', ' + definitions if definitions else ''})")
        staged = os.path.join(staging, name)
        ladybug_csv(os.path.join(export, name), staged, ["id:ID"], columns)
        connection.execute(f"COPY {label} FROM '{staged}' (header=true)")
    pairs: dict[str, list[tuple[str, str, str]]] = {}
    for name in files:
        match = RELATIONSHIP_FILE.match(name)
        if match:
            pairs.setdefault(match.group(1), []).append((match.group(2), match.group(3), name))
    for relationship_type, members in sorted(pairs.items()):
        with open(os.path.join(export, members[0][2]), newline="", encoding="utf-8") as file:
            columns = header_columns(next(csv.reader(file)))
        definitions = "".join(f", `{column}` {kind}" for column, kind in columns)
        ends = ", ".join(f"FROM {start} TO {end}" for start, end, _ in members)
        connection.execute(f"CREATE REL TABLE {relationship_type}({ends}{definitions})")
        for start, end, name in members:
            staged = os.path.join(staging, name)
            ladybug_csv(os.path.join(export, name), staged, [":START_ID", ":END_ID"], columns)
            connection.execute(f"COPY {relationship_type} FROM '{staged}' "
                               f"(from='{start}', to='{end}', header=true)")
    for label in (NODE_FILE.match(name).group(1) for name in files if NODE_FILE.match(name)):
        node_counts[label] = single(connection, f"MATCH (n:{label}) RETURN count(n)")
    for relationship_type in pairs:
        relationship_counts[relationship_type] = single(
            connection, f"MATCH ()-[r:{relationship_type}]->() RETURN count(r)")
    return node_counts, relationship_counts


def single(connection, query: str):
    result = connection.execute(query)
    return result.get_next()[0]


def rows_in_ladybug(connection, query: str) -> list[list]:
    result = connection.execute(query)
    rows = []
    while result.has_next():
        rows.append([normalised(value) for value in result.get_next()])
    return rows


class QueryRefused(Exception):
    """`interlock query` exited with 2: a bad query, or one naming an id the portfolio lacks."""


def rows_in_interlock(interlock: str, portfolio: str, query: str) -> list[list]:
    result = subprocess.run([interlock, "query", portfolio, query, "--format", "json"],
                            capture_output=True, text=True)
    if result.returncode == 2:
        raise QueryRefused(result.stderr.strip().splitlines()[0] if result.stderr.strip() else "exit 2")
    if result.returncode != 0:
        sys.exit(f"check-neo4j-export-in-ladybug: `interlock query` failed ({result.returncode}):\n"
                 f"{result.stderr}")
    output = result.stdout
    return [[normalised(value) for value in row.values()] for row in json.loads(output)]


def normalised(value):
    """One comparable form: numbers as floats, nodes by id, lists and maps element-wise.

    A list is compared as a multiset: `collect()` gathers in an unspecified order in openCypher,
    and the engines do differ there.
    """
    if isinstance(value, bool) or value is None or isinstance(value, str):
        return value
    if isinstance(value, (int, float, decimal.Decimal)):
        return float(value)
    if isinstance(value, list):
        return sorted((normalised(item) for item in value), key=lambda item: json.dumps(item))
    if isinstance(value, dict):
        if "_LABEL" in value:  # A Ladybug node.
            return {"node": value.get("id")}
        if set(value) == {"label", "properties"}:  # An Interlock node in JSON.
            return {"node": value["properties"].get("id")}
        return {key: normalised(item) for key, item in value.items()}
    return repr(value)


def multiset(rows: list[list]) -> Counter:
    return Counter(json.dumps(row, sort_keys=True) for row in rows)


def documented_questions(queries_markdown: str) -> list[tuple[str, str, str]]:
    """(number, title, query) of each question under "Twenty risk questions"."""
    section = queries_markdown.split("## Twenty risk questions", 1)[1].split("\n## ", 1)[0]
    questions = []
    for block in re.split(r"^### ", section, flags=re.MULTILINE)[1:]:
        title = block.splitlines()[0].strip()
        query = re.search(r"```cypher\n(.*?)```", block, flags=re.DOTALL)
        if query:
            questions.append((title.split(".", 1)[0], title, query.group(1).strip()))
    return questions


def documented_rules(queries_markdown: str) -> list[tuple[str, str, str]]:
    """(rule id, title, query) of each example rule under "Custom rules"."""
    section = queries_markdown.split("## Custom rules", 1)[1].split("\n## ", 1)[0]
    examples = section.split("\n### ", 1)[1]  # Before the first example: the format, with "...".
    rules = []
    for block in re.findall(r"```yaml\n(.*?)```", examples, flags=re.DOTALL):
        for rule in (yaml.safe_load(block) or {}).get("rules", []):
            rules.append((rule["id"], f"documented rule {rule['id']}", rule["query"].strip()))
    return rules


def custom_rules(portfolio: str) -> list[tuple[str, str, str]]:
    """(rule id, title, query) of each custom rule in the portfolio's YAML files."""
    rules = []
    files = sorted(os.path.join(portfolio, name) for name in os.listdir(portfolio)) \
        if os.path.isdir(portfolio) else [portfolio]
    for path in files:
        if path.endswith((".yaml", ".yml")):
            with open(path, encoding="utf-8") as file:
                document = yaml.safe_load(file) or {}
            for rule in document.get("rules", []) if isinstance(document, dict) else []:
                rules.append((rule["id"], f"rule {rule['id']}", rule["query"].strip()))
    return rules


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n", 1)[0])
    parser.add_argument("interlock", help="the interlock executable")
    parser.add_argument("portfolio", help="a portfolio file or folder")
    parser.add_argument("--generated", action="store_true",
                        help="a portfolio without the sample's ids: skip the questions that name "
                             "them (Interlock refuses those) instead of failing")
    arguments = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="neo4j-export-") as work:
        return compare(arguments.interlock, arguments.portfolio, arguments.generated, work)


def compare(interlock: str, portfolio: str, generated: bool, work: str) -> int:
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    export = os.path.join(work, "export")
    run([interlock, "export", portfolio, "--format", "neo4j", "-o", export])
    connection = ladybug.Connection(ladybug.Database(os.path.join(work, "database")))
    node_counts, relationship_counts = load(export, connection)

    failures = []
    for label, count in sorted(node_counts.items()):
        expected = rows_in_interlock(interlock, portfolio, f"MATCH (n:{label}) RETURN count(n)")[0][0]
        if float(count) != expected:
            failures.append(f"{label}: {count} nodes in Ladybug, {expected:.0f} in Interlock")
    for relationship_type, count in sorted(relationship_counts.items()):
        expected = rows_in_interlock(interlock, portfolio,
                                     f"MATCH ()-[r:{relationship_type}]->() RETURN count(r)")[0][0]
        if float(count) != expected:
            failures.append(f"{relationship_type}: {count} relationships in Ladybug, "
                            f"{expected:.0f} in Interlock")

    with open(os.path.join(root, "docs", "queries.md"), encoding="utf-8") as file:
        documentation = file.read()
    checks = documented_questions(documentation) + documented_rules(documentation) + custom_rules(portfolio)
    skipped = []
    for key, title, query in checks:
        if key in UNAVAILABLE:
            continue
        ladybug_query = REWRITES.get(key, (query, ""))[0]
        try:
            expected = rows_in_interlock(interlock, portfolio, query)
        except QueryRefused as refusal:
            if not generated:
                failures.append(f"{title}: Interlock refused the query: {refusal}")
            skipped.append(title)
            continue
        try:
            actual = rows_in_ladybug(connection, ladybug_query)
        except RuntimeError as error:
            failures.append(f"{title}: Ladybug refused the query: {error}")
            continue
        if multiset(actual) != multiset(expected):
            failures.append(f"{title}: rows differ\n  Interlock: {expected}\n  Ladybug:   {actual}")
    print(f"Neo4j export of {portfolio} in real-ladybug {ladybug.__version__}: "
          f"{sum(node_counts.values())} nodes, {sum(relationship_counts.values())} relationships, "
          f"{len(checks) - len(UNAVAILABLE) - len(skipped)} queries compared (rewritten as "
          f"docs/queries.md says where Ladybug differs; {len(UNAVAILABLE)} not available there, "
          f"{len(skipped)} naming ids this portfolio lacks), {len(failures)} differences")
    for failure in failures:
        print(f"- {failure}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
