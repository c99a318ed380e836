#!/usr/bin/env bash
# Ledger at scale: ingest N generated articles (bench/generate_corpus.py) into a fresh
# SQLite ledger with the whole pipeline on all cores, then time 100 runs each of
# `query quotes --speaker X` and `query search TEXT` on it (whole command: process
# start, open, query, print). Prints a Markdown table (the README quotes it).
# Targets: >= 500 articles/s end to end on 2 cores, peak RSS < 500 MB, p99 < 50 ms.
# Usage: bash bench/ledger_bench.sh [N=100000] [WORKDIR=bench/corpus]
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-100000}
work=${2:-bench/corpus}
bin=build/newsledger
[ -x "$bin" ] || { echo "build first: bash scripts/build.sh" >&2; exit 2; }
mkdir -p "$work"
corpus=$work/ledger_$n.jsonl
speakers=$work/ledger_${n}_speakers.txt
db=$work/ledger_$n.db
[ -f "$corpus" ] && [ -f "$speakers" ] ||
  python3 bench/generate_corpus.py -n "$n" -o "$corpus" --speakers "$speakers"
rm -f "$db" "$db-wal" "$db-shm"

log=$(mktemp)
/usr/bin/time -v "$bin" ingest --quiet --db "$db" "$corpus" 2>"$log" || { cat "$log" >&2; exit 1; }
summary=$(grep '^ingest:' "$log")
wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {print $2}' "$log")
rss=$(awk '/Maximum resident set size/ {printf "%.0f", $6/1024}' "$log")
cpu=$(awk -F': ' '/User time|System time/ {s += $2} END {printf "%.1f", s}' "$log")
rm -f "$log"
secs=$(python3 -c "
p='$wall'.split(':'); s=0.0
for x in p: s = s*60 + float(x)
print(s)")
rate=$(python3 -c "print(round($n / $secs))")
# Throughput if the process had every core to itself: on a shared machine the wall
# clock also counts time spent waiting for other programs.
cpu_rate=$(python3 -c "print(round($n / $cpu * $(nproc)))")
load=$(cut -d' ' -f1-3 /proc/loadavg)
mb=$(python3 -c "import os; print(round(os.path.getsize('$corpus')/1e6))")
dbmb=$(python3 -c "import os; print(round(os.path.getsize('$db')/1e6))")

echo "$summary" >&2
echo "| measure | value | target |"
echo "|---|---|---|"
echo "| articles ingested | $n ($mb MB JSONL, ledger $dbmb MB) | |"
echo "| ingest wall time | ${secs} s on $(nproc) cores | |"
echo "| ingest throughput (wall clock) | $rate articles/s | >= 500 |"
echo "| ingest CPU time (user + sys) | ${cpu} s: $cpu_rate articles/s on $(nproc) uncontended cores | |"
echo "| load average at the end | $load | |"
echo "| ingest peak RSS | $rss MB | < 500 |"

python3 - "$bin" "$db" "$speakers" <<'EOF'
import subprocess, sys, time
bin, db, speakers_file = sys.argv[1:4]
speakers = [l.strip() for l in open(speakers_file, encoding="utf-8") if l.strip()]
words = ["death toll", "rescue teams", "floods", "emergency aid", "helicopters", "shelters", "inquiry",
         "severance", "quarterly profit", "drinking water", "landslide", "market fire", "cholera",
         "rooftops", "heavy machinery", "forecast", "union", "morgues", "missing", "soldiers"]
def timed(args):
    t = time.perf_counter()
    subprocess.run([bin] + args + ["--db", db, "--format", "jsonl"], check=True, stdout=subprocess.DEVNULL)
    return (time.perf_counter() - t) * 1000
def stats(xs):
    xs = sorted(xs)
    return xs[len(xs) // 2], xs[min(len(xs) - 1, int(len(xs) * 0.99))]
for label, args_of in [("query quotes --speaker X", lambda i: ["query", "quotes", "--speaker", speakers[(i * 37) % len(speakers)]]),
                       ("query search TEXT", lambda i: ["query", "search", words[i % len(words)]])]:
    timed(args_of(0))  # warm the page cache once
    p50, p99 = stats([timed(args_of(i)) for i in range(100)])
    print(f"| {label}: p50 / p99 over 100 | {p50:.1f} / {p99:.1f} ms | p99 < 50 ms |")
EOF
