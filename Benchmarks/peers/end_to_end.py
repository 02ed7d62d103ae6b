#!/usr/bin/env python3
"""Time whole `interlock` commands on generated portfolios: wall time and peak memory.

Each command runs under GNU time (`/usr/bin/time -v`), --repeats times; the table gives the
median wall time and the median of the peak resident set sizes, beside the goal where the
issues set one (issue #4: `check` of 1,000,000 initiatives from JSON within 30 s and 4 GiB,
100,000 from YAML within 15 s; issue #3: `render --view risks` and `--view units` of 100,000
within 15 s). The scaling experiment runs `check` on JSON portfolios whose sizes double and
prints each step's time ratio (goal: at most about 2.2).

Missing portfolios are generated with `interlock generate --seed 1` into --data, under the
names the Swift benchmark suites use (portfolio-N-seed1.json), so every experiment of one
`make bench` reads the same files.

Example:
    python3 Benchmarks/peers/end_to_end.py --interlock .build/release/interlock --data out/bench \\
        --check-sizes 10000,100000 --doubling 25000,50000,100000 --render-views risks,units
"""

from __future__ import annotations

import argparse
import json
import os
import re
import statistics
import subprocess
import sys
from dataclasses import dataclass
from typing import Optional

GIB = 1024 ** 3
# Goals of the issues: (command, format, initiatives) -> (seconds, bytes or None).
GOALS = {
    ("check", "json", 1_000_000): (30.0, 4 * GIB),
    ("check", "yaml", 100_000): (15.0, None),
    ("render risks", "json", 100_000): (15.0, None),
    ("render units", "json", 100_000): (15.0, None),
}
DOUBLING_GOAL = 2.2
WALL = re.compile(r"Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (?:(\d+):)?(\d+):([\d.]+)")
RSS = re.compile(r"Maximum resident set size \(kbytes\): (\d+)")


@dataclass
class Measurement:
    label: str
    command: str
    format: str
    initiatives: int
    walls: list
    peaks: list
    failure: str = ""

    @property
    def wall(self) -> Optional[float]:
        return statistics.median(self.walls) if self.walls else None

    @property
    def peak(self) -> Optional[float]:
        return statistics.median(self.peaks) if self.peaks else None


def portfolio(options, initiatives: int, format: str) -> str:
    path = os.path.join(options.data, f"portfolio-{initiatives}-seed1.{format}")
    if not os.path.exists(path):
        os.makedirs(options.data, exist_ok=True)
        subprocess.run([options.interlock, "generate", "--initiatives", str(initiatives), "--seed", "1",
                        "--format", format, "-o", path], check=True)
    return path


def timed(arguments: list, accepted=(0, 1)):
    """Wall seconds and peak RSS bytes of one run, read from GNU time's report."""
    process = subprocess.run(["/usr/bin/time", "-v"] + arguments, stdout=subprocess.DEVNULL,
                             stderr=subprocess.PIPE, text=True)
    wall, rss = WALL.search(process.stderr), RSS.search(process.stderr)
    if process.returncode not in accepted or not wall or not rss:
        last = [line for line in process.stderr.splitlines()
                if not line.startswith("\t") and not line.startswith("Command exited")][-1:] or ["no message"]
        raise RuntimeError(f"exit status {process.returncode}: {last[0][:160]}")
    seconds = int(wall.group(1) or 0) * 3600 + int(wall.group(2)) * 60 + float(wall.group(3))
    return seconds, int(rss.group(1)) * 1024


def measure(options, label: str, command: str, format: str, initiatives: int, arguments: list) -> Measurement:
    result = Measurement(label, command, format, initiatives, [], [])
    for _ in range(options.repeats):
        try:
            seconds, peak = timed(arguments)
        except RuntimeError as error:
            result.failure = str(error)
            break
        result.walls.append(seconds)
        result.peaks.append(peak)
        if options.progress:
            print(f"  {label}: {seconds:.2f} s, {peak / 2**20:.0f} MiB", file=sys.stderr)
    return result


def goal_text(measurement: Measurement) -> str:
    goal = GOALS.get((measurement.command, measurement.format, measurement.initiatives))
    if goal is None or measurement.wall is None:
        return ""
    seconds, memory = goal
    met = measurement.wall <= seconds and (memory is None or measurement.peak <= memory)
    limit = f"≤ {seconds:g} s" + (f", ≤ {memory / GIB:g} GiB" if memory else "")
    return f"{limit}: {'met' if met else 'MISSED'}"


