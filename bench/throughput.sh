#!/usr/bin/env bash
# Throughput of `newsledger extract` on the bench corpus (>= 50 MB of JSONL built by
# bench/make_corpus.py from UD English-EWT sentences and examples/): MB/s and tokens/s
# on one thread and on all cores, for segmentation only, for the stages through quotes
# (segmentation, tagging, recognizers, entities, quotes: `extract --through quotes`) and
# for the whole pipeline, with peak RSS. Prints a Markdown table (the README quotes it).
# Rates are bytes (and
# tokens) per CPU second of the process, as `extract --stats` reports its CPU time: on a
# shared machine the wall clock mostly measures the other jobs; the wall-clock rate is
# printed beside it.
# Usage: bash bench/throughput.sh [--segment-only] [DATA_DIR=../shared/data] [MB=50]
#   --segment-only: only the reading + segmentation + JSONL output rows.
set -euo pipefail
cd "$(dirname "$0")/.."
segment_only=0
if [ "${1:-}" = --segment-only ]; then segment_only=1; shift; fi
data=${1:-../shared/data}
mb=${2:-50}
bin=build/newsledger
corpus=bench/corpus/corpus.jsonl
[ -x "$bin" ] || { echo "build first: cmake -S . -B build && cmake --build build -j" >&2; exit 2; }
[ -f "$corpus" ] || python3 bench/make_corpus.py --data "$data" --out "$corpus" --mb "$mb" >&2
cores=$(nproc)

run() {  # mode threads; mode: segment | quotes (the stages through quotes) | full
  local flags=() ; [ "$1" = segment ] && flags+=(--segment-only)
  [ "$1" = quotes ] && flags+=(--through quotes)
  local log; log=$(mktemp)
  /usr/bin/time -v "$bin" extract "${flags[@]}" --threads "$2" --stats --format jsonl "$corpus" \
    >/dev/null 2>"$log"
  local line rss
  line=$(grep '^extract:' "$log")
  rss=$(awk '/Maximum resident set size/ {printf "%.0f", $6/1024}' "$log")
  local bytes tokens cpu wall
  bytes=$(sed -E 's/.* ([0-9]+) bytes,.*/\1/' <<<"$line")
  tokens=$(sed -E 's/.* ([0-9]+) tokens, .*/\1/' <<<"$line")
  cpu=$(sed -E 's/.*cpu ([0-9.]+) s.*/\1/' <<<"$line")
  wall=$(sed -E 's/.* ([0-9.]+) MB\/s.*/\1/' <<<"$line")
  awk -v m="$1" -v t="$2" -v b="$bytes" -v k="$tokens" -v c="$cpu" -v w="$wall" -v r="$rss" \
    'BEGIN { printf "| %s | %s | %.1f | %.2f M | %.1f | %s |\n", m, t, b / 1e6 / c, k / 1e6 / c, w, r }'
  rm -f "$log"
}

echo "Corpus: $corpus ($(du -m "$corpus" | cut -f1) MB), $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)"
echo
echo "Load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
echo
echo "| stages | threads | MB/s (CPU time) | tokens/s (CPU time) | MB/s (wall) | peak RSS (MB) |"
echo "|---|---|---|---|---|---|"
run segment 1
run segment "$cores"
[ "$segment_only" = 1 ] && exit 0
run quotes 1
run full 1
run full "$cores"
