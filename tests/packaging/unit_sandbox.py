#!/usr/bin/python3
"""Runs a command under the sandbox a systemd unit file describes, as near as this machine allows
without systemd as PID 1 (tests/packaging/deb_install_test.sh starts cage → kiosk with it).

Stand-in for systemd (no systemd as PID 1 here, so no `systemd-run`): the same kernel mechanisms
as systemd's, set up from the unit's own lines. The syscall groups are expanded by this machine's
`systemd-analyze syscall-filter`, so the allow-list is the one systemd would load.

Applied (run as root; the command runs as the unit's User=):
  mount namespace (PrivateMounts=), PrivateTmp=, ProtectHome=, ProtectSystem=strict with
  ReadWritePaths= and --rw paths, ProtectKernelTunables= (/proc/sys, /sys read-only),
  ProtectProc= and ProcSubset= (a procfs of its own with hidepid=/subset=), ProtectHostname=
  (UTS namespace); User=, Group=, SupplementaryGroups=, UMask=, NoNewPrivileges=,
  CapabilityBoundingSet= (empty: every capability dropped); seccomp: SystemCallFilter= with
  SystemCallErrorNumber=, SystemCallArchitectures=native, RestrictAddressFamilies=,
  RestrictNamespaces=, LockPersonality=, MemoryDenyWriteExecute= (or --mdwe to try it).
Not applied (say so where it matters): DevicePolicy=/DeviceAllow= (a cgroup BPF program: no
cgroup of our own here), PrivateUsers=, RemoveIPC= (acts on stop), PAMName= (logind session),
ProtectKernelLogs=/ProtectClock=/ProtectKernelModules= beyond their syscall groups (already out
of the allow-list), RestrictRealtime= and RestrictSUIDSGID= (their syscalls' arguments).

Usage: unit_sandbox.py UNIT [--rw PATH]... [--mdwe] -- COMMAND [ARG]...
"""
import argparse
import ctypes
import errno
import grp
import os
import pwd
import re
import subprocess
import sys

import seccomp  # python3-seccomp (libseccomp, the library systemd uses for the same filters)

CLONE_NEWNS, CLONE_NEWUTS = 0x00020000, 0x04000000
NAMESPACE_FLAGS = {"cgroup": 0x02000000, "ipc": 0x08000000, "net": 0x40000000, "mnt": CLONE_NEWNS,
                   "pid": 0x20000000, "user": 0x10000000, "uts": CLONE_NEWUTS}
MS_RDONLY, MS_NOSUID, MS_NODEV, MS_NOEXEC = 1, 2, 4, 8
MS_REMOUNT, MS_BIND, MS_REC, MS_PRIVATE = 32, 4096, 16384, 1 << 18
PR_SET_NO_NEW_PRIVS, PR_CAPBSET_DROP = 38, 24
PROT_WRITE, PROT_EXEC, SHM_EXEC = 2, 4, 0o100000
ADDRESS_FAMILIES = {"AF_UNIX": 1, "AF_LOCAL": 1, "AF_INET": 2, "AF_INET6": 10, "AF_NETLINK": 16,
                    "AF_PACKET": 17, "AF_BLUETOOTH": 31}
AF_MAX = 46

libc = ctypes.CDLL(None, use_errno=True)


def check(rc, what):
    if rc != 0:
        e = ctypes.get_errno()
        raise OSError(e, f"{what}: {os.strerror(e)}")


def mount(source, target, fstype, flags, data=None):
    check(libc.mount(source and source.encode(), target.encode(), fstype and fstype.encode(),
                     ctypes.c_ulong(flags), data and data.encode()), f"mount {target}")


def parse_unit(path):
    """[Service] settings: name -> list of values, in file order (an empty value resets)."""
    settings, section = {}, None
    with open(path, encoding="utf-8") as f:
        for raw in f:
            line = raw.strip()
            if not line or line[0] in "#;":
                continue
            if line.startswith("["):
                section = line
                continue
            if section != "[Service]" or "=" not in line:
                continue
            key, value = (part.strip() for part in line.split("=", 1))
            if value == "":
                settings[key] = []
            else:
                settings.setdefault(key, []).append(value)
    return settings


def last(settings, key, default=""):
    return settings.get(key, [default])[-1]


def yes(settings, key):
    return last(settings, key, "no").lower() in ("yes", "true", "1", "on")


def expand_group(name, seen=None):
    """Syscall names in a systemd group (@name), nested groups resolved, by systemd-analyze."""
    seen = seen if seen is not None else set()
    if name in seen:
        return set()
    seen.add(name)
    out = subprocess.run(["systemd-analyze", "syscall-filter", "--no-pager", name],
                         capture_output=True, text=True, check=True).stdout
    calls = set()
    for line in out.splitlines()[1:]:
        item = line.strip()
        if not item or item.startswith("#"):
            continue
        if not line.startswith("    "):  # the next group's heading (or trailing notes)
            break
        calls |= expand_group(item, seen) if item.startswith("@") else {item}
    return calls


