# Interlock — the two commands a newcomer needs are `make demo` and `make test`.
SWIFT   ?= swift
RELEASE := .build/release/interlock
SAMPLE  := Samples/acme
OUT     := out
PYTHON  ?= python3
# Run apt-get directly as root, through sudo otherwise.
SUDO    := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: demo test browser-test neo4j-test build deps bench bench-deps clean

## deps: install the Graphviz C library (and pkg-config), and the Python packages the tests use, when missing.
deps:
	@if ! command -v pkg-config >/dev/null 2>&1 || ! pkg-config --exists libgvc; then \
		echo "Installing libgraphviz-dev (Graphviz C library) with apt-get..."; \
		$(SUDO) apt-get update -qq && \
		DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq pkg-config libgraphviz-dev >/dev/null; \
	fi
	@if ! python3 -c "import jsonschema, yaml, openpyxl, networkx, real_ladybug" >/dev/null 2>&1; then \
		echo "Installing jsonschema and PyYAML (schema checks), openpyxl (workbooks to import), networkx (reads the GraphML export) and real_ladybug (runs the Neo4j export) with pip..."; \
		python3 -m pip install --quiet jsonschema pyyaml openpyxl networkx real_ladybug; \
	fi

## build: release build of the interlock command.
build: deps
	$(SWIFT) build -c release --product interlock

## demo: build, check the sample portfolio and say where the outputs are.
demo: build
	@mkdir -p $(OUT)
	@echo "== interlock check $(SAMPLE)"
	@$(RELEASE) check $(SAMPLE); status=$$?; [ $$status -le 1 ] || exit $$status
	@$(RELEASE) check $(SAMPLE) --format json -o $(OUT)/findings.json --fail-on never
	@$(RELEASE) render $(SAMPLE) --view risks -o $(OUT)/risks.svg
	@$(RELEASE) render $(SAMPLE) --view units -o $(OUT)/units.svg
	@$(RELEASE) render $(SAMPLE) --view roadmap -o $(OUT)/roadmap.svg
	@$(RELEASE) render $(SAMPLE) --view landscape -o $(OUT)/landscape.svg
	@$(RELEASE) render $(SAMPLE) --view finding --finding 1 -o $(OUT)/top-risk.svg
	@$(RELEASE) render $(SAMPLE) --view overview --format pdf -o $(OUT)/overview.pdf
	@$(RELEASE) report $(SAMPLE) -o $(OUT)/board.html
	@echo ""
	@echo "Findings as JSON:  $(OUT)/findings.json"
	@echo "Diagrams:          $(OUT)/risks.svg  $(OUT)/units.svg  $(OUT)/roadmap.svg  $(OUT)/landscape.svg  $(OUT)/top-risk.svg  $(OUT)/overview.pdf"
	@echo "Board report:      $(OUT)/board.html"
	@echo "Explore it live:   $(RELEASE) serve $(SAMPLE) --open"

## test: every test of the package, and the board report in a real browser.
test: deps browser-test neo4j-test
	python3 docs/check-schema.py
	$(SWIFT) test
	@# A test or a command that replaced a device through an atomic rename would show here.
	@[ -c /dev/null ] || { echo "make test: /dev/null is no longer a character device: something wrote over it" >&2; exit 1; }

## browser-test: open the sample's board report in headless Chromium (installed with apt-get
## when missing; a clear failure when impossible); fails on any console message, saves
## .build/browser-test/board.png and board.pdf. Then drive `interlock serve` in Chromium:
## search, click, query, save files and see the page follow (.build/browser-test/serve-*.png).
browser-test: deps
	$(SWIFT) build --product interlock
	bash scripts/check-report-in-browser.sh .build/debug/interlock
	$(PYTHON) scripts/check-serve-in-browser.py .build/debug/interlock

## neo4j-test: load the sample's Neo4j export into real-ladybug, an embedded openCypher database,
## and compare the node and relationship counts and the answers to every documented question and
## rule with `interlock query` (docs/queries.md, "In a graph database").
neo4j-test: deps
	$(SWIFT) build --product interlock
	$(PYTHON) scripts/check-neo4j-export-in-ladybug.py .build/debug/interlock $(SAMPLE)

## bench-deps: the peers the benchmarks compare with (Python packages, Graphviz's sccmap, GNU time).
bench-deps: deps
	$(PYTHON) -m pip install -q -r Benchmarks/peers/requirements.txt
	@if ! command -v sccmap >/dev/null 2>&1 || [ ! -x /usr/bin/time ]; then \
		echo "Installing graphviz (sccmap) and time with apt-get..."; \
		$(SUDO) apt-get update -qq && \
		DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq graphviz time >/dev/null; \
	fi

