#!/usr/bin/python3
"""The kiosk unit's sandbox, as systemd itself rates it: `systemd-analyze security --offline=true`
on the unit file of the source tree must give an overall exposure of at most MAX (issue 16).

Offline analysis reads only the file: no systemd as PID 1, no root, no installed package needed.
What the rating cannot see (whether cage, Xwayland and the kiosk still run under the filters) is
proven by tests/packaging/deb_install_test.sh, which starts the chain under unit_sandbox.py.

Usage: unit_exposure_test.py UNIT [MAX]    (exit 77 = skipped: no systemd-analyze)
"""
import re
import shutil
import subprocess
import sys


def main():
    unit = sys.argv[1]
    limit = float(sys.argv[2]) if len(sys.argv) > 2 else 2.0
    if not shutil.which("systemd-analyze"):
        print("SKIP: systemd-analyze not installed")
        return 77
    run = subprocess.run(["systemd-analyze", "security", "--offline=true", "--no-pager", unit],
                         capture_output=True, text=True)
    print(run.stdout, end="")
    print(run.stderr, end="", file=sys.stderr)
    match = re.search(r"Overall exposure level for \S+: (\d+(?:\.\d+)?)", run.stdout)
    if not match:
        print("FAIL: no 'Overall exposure level' line in systemd-analyze's output", file=sys.stderr)
        return 1
    score = float(match.group(1))
    if score > limit:
        print(f"FAIL: exposure {score} > {limit}", file=sys.stderr)
        return 1
    print(f"ok  exposure {score} <= {limit}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
