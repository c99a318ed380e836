#!/usr/bin/env bash
# Throughput of `newsledger extract` on the bench corpus (>= 50 MB of JSONL built by
# bench/make_corpus.py from UD English-EWT sentences and examples/): MB/s and tokens/s
# on one thread and on all cores, for segmentation only and for the whole pipeline,
# with peak RSS. Prints a Markdown table (the README quotes it).
# Usage: bash bench/throughput.sh [DATA_DIR=../shared/data] [MB=50]
set -euo pipefail
cd "$(dirname "$0")/.."
data=${1:-../shared/data}
mb=${2:-50}
bin=build/newsledger
corpus=bench/corpus/corpus.jsonl
[ -x "$bin" ] || { echo "build first: cmake -S . -B build && cmake --build build -j" >&2; exit 2; }
[ -f "$corpus" ] || python3 bench/make_corpus.py --data "$data" --out "$corpus" --mb "$mb" >&2
cores=$(nproc)

run() {  # mode threads
  local flags=() ; [ "$1" = segment ] && flags+=(--segment-only)
  local log; log=$(mktemp)
  /usr/bin/time -v "$bin" extract "${flags[@]}" --threads "$2" --stats --format jsonl "$corpus" \
    >/dev/null 2>"$log"
  local line rss
  line=$(grep '^extract:' "$log")
  rss=$(awk '/Maximum resident set size/ {printf "%.0f", $6/1024}' "$log")
  local mbs tps
  mbs=$(sed -E 's/.* ([0-9.]+) MB\/s.*/\1/' <<<"$line")
  tps=$(sed -E 's/.* ([0-9]+) tokens\/s.*/\1/' <<<"$line")
  printf '| %s | %s | %s | %s | %s |\n' "$1" "$2" "$mbs" "$tps" "$rss"
  rm -f "$log"
}

echo "Corpus: $corpus ($(du -m "$corpus" | cut -f1) MB), $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)"
echo
echo "| stages | threads | MB/s | tokens/s | peak RSS (MB) |"
echo "|---|---|---|---|---|"
run segment 1
run segment "$cores"
run full 1
run full "$cores"
