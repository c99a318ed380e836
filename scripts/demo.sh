#!/usr/bin/env bash
# The main job on the embedded default: extract the example articles and print a
# summary of what was found, then the annotations of one article as text.
set -euo pipefail
cd "$(dirname "$0")/.."
build/newsledger extract --summary examples/
echo
build/newsledger extract --format text examples/courts-port-authority-verdict.txt
