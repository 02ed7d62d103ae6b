#!/usr/bin/env bash
# Every experiment of BENCHMARKS.md in one run, on one machine, in one go; `make bench` calls it
# after building. Prints each table and keeps them in $BENCH_DATA/results/ (default out/bench).
#
#   BENCH_1M=1        also 1,000,000 initiatives (stage suites, SCC peers, end-to-end check)
#   BENCH_REPEATS=N   runs per peer measurement, medians reported (default 3)
#   BENCH_DATA=DIR    where portfolios, edge lists and results go (default out/bench)
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
data=${BENCH_DATA:-$root/out/bench}
results=$data/results
interlock=$root/.build/release/interlock
bench=$root/Benchmarks/.build/release/interlock-bench
peers=$root/Benchmarks/peers
python=${PYTHON:-python3}
repeats=${BENCH_REPEATS:-3}
sizes=(10000 100000)
doubling=25000,50000,100000
if [ "${BENCH_1M:-0}" = 1 ]; then
    sizes+=(1000000)
    doubling=125000,250000,500000,1000000
fi
mkdir -p "$results"

section() { printf '\n## %s\n\n' "$1"; }
run_logged() { # name, command...: runs the command, showing and keeping its output
    local name=$1
    shift
    "$@" 2>&1 | tee "$results/$name.txt"
}

section "Machine"
{
    echo "date:         $(date -u '+%Y-%m-%d %H:%M UTC')"
    echo "cpu:          $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ //'), $(nproc) cores"
    echo "memory:       $(free -g | awk '/^Mem:/ {print $2 " GiB"}')"
    echo "swift:        $(swift --version 2>&1 | head -1)"
    echo "python:       $($python --version 2>&1); $($python -c 'import networkx, igraph, scipy; print("networkx", networkx.__version__, "igraph", igraph.__version__, "scipy", scipy.__version__)' 2>/dev/null || echo 'peers missing')"
    echo "kuzu:         $($python -c 'import kuzu; print(kuzu.__version__)' 2>/dev/null || echo 'not installed')"
    echo "graphviz:     $(dpkg-query -W -f '${Version}' graphviz 2>/dev/null || echo 'not installed')"
    echo "load average: $(cut -d' ' -f1-3 /proc/loadavg) (at the start; the machine is shared)"
} | tee "$results/machine.txt"

section "Portfolios and edge lists"
for n in 1000 "${sizes[@]}"; do
    for format in json yaml; do
        file=$data/portfolio-$n-seed1.$format
        [ -f "$file" ] || "$interlock" generate --initiatives "$n" --seed 1 --format "$format" -o "$file"
    done
    [ -f "$data/deps-$n.edges" ] || "$interlock" export "$data/portfolio-$n-seed1.json" -o "$data/deps-$n.edges"
    [ -f "$data/all-$n.edges" ] || "$interlock" export "$data/portfolio-$n-seed1.json" --relationship all -o "$data/all-$n.edges"
    echo "$n initiatives: DEPENDS_ON $(head -1 "$data/deps-$n.edges"), all relationships $(head -1 "$data/all-$n.edges")"
done
chain=$data/chain-1000000.edges
[ -f "$chain" ] || "$python" -c "
import sys
n = 1_000_000
with open(sys.argv[1], 'w') as out:
    out.write(f'# nodes {n} edges {n - 1}\n')
    out.write(''.join(f'{i} {i + 1}\n' for i in range(n - 1)))
" "$chain"
echo "chain: $(head -1 "$chain") (a single path, the deepest search)"

section "Stages (ordo-one/benchmark, release)"
(cd "$root/Benchmarks" && INTERLOCK_BENCH_DATA=$data swift package benchmark --no-progress) > "$results/stages-raw.txt" 2>&1
run_logged stages "$python" "$peers/stage_table.py" "$results/stages-raw.txt"

section "Strongly connected components: peers on the same edge list"
for n in "${sizes[@]}"; do
    for graph in deps all; do
        run_logged "scc-$graph-$n" "$python" "$peers/scc_peers.py" "$data/$graph-$n.edges" --repeats "$repeats" \
            --interlock "$bench scc {edges}" \
            --interlock "interlock-portfolio=$bench scc-portfolio $data/portfolio-$n-seed1.json" \
            --json "$results/scc-$graph-$n.json"
        echo
    done
done
run_logged scc-chain "$python" "$peers/scc_peers.py" "$chain" --repeats "$repeats" \
    --interlock "$bench scc {edges}" --json "$results/scc-chain.json"

section "SwiftGraph 4.0.0 on the same edge list"
for n in 1000 10000; do
    run_logged "swiftgraph-$n" "$bench" swiftgraph "$data/deps-$n.edges" --repeats "$repeats"
    echo
done

section "Whole commands: check and render"
check_sizes=$(IFS=,; echo "${sizes[*]}")
run_logged end-to-end "$python" "$peers/end_to_end.py" --interlock "$interlock" --data "$data" --repeats "$repeats" \
    --check-sizes "$check_sizes" --doubling "$doubling" --json "$results/end-to-end.json"

section "Queries: Interlock beside Kùzu"
csv=$data/csv-100000
[ -d "$csv" ] || "$interlock" export "$data/portfolio-100000-seed1.json" --format csv -o "$csv"
run_logged cypher "$python" "$peers/cypher_peers.py" "$data/portfolio-100000-seed1.json" "$csv" \
    --interlock "$interlock" --repeats 5 --json "$results/cypher.json"
# Kùzu and real-ladybug cannot be loaded in one Python process: the fork is a run of its own.
run_logged cypher-ladybug "$python" "$peers/cypher_peers.py" "$data/portfolio-100000-seed1.json" "$csv" \
    --interlock "$interlock" --repeats 5 --peer ladybug --json "$results/cypher-ladybug.json"

section "Serve: the page's requests on 10,000 initiatives"
run_logged serve "$python" "$root/Benchmarks/serve_timings.py" --interlock "$interlock" "$data/portfolio-10000-seed1.json" \
    --json "$results/serve.json"

echo
echo "load average at the end: $(cut -d' ' -f1-3 /proc/loadavg); results in $results"
