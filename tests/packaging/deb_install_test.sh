#!/bin/bash
# The Debian package on this very machine (issue 8 tests): build it with cpack, lintian it,
# check its contents, install it with dpkg, check users, modes, owners, the unit
# (systemd-analyze verify) and `onewindow-tool selftest` as the kiosk user, reinstall
# (idempotent maintainer scripts, data kept), remove (data and configuration kept), purge
# (both gone) and report what remains.
#
# Runs on the CI machine itself (root, no systemd as PID 1): a chroot would need a Debian
# mirror and minutes. It refuses to run where a real kiosk may live (package installed,
# /etc/onewindow or /var/lib/onewindow present) and always purges what it installed, so the
# machine is as before for the rest of the suite (ctest runs it alone: RUN_SERIAL).
#
# Usage: deb_install_test.sh BUILD_DIR     (exit 77 = skipped, with the reason)
# For experiments with the sandbox (docs/admin-guide.md section 13), not for CI:
#   ONEWINDOW_PKGTEST_SANDBOX_ARGS=--mdwe   adds MemoryDenyWriteExecute= to the unit's sandbox
#   ONEWINDOW_PKGTEST_QUICK_BACKEND=        Qt Quick on OpenGL (Mesa llvmpipe) instead of software
set -euo pipefail

build=$(cd "$1" && pwd)
here=$(cd "$(dirname "$0")" && pwd)
work="$build/packaging-test"
pkg=onewindow-kiosk
unit=/lib/systemd/system/onewindow-kiosk.service

fail() { echo "FAIL: $*" >&2; exit 1; }
skip() { echo "SKIP: $*"; exit 77; }
step() { echo; echo "== $*"; }

[ "$(id -u)" -eq 0 ] || skip "needs root to install a package with dpkg (CI runs as root)"
for tool in cpack dpkg-deb lintian systemd-analyze runuser; do
    command -v "$tool" >/dev/null || skip "$tool not installed (scripts/install-deps.sh installs it)"
done
/usr/bin/python3 -c 'import seccomp' 2>/dev/null ||
    skip "python3-seccomp not installed (scripts/install-deps.sh installs it)"
if dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'installed\|config-files'; then
    skip "$pkg is already installed on this machine: not touching a real kiosk"
fi
for path in /etc/onewindow /var/lib/onewindow; do
    [ ! -e "$path" ] || skip "$path exists: not touching a real kiosk's files"
done
user_existed=no
getent passwd onewindow >/dev/null && user_existed=yes

chain=
pcscd_pid=
cleanup() {
    [ -z "$pcscd_pid" ] || kill "$pcscd_pid" 2>/dev/null || true
    [ -z "$chain" ] || rm -rf "$chain"
    if dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'installed\|config-files\|half'; then
        dpkg --purge --force-all "$pkg" >/dev/null 2>&1 || true
    fi
    rm -rf /etc/onewindow /var/lib/onewindow
    if [ "$user_existed" = no ] && getent passwd onewindow >/dev/null; then
        userdel onewindow >/dev/null 2>&1 || true
        groupdel onewindow >/dev/null 2>&1 || true
    fi
}
trap cleanup EXIT

# mode owner group of a path, as "0640 root onewindow"
attrs() { stat -c '%04a %U %G' "$1"; }
expect_attrs() {
    local got
    got=$(attrs "$1") || fail "$1 is missing"
    [ "$got" = "$2" ] || fail "$1: expected $2, got $got"
    echo "ok  $1  $got"
}

rm -rf "$work"
mkdir -p "$work"

step "build the package"
cpack -G DEB --config "$build/CPackConfig.cmake" -B "$work/out" >"$work/cpack.log" 2>&1 ||
    { cat "$work/cpack.log"; fail "cpack failed"; }
deb=$(ls "$work"/out/${pkg}_*.deb)
version=$(dpkg-deb -f "$deb" Version)
echo "package: $(basename "$deb")"
echo "package size: $(stat -c %s "$deb") bytes; Installed-Size: $(dpkg-deb -f "$deb" Installed-Size) KiB"
echo "Depends: $(dpkg-deb -f "$deb" Depends)"

