#!/usr/bin/env bash
# Browser test of the board report (run by `make test` through `make browser-test`).
#
# Writes the board report of Samples/acme in English and in French, opens each in headless
# Chromium and fails on any console message: the page has no script, and its
# Content-Security-Policy turns any attempt to load something from outside into a console error.
# Saves screenshots (board.png, board-fr.png) and print-to-PDF renderings under
# .build/browser-test/ for a person to look at.
#
# Usage: scripts/check-report-in-browser.sh [INTERLOCK_BINARY]
# Installs Debian's chromium with apt-get when no Chromium is found; fails with a clear message
# when that is impossible.
set -euo pipefail
cd "$(dirname "$0")/.."

binary=${1:-.build/debug/interlock}
out=.build/browser-test
mkdir -p "$out"

find_chromium() {
    local candidate
    for candidate in chromium chromium-browser google-chrome; do
        if command -v "$candidate" >/dev/null 2>&1; then command -v "$candidate"; return 0; fi
    done
    return 1
}

if ! chromium_binary=$(find_chromium); then
    echo "browser test: installing Debian's chromium with apt-get..."
    sudo_prefix=""
    [ "$(id -u)" = 0 ] || sudo_prefix="sudo"
    if ! { $sudo_prefix apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo_prefix apt-get install -y -qq chromium; } >"$out/apt.log" 2>&1 \
        || ! chromium_binary=$(find_chromium); then
        echo "browser test: FAILED: Chromium is not installed and 'apt-get install chromium' did not work (see $out/apt.log)." >&2
        echo "browser test: install Chromium (Debian: apt-get install chromium) and run 'make test' again." >&2
        exit 1
    fi
fi

# Headless Chromium as root needs --no-sandbox; the flags keep it off the GPU and the network.
run_chromium() {
    timeout 180 "$chromium_binary" --headless --no-sandbox --disable-gpu --hide-scrollbars --no-first-run \
        --disable-extensions --disable-background-networking --enable-logging=stderr --v=0 \
        --virtual-time-budget=3000 "$@"
}

# The check must be able to fail: a page that logs an error has to be caught first.
printf '<!DOCTYPE html><title>probe</title><script>console.error("interlock-probe")</script>\n' >"$out/probe.html"
run_chromium --dump-dom "file://$PWD/$out/probe.html" >/dev/null 2>"$out/probe.log" || true
if ! grep -q 'CONSOLE.*interlock-probe' "$out/probe.log"; then
    echo "browser test: FAILED: this Chromium does not report console messages on stderr; cannot check the page (see $out/probe.log)." >&2
    exit 1
fi

# One page per language: board (English) and board-fr (French).
printed=""
for name in board board-fr; do
    language=en
    [ "$name" = board-fr ] && language=fr
    "$binary" report Samples/acme --lang "$language" -o "$out/$name.html"
    page="file://$PWD/$out/$name.html"
    run_chromium --window-size=1400,2400 --screenshot="$PWD/$out/$name.png" "$page" 2>"$out/$name-chromium.log" || {
        echo "browser test: FAILED: Chromium could not render $out/$name.html (see $out/$name-chromium.log)." >&2
        exit 1
    }
    run_chromium --no-pdf-header-footer --print-to-pdf="$PWD/$out/$name.pdf" "$page" 2>>"$out/$name-chromium.log" || true

    if grep 'CONSOLE' "$out/$name-chromium.log"; then
        echo "browser test: FAILED: the $language board report logged the console messages above." >&2
        exit 1
    fi
    if [ ! -s "$out/$name.png" ]; then
        echo "browser test: FAILED: no screenshot was written for $out/$name.html." >&2
        exit 1
    fi
    # Printed on A4 the sample takes at most 12 pages (issue #10). The page tree's root holds the
    # largest /Count of the file (Chromium writes no outline), so no PDF tool is needed.
    pages=$(grep -a -o '/Count [0-9]*' "$out/$name.pdf" | awk '{ print $2 }' | sort -n | tail -1)
    if [ -z "$pages" ] || [ "$pages" -gt 12 ]; then
        echo "browser test: FAILED: the $language board report prints on ${pages:-an unknown number of} pages, more than 12 ($out/$name.pdf)." >&2
        exit 1
    fi
    printed="$printed $language: $pages pages;"
done
echo "browser test: passed, no console message in English or French; screenshots $out/board.png and $out/board-fr.png, print renderings $out/board.pdf and $out/board-fr.pdf ($printed A4 landscape)"