## bench: every experiment of BENCHMARKS.md in one run; long (BENCH_1M=1 adds 1,000,000 initiatives).
bench: build bench-deps
	cd Benchmarks && $(SWIFT) build -c release --product interlock-bench
	BENCH_1M=$(BENCH_1M) bash Benchmarks/run.sh

clean:
	rm -rf .build $(OUT)

## fuzz: build the libFuzzer targets in Fuzz/ (their own package and build folder, optimised, with
## libFuzzer and AddressSanitizer) and run each for FUZZ_SECONDS (default 60) from its committed seed
## corpus; new inputs go to .build/fuzz-corpus/, crashes to .build/fuzz-artifacts/. Fails on a crash.
## Leak detection is off: Foundation's XMLParser errors and Data(contentsOf:) leak small blocks
## inside Foundation itself (seen on the importer fuzzers), which would stop every run.
FUZZ_SECONDS ?= 60
FUZZ_TARGETS := FuzzYAML FuzzJSON FuzzDecode FuzzQuery FuzzArchiMate FuzzCSV FuzzXLSX FuzzBackstage
# SwiftPM gives an executable target's entry point its own name and links `main` to it, which
# clashes with the libFuzzer runtime that -sanitize=fuzzer links whole; so the code is instrumented
# the way -sanitize=fuzzer would (coverage counters, comparisons) and linked with the runtime
# without its main, and each fuzzer's main starts libFuzzer's driver itself.
FUZZ_RUNTIME := $(firstword $(wildcard $(dir $(realpath $(shell command -v $(SWIFT))))../lib/clang/*/lib/linux/libclang_rt.fuzzer_no_main-x86_64.a))
FUZZ_FLAGS   := -Xswiftc -sanitize=address -Xswiftc -sanitize-coverage=edge,inline-8bit-counters,pc-table,trace-cmp \
                -Xswiftc -enable-testing -Xcc -fsanitize=fuzzer-no-link,address \
                -Xlinker $(FUZZ_RUNTIME) -Xlinker -lstdc++
.PHONY: fuzz fuzz-build fuzz-ci test-sanitize
fuzz-build: deps
	@test -n "$(FUZZ_RUNTIME)" || { echo "make fuzz: libclang_rt.fuzzer_no_main not found beside $(SWIFT)" >&2; exit 1; }
	@# SwiftPM keeps the plan of the path dependency (the main package): without this, a source file
	@# added there since the last fuzz build is not compiled in.
	rm -f Fuzz/.build/release.yaml
	cd Fuzz && $(SWIFT) build -c release $(FUZZ_FLAGS)

fuzz: fuzz-build
	@set -e; for target in $(FUZZ_TARGETS); do \
		corpus=$$(echo $$target | sed 's/^Fuzz//' | tr 'A-Z' 'a-z'); \
		mkdir -p .build/fuzz-corpus/$$corpus .build/fuzz-artifacts/$$corpus; \
		echo "== $$target for $(FUZZ_SECONDS) s"; \
		log=.build/fuzz-artifacts/$$corpus/$$target.log; \
		if ! ASAN_OPTIONS=detect_leaks=0 SWIFT_BACKTRACE=enable=no Fuzz/.build/release/$$target .build/fuzz-corpus/$$corpus Fuzz/Corpus/$$corpus \
			-max_total_time=$(FUZZ_SECONDS) -timeout=10 -rss_limit_mb=2048 -detect_leaks=0 -max_len=65536 -print_final_stats=1 \
			-artifact_prefix=.build/fuzz-artifacts/$$corpus/ >$$log 2>&1; then \
			tail -40 $$log; echo "$$target found a crash: see .build/fuzz-artifacts/$$corpus/" >&2; exit 1; \
		fi; \
		grep -E '^#[0-9]+.*(INITED|DONE)|^stat::number_of_executed_units' $$log; \
	done

## test-sanitize: the whole test suite under AddressSanitizer, then under ThreadSanitizer, each in
## its own build folder so that the ordinary build is not rebuilt.
## Leak detection is off: `check` ends without freeing its graph on purpose (fast exit), and
## XCTest's runner keeps objects until exit; both would be reported as leaks.
test-sanitize: deps
	ASAN_OPTIONS=detect_leaks=0 $(SWIFT) test --sanitize=address --scratch-path .build/sanitize-address
	@# Synchronization.Mutex locks with futexes that ThreadSanitizer cannot see: its reports of a
	@# "Swift access race" inside withLock are false positives, suppressed by name (see the file).
	INTERLOCK_TEST_SANITIZER=thread TSAN_OPTIONS=suppressions=$(CURDIR)/scripts/tsan-suppressions.txt \
		$(SWIFT) test --sanitize=thread --scratch-path .build/sanitize-thread

## fuzz-ci: every fuzzer for 30 s, as CI (.ci/run) runs them after `make test`.
fuzz-ci:
	$(MAKE) fuzz FUZZ_SECONDS=30
