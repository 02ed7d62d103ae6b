#!/usr/bin/env python3
"""Time the same graph queries in Interlock and in Kùzu, an embedded Cypher database.

Both answer over the same generated portfolio: Interlock reads the portfolio file
(`interlock query PORTFOLIO QUERY --timings`, whose `query` line is the query alone, after
load, build and the columns of number and choice properties), Kùzu loads the CSV folder `interlock export PORTFOLIO --format csv -o FOLDER`
wrote (one node table per label, one relationship table per type) into a fresh database.
Query time excludes loading on both sides; for Kùzu it covers `execute` and fetching every row,
as Interlock's covers running the query into its rows. Each query runs --repeats times on each
side and medians are printed with the ratio Interlock / Kùzu (below 1: Interlock is faster),
with each side's row count, so a different answer shows as well as a slow one.

Example:
    interlock export big.json --format csv -o big-csv
    python3 Benchmarks/peers/cypher_peers.py big.json big-csv --interlock .build/release/interlock
"""

from __future__ import annotations

import argparse
import importlib
import csv
import glob
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from dataclasses import dataclass, field
from typing import Optional

# The properties that are not strings (docs/queries.md); tags stay text (a Cypher list literal).
PROPERTY_TYPES = {"budget": "DOUBLE", "systemOfRecord": "BOOLEAN", "active": "BOOLEAN"}
NODE_FILE = re.compile(r"^nodes-(\w+)\.csv$")
RELATIONSHIP_FILE = re.compile(r"^relationships-(\w+)-(\w+)-(\w+)\.csv$")
DURATION = re.compile(r"^query\s+([0-9.eE+-]+)\s*(seconds|ms|milliseconds|µs|us|ns)?\s*$", re.MULTILINE)
UNITS = {None: 1.0, "seconds": 1.0, "ms": 1e-3, "milliseconds": 1e-3, "µs": 1e-6, "us": 1e-6, "ns": 1e-9}


@dataclass
class Query:
    name: str
    text: str
    parameters: dict = field(default_factory=dict)


def queries(start: str) -> list[Query]:
    """The experiments of issue #5, written in the Cypher both engines accept."""
    return [
        Query("one-hop filter",
              "MATCH (i:Initiative)-[:USES]->(t:Technology) "
              "WHERE t.lifecycle = 'hold' AND i.status <> 'retired' RETURN i.id, t.id"),
        Query("two-hop shared data source, count",
              "MATCH (a:Initiative)-[:WRITES]->(d:DataSource)<-[:READS]-(b:Initiative) "
              "RETURN d.id, count(*) AS pairs ORDER BY pairs DESC, d.id LIMIT 10"),
        Query("*1..3 from one node",
              "MATCH (a:Initiative {id: $start})-[:DEPENDS_ON*1..3]->(b) RETURN count(DISTINCT b) AS reached",
              {"start": start}),
        Query("group by capability, count > 1",
              "MATCH (i:Initiative)-[:DELIVERS]->(c:Capability) WITH c, count(i) AS n WHERE n > 1 "
              "RETURN c.id, n"),
        # The everyday shapes of issue #11.
        Query("top 10 by budget",
              "MATCH (i:Initiative) RETURN i.id, i.budget ORDER BY i.budget DESC, i.id LIMIT 10"),
        Query("aggregates by status",
              "MATCH (i:Initiative) RETURN i.status, count(*) AS n, sum(i.budget) AS total, "
              "min(i.budget) AS low ORDER BY i.status"),
        Query("OPTIONAL MATCH + count",
              "MATCH (t:Technology) OPTIONAL MATCH (t)<-[:USES]-(i:Initiative) "
              "RETURN t.id, count(i) AS users ORDER BY users DESC, t.id LIMIT 10"),
        Query("NOT pattern",
              "MATCH (i:Initiative) WHERE NOT EXISTS { MATCH (i)-[:SUPPORTS]->(:Goal) } RETURN count(*) AS unaligned"),
        Query("unit-initiative-technology count DISTINCT",
              "MATCH (u:Unit)<-[:IN_UNIT]-(i:Initiative)-[:USES]->(t:Technology) "
              "RETURN t.id, count(DISTINCT u) AS units ORDER BY units DESC, t.id LIMIT 10"),
    ]


# MARK: - Kùzu


