#!/usr/bin/env bash
# Installs the Debian packages newsledger builds, tests and runs with.
# Idempotent: a package already installed is not asked for again, and nothing is
# printed when there is nothing to do. Needs root (or sudo) only when something is missing.
set -euo pipefail

packages=(
  g++ cmake make pkg-config git ca-certificates
  libsqlite3-dev sqlite3          # the ledger
  libpq-dev postgresql            # the ledger's PostgreSQL backend (libpq) and a server for its tests
  rapidjson-dev                   # JSON in and out
  libcli11-dev                    # command line
  libutf8proc-dev                 # Unicode categories and normalisation
  libgumbo-dev                    # HTML
  zlib1g-dev                      # gzip (WARC.gz)
  libfmt-dev                      # formatting (GCC 12 has no std::format)
  libgtest-dev libgmock-dev       # tests
  libbenchmark-dev                # micro-benchmarks
  iso-codes                       # country, subdivision and currency codes, read at run time
  wamerican                       # word list: proper vs. common words for the entity recognizer
  python3                         # bench and golden-test helper scripts
)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0

echo "setup: installing ${missing[*]}" >&2
sudo_cmd=()
[ "$(id -u)" -ne 0 ] && sudo_cmd=(sudo)
export DEBIAN_FRONTEND=noninteractive
"${sudo_cmd[@]}" apt-get update -qq
"${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
