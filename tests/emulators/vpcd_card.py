#!/usr/bin/python3
"""A virtual ID-card reader "card" for vsmartcard's vpcd driver inside a real pcscd.

vpcd listens on a TCP port per reader slot; the card is the TCP client. Every message both
ways is a big-endian uint16 length followed by the payload. One-byte messages from vpcd are
control bytes (0x00 power off, 0x01 power on, 0x02 reset, 0x04 get ATR -> reply the ATR);
longer ones are command APDUs, answered with the response APDU including SW1 SW2. Closing
the socket is "card removed", connecting again is "card inserted".

The card answers the reader pseudo-APDUs of one reader profile (resources/readers/*.json),
with a fixture text block, a synthetic 1024-byte photo, an optional appended address and
chip serial. Standard library only.

Control (one command a line on stdin; each answered with "ok ..." or "error ..."):
  insert                 connect to vpcd (the card is put on the reader)
  remove                 close the socket (the card is lifted)
  remove-after N         the card is pulled (socket closed, no answer) when APDU N+1 arrives
  sw CMD SW              answer command CMD (hex) with status word SW (hex) only
  sw clear               forget every injected status word
  fixture PATH           use another text block (hex file)
  address TEXT|-         appended address ("-" = none: FF B0 06 answers 6A 82)
  count                  answers "ok count N": APDUs answered since start
  quit                   exit
Events printed on stdout: "connected", "disconnected", "pulled".

Example:
  /usr/bin/python3 tests/emulators/vpcd_card.py --port 35963 --profile generic-sam \
      --fixture tests/fixtures/idcard/resident.hex --address "测试路2号"
"""
import argparse
import os
import selectors
import socket
import struct
import sys
import time

PHOTO_SIZE = 1024
ADDRESS_SIZE = 70
SW_OK = b"\x90\x00"
SW_ABSENT = b"\x6a\x82"
SW_INS_NOT_SUPPORTED = b"\x6d\x00"
SW_CLA_NOT_SUPPORTED = b"\x6e\x00"
DEFAULT_ATR = "3B 80 80 01 01"  # PC/SC's ATR for a contactless type-B card without history


def parse_hex(text):
    return bytes.fromhex("".join(text.split()))


def read_fixture(path):
    with open(path, encoding="ascii") as f:
        data = parse_hex(" ".join(line.split("#")[0] for line in f))
    if len(data) != 256:
        raise SystemExit(f"{path}: expected a 256-byte text block, got {len(data)} bytes")
    return data


def synthetic_photo():
    # The same pattern is rebuilt by tests/integration/pcsc to check the assembly order.
    return bytes((i * 7 + 3) & 0xFF for i in range(PHOTO_SIZE))


