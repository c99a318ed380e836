#!/usr/bin/env bash
# Side-by-side benchmark of newsledger and its npm peers (wink-nlp, compromise,
# compromise-dates, chrono-node, Recognizers-Text): speed, accuracy where the tasks
# overlap, and peak memory, all on this machine, pinned to one core. Writes
# BENCHMARKS.md at the repository root (tables, machine, versions, and this command).
#
# Usage: bash bench/peers/run.sh [--data DIR] [--reps N] [--nlp-mb MB] [--dates-mb MB]
#                                [--core C] [--out FILE]
#   --data      the shared data folder (UD English-EWT, UNER, Recognizers-Text specs)
#   --reps      timed repetitions per tool (one more warm-up run is never counted)
#   --nlp-mb    corpus size for the tokens + POS + entities table
#   --dates-mb  corpus size for the dates + numbers table (Recognizers-Text runs at a
#               few KB/s, so this one is small); both are prefixes of the same corpus
#               built by bench/make_corpus.py, and every tool of a table reads the same bytes
#
# Steps: installs the peers (bench/peers/setup.sh) if missing, builds newsledger
# (Release) if needed, builds the corpus, probes which newsledger commands and stages
# exist (a missing one gives a "not available" row, never a failure), runs everything
# with `taskset -c CORE`, collects results in build/peers/, and calls report.mjs.
set -uo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
cd "$root"
cmdline="bash bench/peers/run.sh $*"
data=../shared/data reps=3 nlp_mb=2 dates_mb=0.1 core=0 report=BENCHMARKS.md
while [ $# -gt 0 ]; do
  case "$1" in
    --data) data=$2; shift 2 ;;
    --reps) reps=$2; shift 2 ;;
    --nlp-mb) nlp_mb=$2; shift 2 ;;
    --dates-mb) dates_mb=$2; shift 2 ;;
    --core) core=$2; shift 2 ;;
    --out) report=$2; shift 2 ;;
    *) echo "run.sh: unknown option $1" >&2; exit 2 ;;
  esac
done
out=build/peers
bin=build/newsledger
pin=(taskset -c "$core")
log() { echo "[peers $(date +%H:%M:%S)] $*" >&2; }

# ---- set-up ------------------------------------------------------------------------
[ -d "$here/node_modules/wink-nlp" ] || bash "$here/setup.sh" || exit 1
if ! { cmake -S . -B build -DCMAKE_BUILD_TYPE=Release >/dev/null && cmake --build build -j2 --target newsledger >/dev/null; }; then
  echo "run.sh: newsledger does not build" >&2; exit 1
fi
rm -rf "$out"; mkdir -p "$out"
echo "$cmdline" >"$out/command"
load_start=$(cut -d' ' -f1-3 /proc/loadavg)

nlp_corpus=bench/corpus/peers-nlp.jsonl dates_corpus=bench/corpus/peers-dates.jsonl
python3 bench/make_corpus.py --data "$data" --out "$nlp_corpus" --mb "$nlp_mb" >&2
python3 bench/make_corpus.py --data "$data" --out "$dates_corpus" --mb "$dates_mb" >&2

# ---- what this newsledger can do ----------------------------------------------------
probe=$out/probe.jsonl
cat >"$probe" <<'EOF'
{"id":"p1","published":"2025-03-05","text":"Barack Obama met officials of the United Nations in Paris on Monday, March 3, 2025, and said 21 people had died."}
{"id":"p2","text":"A second document."}
EOF
caps=""
nl_out=$("$bin" extract --format jsonl "$probe" 2>/dev/null)
if [ "$(grep -c '"id":"p[12]"' <<<"$nl_out")" = 2 ]; then caps+=" jsonl"; fi
grep -q '"entities":\[{' <<<"$nl_out" && caps+=" entities"
grep -q '"times":\[{' <<<"$nl_out" && caps+=" times"
grep -q '"quantities":\[{' <<<"$nl_out" && caps+=" quantities"
"$bin" extract --format conllu "$probe" 2>/dev/null | awk -F'\t' 'NF>=10 && $4!="_" {f=1} END {exit !f}' && caps+=" pos"
echo "$caps" >"$out/capabilities"
log "newsledger can:$caps"

