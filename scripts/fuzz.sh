#!/usr/bin/env bash
# Builds the libFuzzer targets (clang, ASan+UBSan; preset "fuzz") and runs each for the given
# number of seconds (default 600 = the 10-minute bar of issues 3 and 16), one after the other.
# New inputs go to a scratch corpus under build/fuzz/corpus-work; the committed seeds in
# tests/fuzz/corpus are read-only here. Prints, per target, executions, coverage and features
# from libFuzzer's final report. A crash, leak, UB report or a unit slower than 10 s fails the
# run; the reproducer is left in build/fuzz/artifacts/<target>/.
#   scripts/fuzz.sh                  # every target, 10 minutes each
#   scripts/fuzz.sh 20               # the short run
#   scripts/fuzz.sh 600 catalog pn532
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-600}"
shift || true
all=(samframe textblock residentid pcscresponse hubjson hubheaders license catalog config
     readerprofile keyfiles pn532 simidentity issuerkeys assistanswer phonenumber)
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=("${all[@]}")
if [ -z "${ONEWINDOW_FUZZ_NO_BUILD:-}" ]; then
  bash scripts/install-deps.sh >/dev/null
  cmake --preset fuzz >/dev/null
  cmake --build --preset fuzz -j "$(nproc)"
fi
export ASAN_OPTIONS="detect_leaks=1:abort_on_error=1"
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1"
# Parsers log what they refuse; printing that for millions of inputs would be most of the work.
export QT_LOGGING_RULES="*.debug=false;*.info=false;*.warning=false"
status=0
for target in "${targets[@]}"; do
  work="build/fuzz/corpus-work/$target"
  artifacts="build/fuzz/artifacts/$target"
  mkdir -p "$work" "$artifacts"
  log="build/fuzz/$target.log"
  seeds="tests/fuzz/corpus/$target"
  # Whole files (a catalogue, the demo identities) must fit: the largest seed, at least 4 KiB.
  max_len=$(find "$seeds" -type f -printf '%s\n' | sort -n | tail -1)
  [ "${max_len:-0}" -ge 4096 ] || max_len=4096
  case "$target" in
    hubheaders) dict=(-dict=tests/fuzz/dict/http.dict) ;;
    config) dict=(-dict=tests/fuzz/dict/ini.dict) ;;
    hubjson|license|catalog|keyfiles|pn532|simidentity|readerprofile|pcscresponse|issuerkeys|assistanswer)
      dict=(-dict=tests/fuzz/dict/json.dict) ;;
    *) dict=() ;;
  esac
  # QSettings keeps a cache across runs, so every config input looks like a leak to libFuzzer
  # and costs a full leak scan (7x slower): fuzz it without, then replay its corpus with.
  leaks=1
  [ "$target" != config ] || leaks=0
  if build/fuzz/tests/fuzz/fuzz_"$target" -max_total_time="$seconds" -print_final_stats=1 \
       -timeout=10 -max_len="$max_len" -detect_leaks=$leaks -artifact_prefix="$artifacts/" \
       "${dict[@]}" "$work" "$seeds" >"$log" 2>&1 &&
     { [ $leaks = 1 ] || build/fuzz/tests/fuzz/fuzz_"$target" -runs=0 -detect_leaks=1 \
         -max_len="$max_len" -artifact_prefix="$artifacts/" "$work" >"$log.leaks" 2>&1; }; then
    result=ok
  else
    result=CRASH; status=1
  fi
  execs=$(grep -E '^stat::number_of_executed_units' "$log" | tail -1 | awk '{print $2}')
  cov=$(grep -E '^#[0-9]+' "$log" | tail -1 | grep -oE 'cov: [0-9]+' || true)
  ft=$(grep -E '^#[0-9]+' "$log" | tail -1 | grep -oE 'ft: [0-9]+' || true)
  echo "fuzz $target: $result, ${seconds}s, executions ${execs:-?}, ${cov:-cov: ?}, ${ft:-ft: ?} (log: $log)"
done
exit $status
