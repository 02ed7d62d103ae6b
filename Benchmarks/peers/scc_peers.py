#!/usr/bin/env python3
"""Time strongly connected components (SCC) on one edge list with the peers of Interlock.

The edge list is a text file whose first line is ``# nodes N edges M`` followed by M lines
``src dst`` of integer node ids in ``0..N-1``. In one run, for each peer, the script times the
load (parse the file and build the peer's graph) and the SCC computation separately, repeats
both, and prints medians with ratios against a baseline:

- networkx: ``nx.strongly_connected_components`` over an ``nx.DiGraph``;
- igraph:   ``Graph.connected_components(mode="strong")``;
- scipy:    ``scipy.sparse.csgraph.connected_components(connection="strong")`` over a CSR matrix;
- sccmap:   Graphviz's ``sccmap -s`` as a subprocess; its load is writing the DOT file, its SCC
            time includes sccmap parsing that DOT file. sccmap recurses once per node on a path,
            so long chains may overflow its stack: that is reported as a failure, not a crash.
- interlock (with ``--interlock CMD``): any command that prints its own timings, one per line,
  such as ``scc 0.0123 s`` or ``dependency-cycle  0.0123 seconds`` (``interlock check
  --timings``). Lines whose key matches ``--scc-keys`` are summed into the SCC time and those
  matching ``--load-keys`` into the load time. ``{edges}`` in CMD is replaced by the edge list.

A peer that is not installed or fails is reported as ``skipped: reason`` or ``failed: reason``
and the others still run. Every peer's count of non-trivial components (more than one node) and
largest component are shown, so a wrong answer is as visible as a slow one.

Example:
    python3 Benchmarks/peers/scc_peers.py graph.edges --repeats 5 \\
        --interlock '.build/release/interlock-bench scc {edges}' --baseline interlock
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import re
import resource
import shlex
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from typing import Callable, Optional

HEADER = re.compile(r"^#\s*nodes\s+(\d+)\s+edges\s+(\d+)\s*$")
UNITS = {"s": 1.0, "sec": 1.0, "seconds": 1.0, "second": 1.0, "ms": 1e-3, "milliseconds": 1e-3,
         "us": 1e-6, "µs": 1e-6, "microseconds": 1e-6, "ns": 1e-9, "nanoseconds": 1e-9}
TIMING_LINE = re.compile(r"^\s*([A-Za-z][\w.-]*)\s*[:=]?\s+([0-9]*\.?[0-9]+(?:[eE][-+]?[0-9]+)?)\s*([a-zµ]*)\s*$")


class PeerSkipped(Exception):
    """The peer cannot run here (not installed); the reason is shown instead of timings."""


class PeerFailed(Exception):
    """The peer ran and failed (crash, timeout, error); the reason is shown instead of timings."""


@dataclass
class Components:
    """What a peer found: the sizes of the components with more than one node."""
    nontrivial: int
    largest: int

    @staticmethod
    def from_sizes(sizes) -> "Components":
        big = [size for size in sizes if size > 1]
        return Components(len(big), max(big, default=1))


@dataclass
class Run:
    load: float
    scc: float
    components: Optional[Components]


@dataclass
class PeerResult:
    name: str
    runs: list = field(default_factory=list)
    status: str = "ok"       # ok, skipped, failed
    reason: str = ""
    notes: list = field(default_factory=list)

    def median(self, attribute: str) -> Optional[float]:
        values = [getattr(run, attribute) for run in self.runs]
        return statistics.median(values) if values else None

    def total(self) -> Optional[float]:
        totals = [run.load + run.scc for run in self.runs]
        return statistics.median(totals) if totals else None


# MARK: - Reading the edge list


@dataclass
class EdgeList:
    path: str
    nodes: int
    edges: int


def read_header(path: str) -> EdgeList:
    with open(path, "r", encoding="ascii", errors="replace") as handle:
        first = handle.readline()
    match = HEADER.match(first.strip())
    if not match:
        raise SystemExit(f"{path}:1: expected a first line '# nodes N edges M', found {first.strip()[:60]!r}")
    return EdgeList(path, int(match.group(1)), int(match.group(2)))


def parse_edges(edge_list: EdgeList):
    """The edges as two numpy arrays (sources, targets), checked against the header."""
    import numpy as np

    with open(edge_list.path, "rb") as handle:
        handle.readline()
        text = handle.read()
    # Text-mode fromstring is ten times faster than splitting; it stops at the first non-number,
    # which the count checks below then report.
    numbers = np.fromstring(text, dtype=np.int64, sep=" ") if text.strip() else np.zeros(0, dtype=np.int64)
    if numbers.size % 2:
        raise SystemExit(f"{edge_list.path}: an odd count of numbers; every line must be 'src dst'")
    pairs = numbers.reshape(-1, 2)
    if len(pairs) != edge_list.edges:
        raise SystemExit(f"{edge_list.path}: the header says {edge_list.edges} edges, the file has {len(pairs)}")
    if len(pairs) and (pairs.min() < 0 or pairs.max() >= edge_list.nodes):
        raise SystemExit(f"{edge_list.path}: node ids must lie in 0..{edge_list.nodes - 1}")
    return pairs[:, 0], pairs[:, 1]


# MARK: - Peers


def time_call(function: Callable):
    start = time.perf_counter()
    value = function()
    return time.perf_counter() - start, value


def run_networkx(edge_list: EdgeList, options) -> Run:
    try:
        import networkx as nx
    except ImportError as error:
        raise PeerSkipped(f"networkx not installed ({error.name})")

    def load():
        sources, targets = parse_edges(edge_list)
        graph = nx.DiGraph()
        graph.add_nodes_from(range(edge_list.nodes))
        graph.add_edges_from(zip(sources.tolist(), targets.tolist()))
        return graph

    load_time, graph = time_call(load)
    scc_time, sizes = time_call(lambda: [len(component) for component in nx.strongly_connected_components(graph)])
    return Run(load_time, scc_time, Components.from_sizes(sizes))


def run_igraph(edge_list: EdgeList, options) -> Run:
    try:
        import igraph as ig
    except ImportError as error:
        raise PeerSkipped(f"igraph not installed ({error.name}); pip install igraph")

    def load():
        import numpy as np
        sources, targets = parse_edges(edge_list)
        return ig.Graph(n=edge_list.nodes, edges=np.column_stack((sources, targets)), directed=True)

    load_time, graph = time_call(load)
    scc_time, clustering = time_call(lambda: graph.connected_components(mode="strong"))
    return Run(load_time, scc_time, Components.from_sizes(clustering.sizes()))


def run_scipy(edge_list: EdgeList, options) -> Run:
    try:
        import numpy as np
        from scipy.sparse import csr_matrix
        from scipy.sparse.csgraph import connected_components
    except ImportError as error:
        raise PeerSkipped(f"scipy not installed ({error.name})")

    def load():
        sources, targets = parse_edges(edge_list)
        weights = np.ones(len(sources), dtype=np.int8)
        return csr_matrix((weights, (sources, targets)), shape=(edge_list.nodes, edge_list.nodes))

    load_time, matrix = time_call(load)
    scc_time, (_, labels) = time_call(lambda: connected_components(matrix, directed=True, connection="strong"))
    return Run(load_time, scc_time, Components.from_sizes(np.bincount(labels)))


def raise_stack_limit():
    """Runs in the child before exec: the largest stack the hard limit allows."""
    _, hard = resource.getrlimit(resource.RLIMIT_STACK)
    resource.setrlimit(resource.RLIMIT_STACK, (hard, hard))


def run_subprocess(command, options, shell=False, preexec=None, accepted=(0,)):
    """Runs a peer's command; returns (wall seconds, completed process) or raises PeerFailed."""
    start = time.perf_counter()
    # A session of its own, so a timeout stops the command's children too (shell=True forks).
    process = subprocess.Popen(command, shell=shell, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                               preexec_fn=preexec, start_new_session=True)
    try:
        stdout, stderr = process.communicate(timeout=options.timeout)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.communicate()
        raise PeerFailed(f"timed out after {options.timeout:g} s")
    wall = time.perf_counter() - start
    if process.returncode not in accepted:
        raise PeerFailed(describe_exit(process.returncode, stderr))
    return wall, subprocess.CompletedProcess(command, process.returncode, stdout, stderr)