def syscall_allow_list(settings):
    """SystemCallFilter= as systemd reads it: the first non-~ line starts an allow-list, ~ lines
    remove from it. None when the unit has no (allow-list) filter."""
    allowed = None
    for value in settings.get("SystemCallFilter", []):
        deny = value.startswith("~")
        names = set()
        for item in value.lstrip("~").split():
            names |= expand_group(item) if item.startswith("@") else {item}
        if deny:
            if allowed is not None:
                allowed -= names
        else:
            allowed = (allowed or expand_group("@default")) | names
    return allowed


def errno_action(settings):
    name = last(settings, "SystemCallErrorNumber")
    if not name:
        return seccomp.KILL_PROCESS
    return seccomp.ERRNO(getattr(errno, name))


def load_filters(settings, mdwe):
    """Several filters, as systemd loads them; the kernel applies the strictest answer."""
    filters = []
    families = settings.get("RestrictAddressFamilies", [])
    if families:
        allowed_af = {ADDRESS_FAMILIES[name] for v in families for name in v.split()}
        f = seccomp.SyscallFilter(seccomp.ALLOW)
        for af in range(AF_MAX):
            if af not in allowed_af:
                f.add_rule(seccomp.ERRNO(errno.EAFNOSUPPORT), "socket", seccomp.Arg(0, seccomp.EQ, af))
        f.add_rule(seccomp.ERRNO(errno.EAFNOSUPPORT), "socket", seccomp.Arg(0, seccomp.GE, AF_MAX))
        filters.append(f)
    namespaces = last(settings, "RestrictNamespaces", "no")
    if namespaces.lower() not in ("no", "false", "off", "0"):
        blocked = (NAMESPACE_FLAGS.values() if namespaces.lower() in ("yes", "true", "on", "1")
                   else [NAMESPACE_FLAGS[n] for n in NAMESPACE_FLAGS if n not in namespaces.split()])
        f = seccomp.SyscallFilter(seccomp.ALLOW)
        f.add_rule(seccomp.ERRNO(errno.ENOSYS), "clone3")  # as systemd: glibc falls back to clone
        for flag in blocked:
            for call, arg in (("unshare", 0), ("clone", 0), ("setns", 1)):
                f.add_rule(seccomp.ERRNO(errno.EPERM), call, seccomp.Arg(arg, seccomp.MASKED_EQ, flag, flag))
        f.add_rule(seccomp.ERRNO(errno.EPERM), "setns", seccomp.Arg(1, seccomp.EQ, 0))
        filters.append(f)
    if yes(settings, "LockPersonality"):
        f = seccomp.SyscallFilter(seccomp.ALLOW)
        f.add_rule(seccomp.ERRNO(errno.EPERM), "personality", seccomp.Arg(0, seccomp.NE, 0))
        filters.append(f)
    if mdwe or yes(settings, "MemoryDenyWriteExecute"):
        f = seccomp.SyscallFilter(seccomp.ALLOW)
        both = PROT_WRITE | PROT_EXEC
        f.add_rule(seccomp.ERRNO(errno.EPERM), "mmap", seccomp.Arg(2, seccomp.MASKED_EQ, both, both))
        for call in ("mprotect", "pkey_mprotect"):
            f.add_rule(seccomp.ERRNO(errno.EPERM), call, seccomp.Arg(2, seccomp.MASKED_EQ, PROT_EXEC, PROT_EXEC))
        f.add_rule(seccomp.ERRNO(errno.EPERM), "shmat", seccomp.Arg(2, seccomp.MASKED_EQ, SHM_EXEC, SHM_EXEC))
        filters.append(f)
    # The allow-list last: seccomp() itself is not in @system-service (systemd's order, too).
    allowed = syscall_allow_list(settings)
    if allowed is not None:
        f = seccomp.SyscallFilter(errno_action(settings))
        for name in sorted(allowed):
            try:
                f.add_rule(seccomp.ALLOW, name)
            except (RuntimeError, ValueError, OSError):
                pass  # a name of another architecture (e.g. mmap2, _llseek)
        filters.append(f)
    return filters


MOUNT_FLAGS = {"ro": MS_RDONLY, "nosuid": MS_NOSUID, "nodev": MS_NODEV, "noexec": MS_NOEXEC}


def mount_points():
    """(mount point, per-mount flags) from /proc/self/mountinfo, parents first."""
    points = []
    with open("/proc/self/mountinfo", encoding="utf-8") as f:
        for line in f:
            fields = line.split()
            point = re.sub(r"\\([0-7]{3})", lambda m: chr(int(m.group(1), 8)), fields[4])
            flags = 0
            for option in fields[5].split(","):
                flags |= MOUNT_FLAGS.get(option, 0)
            points.append((point, flags))
    return points