# newsledger reads JSON Lines; until its reader exists, speed runs read the same texts
# as one plain-text file (recorded in the results).
as_text() { python3 -c 'import json,sys
with open(sys.argv[2],"w",encoding="utf-8") as o:
  for l in open(sys.argv[1],encoding="utf-8"):
    if l.strip(): o.write(json.loads(l)["text"]+"\n\n")' "$1" "$2"; }

# ---- speed -------------------------------------------------------------------------
rss_of() { awk '/Maximum resident set size/ {print $6}' "$1"; }

nl_speed() {  # task corpus
  # Small inputs are passed several times in one run (same bytes, K times) so that a
  # timed run lasts long enough for the clock; MB/s is unchanged by this.
  local task=$1 corpus=$2 input=$2 note="" secs=() cpus=() rss=0 line="" size k
  if [[ " $caps " != *" jsonl "* ]]; then input=$out/$task.txt; as_text "$corpus" "$input"; note="read as one plain-text file"; fi
  size=$(stat -c %s "$input"); k=$(( (2000000 + size - 1) / size )); [ "$k" -gt 20 ] && k=20; [ "$k" -lt 1 ] && k=1
  local inputs=(); for _ in $(seq "$k"); do inputs+=("$input"); done
  [ "$k" -gt 1 ] && note="${note:+$note; }input passed $k times per run"
  for i in $(seq 0 "$reps"); do
    "${pin[@]}" /usr/bin/time -v "$bin" extract --threads 1 --stats --format jsonl "${inputs[@]}" >/dev/null 2>"$out/time.log"
    line=$(grep '^extract:' "$out/time.log") || { log "newsledger extract failed"; return 1; }
    local r; r=$(rss_of "$out/time.log"); [ "$r" -gt "$rss" ] && rss=$r
    [ "$i" = 0 ] && continue  # warm-up
    secs+=("$(sed -E 's/.* in ([0-9.]+) s .*/\1/' <<<"$line")")
    cpus+=("$(sed -nE 's/.*, cpu ([0-9.]+) s.*/\1/p' <<<"$line")")
  done
  local docs bytes tokens
  docs=$(sed -E 's/^extract: ([0-9]+) documents.*/\1/' <<<"$line")
  bytes=$(sed -E 's/.* ([0-9]+) bytes.*/\1/' <<<"$line")
  tokens=$(sed -E 's/.* ([0-9]+) tokens,.*/\1/' <<<"$line")
  printf '{"tool":"newsledger","task":"%s","docs":%s,"bytes":%s,"units":%s,"seconds":[%s],"cpu":[%s],"rss_kb":%s,"stages":"%s","note":"%s"}\n' \
    "$task" "$docs" "$bytes" "$tokens" "$(IFS=,; echo "${secs[*]}")" "$(IFS=,; echo "${cpus[*]}")" "$rss" "${caps# }" "$note" >>"$out/speed.jsonl"
}

peer_speed() {  # tool task corpus
  if "${pin[@]}" /usr/bin/time -v node "$here/speed.mjs" "$1" "$2" "$3" "$reps" >"$out/peer.json" 2>"$out/time.log"; then
    node -e 'const r=JSON.parse(require("fs").readFileSync(process.argv[1],"utf8")); r.rss_kb=+process.argv[2]; console.log(JSON.stringify(r))' \
      "$out/peer.json" "$(rss_of "$out/time.log")" >>"$out/speed.jsonl"
  else
    log "$1 $2 failed: $(tail -3 "$out/time.log")"
    printf '{"tool":"%s","task":"%s","error":"run failed"}\n' "$1" "$2" >>"$out/speed.jsonl"
  fi
}

# The common token count of each corpus: newsledger's tokenizer (UD-style) on its texts.
count_tokens() {
  local input=$1
  if [[ " $caps " != *" jsonl "* ]]; then input=$out/count.txt; as_text "$1" "$input"; fi
  "$bin" extract --segment-only --summary --stats "$input" 2>&1 >/dev/null | sed -nE 's/.* ([0-9]+) tokens,.*/\1/p'
}
printf '{"nlp":{"corpus":"%s","docs":%s,"tokens":%s},"dates":{"corpus":"%s","docs":%s,"tokens":%s}}\n' \
  "$nlp_corpus" "$(grep -c . "$nlp_corpus")" "$(count_tokens "$nlp_corpus")" \
  "$dates_corpus" "$(grep -c . "$dates_corpus")" "$(count_tokens "$dates_corpus")" >"$out/corpus.json"

log "speed: tokens + POS + entities on $nlp_corpus"
nl_speed nlp "$nlp_corpus"
peer_speed wink nlp "$nlp_corpus"
peer_speed compromise nlp "$nlp_corpus"
log "speed: dates + numbers on $dates_corpus"
nl_speed dates "$dates_corpus"
peer_speed chrono dates "$dates_corpus"
peer_speed compromise-dates dates "$dates_corpus"
peer_speed recognizers dates "$dates_corpus"

# ---- accuracy ----------------------------------------------------------------------
ewt=$data/ud_ewt/en_ewt-ud-test.conllu uner=$data/uner_en_ewt/en_ewt-ud-test.iob2
specs=$data/recognizers_text_en/Specs
acc() {  # name command...: appends the command's JSON to accuracy.jsonl, or a failure
  local name=$1; shift
  if "${pin[@]}" "$@" >"$out/acc.json" 2>"$out/acc.log" && [ -s "$out/acc.json" ]; then
    tail -1 "$out/acc.json" >>"$out/accuracy.jsonl"
  else
    log "$name: not available: $(tail -1 "$out/acc.log")"
    printf '{"name":"%s","error":%s}\n' "$name" "$(tail -1 "$out/acc.log" | node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>console.log(JSON.stringify(s.trim()||"failed")))')" >>"$out/accuracy.jsonl"
  fi
}
own_eval() {  # kind args...: newsledger's own `evaluate KIND` last line
  local kind=$1; shift
  if "${pin[@]}" "$bin" evaluate "$kind" "$@" >"$out/eval-$kind.txt" 2>"$out/eval-$kind.log"; then
    tail -1 "$out/eval-$kind.txt" >"$out/eval-$kind.last"
  else
    { tail -1 "$out/eval-$kind.log"; } >"$out/eval-$kind.error"
  fi
}

log "accuracy: UPOS on $ewt"
acc "pos wink" node "$here/accuracy.mjs" pos wink "$ewt"
own_eval pos --conllu "$ewt"
if [[ " $caps " == *" jsonl "* && " $caps " == *" pos "* ]]; then
  node "$here/accuracy.mjs" inputs "$ewt" "$out/ewt-test.jsonl"
  "${pin[@]}" "$bin" extract --format conllu "$out/ewt-test.jsonl" >"$out/ewt-test.conllu" 2>/dev/null
  acc "pos newsledger" node "$here/accuracy.mjs" pos newsledger "$ewt" "$out/ewt-test.conllu"
else
  printf '{"name":"pos newsledger","error":"extract in this build prints no POS tags"}\n' >>"$out/accuracy.jsonl"
fi

log "accuracy: entities on $uner"
acc "ner wink" node "$here/accuracy.mjs" ner wink "$uner"
acc "ner compromise" node "$here/accuracy.mjs" ner compromise "$uner"
own_eval ner --iob2 "$uner"
if [[ " $caps " == *" jsonl "* && " $caps " == *" entities "* ]]; then
  node "$here/accuracy.mjs" inputs "$uner" "$out/uner-test.jsonl"
  "${pin[@]}" "$bin" extract --format jsonl "$out/uner-test.jsonl" >"$out/uner-test.out.jsonl" 2>/dev/null
  acc "ner newsledger" node "$here/accuracy.mjs" ner newsledger "$uner" "$out/uner-test.out.jsonl"
else
  printf '{"name":"ner newsledger","error":"extract in this build finds no entities"}\n' >>"$out/accuracy.jsonl"
fi

log "accuracy: Recognizers-Text specs in $specs"
acc "specs recognizers" node "$here/specs.mjs" score recognizers "$specs"
acc "specs chrono" node "$here/specs.mjs" score chrono "$specs"
acc "specs compromise" node "$here/specs.mjs" score compromise "$specs"
own_eval recognizers --specs "$specs"
if [[ " $caps " == *" jsonl "* && ( " $caps " == *" times "* || " $caps " == *" quantities "* ) ]]; then
  node "$here/specs.mjs" cases "$specs" "$out/specs.jsonl"
  "${pin[@]}" "$bin" extract --format jsonl "$out/specs.jsonl" >"$out/specs.out.jsonl" 2>/dev/null
  acc "specs newsledger" node "$here/specs.mjs" score newsledger "$specs" "$out/specs.out.jsonl"
else
  printf '{"name":"specs newsledger","error":"extract in this build finds no times or quantities"}\n' >>"$out/accuracy.jsonl"
fi

# ---- machine and report ------------------------------------------------------------
load_end=$(cut -d' ' -f1-3 /proc/loadavg)
node -e '
const fs = require("fs"), os = require("os"), cp = require("child_process");
const sh = (c) => { try { return cp.execSync(c, { encoding: "utf8" }).trim(); } catch { return "?"; } };
const lock = JSON.parse(fs.readFileSync(process.argv[1] + "/package-lock.json", "utf8"));
const peers = Object.keys(lock.packages[""].dependencies).map((n) => `${n} ${lock.packages["node_modules/" + n].version}`);
console.log(JSON.stringify({
  cpu: os.cpus()[0].model, cores: os.cpus().length, memGiB: +(os.totalmem() / 2 ** 30).toFixed(1),
  kernel: os.release(), node: process.version, gxx: sh("g++ --version | head -1"),
  commit: sh("git rev-parse --short HEAD") + (sh("git status --porcelain --untracked-files=no") ? " (+ local changes)" : ""),
  date: new Date().toISOString().replace(/\.\d+Z$/, "Z"), load: [process.argv[2], process.argv[3]], peers,
  core: process.argv[4], reps: +process.argv[5] }));' "$here" "$load_start" "$load_end" "$core" "$reps" >"$out/machine.json"
node "$here/report.mjs" "$out" "$report"
log "wrote $report"