step "lintian"
# --fail-on error: a lintian error fails the test; warnings are printed for the report.
lintian --allow-root --fail-on error --tag-display-limit 0 "$deb" | tee "$work/lintian.txt" ||
    fail "lintian reports errors"
grep -q '^E: ' "$work/lintian.txt" && fail "lintian reports errors"
echo "lintian: $(grep -c '^E: ' "$work/lintian.txt" || true) errors, $(grep -c '^W: ' "$work/lintian.txt" || true) warnings"

step "package contents"
dpkg-deb -c "$deb" >"$work/contents.txt"
check_entry() { # path mode-string owner
    grep -qE "^$2 $3 .* \./${1#/}\$" "$work/contents.txt" || {
        grep -F "./${1#/}" "$work/contents.txt" >&2 || true
        fail "package entry $1: expected $2 $3"
    }
    echo "ok  $1  $2 $3"
}
check_entry /usr/bin/onewindow-kiosk -rwxr-xr-x root/root
check_entry /usr/bin/onewindow-tool -rwxr-xr-x root/root
check_entry /usr/lib/onewindow/onewindow-cage -rwxr-xr-x root/root
check_entry "$unit" -rw-r--r-- root/root
check_entry /lib/udev/rules.d/70-onewindow-readers.rules -rw-r--r-- root/root
check_entry /usr/lib/tmpfiles.d/onewindow.conf -rw-r--r-- root/root
check_entry /etc/onewindow/kiosk.conf -rw-r----- root/root
check_entry /etc/modprobe.d/onewindow-nfc-blacklist.conf -rw-r--r-- root/root
check_entry /usr/share/doc/onewindow-kiosk/copyright -rw-r--r-- root/root
dpkg-deb --ctrl-tarfile "$deb" | tar -x -O ./conffiles >"$work/conffiles"
grep -qx /etc/onewindow/kiosk.conf "$work/conffiles" || fail "kiosk.conf is not a conffile"
grep -q 'GROUP="onewindow"' <(dpkg-deb --fsys-tarfile "$deb" | tar -x -O ./lib/udev/rules.d/70-onewindow-readers.rules) ||
    fail "the udev rules give the kiosk user no reader"

# Every path named like the package where a package or its maintainer scripts write, for the
# after-purge comparison. Not all of "/": checkouts and builds (this one, other clones under
# /root, /home, /tmp, /srv, a build running meanwhile) hold such names and change on their own.
source_dir=$(cd "$here/../.." && pwd)
scan() {
    local roots=() dir
    for dir in /etc /usr /lib /lib64 /var /opt /run /boot; do
        [ -d "$dir" ] && [ ! -L "$dir" ] && roots+=("$dir")
    done
    find "${roots[@]}" -xdev \( -path /var/tmp -o -path "$build" -o -path "$source_dir" \
        -o -path '/run/onewindow-pkgtest.*' \) -prune -o -name '*onewindow*' -print 2>/dev/null | sort
}
scan >"$work/before-install.txt"

step "install"
dpkg -i "$deb" || fail "dpkg -i failed (dependencies: scripts/install-deps.sh)"
getent passwd onewindow | grep -q ':/var/lib/onewindow:/usr/sbin/nologin$' ||
    fail "system user onewindow missing or has a login shell: $(getent passwd onewindow)"
[ "$(id -u onewindow)" -lt 1000 ] || fail "onewindow is not a system user"
expect_attrs /var/lib/onewindow "0700 onewindow onewindow"
expect_attrs /etc/onewindow "0750 root onewindow"
expect_attrs /etc/onewindow/kiosk.conf "0640 root onewindow"
expect_attrs /usr/bin/onewindow-kiosk "0755 root root"
expect_attrs /usr/bin/onewindow-tool "0755 root root"
expect_attrs "$unit" "0644 root root"
[ -L /etc/systemd/system/graphical.target.wants/onewindow-kiosk.service ] ||
    fail "the unit is not enabled for graphical.target"
echo "ok  unit enabled"