def under(path, prefix):
    return path == prefix or path.startswith(prefix.rstrip("/") + "/")


def make_read_only(keep_writable):
    """ProtectSystem=strict: every mount read-only but the API file systems and the writable paths."""
    for point, flags in mount_points():
        if any(under(point, p) for p in ("/proc", "/dev")) or any(under(point, p) for p in keep_writable):
            continue
        try:
            mount(None, point, None, MS_REMOUNT | MS_BIND | MS_RDONLY | flags)
        except OSError as e:
            if e.errno not in (errno.ENOENT, errno.EACCES):
                raise


def set_up_mounts(settings, writable):
    check(libc.unshare(CLONE_NEWNS | (CLONE_NEWUTS if yes(settings, "ProtectHostname") else 0)),
          "unshare")
    mount(None, "/", None, MS_REC | MS_PRIVATE)
    if yes(settings, "PrivateTmp"):
        for tmp in ("/tmp", "/var/tmp"):
            mount("tmpfs", tmp, "tmpfs", MS_NOSUID | MS_NODEV, "mode=1777")
    if yes(settings, "ProtectHome"):
        for home in ("/home", "/root", "/run/user"):
            if os.path.isdir(home):
                mount("tmpfs", home, "tmpfs", MS_NOSUID | MS_NODEV | MS_NOEXEC, "mode=0000")
                mount(None, home, None, MS_REMOUNT | MS_RDONLY | MS_NOSUID | MS_NODEV | MS_NOEXEC)
    protect = last(settings, "ProtectProc", "default")
    subset = last(settings, "ProcSubset", "all")
    if protect != "default" or subset != "all":
        options = [f"hidepid={protect}"] if protect != "default" else []
        options += ["subset=pid"] if subset == "pid" else []
        mount("proc", "/proc", "proc", MS_NOSUID | MS_NODEV | MS_NOEXEC, ",".join(options))
    if yes(settings, "ProtectKernelTunables") and subset != "pid":
        mount("/proc/sys", "/proc/sys", None, MS_BIND)
        mount(None, "/proc/sys", None, MS_REMOUNT | MS_BIND | MS_RDONLY)
    if last(settings, "ProtectSystem", "no") == "strict":
        keep = [p for v in settings.get("ReadWritePaths", []) for p in v.split()] + writable
        keep += ["/tmp", "/var/tmp"] if yes(settings, "PrivateTmp") else []
        keep = [p.lstrip("-") for p in keep if os.path.exists(p.lstrip("-"))]
        for path in keep:  # each a mount of its own, so the read-only pass can leave it out
            mount(path, path, None, MS_BIND | MS_REC)
        make_read_only(keep)


def drop_privileges(settings, cap_last):
    user = pwd.getpwnam(last(settings, "User"))
    group = grp.getgrnam(last(settings, "Group", user.pw_name))
    extra = [grp.getgrnam(n).gr_gid for v in settings.get("SupplementaryGroups", []) for n in v.split()]
    if "CapabilityBoundingSet" in settings and not settings["CapabilityBoundingSet"]:
        for cap in range(cap_last + 1):
            check(libc.prctl(PR_CAPBSET_DROP, cap, 0, 0, 0), f"drop capability {cap}")
    os.setgroups(extra)
    os.setgid(group.gr_gid)
    os.setuid(user.pw_uid)
    if "UMask" in settings:
        os.umask(int(last(settings, "UMask"), 8))
    # NoNewPrivileges=: the unit says yes, and seccomp as non-root needs it anyway (as in systemd).
    check(libc.prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0), "no_new_privs")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("unit")
    parser.add_argument("--rw", action="append", default=[], help="also writable (e.g. the runtime dir)")
    parser.add_argument("--mdwe", action="store_true", help="MemoryDenyWriteExecute=yes whatever the unit says")
    argv = sys.argv[1:]
    if "--" not in argv or argv.index("--") == len(argv) - 1:
        parser.error("no command after --")
    args = parser.parse_args(argv[:argv.index("--")])
    command = argv[argv.index("--") + 1:]
    if os.geteuid() != 0:
        print("unit_sandbox.py: needs root (namespaces, mounts, user switch)", file=sys.stderr)
        return 77
    settings = parse_unit(args.unit)
    filters = load_filters(settings, args.mdwe)  # systemd-analyze runs before the sandbox closes
    with open("/proc/sys/kernel/cap_last_cap", encoding="ascii") as f:  # before ProcSubset= hides it
        cap_last = int(f.read())
    set_up_mounts(settings, args.rw)
    drop_privileges(settings, cap_last)
    # WorkingDirectory= (systemd's default for a system service: "/"); the caller's directory,
    # e.g. a build tree under /root, is none of the service's business.
    os.chdir(last(settings, "WorkingDirectory", "/").lstrip("-"))
    for f in filters:
        f.load()
    os.execvp(command[0], command)
    return 127


if __name__ == "__main__":
    sys.exit(main())