def describe_exit(status: int, stderr: str) -> str:
    if status < 0:
        name = {11: "SIGSEGV", 6: "SIGABRT", 9: "SIGKILL", 7: "SIGBUS"}.get(-status, f"signal {-status}")
        hint = ", likely a stack overflow (try --raise-stack)" if -status in (7, 11) else ""
        return f"crashed with {name}{hint}"
    last = stderr.strip().splitlines()[-1:] or ["no message"]
    return f"exit status {status}: {last[0][:120]}"


def run_sccmap(edge_list: EdgeList, options) -> Run:
    program = shutil.which("sccmap")
    if program is None:
        raise PeerSkipped("sccmap not found; apt-get install graphviz")
    with tempfile.TemporaryDirectory(prefix="scc-peers-") as folder:
        dot_path = os.path.join(folder, "graph.dot")

        def load():
            sources, targets = parse_edges(edge_list)
            with open(dot_path, "w", encoding="ascii") as dot:
                dot.write("digraph G {\n")
                # Every node, so isolated ones count too; then the edges.
                dot.write("".join(f"{node};\n" for node in range(edge_list.nodes)))
                dot.write("".join(f"{source} -> {target};\n" for source, target in zip(sources.tolist(), targets.tolist())))
                dot.write("}\n")

        load_time, _ = time_call(load)
        scc_time, process = run_subprocess([program, "-s", dot_path], options,
                                           preexec=raise_stack_limit if options.raise_stack else None)
        # `sccmap -s` prints "N nodes, M edges, K strong components" (K counts non-trivial ones only).
        match = re.search(r"(\d+) nodes, (\d+) edges, (\d+) strong components", process.stderr + process.stdout)
        components = Components(int(match.group(3)), 0) if match else None
        return Run(load_time, scc_time, components)