# The peers: the name printed, and the Python module (from pip: kuzu, real_ladybug).
PEERS = {"kuzu": ("Kùzu", "kuzu"), "ladybug": ("real-ladybug", "real_ladybug")}


def header(path: str) -> list[str]:
    with open(path, newline="", encoding="utf-8") as handle:
        return next(csv.reader(handle))


def load_kuzu(engine, folder: str, database: str, threads: int):
    """A connection of `engine` (the kuzu or real_ladybug module, which share their API) over a
    new database holding the exported CSV files, and the load seconds."""
    started = time.perf_counter()
    db = engine.Database(database, max_num_threads=threads)
    connection = engine.Connection(db, num_threads=threads)
    files = sorted(os.listdir(folder))
    for name in files:
        match = NODE_FILE.match(name)
        if not match:
            continue
        columns = [f"`{column}` {PROPERTY_TYPES.get(column, 'STRING')}" for column in header(os.path.join(folder, name))]
        connection.execute(f"CREATE NODE TABLE {match.group(1)}({', '.join(columns)}, PRIMARY KEY (id))")
        connection.execute(f"COPY {match.group(1)} FROM '{os.path.join(folder, name)}' (header=true)")
    pairs: dict[str, list] = {}
    for name in files:
        match = RELATIONSHIP_FILE.match(name)
        if match:
            pairs.setdefault(match.group(1), []).append((match.group(2), match.group(3), name))
    for relationship, ends in pairs.items():
        extra = [column for column in header(os.path.join(folder, ends[0][2]))[2:]]
        body = ", ".join([f"FROM {source} TO {target}" for source, target, _ in ends] + [f"`{column}` STRING" for column in extra])
        connection.execute(f"CREATE REL TABLE {relationship}({body})")
        for source, target, name in ends:
            path = os.path.join(folder, name)
            options = f"from='{source}', to='{target}', header=true" if len(ends) > 1 else "header=true"
            connection.execute(f"COPY {relationship} FROM '{path}' ({options})")
    return db, connection, time.perf_counter() - started


def run_kuzu(connection, query: Query):
    started = time.perf_counter()
    result = connection.execute(query.text, query.parameters)
    rows = []
    while result.has_next():
        rows.append(result.get_next())
    return time.perf_counter() - started, normalised(rows)


# MARK: - Interlock


def run_interlock(command: str, portfolio: str, query: Query, timeout: float):
    arguments = [command, "query", portfolio, query.text, "--timings", "--format", "csv"]
    for name, value in query.parameters.items():
        arguments += ["--param", f"{name}={value}"]
    process = subprocess.run(arguments, capture_output=True, text=True, timeout=timeout)
    if process.returncode != 0:
        raise RuntimeError(f"interlock query failed ({process.returncode}): {process.stderr.strip()[:200]}")
    match = DURATION.search(process.stderr)
    if not match:
        raise RuntimeError(f"interlock query printed no 'query' timing: {process.stderr.strip()[:200]}")
    rows = list(csv.reader(process.stdout.splitlines()))[1:]
    return float(match.group(1)) * UNITS[match.group(2)], normalised(rows)


# MARK: - Choosing the start node and reporting


def normalised(rows) -> list:
    """Rows as sorted tuples of text, so both engines' answers compare whatever their row order."""
    def text(value) -> str:
        if isinstance(value, float) and value.is_integer():
            return str(int(value))
        return "" if value is None else str(value)
    return sorted(tuple(text(value) for value in row) for row in rows)


def busiest_initiative(folder: str) -> str:
    """The initiative with the most DEPENDS_ON edges (the first in file order among equals)."""
    counts: Counter = Counter()
    for path in sorted(glob.glob(os.path.join(folder, "relationships-DEPENDS_ON-Initiative-*.csv"))):
        with open(path, newline="", encoding="utf-8") as handle:
            reader = csv.reader(handle)
            next(reader)
            counts.update(row[0] for row in reader)
    if not counts:
        raise SystemExit(f"{folder}: no DEPENDS_ON relationships to start an expansion from")
    return counts.most_common(1)[0][0]