def encode_address(text):
    raw = text.encode("utf-16-le")[:ADDRESS_SIZE]
    return raw + " ".encode("utf-16-le") * ((ADDRESS_SIZE - len(raw)) // 2)


class Card:
    """Answers APDUs for one profile. State that a test may change lives here."""

    def __init__(self, profile, text, address, serial):
        self.profile = profile
        self.text = text
        self.address = address
        self.serial = serial
        self.photo = synthetic_photo()
        self.injected = {}

    def answer(self, apdu):
        sw = self.injected.get(apdu)
        if sw is not None:
            return sw
        if self.serial is not None and apdu == b"\x00\x36\x00\x00\x08":
            return self.serial + SW_OK
        if self.profile == "chip-serial-only":
            return SW_CLA_NOT_SUPPORTED if apdu[:1] == b"\xff" else SW_INS_NOT_SUPPORTED
        if len(apdu) != 5 or apdu[:2] != b"\xff\xb0" or apdu[3:] != b"\x00\x00":
            return SW_INS_NOT_SUPPORTED
        item = apdu[2]
        if self.profile == "generic-sam":
            if item == 0:
                return self.text + SW_OK
            if 1 <= item <= 4:
                return self.photo[(item - 1) * 256:item * 256] + SW_OK
            if item == 6:
                return self.address + SW_OK if self.address else SW_ABSENT
        elif self.profile == "field-convention":
            # reference/idcard.md §4.2: a 4-byte header, then the data; the photo's first
            # 252 bytes follow the header of answer 01, the last 4 are answer 05.
            header = b"\x00\x00\x01\x00"
            if item == 0:
                return header + self.text + SW_OK
            if item == 1:
                return header + self.photo[:252] + SW_OK
            if 2 <= item <= 4:
                start = 252 + (item - 2) * 256
                return self.photo[start:start + 256] + SW_OK
            if item == 5:
                return self.photo[1020:] + SW_OK
        return SW_ABSENT


class Emulator:
    def __init__(self, args, card):
        self.host = args.host
        self.port = args.port
        self.atr = parse_hex(args.atr)
        self.card = card
        self.inserted = not args.start_removed
        self.sock = None
        self.buffer = b""
        self.apdu_count = 0
        self.pull_after = args.remove_after  # None = never
        self.selector = selectors.DefaultSelector()
        self.selector.register(sys.stdin, selectors.EVENT_READ, "stdin")
        self.last_attempt = 0.0
        self.stdin_buffer = b""

    def say(self, line):
        sys.stdout.write(line + "\n")
        sys.stdout.flush()

    # --- socket -------------------------------------------------------------------------

    def quickack(self):
        if self.sock is None:
            return
        # vpcd writes the length and the payload separately; without re-arming QUICKACK
        # before each recv, Nagle plus delayed ACK cost ~48 ms per APDU.
        try:
            self.sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_QUICKACK, 1)
        except OSError:
            pass

    def connect(self):
        self.last_attempt = time.monotonic()
        try:
            s = socket.create_connection((self.host, self.port), timeout=1.0)
        except OSError:
            return  # vpcd not listening (yet): pcscd starting or restarting; retry later
        if s.getsockname() == s.getpeername():
            # TCP simultaneous open onto itself: a port in the ephemeral range with nobody
            # listening can "connect" to its own source port. That is no reader.
            s.close()
            return
        s.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        s.setblocking(False)
        self.sock = s
        self.buffer = b""
        self.selector.register(s, selectors.EVENT_READ, "card")
        self.say("connected")

    def disconnect(self, event="disconnected"):
        if self.sock is None:
            return
        self.selector.unregister(self.sock)
        try:
            self.sock.close()
        finally:
            self.sock = None
        self.say(event)

    def send(self, payload):
        self.sock.setblocking(True)
        try:
            self.sock.sendall(struct.pack(">H", len(payload)) + payload)
        finally:
            self.sock.setblocking(False)

    def on_readable(self):
        self.quickack()
        try:
            chunk = self.sock.recv(65536)
        except BlockingIOError:
            return
        except OSError:
            chunk = b""
        if not chunk:
            # vpcd went away (pcscd stopped); reconnect while the card stays "inserted".
            self.disconnect()
            return
        self.buffer += chunk
        while self.sock is not None and len(self.buffer) >= 2:
            (size,) = struct.unpack(">H", self.buffer[:2])
            if len(self.buffer) < 2 + size:
                break
            message, self.buffer = self.buffer[2:2 + size], self.buffer[2 + size:]
            self.on_message(message)
        self.quickack()

    def on_message(self, message):
        if len(message) == 1:
            if message[0] == 0x04:
                self.send(self.atr)
            return  # power off / on / reset need no answer
        if self.pull_after is not None and self.apdu_count >= self.pull_after:
            self.pull_after = None
            self.inserted = False
            self.disconnect("pulled")
            return
        self.apdu_count += 1
        self.send(self.card.answer(bytes(message)))

    # --- control ------------------------------------------------------------------------

    def on_command(self, line):
        words = line.split(None, 1)
        if not words:
            return True
        cmd, rest = words[0], (words[1] if len(words) > 1 else "")
        try:
            if cmd == "insert":
                self.inserted = True
                if self.sock is None:
                    self.connect()
            elif cmd == "remove":
                self.inserted = False
                self.disconnect()
            elif cmd == "remove-after":
                self.pull_after = self.apdu_count + int(rest)
            elif cmd == "sw":
                if rest.strip() == "clear":
                    self.card.injected.clear()
                else:
                    command, sw = rest.split()
                    self.card.injected[parse_hex(command)] = parse_hex(sw)
            elif cmd == "fixture":
                self.card.text = read_fixture(rest.strip())
            elif cmd == "address":
                self.card.address = None if rest.strip() == "-" else encode_address(rest.strip())
            elif cmd == "count":
                self.say(f"ok count {self.apdu_count}")
                return True
            elif cmd == "quit":
                return False
            else:
                self.say(f"error unknown command {cmd}")
                return True
        except (ValueError, OSError, SystemExit) as e:
            self.say(f"error {e}")
            return True
        self.say(f"ok {cmd}")
        return True

    def run(self):
        self.say("ready")
        while True:
            if self.inserted and self.sock is None and time.monotonic() - self.last_attempt > 0.05:
                self.connect()
            for key, _ in self.selector.select(timeout=0.05):
                if key.data == "stdin":
                    # Raw reads: a buffered readline() could keep a second line that select()
                    # would then never report.
                    chunk = os.read(sys.stdin.fileno(), 4096)
                    if not chunk:
                        self.disconnect()
                        return
                    self.stdin_buffer += chunk
                    while b"\n" in self.stdin_buffer:
                        line, self.stdin_buffer = self.stdin_buffer.split(b"\n", 1)
                        if not self.on_command(line.decode("utf-8", "replace").strip()):
                            self.disconnect()
                            return
                elif self.sock is not None:
                    self.on_readable()


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--host", default="127.0.0.1")
    p.add_argument("--port", type=int, required=True, help="vpcd port of the reader slot")
    p.add_argument("--profile", default="generic-sam",
                   choices=["generic-sam", "field-convention", "chip-serial-only"])
    p.add_argument("--fixture", help="256-byte text block as hex (tests/fixtures/idcard/*.hex)")
    p.add_argument("--address", help="appended address text (default: none -> 6A 82)")
    p.add_argument("--serial", help="8-byte chip serial in hex, answered to 00 36 00 00 08")
    p.add_argument("--atr", default=DEFAULT_ATR, help="ATR in hex")
    p.add_argument("--remove-after", type=int, help="pull the card when APDU N+1 arrives")
    p.add_argument("--sw", action="append", default=[], metavar="CMD=SW",
                   help="answer command CMD (hex) with status word SW (hex); repeatable")
    p.add_argument("--start-removed", action="store_true", help="wait for 'insert' on stdin")
    args = p.parse_args()

    text = read_fixture(args.fixture) if args.fixture else b"\x20\x00" * 128
    serial = parse_hex(args.serial) if args.serial else None
    if serial is not None and len(serial) != 8:
        raise SystemExit("--serial: expected 8 bytes")
    if args.profile == "chip-serial-only" and serial is None:
        serial = bytes.fromhex("0102030405060708")
    card = Card(args.profile, text, encode_address(args.address) if args.address else None, serial)
    for item in args.sw:
        command, _, sw = item.partition("=")
        card.injected[parse_hex(command)] = parse_hex(sw)
    try:
        Emulator(args, card).run()
    except KeyboardInterrupt:
        pass


if __name__ == "__main__":
    os.environ.setdefault("PYTHONUNBUFFERED", "1")
    main()