def run_interlock(edge_list: EdgeList, options) -> Run:
    command = options.interlock.replace("{edges}", shlex.quote(edge_list.path))
    # Exit status 1 may mean "findings found" (interlock check); only worse is a failure.
    wall, process = run_subprocess(command, options, shell=True, accepted=(0, 1))
    scc_keys, load_keys = re.compile(options.scc_keys), re.compile(options.load_keys)
    scc = load = None
    for line in (process.stdout + "\n" + process.stderr).splitlines():
        match = TIMING_LINE.match(line)
        if not match or match.group(3) not in UNITS and match.group(3) != "":
            continue
        seconds = float(match.group(2)) * UNITS.get(match.group(3), 1.0)
        if scc_keys.fullmatch(match.group(1)):
            scc = (scc or 0.0) + seconds
        elif load_keys.fullmatch(match.group(1)):
            load = (load or 0.0) + seconds
    if scc is None:
        raise PeerFailed(f"printed no timing line matching --scc-keys {options.scc_keys!r} (wall {wall:.3f} s)")
    return Run(load or 0.0, scc, components_from_output(process.stdout + "\n" + process.stderr))


def components_from_output(text: str) -> Optional[Components]:
    """Optional `components NONTRIVIAL LARGEST` line printed by the external command."""
    match = re.search(r"^\s*components\s*[:=]?\s*(\d+)\s+(\d+)\s*$", text, re.MULTILINE)
    return Components(int(match.group(1)), int(match.group(2))) if match else None


PEERS: dict[str, Callable] = {
    "networkx": run_networkx,
    "igraph": run_igraph,
    "scipy": run_scipy,
    "sccmap": run_sccmap,
}


# MARK: - Running and reporting


def measure(name: str, runner: Callable, edge_list: EdgeList, options) -> PeerResult:
    result = PeerResult(name)
    for repeat in range(options.repeats):
        gc.collect()
        try:
            result.runs.append(runner(edge_list, options))
        except PeerSkipped as reason:
            result.status, result.reason = "skipped", str(reason)
            break
        except PeerFailed as reason:
            result.status, result.reason = "failed", str(reason)
            break
        except (MemoryError, RecursionError, OSError, ValueError) as error:
            result.status, result.reason = "failed", f"{type(error).__name__}: {error}"
            break
        if options.progress:
            run = result.runs[-1]
            print(f"  {name} run {repeat + 1}: load {run.load:.3f} s, scc {run.scc:.3f} s", file=sys.stderr)
    if result.status != "ok":
        result.runs = []
    return result


def format_seconds(value: Optional[float]) -> str:
    return "-" if value is None else f"{value:.4f}"


def format_ratio(value: Optional[float], base: Optional[float]) -> str:
    if value is None or not base:
        return "-"
    return f"{value / base:.2f}x"


