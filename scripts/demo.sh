#!/usr/bin/env bash
# The main job on the embedded default: extract the example articles and print a
# summary of what each holds, then ingest them into the default SQLite ledger
# (newsledger.db, created or updated in place; ingesting again stores nothing twice) and
# print what the ledger holds: documents, the figures sources disagree on, running tallies.
set -euo pipefail
cd "$(dirname "$0")/.."
build/newsledger extract --summary examples/
echo
build/newsledger ingest --db newsledger.db examples/
echo
echo "== documents"
build/newsledger query --db newsledger.db documents --format markdown
echo
echo "== contradictions"
build/newsledger query --db newsledger.db contradictions --format markdown
echo
echo "== tallies"
build/newsledger query --db newsledger.db tallies --format markdown
