#!/usr/bin/env python3
"""Summarise the text output of `swift package benchmark` as one Markdown table per suite.

Benchmarks are named `<stage> <size>` (`load json 100k`); each row of the table is a stage,
each column a size, each cell the median (p50) wall-clock time in milliseconds and the median
peak resident memory of the benchmark process in MiB.

Example:
    (cd Benchmarks && swift package benchmark --no-progress) > stages.txt
    python3 Benchmarks/peers/stage_table.py stages.txt
"""

from __future__ import annotations

import argparse
import re
import sys

SIZE = re.compile(r"^(.*) (\d+(?:k|M))$")
ROW = re.compile(r"^│\s*(.+?)\s*│(.*)│\s*$")
TIME_UNITS = {"ns": 1e-6, "μs": 1e-3, "us": 1e-3, "ms": 1.0, "s": 1000.0}
MEMORY_UNITS = {"K": 1 / 1024, "M": 1.0, "G": 1024.0, "#": 1 / 2 ** 20}
SIZES_ORDER = {"k": 1_000, "M": 1_000_000}


def parse(text: str) -> dict:
    """{suite: {stage: {size: (wall ms, peak MiB)}}} from the benchmark tool's text tables."""
    suites: dict = {}
    suite, name, lines = None, None, text.splitlines()
    for index, line in enumerate(lines):
        following = lines[index + 1] if index + 1 < len(lines) else ""
        stripped = line.strip()
        if following.startswith("=") and stripped and not stripped.startswith("="):
            suite = stripped
            continue
        if following.startswith("╒") and stripped:
            name = stripped
            continue
        row = ROW.match(stripped)
        if not row or name is None or suite is None:
            continue
        metric, cells = row.group(1), [cell.strip() for cell in row.group(2).split("│")]
        unit = re.search(r"\(([^()]+)\)\s*\*?$", metric)
        if not unit or len(cells) < 3 or not cells[2].replace(".", "", 1).isdigit():
            continue
        match = SIZE.match(name)
        stage, size = (match.group(1), match.group(2)) if match else (name, "")
        entry = suites.setdefault(suite, {}).setdefault(stage, {}).setdefault(size, [None, None])
        p50 = float(cells[2])
        if metric.startswith("Time (wall clock)") and unit.group(1) in TIME_UNITS:
            entry[0] = p50 * TIME_UNITS[unit.group(1)]
        elif metric.startswith("Memory (resident peak)") and unit.group(1) in MEMORY_UNITS:
            entry[1] = p50 * MEMORY_UNITS[unit.group(1)]
    return suites


def size_key(size: str) -> int:
    return int(size[:-1]) * SIZES_ORDER.get(size[-1], 1) if size and size[-1] in SIZES_ORDER else 0


def markdown(suites: dict) -> str:
    parts = []
    for suite, stages in suites.items():
        sizes = sorted({size for stage in stages.values() for size in stage}, key=size_key)
        parts.append(f"**{suite}** (p50 wall ms / p50 peak resident MiB)\n")
        parts.append("| stage | " + " | ".join(sizes) + " |")
        parts.append("| --- |" + " ---: |" * len(sizes))
        for stage, by_size in stages.items():
            cells = []
            for size in sizes:
                wall, memory = by_size.get(size, [None, None])
                cells.append("-" if wall is None else f"{wall:,.1f}" + ("" if memory is None else f" / {memory:,.0f}"))
            parts.append(f"| {stage} | " + " | ".join(cells) + " |")
        parts.append("")
    return "\n".join(parts)


def main(arguments=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("output", help="a file holding the text output of `swift package benchmark`")
    options = parser.parse_args(arguments)
    with open(options.output, encoding="utf-8") as handle:
        suites = parse(handle.read())
    if not suites:
        print(f"{options.output}: no benchmark tables found", file=sys.stderr)
        return 1
    print(markdown(suites))
    return 0


if __name__ == "__main__":
    sys.exit(main())
