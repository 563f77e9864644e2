#!/usr/bin/python3
"""A GA/T 467 SAM module on a pseudo-terminal, for the serial backend's tests.

It creates a pty pair, puts the slave in raw mode, points a symlink at the slave (--link) and
answers the host's frames like a SAM (reference/idcard.md §1.3-1.5): status 11 FF, reset 10 FF,
SAM ID 12 FF, find 20 01, select 20 02, read 30 01 (256-byte text from tests/fixtures/idcard/
*.hex + a synthetic 1024-byte "photo"), appended address 30 03. Host frames with a bad checksum
get SW3 0x10, unknown commands 0x21, as a real SAM answers.

Like a real SAM, after a card was read, find answers 0x80 while the card stays on the reader
(reference §8.1 step 8) until it is removed and placed again; select still answers 0x90 for a
card lying on the reader ("sticky off" makes find keep succeeding instead).

Control channel: one command per line on stdin; every command answers one line on stdout
("ok …" or "error …"). CMD below is a command name (status reset samid find select read
address any) or its 4 hex digits (e.g. 3001); N defaults to 1.
  place resident|hmt_permit|foreign_2017|foreign_2023 [ADDRESS]
                               put a card down (replacing any), optionally with an appended
                               address (30 03; without one, 30 03 answers 0x91)
  remove                       lift the card
  address TEXT|none            the placed card's appended address (30 03 answers 0x91 if none)
  inject CMD SW3 [N]           answer the next N CMD frames with this SW3 (hex) and no data
  samfault SW3|none            every answer but a reset's is SW3 until the next reset
  corrupt CMD [N]              next N answers to CMD get a wrong checksum
  split CMD PARTS DELAY_MS     the next answer to CMD goes out in PARTS writes DELAY_MS apart
  merge CMD                    the next answer to CMD is held back and written in one write
                               together with the answer after it (a late frame + the current one)
  dup CMD                      the next answer to CMD is followed by a copy in the same write
  garbage CMD BYTES            the next answer to CMD is preceded by BYTES bytes of noise
  silent CMD [N]               do not answer the next N CMD frames
  sticky on|off                whether find fails for a card already read (default on)
  unplug                       close the pty and remove the link (the reader is gone)
  replug                       a new pty, the link points at it, prints "ready PATH"
  stats                        "ok stats find=… select=… read=… …" (frames received)
  quit
On start it prints "ready SLAVE_PATH". Nothing personal is printed: counts and codes only.
"""
import argparse
import os
import pty
import select
import sys
import time
import tty

PREAMBLE = bytes([0xAA, 0xAA, 0xAA, 0x96, 0x69])
NAMES = {"status": 0x11FF, "reset": 0x10FF, "samid": 0x12FF, "find": 0x2001, "select": 0x2002,
         "read": 0x3001, "address": 0x3003, "any": None}
CODE_NAMES = {v: k for k, v in NAMES.items() if v is not None}
# A synthetic SAM ID (16 bytes) and WLT-sized photo: no real module, no real face.
SAM_ID = bytes([0x05, 0x00, 0x01, 0x00]) + (20240601).to_bytes(4, "little") + \
    (1).to_bytes(4, "little") + (123456789).to_bytes(4, "little")
PHOTO = bytes((i * 7 + 3) & 0xFF for i in range(1024))


def frame(body):
    length = len(body) + 1
    head = bytes([length >> 8, length & 0xFF]) + body
    chk = 0
    for b in head:
        chk ^= b
    return PREAMBLE + head + bytes([chk])


def response(sw3, data=b"", sw1=0, sw2=0):
    return frame(bytes([sw1, sw2, sw3]) + data)


def parse_cmd(token):
    token = token.lower()
    if token in NAMES:
        return NAMES[token]
    return int(token, 16)