def report(results: list, edge_list: EdgeList, options) -> str:
    ok = {result.name: result for result in results if result.status == "ok"}
    baseline = ok.get(options.baseline)
    if baseline is None and ok:
        baseline = next(iter(ok.values()))
    answers = {(r.runs[-1].components.nontrivial) for r in ok.values() if r.runs and r.runs[-1].components}
    lines = [
        f"SCC peers on {edge_list.path}: {edge_list.nodes:,} nodes, {edge_list.edges:,} edges; "
        f"median of {options.repeats} run(s); baseline: {baseline.name if baseline else 'none'} "
        f"(ratios above 1 are slower than the baseline)",
        "",
    ]
    header = ["peer", "load s", "scc s", "total s", "scc/base", "total/base", "SCCs>1", "largest", "notes"]
    rows = [header]
    for result in results:
        if result.status != "ok":
            rows.append([result.name, "-", "-", "-", "-", "-", "-", "-", f"{result.status}: {result.reason}"])
            continue
        components = result.runs[-1].components
        notes = list(result.notes)
        if components and len(answers) > 1:
            notes.append("DIFFERENT ANSWER")
        rows.append([
            result.name,
            format_seconds(result.median("load")),
            format_seconds(result.median("scc")),
            format_seconds(result.total()),
            format_ratio(result.median("scc"), baseline.median("scc") if baseline else None),
            format_ratio(result.total(), baseline.total() if baseline else None),
            str(components.nontrivial) if components else "?",
            (str(components.largest) if components.largest else "?") if components else "?",
            "; ".join(notes),
        ])
    widths = [max(len(row[column]) for row in rows) for column in range(len(header) - 1)]
    for row in rows:
        cells = [cell.ljust(width) if column == 0 else cell.rjust(width)
                 for column, (cell, width) in enumerate(zip(row, widths))]
        lines.append("  ".join(cells + [row[-1]]).rstrip())
    return "\n".join(lines)


def as_json(results: list, edge_list: EdgeList, options) -> dict:
    return {
        "edgeList": edge_list.path, "nodes": edge_list.nodes, "edges": edge_list.edges,
        "repeats": options.repeats, "baseline": options.baseline,
        "peers": [
            {
                "name": result.name, "status": result.status, "reason": result.reason,
                "load": [run.load for run in result.runs], "scc": [run.scc for run in result.runs],
                "medianLoad": result.median("load"), "medianScc": result.median("scc"), "medianTotal": result.total(),
                "nontrivialComponents": result.runs[-1].components.nontrivial
                if result.runs and result.runs[-1].components else None,
            }
            for result in results
        ],
    }


def parse_arguments(arguments=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                     formatter_class=argparse.RawDescriptionHelpFormatter, epilog=__doc__)
    parser.add_argument("edges", help="edge list: first line '# nodes N edges M', then 'src dst' per line")
    parser.add_argument("--repeats", type=int, default=3, help="runs per peer; medians are reported (default 3)")
    parser.add_argument("--peers", default=",".join(PEERS),
                        help=f"comma-separated peers to run (default {','.join(PEERS)})")
    parser.add_argument("--interlock", metavar="CMD",
                        help="also time this shell command, which prints its own timings; {edges} is the edge list")
    parser.add_argument("--scc-keys", default=r"scc|dependency-cycle",
                        help="regular expression of the timing keys summed as SCC time (default 'scc|dependency-cycle')")
    parser.add_argument("--load-keys", default=r"load|build|parse",
                        help="regular expression of the timing keys summed as load time (default 'load|build|parse')")
    parser.add_argument("--baseline", default="interlock",
                        help="peer the ratios compare with (default interlock, else the first that ran)")
    parser.add_argument("--timeout", type=float, default=600, help="seconds before a subprocess peer is stopped")
    parser.add_argument("--raise-stack", action="store_true",
                        help="run sccmap with the largest stack the hard limit allows")
    parser.add_argument("--json", metavar="FILE", help="also write the results as JSON to FILE")
    parser.add_argument("--progress", action="store_true", help="print each run's timings on stderr")
    options = parser.parse_args(arguments)
    if options.repeats < 1:
        parser.error("--repeats must be at least 1")
    unknown = [name for name in options.peers.split(",") if name and name not in PEERS]
    if unknown:
        parser.error(f"unknown peer(s) {', '.join(unknown)}; known: {', '.join(PEERS)}")
    return options


def main(arguments=None) -> int:
    options = parse_arguments(arguments)
    edge_list = read_header(options.edges)
    selected = [(name, PEERS[name]) for name in options.peers.split(",") if name]
    if options.interlock:
        selected.append(("interlock", run_interlock))
    results = [measure(name, runner, edge_list, options) for name, runner in selected]
    print(report(results, edge_list, options))
    if options.json:
        with open(options.json, "w", encoding="utf-8") as handle:
            json.dump(as_json(results, edge_list, options), handle, indent=2)
            handle.write("\n")
    return 0 if any(result.status == "ok" for result in results) else 1


if __name__ == "__main__":
    sys.exit(main())