step "versions: binaries = package"
tool_version=$(onewindow-tool --version)
[ "$tool_version" = "onewindow-tool $version" ] || fail "onewindow-tool --version: '$tool_version', package $version"
kiosk_version=$(QT_QPA_PLATFORM=offscreen runuser -u onewindow -- onewindow-kiosk --version 2>&1 | tail -n1)
[[ "$kiosk_version" == *" $version" ]] || fail "onewindow-kiosk --version: '$kiosk_version', package $version"
echo "ok  $version"

step "systemd-analyze verify"
if ! systemd-analyze verify --man=no "$unit" >"$work/verify.txt" 2>&1; then
    cat "$work/verify.txt"
    fail "systemd-analyze verify failed"
fi
# Lines about other units (e.g. a distribution unit's own quirks) are not ours to fix.
if grep -i 'onewindow' "$work/verify.txt"; then
    fail "systemd-analyze verify complains about our unit"
fi
cat "$work/verify.txt"
echo "ok  verify"
security=$(systemd-analyze security --offline=yes "$unit" 2>/dev/null | tail -n1 || true)
echo "exposure: ${security:-n/a}"

step "selftest as the kiosk user (fresh install: databases not created yet = warnings)"
runuser -u onewindow -- onewindow-tool selftest --json >"$work/selftest.json" ||
    { cat "$work/selftest.json"; fail "selftest failed as the kiosk user"; }
/usr/bin/python3 - "$work/selftest.json" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))
for c in r["checks"]:
    print(f'{c["status"]:4}  {c["name"]:11}  {c["detail"]}')
assert r["ok"] is True, "selftest not ok"
status = {c["name"]: c["status"] for c in r["checks"]}
for name in ("config", "state_dir", "qml_modules"):
    assert status[name] == "ok", f"{name}: {status[name]}"
PY
onewindow-tool selftest >/dev/null || fail "selftest failed as root"

step "the unit's chain under the unit's sandbox: wrapper → cage (headless) → Xwayland → kiosk → READY=1, watchdog, PC/SC"
# The chain runs in a private mount namespace (unit_sandbox.py). A chroot ("/" is no mount point)
# cannot make one; a machine (CI) can, and there the step must pass.
if ! unshare --mount --propagation private true 2>/dev/null; then
    echo "skip: no private mount namespace here (a chroot?); the chain is not started"
else
# What systemd would give (no systemd as PID 1 here): a NOTIFY_SOCKET of our own, WATCHDOG_PID
# naming another process (as it names cage under systemd), the kiosk user, the runtime directory,
# and the unit's sandbox as tests/packaging/unit_sandbox.py reads it from the installed unit
# (what it applies and what it cannot is listed there). Sockets and the runtime directory live in
# a directory of its own under /run: the kiosk user must reach nothing in the clone, which may
# be under /tmp (hidden by PrivateTmp=) or /root (0700, and hidden by ProtectHome=).
chain=$(mktemp -d /run/onewindow-pkgtest.XXXXXX)
chmod 0755 "$chain"
mkdir "$chain/run" "$chain/pcscd"
chown onewindow:onewindow "$chain/run"
chmod 0700 "$chain/run"
# The stand-in must confine for real: the kiosk user, the file system read-only but for the state
# and runtime directories, no home directories (/home is readable on the host), no other users'
# processes (pid 1 is root's), no capabilities, no_new_privs and seccomp filters in force.
/usr/bin/python3 "$here/unit_sandbox.py" "$unit" --rw "$chain/run" -- /bin/sh -c '
    [ "$(id -un)" = onewindow ] && ! touch /usr/onewindow-probe 2>/dev/null && ! ls /home >/dev/null 2>&1 &&
    touch /var/lib/onewindow/.probe && rm /var/lib/onewindow/.probe && touch "$1/.probe" && rm "$1/.probe" &&
    [ ! -e /proc/1/status ] && grep -q "^Seccomp:[[:space:]]*2" /proc/self/status &&
    grep -q "^CapBnd:[[:space:]]*0*$" /proc/self/status && grep -q "^NoNewPrivs:[[:space:]]*1" /proc/self/status' \
    sh "$chain/run" || fail "the unit's sandbox (unit_sandbox.py) is not in force"
