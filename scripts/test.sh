#!/usr/bin/env bash
# Installs what is needed, builds, and runs the complete test suite (unit, qml, integration,
# e2e). Ends with ctest's summary. Safe to run again. Pass a preset to test another build:
# scripts/test.sh asan
set -euo pipefail
cd "$(dirname "$0")/.."
preset="${1:-default}"
bash scripts/build.sh "$preset"
ctest --preset "$preset" -j "$(nproc)"
