#!/usr/bin/env bash
# Builds the libFuzzer targets (clang, ASan+UBSan; preset "fuzz") and runs each for the given
# number of seconds (default 600 = the 10-minute bar of issue 3). New inputs go to a scratch
# corpus under build/fuzz/corpus-work; the committed seeds in tests/fuzz/corpus are read-only
# here. Prints, per target, executions, coverage and features from libFuzzer's final report.
#   scripts/fuzz.sh            # 10 minutes per target
#   scripts/fuzz.sh 20         # the short run CI does
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-600}"
bash scripts/install-deps.sh >/dev/null
cmake --preset fuzz >/dev/null
cmake --build --preset fuzz -j "$(nproc)"
export ASAN_OPTIONS="detect_leaks=0:abort_on_error=1"
status=0
for target in samframe textblock residentid pcscresponse; do
  work="build/fuzz/corpus-work/$target"
  mkdir -p "$work"
  log="build/fuzz/$target.log"
  if build/fuzz/tests/fuzz/fuzz_"$target" -max_total_time="$seconds" -print_final_stats=1 \
       -max_len=4096 "$work" "tests/fuzz/corpus/$target" >"$log" 2>&1; then
    result=ok
  else
    result=CRASH; status=1
  fi
  execs=$(grep -E '^stat::number_of_executed_units' "$log" | awk '{print $2}')
  cov=$(grep -E '^#[0-9]+' "$log" | tail -1 | grep -oE 'cov: [0-9]+' || true)
  ft=$(grep -E '^#[0-9]+' "$log" | tail -1 | grep -oE 'ft: [0-9]+' || true)
  echo "fuzz $target: $result, ${seconds}s, executions ${execs:-?}, ${cov:-cov: ?}, ${ft:-ft: ?} (log: $log)"
done
exit $status