echo "ok  the sandbox confines: read-only system, no /home, no other users' processes, seccomp, no capabilities"
/usr/bin/python3 "$here/notify_listener.py" "$chain/notify" 90 >"$work/notify.log" 2>&1 &
listener=$!
for _ in $(seq 50); do [ -S "$chain/notify" ] && break; sleep 0.1; done
# pcscd access: a private pcscd (its fixed socket path bound to $chain/pcscd) with a virtual
# reader; the kiosk, a client of the socket like of /run/pcscd/pcscd.comm, must list it.
pcscd_pid=
if command -v pcscd >/dev/null && [ -e /usr/lib/pcsc/drivers/serial/libifdvpcd.so ]; then
    printf 'FRIENDLYNAME "OW Packaging"\nDEVICENAME /dev/null:40180\nLIBPATH %s\nCHANNELID 40180\n' \
        /usr/lib/pcsc/drivers/serial/libifdvpcd.so >"$chain/reader.conf"
    mkdir -p /run/pcscd
    unshare --mount --propagation private -- sh -c 'mount --bind "$1" /run/pcscd && exec pcscd -f -c "$2"' \
        sh "$chain/pcscd" "$chain/reader.conf" >"$work/pcscd.log" 2>&1 &
    pcscd_pid=$!
    for _ in $(seq 50); do [ -S "$chain/pcscd/pcscd.comm" ] && break; sleep 0.1; done
    [ -S "$chain/pcscd/pcscd.comm" ] || { cat "$work/pcscd.log"; fail "the private pcscd did not start"; }
else
    echo "note: pcscd or vpcd missing (scripts/install-deps.sh installs them): PC/SC not checked"
fi
setsid env -i PATH=/usr/bin:/bin HOME=/var/lib/onewindow \
    RUNTIME_DIRECTORY="$chain/run" NOTIFY_SOCKET="$chain/notify" WATCHDOG_USEC=2000000 WATCHDOG_PID=1 \
    ONEWINDOW_CONFIG=/etc/onewindow/kiosk.conf QT_QUICK_BACKEND="${ONEWINDOW_PKGTEST_QUICK_BACKEND-software}" \
    PCSCLITE_CSOCK_NAME="$chain/pcscd/pcscd.comm" QSG_INFO=1 \
    WLR_BACKENDS=headless WLR_RENDERER=pixman WLR_LIBINPUT_NO_DEVICES=1 \
    /usr/bin/python3 "$here/unit_sandbox.py" "$unit" --rw "$chain/run" ${ONEWINDOW_PKGTEST_SANDBOX_ARGS:-} -- \
    /usr/lib/onewindow/onewindow-cage >"$work/cage.log" 2>&1 &
session=$!
chain_rc=0
wait "$listener" || chain_rc=$?
# The kiosk lists the readers at start; give the PC/SC monitor a moment after READY=1.
if [ -n "$pcscd_pid" ]; then
    for _ in $(seq 50); do grep -q 'reader added: "OW Packaging' "$work/cage.log" && break; sleep 0.1; done
fi
kill -TERM -- "-$session" 2>/dev/null || true
for _ in $(seq 50); do kill -0 "$session" 2>/dev/null || break; sleep 0.1; done
kill -KILL -- "-$session" 2>/dev/null || true
wait "$session" 2>/dev/null || true
cat "$work/notify.log"
# The process group dies with the signal. Qt's speech backend autospawns speech-dispatcher
# (--spawn), which daemonises into a session of its own and leaves after its idle timeout of
# about 5 s once the kiosk has gone; under systemd the unit's cgroup takes it at once. So: the
# group must be gone within 5 s, and every process of the kiosk user within 20 s.
for _ in $(seq 50); do pgrep -g "$session" >/dev/null || break; sleep 0.1; done
if pgrep -g "$session" >/dev/null; then
    ps -g "$session" -o pid,pgid,stat,cmd
    fail "processes of the kiosk session outlived the session"
fi
for _ in $(seq 200); do pgrep -u onewindow >/dev/null || break; sleep 0.1; done
if pgrep -u onewindow >/dev/null; then
    ps -u onewindow -o pid,pgid,stat,cmd
    fail "processes of the kiosk user outlived the session by 20 s"
