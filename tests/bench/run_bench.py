#!/usr/bin/python3
"""OneWindow end-to-end benchmark suite (DESIGN.md §13, issue 9; docs/performance.md).

Runs every scenario against the real kiosk binary (release build), each with warm-up runs and
several counted runs, prints one table (median, p95, min, max, the bar and met/missed) under a
header naming the machine and versions, and writes the same table as JSON.

    scripts/bench.sh [--quick] [--out FILE]          # builds the release preset, then this
    /usr/bin/python3 tests/bench/run_bench.py --build-dir build/release [--quick] [--out F]
        [--scenarios startup,card,memory,stalls,storage] [--check] [--smoke]
    /usr/bin/python3 tests/bench/run_bench.py --markdown RESULTS.json   # the table for the docs

--check only verifies that every scenario produced numbers (exit 1 otherwise); it never
compares a time with a bar (ctest: bench_suite_quick). Python 3 standard library only.
"""

import argparse
import datetime
import json
import os
import platform
import queue
import re
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request

HERE = os.path.dirname(os.path.abspath(__file__))
SOURCE = os.path.abspath(os.path.join(HERE, "..", ".."))


# ---------------------------------------------------------------- statistics and the table

def percentile(values, p):
    """Nearest-rank percentile (p in 0..100) of a non-empty list."""
    ordered = sorted(values)
    rank = max(1, -(-len(ordered) * p // 100))
    return ordered[int(rank) - 1]


class Table:
    def __init__(self):
        self.rows = []
        self.notes = []

    def add(self, scenario, metric, unit, values, bar=None, met=None, note=""):
        """values: the counted runs; bar: text; met: True/False/None (no bar)."""
        values = [float(v) for v in values if v is not None]
        row = {"scenario": scenario, "metric": metric, "unit": unit, "n": len(values),
               "median": None, "p95": None, "min": None, "max": None,
               "bar": bar or "", "met": met, "note": note}
        if values:
            row.update(median=statistics.median(values), p95=percentile(values, 95),
                       min=min(values), max=max(values))
        self.rows.append(row)
        return row

    def find(self, scenario, metric):
        for r in self.rows:
            if r["scenario"] == scenario and r["metric"] == metric:
                return r
        return None

    def render(self):
        def fmt(v):
            if v is None:
                return "-"
            return "%.1f" % v if abs(v) >= 100 else "%.2f" % v
        head = ("scenario", "metric", "unit", "n", "median", "p95", "min", "max", "bar", "result")
        lines = [head]
        for r in self.rows:
            result = {True: "met", False: "MISSED", None: ""}[r["met"]]
            lines.append((r["scenario"], r["metric"], r["unit"], str(r["n"]), fmt(r["median"]),
                          fmt(r["p95"]), fmt(r["min"]), fmt(r["max"]), r["bar"], result))
        widths = [max(len(l[i]) for l in lines) for i in range(len(head))]
        out = []
        for i, l in enumerate(lines):
            out.append("  ".join(c.ljust(widths[j]) if j < 3 or j >= 8 else c.rjust(widths[j])
                                 for j, c in enumerate(l)).rstrip())
            if i == 0:
                out.append("  ".join("-" * w for w in widths))
        return "\n".join(out)


def log(msg):
    print("[bench %s] %s" % (time.strftime("%H:%M:%S"), msg), file=sys.stderr, flush=True)


# ---------------------------------------------------------------- machine and versions

def machine_info(build_dir):
    info = {"date_utc": datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")}
    try:
        with open("/proc/cpuinfo") as f:
            models = [l.split(":", 1)[1].strip() for l in f if l.startswith("model name")]
        info["cpu"] = models[0] if models else platform.processor()
    except OSError:
        info["cpu"] = platform.processor()
    info["cores"] = os.cpu_count()
    with open("/proc/meminfo") as f:
        for l in f:
            if l.startswith("MemTotal:"):
                info["ram_gb"] = round(int(l.split()[1]) / 1024 / 1024, 1)
    os_name = platform.system()
    try:
        with open("/etc/os-release") as f:
            for l in f:
                if l.startswith("PRETTY_NAME="):
                    os_name = l.split("=", 1)[1].strip().strip('"')
    except OSError:
        pass
    info["os"] = "%s, kernel %s" % (os_name, platform.release())
    info["qt"] = run_text(["dpkg-query", "-W", "-f=${Version}", "libqt6core6"]) or "?"
    compiler = "?"
    cache = os.path.join(build_dir, "CMakeCache.txt")
    if os.path.exists(cache):
        with open(cache) as f:
            for l in f:
                if l.startswith("CMAKE_CXX_COMPILER:"):
                    compiler = (run_text([l.split("=", 1)[1].strip(), "--version"]) or "?").splitlines()[0]
                if l.startswith("CMAKE_BUILD_TYPE:"):
                    info["build_type"] = l.split("=", 1)[1].strip()
    info["compiler"] = compiler
    info["git"] = run_text(["git", "-C", SOURCE, "describe", "--always", "--dirty", "--tags"]) or "?"
    info["mesa"] = run_text(["dpkg-query", "-W", "-f=${Version}", "libgl1-mesa-dri"]) or "not installed"
    info["load_average_at_start"] = " ".join("%.2f" % x for x in os.getloadavg())
    return info


def run_text(cmd, timeout=20):
    try:
        return subprocess.run(cmd, capture_output=True, text=True, timeout=timeout).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        return ""


def parse_fields(line):
    """'word a=1 b=2.5 c=x' → {'a': 1.0, 'b': 2.5, 'c': 'x'}"""
    out = {}
    for tok in line.split()[1:]:
        if "=" in tok:
            k, v = tok.split("=", 1)
            try:
                out[k] = float(v)
            except ValueError:
                out[k] = v
    return out


# ---------------------------------------------------------------- processes

class Xvfb:
    """A private X server at the kiosk's portrait size (1080×1920)."""

    def __init__(self):
        self.proc = None
        self.display = None

    def start(self):
        if not shutil.which("Xvfb"):
            return "Xvfb is not installed"
        for n in range(91, 140):
            if os.path.exists("/tmp/.X11-unix/X%d" % n) or os.path.exists("/tmp/.X%d-lock" % n):
                continue
            self.proc = subprocess.Popen(["Xvfb", ":%d" % n, "-screen", "0", "1080x1920x24", "-nolisten", "tcp"],
                                         stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            deadline = time.monotonic() + 10
            while time.monotonic() < deadline:
                if os.path.exists("/tmp/.X11-unix/X%d" % n):
                    self.display = ":%d" % n
                    return None
                if self.proc.poll() is not None:
                    break
                time.sleep(0.05)
            self.stop()
        return "Xvfb did not start"

    def stop(self):
        if self.proc and self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(5)
            except subprocess.TimeoutExpired:
                self.proc.kill()
        self.proc = None


class Hub:
    """The reference hub (tests/hub/hub.py) with a fresh test PKI, on free loopback ports."""

    def __init__(self, workdir):
        self.dir = tempfile.mkdtemp(prefix="hub-", dir=workdir)
        self.pki = os.path.join(self.dir, "pki")
        self.proc = None
        self.port = self.admin_port = 0

    def start(self):
        subprocess.run(["/bin/sh", os.path.join(SOURCE, "tests/pki/make-pki.sh"), self.pki], check=True,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        port_file = os.path.join(self.dir, "ports.json")
        self.proc = subprocess.Popen(["/usr/bin/python3", os.path.join(SOURCE, "tests/hub/hub.py"), "--pki", self.pki,
                                      "--port", "0", "--port-file", port_file],
                                     stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        deadline = time.monotonic() + 15
        while not os.path.exists(port_file):
            if time.monotonic() > deadline or self.proc.poll() is not None:
                raise RuntimeError("hub.py did not start")
            time.sleep(0.05)
        with open(port_file) as f:
            ports = json.load(f)
        self.port, self.admin_port = ports["https_port"], ports["admin_port"]

    def admin(self, path, body=None):
        data = None if body is None else json.dumps(body).encode()
        req = urllib.request.Request("http://127.0.0.1:%d%s" % (self.admin_port, path), data=data,
                                     method="GET" if body is None else "POST")
        opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
        with opener.open(req, timeout=60) as r:
            return json.loads(r.read())

    def config_lines(self):
        return ("[hub]\nurl=https://127.0.0.1:%d\nkiosk_id=kiosk-test-01\nca=%s/ca.pem\ncert=%s/kiosk.pem\n"
                "key=%s/kiosk.key\noutbox_poll_s=1\nheartbeat_interval_s=3600\nlicenses_interval_s=1\n"
                "catalog_interval_s=3600\nbackoff_base_ms=100\nbackoff_cap_ms=500\n"
                % (self.port, self.pki, self.pki, self.pki))

    def stop(self):
        if self.proc and self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait(5)


class Kiosk:
    """The kiosk binary driven through --sim-control (app/ui/DemoConsole.h lists the commands)."""

    def __init__(self, binary, args, env, log_path):
        self.lines = queue.Queue()
        self.seen = []
        self.log = open(log_path, "ab")
        env = dict(env)
        # The launch instant on CLOCK_BOOTTIME: the probe's origin (app/perf/ProcessClock.h).
        env["ONEWINDOW_PERF_LAUNCH_NS"] = str(time.clock_gettime_ns(time.CLOCK_BOOTTIME))
        self.proc = subprocess.Popen([binary] + args, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                     stderr=self.log, env=env)
        self.reader = threading.Thread(target=self._read, daemon=True)
        self.reader.start()

    def _read(self):
        for raw in self.proc.stdout:
            self.lines.put(raw.decode("utf-8", "replace").strip())
        self.lines.put(None)

    def send(self, line):
        self.proc.stdin.write((line + "\n").encode())
        self.proc.stdin.flush()

    def wait_for(self, predicate, timeout=20.0):
        """The first line (also among the unmatched seen since the last command) that matches."""
        for i, l in enumerate(self.seen):
            if predicate(l):
                del self.seen[: i + 1]
                return l
        deadline = time.monotonic() + timeout
        while True:
            left = deadline - time.monotonic()
            if left <= 0:
                return None
            try:
                l = self.lines.get(timeout=left)
            except queue.Empty:
                return None
            if l is None:
                return None
            if predicate(l):
                return l
            self.seen.append(l)

    def expect(self, text, timeout=20.0):
        if self.wait_for(lambda l: l == text, timeout) is None:
            raise RuntimeError("kiosk: expected %r; unmatched output: %s" % (text, " | ".join(self.seen[-12:])))

    def run(self, line, expected=None, timeout=20.0):
        self.seen.clear()
        self.send(line)
        self.expect(expected or "ok " + line.split()[0], timeout)

    def ask(self, line, prefix, timeout=20.0):
        self.seen.clear()
        self.send(line)
        answer = self.wait_for(lambda l: l.startswith(prefix), timeout)
        if answer is None:
            raise RuntimeError("kiosk: no %r answer to %r" % (prefix, line))
        return answer

    def stop(self):
        if self.proc.poll() is None:
            try:
                self.send("quit")
                self.proc.wait(10)
            except (OSError, subprocess.TimeoutExpired):
                self.proc.kill()
                self.proc.wait(5)
        self.log.close()


# ---------------------------------------------------------------- the suite

class Suite:
    def __init__(self, args):
        self.args = args
        self.build = os.path.abspath(args.build_dir)
        self.bin = os.path.join(self.build, "bin")
        self.kiosk_bin = os.path.join(self.bin, "onewindow-kiosk")
        self.bare_bin = os.path.join(self.bin, "bare_window")
        self.work = tempfile.mkdtemp(prefix="onewindow-bench-")
        self.table = Table()
        self.xvfb = Xvfb()
        self.quick = args.quick or args.smoke
        # (warm-up, counted runs); --smoke is ctest's: one of each, numbers only.
        mode = "smoke" if args.smoke else "quick" if args.quick else "full"
        self.counts = {
            "startup": {"smoke": (0, 1), "quick": (1, 3), "full": (2, 10)}[mode],
            "card": {"smoke": (0, 2), "quick": (1, 5), "full": (3, 30)}[mode],
        }
        self.stall_reps = {"smoke": 1, "quick": 3, "full": 10}[mode]
        self.sessions = {"smoke": [1, 2, 3], "quick": [1, 20, 50], "full": [1, 100, 1000]}[mode]
        self.sync_items = {"smoke": 100, "quick": 500, "full": 10000}[mode]
        self.delta_licences = {"smoke": 500, "quick": 2000, "full": 20000}[mode]
        self.storage_licences = {"smoke": 2000, "quick": 5000, "full": 1000000}[mode]
        self.bench_sync_items = {"smoke": 100, "quick": 300, "full": 10000}[mode]
        self.backends = ("software",) if args.smoke else ("software", "gl")
        # Explicit counts override the mode's (docs/performance.md says which the last run used).
        if args.sessions:
            self.sessions = [int(x) for x in args.sessions.split(",")]
        if args.sync_items:
            self.sync_items = args.sync_items
        if args.storage_licences:
            self.storage_licences = args.storage_licences

    # -- helpers
    def env(self, backend="software", platform_name="xcb"):
        env = dict(os.environ)
        env.pop("ONEWINDOW_CONFIG", None)
        env["QT_QPA_PLATFORM"] = platform_name
        if platform_name == "xcb":
            env["DISPLAY"] = self.xvfb.display
        if backend == "software":
            env["QT_QUICK_BACKEND"] = "software"
        else:
            env.pop("QT_QUICK_BACKEND", None)
            env["LIBGL_ALWAYS_SOFTWARE"] = "1"
        runtime = os.path.join(self.work, "xdg-runtime")
        os.makedirs(runtime, mode=0o700, exist_ok=True)
        env["XDG_RUNTIME_DIR"] = runtime
        env["ONEWINDOW_PERF"] = "1"
        return env

    def config(self, name, extra=""):
        path = os.path.join(self.work, name + ".conf")
        with open(path, "w") as f:
            f.write("[sim]\nread_delay_ms=0\n[ui]\ndefault_language=zh_CN\n[speech]\nenabled=false\n" + extra)
        return path

    def fresh_state(self):
        return tempfile.mkdtemp(prefix="state-", dir=self.work)

    def kiosk(self, env, config, state=None, extra=()):
        args = ["--demo", "--sim-control", "--config", config, "--state-dir", state or self.fresh_state(),
                "--window-size", "1080x1920"] + list(extra)
        k = Kiosk(self.kiosk_bin, args, env, os.path.join(self.work, "kiosk.log"))
        line = k.wait_for(lambda l: l.startswith("perf startup "), 60)
        if line is None:
            k.stop()
            raise RuntimeError("the kiosk did not report its start-up (see %s/kiosk.log)" % self.work)
        return k, parse_fields(line)

    def runs(self, name, fn):
        warm, counted = self.counts[name]
        for _ in range(warm):
            fn()
        return [fn() for _ in range(counted)]

    # -- scenario 1
    def one_start(self, binary, env, args):
        env = dict(env)
        env["ONEWINDOW_PERF"] = "exit-after-start"
        env["ONEWINDOW_PERF_LAUNCH_NS"] = str(time.clock_gettime_ns(time.CLOCK_BOOTTIME))
        p = subprocess.run([binary] + args, env=env, capture_output=True, text=True, timeout=60,
                           stdin=subprocess.DEVNULL)
        for l in p.stdout.splitlines():
            if l.startswith("perf startup "):
                return parse_fields(l)
        raise RuntimeError("%s printed no start-up figures: %s" % (os.path.basename(binary), p.stderr[-600:]))

    def scenario_startup(self):
        config = self.config("startup")
        for backend, label, reference in (("software", "software", 65), ("gl", "llvmpipe GL", 165)):
            if backend not in self.backends:
                continue
            env = self.env(backend)
            try:
                kiosk = self.runs("startup", lambda: self.one_start(
                    self.kiosk_bin, env, ["--demo", "--config", config, "--state-dir", self.fresh_state(),
                                          "--window-size", "1080x1920"]))
                bare = self.runs("startup", lambda: self.one_start(self.bare_bin, env, []))
            except (RuntimeError, subprocess.SubprocessError) as e:
                self.table.notes.append("cold start (%s): %s" % (label, e))
                self.table.add("1 cold start (%s)" % label, "error", "", [], note=str(e)[:200])
                continue
            ki = [r["interactive_ms"] for r in kiosk]
            bi = [r["interactive_ms"] for r in bare]
            s = "1 cold start (%s)" % label
            self.table.add(s, "kiosk first frame", "ms", [r["first_frame_ms"] for r in kiosk])
            row = self.table.add(s, "kiosk interactive", "ms", ki, "p95 <= 1000", None)
            row["met"] = row["p95"] <= 1000
            self.table.add(s, "bare first frame", "ms", [r["first_frame_ms"] for r in bare],
                           "ref ~%d" % reference)
            self.table.add(s, "bare interactive", "ms", bi)
            ratios = [k / b for k, b in zip(sorted(ki), sorted(bi))]
            row = self.table.add(s, "kiosk/bare interactive", "x", ratios, "median <= 2.0")
            row["note"] = "quantile-paired ratios; median of ratios"
            row["met"] = statistics.median(ki) / statistics.median(bi) <= 2.0
            self.table.add(s, "kiosk RSS at start", "MB", [r["rss_kb"] / 1024 for r in kiosk])
            self.table.add(s, "bare RSS at start", "MB", [r["rss_kb"] / 1024 for r in bare])

    # -- scenario 2
    def card_to_form(self, k, category="category_huji", item="item_1", consent=True):
        k.run("place 0")
        k.expect("state identified")
        k.run("tap serviceButton")
        k.run("tap " + category)
        k.run("tap " + item)
        k.run("tap startButton")
        if consent:
            k.run("tap acceptButton")
        k.expect("state filling_form")
        answer = None
        deadline = time.monotonic() + 5
        while time.monotonic() < deadline:  # the form's frame follows within a few ms
            answer = k.ask("timings", "timings")
            if not answer.startswith("timings incomplete"):
                break
            time.sleep(0.02)
        k.run("remove")
        k.run("end")
        k.wait_for(lambda l: l == "state attract", 10)
        return parse_fields(answer) if answer and "read_ms" in answer else None

    def scenario_card(self):
        config = self.config("card")
        k, _ = self.kiosk(self.env("software"), config)
        try:
            results = [r for r in self.runs("card", lambda: self.card_to_form(k)) if r]
        finally:
            k.stop()
        s = "2 card→form (sim reader)"
        self.add_card_rows(s, results, reader_is_kiosk=True)
        self.scenario_card_pcsc()

    def add_card_rows(self, s, results, reader_is_kiosk):
        self.table.add(s, "read (reader thread)", "ms", [r["read_ms"] for r in results],
                       note="sim: encode + decode + cross-check" if reader_is_kiosk else "pcscd + vpcd + decode")
        self.table.add(s, "identify (→ frame)", "ms", [r["identify_ms"] for r in results])
        self.table.add(s, "licence lookup", "ms", [r["lookup_ms"] for r in results])
        self.table.add(s, "form render (→ frame)", "ms", [r["render_ms"] for r in results])
        overhead = [r["overhead_ms"] + (r["read_ms"] if reader_is_kiosk else 0) for r in results]
        row = self.table.add(s, "kiosk overhead", "ms", overhead, "p95 <= 150")
        row["met"] = row["p95"] <= 150 if results else False
        row["note"] = ("read + identify + lookup + render" if reader_is_kiosk
                       else "identify + lookup + render (reader time excluded)")

    def scenario_card_pcsc(self):
        s = "2 card→form (PC/SC vpcd)"
        reason = self.pcsc_skip_reason()
        if reason:
            self.table.notes.append("%s skipped: %s" % (s, reason))
            return
        try:
            results = self.pcsc_runs()
        except (RuntimeError, OSError, subprocess.SubprocessError) as e:
            self.table.notes.append("%s failed: %s" % (s, e))
            self.table.add(s, "error", "", [], note=str(e)[:200])
            return
        self.add_card_rows(s, results, reader_is_kiosk=False)

    def pcsc_skip_reason(self):
        if not os.path.exists("/usr/lib/pcsc/drivers/serial/libifdvpcd.so"):
            return "vsmartcard-vpcd is not installed"
        if not shutil.which("pcscd") or not shutil.which("unshare"):
            return "pcscd or unshare missing"
        # The private pcscd needs a private mount namespace; a chroot ("/" is no mount point)
        # cannot make one.
        probe = (["unshare", "--mount", "--propagation", "private", "true"] if os.geteuid() == 0 else
                 ["unshare", "-r", "-m", "--propagation", "private", "true"])
        r = subprocess.run(probe, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        if r.returncode != 0:
            return "no private mount namespace here: " + r.stderr.decode(errors="replace").strip()
        return None

    def pcsc_runs(self):
        """A private pcscd (own mount namespace) with one vpcd slot; tests/emulators/vpcd_card.py."""
        d = tempfile.mkdtemp(prefix="pcsc-", dir=self.work)
        run_dir = os.path.join(d, "run")
        os.makedirs(run_dir)
        port = free_port_block(2)
        conf = os.path.join(d, "reader.conf")
        with open(conf, "w") as f:
            f.write('FRIENDLYNAME "Bench vpcd"\nDEVICENAME /dev/null:%d\n'
                    "LIBPATH /usr/lib/pcsc/drivers/serial/libifdvpcd.so\n" % port)
        unshare = ["unshare", "--mount", "--propagation", "private"] if os.geteuid() == 0 else \
            ["unshare", "-r", "-m", "--propagation", "private"]
        pcscd = subprocess.Popen(unshare + ["sh", "-c", 'mount --bind "$0" /run/pcscd && exec pcscd -f -c "$1"',
                                            run_dir, conf],
                                 stdout=subprocess.DEVNULL, stderr=open(os.path.join(d, "pcscd.log"), "wb"),
                                 start_new_session=True)
        card = None
        k = None
        try:
            sock = os.path.join(run_dir, "pcscd.comm")
            deadline = time.monotonic() + 10
            while not os.path.exists(sock):
                if time.monotonic() > deadline or pcscd.poll() is not None:
                    raise RuntimeError("private pcscd did not start (see %s/pcscd.log)" % d)
                time.sleep(0.05)
            card = subprocess.Popen(["/usr/bin/python3", os.path.join(SOURCE, "tests/emulators/vpcd_card.py"),
                                     "--port", str(port), "--profile", "generic-sam", "--fixture",
                                     os.path.join(SOURCE, "tests/fixtures/idcard/resident.hex"), "--start-removed"],
                                    stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                                    text=True, bufsize=1)
            if "ready" not in (card.stdout.readline() or ""):
                raise RuntimeError("vpcd_card.py did not start")
            env = self.env("software")
            env["PCSCLITE_CSOCK_NAME"] = sock
            config = self.config("pcsc", "[readers]\nbackends=pcsc\npcsc_profile=generic-sam\n")
            # No --demo: it forces the simulated reader.
            k = Kiosk(self.kiosk_bin, ["--sim-control", "--config", config, "--state-dir", self.fresh_state(),
                                       "--window-size", "1080x1920"], env, os.path.join(self.work, "kiosk-pcsc.log"))
            if k.wait_for(lambda l: l.startswith("perf startup "), 60) is None:
                raise RuntimeError("the PC/SC kiosk did not start")

            def one():
                k.seen.clear()
                card.stdin.write("insert\n")
                card.stdin.flush()
                if k.wait_for(lambda l: l == "state identified", 15) is None:
                    raise RuntimeError("no identity from the virtual card: %s" % " | ".join(k.seen[-8:]))
                k.run("tap serviceButton")
                k.run("tap category_yibao")
                k.run("tap item_1")
                k.run("tap startButton")
                k.expect("state filling_form")
                time.sleep(0.05)
                answer = k.ask("timings", "timings")
                card.stdin.write("remove\n")
                card.stdin.flush()
                k.run("end")
                k.wait_for(lambda l: l == "state attract", 10)
                time.sleep(0.5)  # pcscd notices the removal on its next poll
                f = parse_fields(answer)
                if "read_ms" not in f:
                    raise RuntimeError(answer)
                # No licence lookup for a card-only item: the form follows the tap directly.
                return f
            results = self.runs("card", one)
            return results
        finally:
            if k:
                k.stop()
            if card and card.poll() is None:
                card.kill()
            os.killpg(pcscd.pid, signal.SIGTERM)
            pcscd.wait(5)

    # -- scenario 3
    def one_session(self, k):
        k.run("place 0")
        k.expect("state identified")
        k.run("tap serviceButton")
        k.run("tap category_yibao")
        k.run("tap item_1")
        k.run("tap startButton")
        k.expect("state filling_form")
        k.run("tap field_copies/digit_2")
        k.run("tap reviewButton")
        k.run("tap submitButton")
        k.expect("state receipt")
        k.run("remove")
        k.run("end")
        if k.wait_for(lambda l: l == "state attract", 10) is None:
            raise RuntimeError("the session did not end")

    def scenario_memory(self):
        hub = Hub(self.work)
        hub.start()
        s = "3 memory (software)"
        try:
            config = self.config("memory", hub.config_lines())
            k, start = self.kiosk(self.env("software"), config)
            try:
                samples = {0: parse_fields(k.ask("mem", "mem "))}
                done = 0
                t0 = time.monotonic()
                for target in self.sessions:
                    while done < target:
                        self.one_session(k)
                        done += 1
                    time.sleep(0.5)
                    samples[done] = parse_fields(k.ask("mem", "mem "))
                    log("memory: %d sessions, RSS %.1f MB" % (done, samples[done]["rss_kb"] / 1024))
                session_s = (time.monotonic() - t0) / max(1, done)
            finally:
                k.stop()
            stored = hub.admin("/admin/counters")["stored"]
        finally:
            hub.stop()
        bare = [parse_fields(self.bare_mem()) for _ in range(3)]
        bare_rss = statistics.median(b["rss_kb"] for b in bare) / 1024
        for n, m in sorted(samples.items()):
            row = self.table.add(s, "RSS after %d sessions" % n, "MB", [m["rss_kb"] / 1024])
            self.table.add(s, "PSS after %d sessions" % n, "MB", [m["pss_kb"] / 1024])
        last = max(samples)
        first = min(k for k in samples if k > 0)
        growth = (samples[last]["rss_kb"] - samples[first]["rss_kb"]) / 1024
        per100 = growth / max(1, last - first) * 100
        row = self.table.add(s, "RSS growth %d→%d sessions" % (first, last), "MB", [growth], "<= 5 MB")
        row["met"] = growth <= 5 if last >= 1000 else None
        if last < 1000:
            row["bar"] += " (bar is for 1000)"
        self.table.add(s, "RSS growth per 100 sessions", "MB", [per100])
        self.table.add(s, "bare window RSS", "MB", [b["rss_kb"] / 1024 for b in bare], "ref ~56")
        ratio = samples[last]["rss_kb"] / 1024 / bare_rss
        row = self.table.add(s, "kiosk/bare RSS after %d" % last, "x", [ratio], "<= 2.0")
        row["met"] = ratio <= 2.0
        self.table.add(s, "seconds per scripted session", "s", [session_s])
        self.table.add(s, "hub records stored", "count", [stored], "== sessions")
        self.table.find(s, "hub records stored")["met"] = stored == last

    def bare_mem(self):
        env = self.env("software")
        p = subprocess.run([self.bare_bin, "--mem-after", "1500"], env=env, capture_output=True, text=True,
                           timeout=60, stdin=subprocess.DEVNULL)
        for l in p.stdout.splitlines():
            if l.startswith("mem "):
                return l
        raise RuntimeError("bare_window printed no memory figures")

    # -- scenario 4
    def stall_rows(self, s, what, answers):
        f = [parse_fields(a) for a in answers]
        row = self.table.add(s, what + ": loop latency max", "ms", [x["max_ms"] for x in f], "<= 16")
        row["met"] = row["max"] <= 16 if f else False
        self.table.add(s, what + ": loop latency p99", "ms", [x["p99_ms"] for x in f])
        row = self.table.add(s, what + ": frame gap max", "ms", [x["frame_max_ms"] for x in f], "<= 16 + 1 frame")
        row["met"] = row["max"] <= 33.4 if f else False
        row["note"] = "continuous animation at 60 Hz: a 16.7 ms gap is a normal frame"
        self.table.add(s, what + ": pings/frames", "count", [x["n"] for x in f] + [x["frames"] for x in f])

    def scenario_stalls(self):
        s = "4 GUI stalls (software)"
        hub = Hub(self.work)
        hub.start()
        try:
            config = self.config("stalls", hub.config_lines())
            k, _ = self.kiosk(self.env("software"), config)
            read, enqueue = [], []
            try:
                for i in range(self.stall_reps + 1):
                    time.sleep(0.3)
                    k.run("stalls reset", "ok stalls reset")
                    k.run("place 0")
                    k.expect("state identified")
                    time.sleep(0.3)
                    a = k.ask("stalls", "stalls max_ms")
                    k.run("tap serviceButton")
                    k.run("tap category_yibao")
                    k.run("tap item_1")
                    k.run("tap startButton")
                    k.expect("state filling_form")
                    k.run("tap field_copies/digit_2")
                    k.run("tap reviewButton")
                    time.sleep(0.3)
                    k.run("stalls reset", "ok stalls reset")
                    k.run("tap submitButton")
                    k.expect("state receipt")
                    time.sleep(1.5)  # the enqueue, the sync's delivery and the receipt's 已提交
                    b = k.ask("stalls", "stalls max_ms")
                    k.run("stalls stop", "ok stalls stop")
                    k.run("remove")
                    k.run("end")
                    k.wait_for(lambda l: l == "state attract", 10)
                    if i > 0:  # the first is the warm-up
                        read.append(a)
                        enqueue.append(b)
                # Licence delta ingest: the hub publishes N changes; the kiosk pulls them every second.
                delta = []
                for rep in range(1 if self.args.smoke else 2 if self.quick else 3):
                    time.sleep(1.5)
                    before = hub.admin("/admin/counters")["requests"].get("GET /v1/licenses/changes", 0)
                    k.run("stalls reset", "ok stalls reset")
                    t0 = time.monotonic()
                    post_licence_changes(hub, self.delta_licences, serial_base=100000 + rep * self.delta_licences)
                    wait_quiet_licence_pulls(hub, before, 120)
                    ingest_s = time.monotonic() - t0
                    delta.append(k.ask("stalls", "stalls max_ms"))
                    k.run("stalls stop", "ok stalls stop")
                    log("delta ingest %d: %.1f s incl. publishing" % (self.delta_licences, ingest_s))
            finally:
                k.stop()
        finally:
            hub.stop()
        self.stall_rows(s, "card read", read)
        self.stall_rows(s, "enqueue (submit)", enqueue)
        self.stall_rows(s, "licence delta %d" % self.delta_licences, delta)
        self.stall_sync(s)

    def stall_sync(self, s):
        answers, rates = [], []
        for rep in range(1 if self.quick else 2):  # the whole drain is one observation
            hub = Hub(self.work)
            hub.start()
            try:
                state = self.fresh_state()
                fill = subprocess.run([os.path.join(self.bin, "bench_fill_outbox"), "--state-dir", state, "--items",
                                       str(self.sync_items)], capture_output=True, text=True, timeout=600)
                if fill.returncode != 0:
                    raise RuntimeError("bench_fill_outbox: " + fill.stderr)
                # Held back by the hub until the probe is reset: then the drain is what is watched.
                hub.admin("/admin/faults", {"faults": [{"match": "POST /v1/submissions", "times": -1,
                                                        "status": 503}]})
                k, _ = self.kiosk(self.env("software"), self.config("sync", hub.config_lines()), state)
                try:
                    time.sleep(1.0)
                    k.run("stalls reset", "ok stalls reset")
                    t0 = time.monotonic()
                    hub.admin("/admin/clear", {})
                    deadline = time.monotonic() + 600
                    while hub.admin("/admin/counters")["stored"] < self.sync_items:
                        if time.monotonic() > deadline:
                            raise RuntimeError("the kiosk did not drain its outbox")
                        time.sleep(0.2)
                    rates.append(self.sync_items / (time.monotonic() - t0))
                    time.sleep(0.5)
                    answers.append(k.ask("stalls", "stalls max_ms"))
                finally:
                    k.stop()
            finally:
                hub.stop()
        self.stall_rows(s, "sync %d queued" % self.sync_items, answers)
        self.table.add(s, "kiosk drain rate (with GUI)", "items/s", rates, ">= 500")
        self.table.find(s, "kiosk drain rate (with GUI)")["met"] = min(rates) >= 500 if rates else False

    # -- scenario 5
    def scenario_storage(self):
        s = "5 storage"
        small = ["--enqueues", "100", "--lookups", "300"] if self.args.smoke else []
        p = subprocess.run([os.path.join(self.build, "tests/bench/storage/bench_storage"), "--licenses", str(self.storage_licences)] + small,
                           capture_output=True, text=True, timeout=3600)
        out = p.stdout
        m = re.search(r"OutboxStore::enqueue \(\+checkpoint, default\)\s+([\d.]+)\s+([\d.]+)\s+([\d.]+)", out)
        if m:
            self.table.add(s, "durable enqueue p50", "ms", [float(m.group(1))])
            row = self.table.add(s, "durable enqueue p99", "ms", [float(m.group(2))], "<= 10")
            row["met"] = float(m.group(2)) <= 10
            self.table.add(s, "durable enqueue max", "ms", [float(m.group(3))])
        m = re.search(r"full build into cache.new.db \+ swap: ([\d.]+) s \(([\d.]+) licences/s\)", out)
        if m:
            self.table.add(s, "cache full build (%d)" % self.storage_licences, "licences/s", [float(m.group(2))])
        m = re.search(r"delta ingest \(newer versions, live cache.db\): \d+ in ([\d.]+) s = ([\d.]+) licences/s", out)
        if m:
            row = self.table.add(s, "licence delta ingest", "licences/s", [float(m.group(2))], ">= 50000")
            row["met"] = float(m.group(2)) >= 50000
        m = re.search(r"lookup \+ decrypt by ID \(blind index\)\s+([\d.]+)\s+([\d.]+)\s+([\d.]+)", out)
        if m:
            self.table.add(s, "lookup + decrypt p50", "ms", [float(m.group(1))])
            row = self.table.add(s, "lookup + decrypt p99", "ms", [float(m.group(2))], "<= 2")
            row["met"] = float(m.group(2)) <= 2
        if p.returncode != 0 or not m:
            self.table.notes.append("bench_storage exit %d; stderr: %s" % (p.returncode, p.stderr[-400:]))
        s = "5 sync"
        env = dict(os.environ, ONEWINDOW_SOURCE_DIR=SOURCE)
        p = subprocess.run([os.path.join(self.build, "tests/bench/sync/bench_sync"), "--items", str(self.bench_sync_items)],
                           capture_output=True, text=True, timeout=1800, env=env)
        m = re.search(r"drain to hub\s*: (\d+) submissions in ([\d.]+) s = (\d+) submissions/s", p.stdout)
        if m:
            row = self.table.add(s, "drain %s to loopback hub" % m.group(1), "items/s", [float(m.group(3))],
                                 ">= 500")
            row["met"] = float(m.group(3)) >= 500
        m2 = re.search(r"raw .*?= (\d+) requests/s", p.stdout)
        if m2:
            self.table.add(s, "raw libcurl request rate", "req/s", [float(m2.group(1))])
        if p.returncode != 0 or not m:
            self.table.notes.append("bench_sync exit %d; output: %s" % (p.returncode, (p.stdout + p.stderr)[-400:]))


def free_port_block(count):
    """`count` consecutive free TCP ports below the ephemeral range (see PcscTestRig.h)."""
    for base in range(20000 + (os.getpid() % 1000) * 10, 32000, 7):
        socks = []
        try:
            for i in range(count):
                s = socket.socket()
                s.bind(("127.0.0.1", base + i))
                socks.append(s)
            return base
        except OSError:
            continue
        finally:
            for s in socks:
                s.close()
    raise RuntimeError("no free port block")


def post_licence_changes(hub, n, serial_base):
    people = ["a", "b", "c", "d", "e"]
    kinds = ["hukou", "marriage", "property"]
    for start in range(0, n, 2000):
        changes = [{"fixture": {"type": kinds[i % 3], "serial": serial_base + i,
                                "holders": [[people[i % 5], "持有人"]]}}
                   for i in range(start, min(n, start + 2000))]
        hub.admin("/admin/licenses/changes", {"changes": changes})


def wait_quiet_licence_pulls(hub, before, timeout):
    """Until the kiosk has caught up with the published changes. It asks once a second even when
    idle, so "caught up" = it pulled several pages, then no more than 3 requests in 2.5 s."""
    deadline = time.monotonic() + timeout
    history = []  # (time, count)
    while time.monotonic() < deadline:
        now = hub.admin("/admin/counters")["requests"].get("GET /v1/licenses/changes", 0)
        t = time.monotonic()
        history.append((t, now))
        window = [c for (ts, c) in history if t - ts <= 2.5]
        if now - before >= 3 and history[0][0] < t - 2.5 and now - min(window) <= 3:
            return
        time.sleep(0.2)


def markdown(path):
    """The results table of a JSON file as Markdown (for docs/performance.md)."""
    with open(path) as f:
        data = json.load(f)
    m = data["machine"]
    print("%s run, %s: %s, %s cores, %s GB RAM; %s; Qt %s; %s; Mesa %s; %s build; git %s; load average "
          "%s at start, %s at end; %s s.\n" % (m["mode"], m["date_utc"], m["cpu"], m["cores"], m.get("ram_gb"),
                                               m["os"], m["qt"], m["compiler"], m["mesa"], m.get("build_type"),
                                               m["git"], m["load_average_at_start"], m["load_average_at_end"],
                                               m["duration_s"]))
    print("| scenario | metric | unit | n | median | p95 | min | max | bar | result |")
    print("|---|---|---|---|---|---|---|---|---|---|")
    for r in data["rows"]:
        def fmt(v):
            return "-" if v is None else ("%.1f" % v if abs(v) >= 100 else "%.2f" % v)
        print("| %s | %s | %s | %d | %s | %s | %s | %s | %s | %s |" % (
            r["scenario"], r["metric"], r["unit"], r["n"], fmt(r["median"]), fmt(r["p95"]), fmt(r["min"]),
            fmt(r["max"]), r["bar"].replace("<=", "≤").replace(">=", "≥"),
            {True: "met", False: "**missed**", None: ""}[r["met"]]))
    for n in data["notes"]:
        print("\n- " + n)


def main():
    if len(sys.argv) == 3 and sys.argv[1] == "--markdown":
        markdown(sys.argv[2])
        return 0
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--build-dir", default=os.path.join(SOURCE, "build", "release"))
    ap.add_argument("--quick", action="store_true", help="small counts (CI)")
    ap.add_argument("--smoke", action="store_true", help="the smallest counts (ctest: numbers only)")
    ap.add_argument("--out", help="JSON output (default BUILD/bench-results.json)")
    ap.add_argument("--scenarios", default="startup,card,memory,stalls,storage")
    ap.add_argument("--sessions", help="session marks for the memory scenario, e.g. 1,100,1000")
    ap.add_argument("--sync-items", type=int, help="queued items for the sync stall scenario")
    ap.add_argument("--storage-licences", type=int, help="licences for bench_storage")
    ap.add_argument("--check", action="store_true", help="exit 1 unless every scenario produced numbers")
    args = ap.parse_args()
    suite = Suite(args)
    for b in (suite.kiosk_bin, suite.bare_bin):
        if not os.path.exists(b):
            print("missing %s: build the release preset first (scripts/bench.sh does)" % b, file=sys.stderr)
            return 2
    info = machine_info(suite.build)
    info["mode"] = "smoke" if args.smoke else "quick" if args.quick else "full"
    err = suite.xvfb.start()
    if err:
        print("bench: %s" % err, file=sys.stderr)
        return 77 if args.check else 2  # ctest: skipped
    info["display"] = "Xvfb %s 1080x1920x24, QT_QPA_PLATFORM=xcb" % suite.xvfb.display
    started = time.monotonic()
    failed = []
    try:
        for name in args.scenarios.split(","):
            log("scenario %s" % name)
            try:
                getattr(suite, "scenario_" + name)()
            except Exception as e:  # a broken scenario is reported, the others still run
                failed.append(name)
                suite.table.notes.append("scenario %s failed: %s" % (name, e))
                log("scenario %s FAILED: %s" % (name, e))
    finally:
        suite.xvfb.stop()
    info["duration_s"] = round(time.monotonic() - started)
    info["load_average_at_end"] = " ".join("%.2f" % x for x in os.getloadavg())
    header = ["OneWindow benchmark suite (%s run, %s)" % (info["mode"], info["date_utc"]),
              "machine : %s, %s cores, %s GB RAM" % (info["cpu"], info["cores"], info.get("ram_gb")),
              "os      : %s" % info["os"],
              "versions: Qt %s, %s, Mesa %s, build %s, git %s" % (info["qt"], info["compiler"], info["mesa"],
                                                                   info.get("build_type", "?"), info["git"]),
              "display : %s; load average %s at start, %s at end; %d s" % (
                  info["display"], info["load_average_at_start"], info["load_average_at_end"], info["duration_s"])]
    print("\n".join(header))
    print()
    print(suite.table.render())
    for n in suite.table.notes:
        print("note: " + n)
    out = args.out or os.path.join(suite.build, "bench-results.json")
    with open(out, "w") as f:
        json.dump({"machine": info, "rows": suite.table.rows, "notes": suite.table.notes}, f, indent=1,
                  ensure_ascii=False)
    print("\nJSON: %s" % out)
    shutil.rmtree(suite.work, ignore_errors=True)
    if args.check:
        empty = [r for r in suite.table.rows if r["n"] == 0]
        if failed or empty:
            print("check: scenarios without numbers: %s %s" % (failed, [r["metric"] for r in empty]),
                  file=sys.stderr)
            return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
