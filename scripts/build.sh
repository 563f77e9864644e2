#!/usr/bin/env bash
# Installs the packages, configures and builds with a CMake preset (default: "default").
# Used by demo.sh and test.sh; safe to run again (incremental).
set -euo pipefail
cd "$(dirname "$0")/.."
preset="${1:-default}"
bash scripts/install-deps.sh
extra=()
# CI treats warnings as errors; a newcomer's build should not stop on one.
if [ "${CI:-}" = "true" ] || [ "${ONEWINDOW_WERROR:-}" = "1" ]; then extra+=(-DONEWINDOW_WERROR=ON); fi
cmake --preset "$preset" "${extra[@]}" >/dev/null
cmake --build --preset "$preset" -j "$(nproc)"
