#!/usr/bin/env bash
# Installs the peer tools that bench/peers/run.sh compares newsledger with, at the exact
# versions of package-lock.json, into bench/peers/node_modules (git-ignored). Needs node
# and npm (Debian: nodejs, npm) and the npm registry; nothing else is downloaded.
set -euo pipefail
cd "$(dirname "$0")"
command -v npm >/dev/null || { echo "bench/peers/setup.sh: npm is missing (apt-get install nodejs npm)" >&2; exit 2; }
npm ci --no-audit --no-fund --loglevel=error
