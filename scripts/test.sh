#!/usr/bin/env bash
# Builds newsledger and runs every test twice: a release build, then a build with
# AddressSanitizer + UndefinedBehaviorSanitizer. Run scripts/setup.sh first.
# The ledger tests also run against PostgreSQL: a throwaway server is started here (in a
# temporary directory, Unix socket only, stopped at exit) and named to the tests by
# NEWSLEDGER_TEST_PG. Give NEWSLEDGER_TEST_PG yourself to use another server, or set it
# to "none" to skip the PostgreSQL run.
set -euo pipefail
cd "$(dirname "$0")/.."
jobs=$(nproc)

if [ "${NEWSLEDGER_TEST_PG:-}" = none ]; then
  unset NEWSLEDGER_TEST_PG
  echo "test: NEWSLEDGER_TEST_PG=none: the PostgreSQL run of the ledger tests is skipped" >&2
elif [ -z "${NEWSLEDGER_TEST_PG:-}" ]; then
  pg_bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
  [ -x "$pg_bin/initdb" ] || { echo "test: no PostgreSQL server installed (run scripts/setup.sh)" >&2; exit 1; }
  pg_dir=$(mktemp -d /tmp/newsledger-pg.XXXXXX)
  as_owner=()
  if [ "$(id -u)" -eq 0 ]; then  # the server refuses to run as root
    chown postgres "$pg_dir"
    as_owner=(runuser -u postgres --)
  fi
  stop_pg() {
    (cd /tmp && "${as_owner[@]}" "$pg_bin/pg_ctl" -D "$pg_dir/data" -m immediate stop >/dev/null 2>&1) || true
    rm -rf "$pg_dir"
  }
  trap stop_pg EXIT
  if ! (cd /tmp && "${as_owner[@]}" "$pg_bin/initdb" -D "$pg_dir/data" -A trust -U newsledger -E UTF8 --locale=C \
          >"$pg_dir/initdb.log" 2>&1 &&
        "${as_owner[@]}" "$pg_bin/pg_ctl" -D "$pg_dir/data" -l "$pg_dir/server.log" -w -t 60 \
          -o "-k $pg_dir -c listen_addresses= -c fsync=off" start >/dev/null); then
    echo "test: could not start the PostgreSQL test server:" >&2
    cat "$pg_dir/initdb.log" "$pg_dir/server.log" >&2 2>/dev/null || true
    exit 1
  fi
  export NEWSLEDGER_TEST_PG="host=$pg_dir user=newsledger dbname=postgres"
  echo "test: PostgreSQL test server at $pg_dir" >&2
fi

cmake -S . -B build -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build build -j"$jobs"
# Tests run one at a time: several write fixed-name files in the temp directory.
(cd build && ctest --output-on-failure)

cmake -S . -B build-asan -DCMAKE_BUILD_TYPE=Debug -DNEWSLEDGER_SANITIZE=ON -DNEWSLEDGER_BENCH=OFF >/dev/null
cmake --build build-asan -j"$jobs"
(cd build-asan && ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 ctest --output-on-failure)
