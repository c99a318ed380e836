#!/usr/bin/env bash
# Builds newsledger and runs every test twice: a release build, then a build with
# AddressSanitizer + UndefinedBehaviorSanitizer. Run scripts/setup.sh first.
set -euo pipefail
cd "$(dirname "$0")/.."
jobs=$(nproc)

cmake -S . -B build -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build build -j"$jobs"
# Tests run one at a time: several write fixed-name files in the temp directory.
(cd build && ctest --output-on-failure)

cmake -S . -B build-asan -DCMAKE_BUILD_TYPE=Debug -DNEWSLEDGER_SANITIZE=ON -DNEWSLEDGER_BENCH=OFF >/dev/null
cmake --build build-asan -j"$jobs"
(cd build-asan && ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 ctest --output-on-failure)
