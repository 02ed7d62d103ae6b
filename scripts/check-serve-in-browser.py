#!/usr/bin/env python3
"""Browser test of `interlock serve` (run by `make test` through `make browser-test`).

Serves a copy of Samples/acme, drives headless Chromium over the DevTools protocol
(scripts/devtools.py, standard library only) and does what a person would: loads the page,
searches, clicks a search result and a finding, sees the focus diagram, clicks a box in it, runs
a query and a bad one, opens a view, then saves portfolio files and sees the findings list
change, a broken save shown as an error, and the fix. A second server on a portfolio whose names
are HTML and script checks that they stay text. Fails on any console error or Content-Security-
Policy violation. Screenshots go to .build/browser-test/serve-*.png for a person to look at.

Usage: scripts/check-serve-in-browser.py [INTERLOCK_BINARY]
"""

import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.request

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from devtools import Browser, DevToolsError  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, ".build", "browser-test")

CYCLE = """initiatives:
  - {id: live-a, name: Live test A, unit: sales, owner: lena-fischer, dependsOn: [live-b]}
  - {id: live-b, name: Live test B, unit: sales, owner: lena-fischer, dependsOn: [live-a]}
"""
HOSTILE = """portfolio: "Acme </title><script>alert('name')</script>"
initiatives:
  - id: evil
    name: "<img src=x onerror=alert(1)> \\"quoted\\" & 'single' </svg>"
    dependsOn: [other]
  - id: other
    name: "</script><script>alert(2)</script>"
    dependsOn: [evil]
"""


def fail(message):
    print(f"serve browser test: FAILED: {message}", file=sys.stderr)
    sys.exit(1)


class Server:
    """`interlock serve PATH --port 0`, its address read from its first line."""

    def __init__(self, binary, path):
        self.process = subprocess.Popen([binary, "serve", path, "--port", "0"], stdout=subprocess.PIPE,
                                        stderr=subprocess.PIPE, text=True)
        line = self.process.stdout.readline()
        if " at http://" not in line:
            self.process.kill()
            fail(f"the server did not start: {line!r} {self.process.stderr.read()[:2000]}")
        self.address = line.split(" at ", 1)[1].split(" ", 1)[0]

    def api(self, path):
        with urllib.request.urlopen(self.address.rstrip("/") + path, timeout=30) as answer:
            return json.load(answer)

    def stop(self):
        """Stops it as Ctrl-C does and checks that it ends cleanly."""
        self.process.send_signal(2)
        try:
            code = self.process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.process.kill()
            fail("the server did not stop within 20 s of SIGINT")
        if code != 0:
            fail(f"the server exited {code} on SIGINT: {self.process.stderr.read()[:2000]}")


def js(value):
    return json.dumps(value)


def click(browser, selector, text=None):
    """Clicks the first element matching `selector` (and containing `text`)."""
    found = browser.evaluate(f"""(() => {{
        const all = [...document.querySelectorAll({js(selector)})];
        const element = all.find((e) => {js(text)} === null || e.textContent.includes({js(text)}));
        if (!element) return false;
        element.click();
        return true;
    }})()""")
    if not found:
        fail(f"nothing to click: {selector} {text or ''}")


def text_of(browser, element_id):
    return browser.evaluate(f"document.getElementById({js(element_id)}).textContent")