def main(arguments=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                     formatter_class=argparse.RawDescriptionHelpFormatter, epilog=__doc__)
    parser.add_argument("portfolio", help="the portfolio file Interlock queries")
    parser.add_argument("csv", help="the folder `interlock export PORTFOLIO --format csv -o FOLDER` wrote")
    parser.add_argument("--interlock", default=".build/release/interlock", help="the interlock command")
    parser.add_argument("--repeats", type=int, default=5, help="runs per query and engine; medians are reported")
    parser.add_argument("--threads", type=int, default=2, help="the peer's threads (default 2, the machine's cores)")
    parser.add_argument("--peer", choices=sorted(PEERS), default="kuzu",
                        help="the embedded database compared with: kuzu (archived) or ladybug (real-ladybug, its maintained fork); "
                             "the two cannot be loaded in one Python process, so each runs in its own invocation")
    parser.add_argument("--start", help="initiative id the *1..3 expansion starts from (default: the one with most dependencies)")
    parser.add_argument("--timeout", type=float, default=600, help="seconds before one interlock query is stopped")
    parser.add_argument("--json", metavar="FILE", help="also write the results as JSON to FILE")
    parser.add_argument("--only", action="append", metavar="NAME",
                        help="run only the query of this name (as the table prints it); may be repeated")
    options = parser.parse_args(arguments)
    if options.repeats < 1:
        parser.error("--repeats must be at least 1")

    start = options.start or busiest_initiative(options.csv)
    experiments = queries(start)
    if options.only:
        unknown = set(options.only) - {query.name for query in experiments}
        if unknown:
            parser.error(f"no query named {', '.join(sorted(unknown))}; the names are: "
                         + ", ".join(query.name for query in experiments))
        experiments = [query for query in experiments if query.name in options.only]
    results = []
    peer_name, module_name = PEERS[options.peer]
    try:
        engine = importlib.import_module(module_name)
        version = getattr(engine, "__version__", "?")
    except ImportError:
        engine, version = None, None
    folder = tempfile.mkdtemp(prefix="cypher-peers-")
    try:
        connection, load_seconds = None, None
        if engine is not None:
            database, connection, load_seconds = load_kuzu(engine, options.csv, os.path.join(folder, "db"), options.threads)
        for query in experiments:
            ours = [run_interlock(options.interlock, options.portfolio, query, options.timeout) for _ in range(options.repeats)]
            theirs = [run_kuzu(connection, query) for _ in range(options.repeats)] if connection else []
            results.append({
                "query": query.name, "text": query.text, "parameters": query.parameters,
                "interlock": [seconds for seconds, _ in ours], "interlockRows": len(ours[-1][1]),
                "kuzu": [seconds for seconds, _ in theirs], "kuzuRows": len(theirs[-1][1]) if theirs else None,
                "sameAnswer": None if not theirs else ours[-1][1] == theirs[-1][1],
            })
    finally:
        shutil.rmtree(folder, ignore_errors=True)

    kuzu_note = f"{peer_name} {version}, {options.threads} threads, load {load_seconds:.2f} s" if version else \
        f"{peer_name} not installed (pip install {module_name}): Interlock alone"
    print(f"Cypher peers on {options.portfolio}: median of {options.repeats} run(s); {kuzu_note}; "
          f"*1..3 starts at {start}; ratio = Interlock / {peer_name} (below 1: Interlock is faster)")
    rows = [["query", "interlock ms", f"{options.peer} ms", "ratio", f"rows (interlock / {options.peer})"]]
    for result in results:
        ours = statistics.median(result["interlock"]) * 1000
        theirs = statistics.median(result["kuzu"]) * 1000 if result["kuzu"] else None
        same = "  DIFFERENT ANSWER" if result["sameAnswer"] is False else ""
        rows.append([result["query"], f"{ours:.1f}", "-" if theirs is None else f"{theirs:.1f}",
                     "-" if not theirs else f"{ours / theirs:.2f}x",
                     f"{result['interlockRows']} / {result['kuzuRows'] if result['kuzuRows'] is not None else '-'}{same}"])
    widths = [max(len(row[column]) for row in rows) for column in range(len(rows[0]))]
    for row in rows:
        print("  ".join(cell.ljust(width) if column in (0, 4) else cell.rjust(width)
                        for column, (cell, width) in enumerate(zip(row, widths))).rstrip())
    if options.json:
        with open(options.json, "w", encoding="utf-8") as handle:
            json.dump({"portfolio": options.portfolio, "peer": options.peer, "kuzuVersion": version, "kuzuLoadSeconds": load_seconds,
                       "threads": options.threads, "start": start, "results": results}, handle, indent=2)
            handle.write("\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