def table(rows: list) -> str:
    widths = [max(len(row[column]) for row in rows) for column in range(len(rows[0]))]
    last = len(rows[0]) - 1
    return "\n".join("  ".join(cell.ljust(width) if column in (0, last) else cell.rjust(width)
                               for column, (cell, width) in enumerate(zip(row, widths))).rstrip()
                     for row in rows)


def render_available(options) -> bool:
    listing = subprocess.run([options.interlock, "--help"], capture_output=True, text=True).stdout
    return re.search(r"^\s+render\b", listing, re.MULTILINE) is not None


def main(arguments=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                     formatter_class=argparse.RawDescriptionHelpFormatter, epilog=__doc__)
    parser.add_argument("--interlock", default=".build/release/interlock", help="the interlock command")
    parser.add_argument("--data", default="out/bench", help="folder of the generated portfolios")
    parser.add_argument("--repeats", type=int, default=3, help="runs per command; medians are reported")
    parser.add_argument("--check-sizes", default="10000,100000",
                        help="initiative counts `check` runs at, from JSON and from YAML")
    parser.add_argument("--doubling", default="25000,50000,100000",
                        help="doubling initiative counts for the scaling of `check` (JSON); empty for none")
    parser.add_argument("--render-views", default="risks,units",
                        help="views `render` draws (skipped when the command has no render)")
    parser.add_argument("--render-size", type=int, default=100_000, help="initiatives of the render portfolio")
    parser.add_argument("--json", metavar="FILE", help="also write the results as JSON to FILE")
    parser.add_argument("--progress", action="store_true", help="print each run on stderr")
    options = parser.parse_args(arguments)

    def sizes(text: str) -> list:
        return [int(size) for size in text.split(",") if size.strip()]

    measurements = []
    for initiatives in sizes(options.check_sizes):
        for format in ("json", "yaml"):
            path = portfolio(options, initiatives, format)
            measurements.append(measure(options, f"check {format} {initiatives:,}", "check", format, initiatives,
                                        [options.interlock, "check", path, "--format", "json"]))
    views = [view for view in options.render_views.split(",") if view]
    render_note = ""
    if views and not render_available(options):
        render_note = "render: skipped, this interlock has no render command"
        views = []
    for view in views:
        path = portfolio(options, options.render_size, "json")
        measurements.append(measure(options, f"render {view} {options.render_size:,}", f"render {view}", "json",
                                    options.render_size, [options.interlock, "render", path, "--view", view]))
    scaling = [measure(options, f"check json {initiatives:,}", "check", "json", initiatives,
                       [options.interlock, "check", portfolio(options, initiatives, "json"), "--format", "json"])
               for initiatives in sizes(options.doubling)]

    print(f"Whole commands, median of {options.repeats} run(s) under /usr/bin/time -v")
    rows = [["command", "wall s", "peak MiB", "goal"]]
    for measurement in measurements:
        if measurement.failure:
            rows.append([measurement.label, "-", "-", f"failed: {measurement.failure}"])
            continue
        rows.append([measurement.label, f"{measurement.wall:.2f}", f"{measurement.peak / 2**20:.0f}",
                     goal_text(measurement)])
    print(table(rows))
    if render_note:
        print(render_note)
    if scaling:
        print()
        print(f"Scaling of check (JSON) when the portfolio doubles; goal: each step at most ~{DOUBLING_GOAL}x")
        rows = [["initiatives", "wall s", "peak MiB", "time ratio to the previous size"]]
        previous = None
        for measurement in scaling:
            if measurement.failure:
                rows.append([f"{measurement.initiatives:,}", "-", "-", f"failed: {measurement.failure}"])
                previous = None
                continue
            ratio = ""
            if previous and previous.wall:
                step = measurement.wall / previous.wall
                ratio = f"{step:.2f}x ({'met' if step <= DOUBLING_GOAL else 'MISSED'})"
            rows.append([f"{measurement.initiatives:,}", f"{measurement.wall:.2f}",
                         f"{measurement.peak / 2**20:.0f}", ratio])
            previous = measurement
        print(table(rows))
    if options.json:
        with open(options.json, "w", encoding="utf-8") as handle:
            json.dump([vars(measurement) for measurement in measurements + scaling], handle, indent=2)
            handle.write("\n")
    return 0 if not any(measurement.failure for measurement in measurements + scaling) else 1


if __name__ == "__main__":
    sys.exit(main())