def explore(browser, server, folder):
    summary = server.api("/api/summary")
    total = sum(summary["findings"].values())
    browser.navigate(server.address)
    browser.wait_for(f"document.querySelectorAll('#findings li').length === {min(total, 100)}", what="the findings list")
    browser.wait_for("document.getElementById('live').textContent === 'live'", what="the live connection")

    # Search, then click the result.
    browser.evaluate("(() => { const box = document.getElementById('search'); box.value = 'entra';"
                     " box.dispatchEvent(new Event('input')); })()")
    browser.wait_for("[...document.querySelectorAll('#search-results button')].some((b) => b.textContent.includes('Microsoft Entra ID'))",
                     what="Entra ID in the search results")
    click(browser, "#search-results button", "Microsoft Entra ID")
    browser.wait_for("document.getElementById('node-title').textContent === 'Microsoft Entra ID'", what="the focus on Entra ID")
    browser.wait_for("document.querySelectorAll('#focus-diagram svg g.node').length > 3", what="the focus diagram")
    facts = text_of(browser, "node-facts")
    if "owned by Felix Roth" not in facts:
        fail(f"the owner of Entra ID is not shown: {facts!r}")
    breaks = text_of(browser, "breaks-summary")
    if "active initiatives need it" not in breaks:
        fail(f"what breaks without Entra ID is not shown: {breaks!r}")
    browser.screenshot(os.path.join(OUT, "serve-focus.png"))

    # A box of the diagram moves the focus there.
    target = browser.evaluate("""(() => {
        const boxes = [...document.querySelectorAll('#focus-diagram svg g.node')];
        const box = boxes.find((b) => b.querySelector('title') && b.querySelector('title').textContent === 'iam-consolidation');
        if (!box) return null;
        box.querySelector('text').dispatchEvent(new MouseEvent('click', { bubbles: true }));
        return box.querySelector('title').textContent;
    })()""")
    if target is None:
        fail("the focus on Entra ID does not draw iam-consolidation, which uses it")
    browser.wait_for("location.hash === '#node=iam-consolidation'", what="the focus to move to iam-consolidation")
    browser.wait_for("document.getElementById('node-title').textContent === 'Single sign-on consolidation on Entra ID'",
                     what="iam-consolidation's details")

    # A finding of the list.
    first = server.api("/api/findings?limit=1")["findings"][0]
    click(browser, "#findings li button")
    browser.wait_for(f"document.getElementById('node-title').textContent === {js(first['nodeDetails'][0]['name'])}",
                     what="the first finding's first node")
    browser.wait_for("document.querySelectorAll('#focus-diagram svg g.node').length > 0", what="the finding's diagram")

    # A filter narrows the list.
    browser.evaluate("(() => { const s = document.getElementById('filter-severity'); s.value = 'error';"
                     " s.dispatchEvent(new Event('change')); })()")
    browser.wait_for(f"document.querySelectorAll('#findings li').length === {summary['findings']['error']}", what="only the errors")
    browser.evaluate("(() => { const s = document.getElementById('filter-severity'); s.value = '';"
                     " s.dispatchEvent(new Event('change')); })()")
    browser.wait_for(f"document.querySelectorAll('#findings li').length === {min(total, 100)}", what="every finding again")

    # A query, then a bad one.
    click(browser, ".tabs button", "Ask a question")
    click(browser, "#run-query")
    browser.wait_for("document.querySelectorAll('#query-table tbody tr').length > 0", what="the query's rows")
    browser.evaluate("document.getElementById('query-text').value = 'MATCH (n:Initiative RETURN n'")
    click(browser, "#run-query")
    browser.wait_for("!document.getElementById('query-error').hidden", what="the query error")
    error = text_of(browser, "query-error")
    if "line 1, column 21" not in error or "^" not in error:
        fail(f"the query error has no position and caret: {error!r}")
    browser.screenshot(os.path.join(OUT, "serve-query.png"))

    # A view.
    click(browser, ".tabs button", "Views")
    click(browser, "#view-buttons button", "Business units")
    browser.wait_for("document.querySelectorAll('#view-diagram svg g.node').length > 3", what="the units view")
    browser.screenshot(os.path.join(OUT, "serve-units.png"))
    click(browser, ".tabs button", "Focus")

    # A save adds a cycle: the page shows the new findings without a reload.
    live_file = os.path.join(folder, "zz-live-test.yaml")
    saved = time.time()
    with open(live_file, "w") as handle:
        handle.write(CYCLE)
    browser.wait_for("!document.getElementById('update').hidden", timeout=15, what="the update banner after a save")
    latency = time.time() - saved
    browser.wait_for("document.querySelectorAll('#findings li.new').length > 0", what="the new findings marked in the list")
    banner = text_of(browser, "update")
    if "Live test A" not in banner or "new" not in banner:
        fail(f"the update does not name the new cycle: {banner!r}")
    browser.wait_for(f"document.getElementById('findings-count').textContent !== '({total})'", what="the count to change")
    browser.screenshot(os.path.join(OUT, "serve-update.png"))

    # A broken save: the error shows, the last good state stays.
    count_before = text_of(browser, "findings-count")
    with open(live_file, "w") as handle:
        handle.write("initiatives:\n  - {id: live-a, name: Broken\n")
    browser.wait_for("!document.getElementById('problem').hidden", timeout=15, what="the problem banner after a broken save")
    problem = text_of(browser, "problem")
    if "zz-live-test.yaml" not in problem:
        fail(f"the problem does not name the file: {problem!r}")
    if text_of(browser, "findings-count") != count_before:
        fail("the findings changed on a broken save; the last good version must stay")
    browser.screenshot(os.path.join(OUT, "serve-problem.png"))

    # Removing the file: back to the sample's findings, the problem gone.
    os.remove(live_file)
    browser.wait_for(f"document.getElementById('findings-count').textContent === '({total})'", timeout=15,
                     what="the findings back to the sample's")
    browser.wait_for("document.getElementById('problem').hidden", what="the problem banner to go")
    return latency


