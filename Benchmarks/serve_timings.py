#!/usr/bin/env python3
"""Times `interlock serve` the way the page uses it, on one portfolio (issue #13's targets):
start-up, a focus drawing (each on a node not drawn before, so nothing is cached), a search, a
page of findings, a node's details, the summary, the time from saving a file to the update
event, and the server's memory beside `interlock check`'s on the same file.

Usage: Benchmarks/serve_timings.py --interlock .build/release/interlock PORTFOLIO [--repeats 10]
"""

import argparse
import json
import os
import shutil
import statistics
import subprocess
import tempfile
import threading
import time
import urllib.parse
import urllib.request


def rss_kib(pid, field):
    with open(f"/proc/{pid}/status") as status:
        for line in status:
            if line.startswith(field + ":"):
                return int(line.split()[1])
    return 0


def timed_get(base, path):
    start = time.perf_counter()
    with urllib.request.urlopen(base + path, timeout=120) as answer:
        body = answer.read()
        if answer.status != 200:
            raise SystemExit(f"{path}: {answer.status}")
    return (time.perf_counter() - start) * 1000, body


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("portfolio")
    parser.add_argument("--interlock", default=".build/release/interlock")
    parser.add_argument("--repeats", type=int, default=10)
    parser.add_argument("--json", help="also write the results here")
    arguments = parser.parse_args()

    work = tempfile.mkdtemp(prefix="interlock-serve-bench-")
    portfolio = os.path.join(work, os.path.basename(arguments.portfolio))
    shutil.copy(arguments.portfolio, portfolio)
    check = subprocess.run(["/usr/bin/time", "-f", "%M", arguments.interlock, "check", portfolio, "--fail-on", "never"],
                           stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    check_kib = int(check.stderr.strip().splitlines()[-1])

    started = time.perf_counter()
    server = subprocess.Popen([arguments.interlock, "serve", portfolio, "--port", "0"], stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, text=True)
    line = server.stdout.readline()
    startup = time.perf_counter() - started
    base = line.split(" at ", 1)[1].split(" ", 1)[0].rstrip("/")
    results = {"startup s": startup}
    try:
        summary = json.loads(timed_get(base, "/api/summary")[1])
        ids = [f["nodes"][0] for f in json.loads(timed_get(base, "/api/findings?limit=1000")[1])["findings"]]
        ids = list(dict.fromkeys(ids))[: arguments.repeats]
        hub = json.loads(timed_get(base, "/api/nodes?search=java&limit=1")[1])
        if hub:
            ids.append(hub[0]["id"])
        timings = {}

        def measure(name, paths):
            timings[name] = [timed_get(base, path)[0] for path in paths]

        measure("focus drawing, depth 1 (ms)", [f"/api/render?view=focus&node={urllib.parse.quote(i)}&depth=1" for i in ids])
        measure("focus drawing, depth 2 (ms)", [f"/api/render?view=focus&node={urllib.parse.quote(i)}&depth=2" for i in ids])
        words = ["platform", "data", "java", "init-00042", "customer portal", "zzz-none", "sap", "migration", "a", "cloud"]
        measure("search (ms)", [f"/api/nodes?search={urllib.parse.quote(w)}" for w in words[: arguments.repeats]])
        measure("findings page of 100 (ms)", [f"/api/findings?offset={100 * k}&limit=100" for k in range(arguments.repeats)])
        measure("findings page, filtered (ms)", [f"/api/findings?severity=warning&offset={100 * k}&limit=100" for k in range(arguments.repeats)])
        measure("node details (ms)", [f"/api/nodes/{urllib.parse.quote(i)}" for i in ids])
        measure("summary (ms)", ["/api/summary"] * arguments.repeats)

        # Save the file; time until the server says it serves the new version.
        reloads = []
        for _ in range(3):
            heard = threading.Event()

            def listen():
                with urllib.request.urlopen(base + "/api/events", timeout=120) as stream:
                    for raw in stream:
                        if raw.startswith(b"event: update"):
                            heard.set()
                            return

            listener = threading.Thread(target=listen, daemon=True)
            listener.start()
            time.sleep(0.5)
            saved = time.perf_counter()
            with open(portfolio, "a") as handle:
                handle.write("\n")
            if not heard.wait(60):
                raise SystemExit("no update within 60 s of a save")
            reloads.append((time.perf_counter() - saved) * 1000)
        timings["save to update event (ms)"] = reloads
        resident, peak = rss_kib(server.pid, "VmRSS"), rss_kib(server.pid, "VmHWM")
    finally:
        server.send_signal(2)
        server.wait(timeout=30)
        shutil.rmtree(work, ignore_errors=True)

    print(f"portfolio: {arguments.portfolio} ({summary['nodes']['Initiative']} initiatives); start-up {startup:.2f} s")
    print("| measure | median | max | n |")
    print("| --- | ---: | ---: | ---: |")
    for name, values in timings.items():
        print(f"| {name} | {statistics.median(values):.1f} | {max(values):.1f} | {len(values)} |")
        results[name] = {"median": statistics.median(values), "max": max(values), "n": len(values)}
    print(f"| memory: server resident after the run (MiB) | {resident / 1024:.0f} | peak {peak / 1024:.0f} | |")
    print(f"| memory: check, peak (MiB) | {check_kib / 1024:.0f} | | |")
    print(f"| memory ratio, server peak / check peak | {peak / check_kib:.2f}x | | |")
    results.update({"server resident MiB": resident / 1024, "server peak MiB": peak / 1024, "check peak MiB": check_kib / 1024})
    if arguments.json:
        with open(arguments.json, "w") as handle:
            json.dump(results, handle, indent=2)


if __name__ == "__main__":
    main()
