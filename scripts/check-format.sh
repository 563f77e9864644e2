#!/usr/bin/env bash
# Fails when a tracked C++ file differs from what clang-format (the repo's .clang-format) makes
# of it. Run `git ls-files '*.cpp' '*.h' | xargs clang-format -i` to fix.
set -euo pipefail
cd "$(dirname "$0")/.."
bad=0
while IFS= read -r f; do
  if ! clang-format --dry-run -Werror "$f" >/dev/null 2>&1; then
    echo "not formatted: $f"
    bad=$((bad + 1))
  fi
done < <(git ls-files '*.cpp' '*.h' 2>/dev/null || find app drivers tests -name '*.cpp' -o -name '*.h')
echo "$bad file(s) not formatted"
[ "$bad" -eq 0 ]