def hostile(browser, server):
    browser.navigate(server.address + "#node=evil")
    browser.wait_for("document.getElementById('node-title').textContent.includes('onerror')", what="the hostile node")
    browser.wait_for("document.querySelectorAll('#focus-diagram svg g.node').length > 0", what="the hostile node's diagram")
    checks = browser.evaluate("""({
        images: document.querySelectorAll('img').length,
        scripts: document.querySelectorAll('script').length,
        title: document.getElementById('node-title').textContent,
        portfolio: document.getElementById('portfolio-name').textContent,
        alerted: window.__alerted === true,
    })""")
    if checks["images"] or checks["scripts"] != 1 or checks["alerted"]:
        fail(f"a hostile name became markup: {checks}")
    if checks["title"] != "<img src=x onerror=alert(1)> \"quoted\" & 'single' </svg>":
        fail(f"the hostile name is not shown as written: {checks['title']!r}")
    if checks["portfolio"] != "Acme </title><script>alert('name')</script>":
        fail(f"the hostile portfolio name is not shown as written: {checks['portfolio']!r}")


def main():
    binary = sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, ".build", "debug", "interlock")
    chromium = next((shutil.which(name) for name in ("chromium", "chromium-browser", "google-chrome") if shutil.which(name)), None)
    if chromium is None:
        fail("Chromium is not installed (Debian: apt-get install chromium); scripts/check-report-in-browser.sh installs it.")
    os.makedirs(OUT, exist_ok=True)
    work = tempfile.mkdtemp(prefix="interlock-serve-test-")
    sample = os.path.join(work, "acme")
    shutil.copytree(os.path.join(ROOT, "Samples", "acme"), sample)
    evil = os.path.join(work, "evil")
    os.makedirs(evil)
    with open(os.path.join(evil, "portfolio.yaml"), "w") as handle:
        handle.write(HOSTILE)
    servers = []
    browser = None
    try:
        servers.append(Server(binary, sample))
        servers.append(Server(binary, evil))
        browser = Browser(chromium)
        latency = explore(browser, servers[0], sample)
        hostile(browser, servers[1])
        # The bad query's answer is a 400 on purpose; Chromium logs every such answer.
        expected = "log (network): Failed to load resource: the server responded with a status of 400 (Bad Request)"
        unexpected = list(browser.log)
        if expected in unexpected:
            unexpected.remove(expected)
        if unexpected:
            fail("the page logged errors:\n  " + "\n  ".join(unexpected))
        for server in servers:
            server.stop()
        servers = []
        print(f"serve browser test: passed (a save showed on the page after {latency:.2f} s); screenshots in {OUT}/serve-*.png")
    except DevToolsError as error:
        if browser:
            browser.screenshot(os.path.join(OUT, "serve-failure.png"))
        fail(f"{error} (screenshot: {OUT}/serve-failure.png; page log: {browser.log if browser else []})")
    finally:
        if browser:
            browser.close()
        for server in servers:
            server.process.kill()
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