fi
if [ -n "$pcscd_pid" ]; then
    kill "$pcscd_pid" 2>/dev/null || true
    wait "$pcscd_pid" 2>/dev/null || true
fi
if [ "$chain_rc" -ne 0 ]; then
    grep -v 'output test failed' "$work/cage.log" | tail -n 30
    fail "the kiosk under cage did not report READY=1 and two watchdog pings"
fi
echo "ok  READY=1 and WATCHDOG=1 from the kiosk under cage, in the unit's sandbox"
if [ -n "$pcscd_pid" ]; then
    grep 'reader added: "OW Packaging' "$work/cage.log" ||
        { tail -n 30 "$work/cage.log"; fail "the kiosk in the sandbox did not reach pcscd's socket"; }
    echo "ok  the kiosk in the sandbox lists the PC/SC reader of pcscd"
fi
# Nothing the sandbox refused with EPERM may have been fatal; show what was refused, for the record.
grep -i 'operation not permitted' "$work/cage.log" | sort | uniq -c | head -n 20 || true
rm -rf "$chain"
chain=
fi
# Whatever the kiosk created in its state directory (keys, databases) must pass as well.
runuser -u onewindow -- onewindow-tool selftest >"$work/selftest-after-run.txt" ||
    { cat "$work/selftest-after-run.txt"; fail "selftest fails on the state the kiosk left"; }
ls -l /var/lib/onewindow

step "reinstall: idempotent scripts, data kept"
runuser -u onewindow -- sh -c 'echo queued >/var/lib/onewindow/keep-me'
echo "# site setting" >>/etc/onewindow/kiosk.conf
dpkg -i "$deb" >/dev/null || fail "reinstall failed"
dpkg --configure -a || fail "dpkg --configure -a failed"
grep -qx queued /var/lib/onewindow/keep-me || fail "reinstall lost state"
grep -q '^# site setting' /etc/onewindow/kiosk.conf || fail "reinstall replaced a changed conffile"
expect_attrs /var/lib/onewindow "0700 onewindow onewindow"
expect_attrs /etc/onewindow/kiosk.conf "0640 root onewindow"
[ "$(dpkg-statoverride --list | grep -c onewindow)" -eq 2 ] || fail "statoverrides duplicated or missing"

step "remove: binaries gone, configuration and state kept"
dpkg -r "$pkg" || fail "dpkg -r failed"
[ ! -e /usr/bin/onewindow-kiosk ] || fail "binary left after remove"
[ ! -e "$unit" ] || fail "unit left after remove"
grep -qx queued /var/lib/onewindow/keep-me || fail "remove deleted state"
[ -f /etc/onewindow/kiosk.conf ] || fail "remove deleted the configuration"
dpkg-query -W -f='${Status}\n' "$pkg" | grep -q config-files || fail "package not in config-files state"
echo "ok  state and configuration kept"

step "purge: state and configuration gone"
dpkg -P "$pkg" || fail "dpkg -P failed"
for path in /etc/onewindow /var/lib/onewindow /etc/modprobe.d/onewindow-nfc-blacklist.conf; do
    [ ! -e "$path" ] || fail "$path left after purge"
done
! dpkg-statoverride --list | grep -q onewindow || fail "statoverrides left after purge"
! find /etc/systemd -name 'onewindow*' | grep -q . || fail "unit links left after purge: $(find /etc/systemd -name 'onewindow*')"
dpkg-query -W "$pkg" >/dev/null 2>&1 && fail "package still known to dpkg after purge"
scan >"$work/after-purge.txt"
echo "what remains after purge:"
getent passwd onewindow >/dev/null && echo "  system user and group onewindow (kept, as usual on Debian)"
comm -13 "$work/before-install.txt" "$work/after-purge.txt" >"$work/leftovers.txt"
if [ -s "$work/leftovers.txt" ]; then
    sed 's/^/  /' "$work/leftovers.txt"
    fail "files left after purge"
fi
echo "  no files"
echo
echo "PASS"
