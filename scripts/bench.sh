#!/usr/bin/env bash
# The end-to-end benchmark suite (DESIGN.md §13, docs/performance.md): builds the release preset
# (only what the suite runs), then runs every scenario with warm-up and counted runs, prints the
# table and writes it as JSON (default build/release/bench-results.json).
#   scripts/bench.sh [--quick] [--out FILE] [--scenarios startup,card,memory,stalls,storage]
# Set ONEWINDOW_BENCH_NO_BUILD=1 to use the binaries already in build/release.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ "${ONEWINDOW_BENCH_NO_BUILD:-}" != "1" ]; then
  cmake --preset release >/dev/null
  cmake --build build/release -j "$(nproc)" \
    --target onewindow-kiosk bare_window bench_fill_outbox bench_storage bench_sync
fi
exec /usr/bin/python3 tests/bench/run_bench.py --build-dir build/release "$@"