class Emulator:
    def __init__(self, link, fixtures):
        self.link = link
        self.fixtures = fixtures
        self.master = self.slave = None
        self.inbuf = bytearray()
        self.card = None           # {"text", "appended"}
        self.read_done = False
        self.sticky = True
        self.sam_fault = None
        self.rules = []            # [kind, cmd, param, count]
        self.held = None           # a merged answer waiting for the next one
        self.scheduled = []        # [(due, bytes)] for split answers
        self.counts = {}

    # --- pty -------------------------------------------------------------------------------
    def plug(self):
        self.master, self.slave = pty.openpty()
        tty.setraw(self.slave)     # no echo, no line discipline: bytes pass unchanged
        os.set_blocking(self.master, False)
        path = os.ttyname(self.slave)
        if self.link:
            tmp = self.link + ".tmp"
            if os.path.lexists(tmp):
                os.unlink(tmp)
            os.symlink(path, tmp)
            os.replace(tmp, self.link)
        self.inbuf.clear()
        return path

    def unplug(self):
        if self.master is None:
            return
        if self.link and os.path.lexists(self.link):
            os.unlink(self.link)
        os.close(self.master)
        os.close(self.slave)
        self.master = self.slave = None
        self.scheduled.clear()
        self.held = None

    def write(self, data):
        if self.master is None:
            return
        try:
            os.write(self.master, data)
        except OSError:
            pass  # nobody has the slave open any more; a real SAM's bytes would be lost too

    # --- protocol --------------------------------------------------------------------------
    def take_rule(self, kind, code):
        for rule in self.rules:
            if rule[0] == kind and (rule[1] is None or rule[1] == code):
                rule[3] -= 1
                if rule[3] <= 0:
                    self.rules.remove(rule)
                return rule
        return None

    def answer(self, code, para_ok):
        if not para_ok:
            return response(0x10)
        if self.sam_fault is not None and code != 0x10FF:
            return response(self.sam_fault)
        rule = self.take_rule("inject", code)
        if rule:
            return response(rule[2])
        if code == 0x11FF:
            return response(0x90)
        if code == 0x10FF:
            self.sam_fault = None
            return response(0x90)
        if code == 0x12FF:
            return response(0x90, SAM_ID)
        if code == 0x2001:
            if self.card is not None and not (self.sticky and self.read_done):
                return response(0x9F, bytes(4))
            return response(0x80)
        if code == 0x2002:
            return response(0x90, bytes(8)) if self.card is not None else response(0x81)
        if code == 0x3001:
            if self.card is None:
                return response(0x41)
            self.read_done = True
            return response(0x90, bytes([0x01, 0x00, 0x04, 0x00]) + self.card["text"] + PHOTO)
        if code == 0x3003:
            if self.card is None:
                return response(0x41)
            if self.card["appended"] is None:
                return response(0x91)
            return response(0x90, self.card["appended"])
        if code in (0x61FF, 0x6000, 0x6001, 0x6002, 0x6003, 0x6004):
            return response(0x90)
        return response(0x21)

    def on_host_frame(self, code, checksum_ok):
        self.counts[code] = self.counts.get(code, 0) + 1
        out = self.answer(code, checksum_ok)
        if self.take_rule("silent", code):
            return
        if self.take_rule("corrupt", code):
            out = out[:-1] + bytes([out[-1] ^ 0x5A])
        rule = self.take_rule("garbage", code)
        if rule:
            noise = bytes((0x13 * i + 0x55) & 0xFF for i in range(rule[2]))
            out = noise.replace(b"\xaa", b"\xab") + out
        if self.take_rule("dup", code):
            out = out + out
        if self.take_rule("merge", code):
            self.held = out
            return
        if self.held is not None:
            out = self.held + out
            self.held = None
        rule = self.take_rule("split", code)
        if rule:
            parts, delay = rule[2]
            size = max(1, -(-len(out) // parts))
            now = time.monotonic()
            for i in range(0, len(out), size):
                self.scheduled.append((now + (i // size) * delay / 1000.0, out[i:i + size]))
            self.scheduled.sort(key=lambda item: item[0])
            return
        self.write(out)

    def on_bytes(self, data):
        self.inbuf += data
        while True:
            start = self.inbuf.find(PREAMBLE)
            if start < 0:
                del self.inbuf[:max(0, len(self.inbuf) - 4)]
                return
            del self.inbuf[:start]
            if len(self.inbuf) < 7:
                return
            length = (self.inbuf[5] << 8) | self.inbuf[6]
            if length < 3 or length > 0x0A00:
                del self.inbuf[:1]
                continue
            if len(self.inbuf) < 7 + length:
                return
            body = bytes(self.inbuf[5:7 + length - 1])
            chk = 0
            for b in body:
                chk ^= b
            ok = chk == self.inbuf[7 + length - 1]
            code = (self.inbuf[7] << 8) | self.inbuf[8]
            del self.inbuf[:7 + length]
            self.on_host_frame(code, ok)

    # --- control ---------------------------------------------------------------------------
    def load_text(self, name):
        with open(os.path.join(self.fixtures, name + ".hex"), encoding="ascii") as f:
            text = bytes.fromhex("".join(f.read().split()))
        if len(text) != 256:
            raise ValueError("fixture is not 256 bytes")
        return text

    @staticmethod
    def appended(text):
        raw = text.encode("utf-16-le")[:70]
        return raw + " ".encode("utf-16-le") * ((70 - len(raw)) // 2)

    def control(self, line):
        words = line.split()
        if not words:
            return "error empty"
        op, args = words[0], words[1:]
        if op == "place":
            self.card = {"text": self.load_text(args[0]), "appended": None}
            if len(args) > 1:
                self.card["appended"] = self.appended(" ".join(args[1:]))
            self.read_done = False
            return "ok placed"
        if op == "remove":
            self.card = None
            self.read_done = False
            return "ok removed"
        if op == "address":
            if self.card is None:
                return "error no card"
            text = " ".join(args)
            if text == "none":
                self.card["appended"] = None
            else:
                self.card["appended"] = self.appended(text)
            return "ok address"
        if op == "inject":
            self.rules.append(["inject", parse_cmd(args[0]), int(args[1], 16),
                               int(args[2]) if len(args) > 2 else 1])
            return "ok inject"
        if op == "samfault":
            self.sam_fault = None if args[0] == "none" else int(args[0], 16)
            return "ok samfault"
        if op in ("corrupt", "silent"):
            self.rules.append([op, parse_cmd(args[0]), None, int(args[1]) if len(args) > 1 else 1])
            return "ok " + op
        if op in ("merge", "dup"):
            self.rules.append([op, parse_cmd(args[0]), None, 1])
            return "ok " + op
        if op == "split":
            self.rules.append(["split", parse_cmd(args[0]), (max(1, int(args[1])), int(args[2])), 1])
            return "ok split"
        if op == "garbage":
            self.rules.append(["garbage", parse_cmd(args[0]), int(args[1]), 1])
            return "ok garbage"
        if op == "sticky":
            self.sticky = args[0] == "on"
            return "ok sticky"
        if op == "unplug":
            self.unplug()
            return "ok unplugged"
        if op == "replug":
            if self.master is not None:
                return "error plugged"
            return "ready " + self.plug()
        if op == "stats":
            parts = ["%s=%d" % (CODE_NAMES.get(code, "%04x" % code), n)
                     for code, n in sorted(self.counts.items())]
            return "ok stats " + " ".join(parts)
        if op == "quit":
            raise SystemExit(0)
        return "error unknown command " + op

    def run(self):
        print("ready " + self.plug(), flush=True)
        stdin = sys.stdin.fileno()
        pending = b""
        while True:
            timeout = None
            if self.scheduled:
                timeout = max(0.0, self.scheduled[0][0] - time.monotonic())
            fds = [stdin] + ([self.master] if self.master is not None else [])
            readable, _, _ = select.select(fds, [], [], timeout)
            now = time.monotonic()
            while self.scheduled and self.scheduled[0][0] <= now:
                self.write(self.scheduled.pop(0)[1])
            if self.master is not None and self.master in readable:
                try:
                    data = os.read(self.master, 65536)
                except (BlockingIOError, InterruptedError):
                    data = b""
                except OSError:
                    data = b""  # EIO: no process has the slave open right now
                if data:
                    self.on_bytes(data)
                elif not data:
                    time.sleep(0.005)  # avoid spinning on EIO while the slave is closed
            if stdin in readable:
                chunk = os.read(stdin, 4096)
                if not chunk:
                    return  # the test went away
                pending += chunk
                while b"\n" in pending:
                    line, pending = pending.split(b"\n", 1)
                    try:
                        reply = self.control(line.decode("utf-8").strip())
                    except (IndexError, ValueError, OSError) as e:
                        reply = "error " + type(e).__name__
                    print(reply, flush=True)


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--link", help="symlink to create for the slave side")
    parser.add_argument("--fixtures", default=os.path.join(here, "..", "fixtures", "idcard"))
    args = parser.parse_args()
    emulator = Emulator(args.link, args.fixtures)
    try:
        emulator.run()
    finally:
        emulator.unplug()


if __name__ == "__main__":
    main()
