#!/usr/bin/python3
"""A PN532 on a pseudo-terminal, with a resident ID card (ISO 14443-B) that can be put on it.

Real libnfc (driver pn532_uart) talks to the pty slave exactly as it would to a PN532 on a
USB-serial adapter; tests drive the card and the link through line commands on stdin.
This is a contract test of our libnfc code paths, not a chip: it follows the PN532 User
Manual (UM0701-02) for framing, ACK/NACK, status bytes and the commands libnfc sends, and
reference/idcard.md §4.1 for the card (REQB, the non-standard ATTRIB answered with 08,
GET UID 00 36 00 00 08 -> 8 bytes + 90 00). Standard library only.

Usage: pn532_emulator.py --link PATH [--serial 16HEX] [--card]
  prints "ready PATH" when PATH (a symlink to the pty slave) can be opened.

Control lines on stdin (each answered by one line on stdout, "ok ..." or "error ..."):
  place [N]          put the card on the reader (power-on: the card is IDLE); with N, the card
                     answers N radio frames and is then gone (pulled mid-exchange)
  remove             take it away
  mute / unmute      the chip stops answering anything (hung firmware), or answers again
  close              close the pty and delete PATH (the reader is unplugged)
  reopen             a new pty behind PATH (plugged in again)
  stats              counts of host commands by code, e.g. "ok 42=12 4a=0"
  quit               exit (end of stdin does the same)
"""

import argparse
import hashlib
import os
import pty
import select
import sys
import time
import tty

ACK = bytes([0x00, 0x00, 0xFF, 0x00, 0xFF, 0x00])
NACK_BODY = bytes([0xFF, 0x00])
ERROR_FRAME = bytes([0x00, 0x00, 0xFF, 0x01, 0xFF, 0x7F, 0x81, 0x00])

# PN532 status byte values (UM0701-02 §7.1, "Error handling").
ST_OK = 0x00
ST_TIMEOUT = 0x01
ST_INVALID_PARAM = 0x10
ST_NOT_ACCEPTABLE = 0x27

# CIU registers libnfc touches for raw Type B exchanges (PN532 = PN512 core at 0x63xx).
REG_TXMODE = 0x6302
REG_RXMODE = 0x6303
REG_CONTROL = 0x633C
CRC_ENABLE = 0x80
FRAMING_MASK = 0x03
FRAMING_TYPE_B = 0x03
SPEED_MASK = 0x70

FIRMWARE = bytes([0x32, 0x01, 0x06, 0x07])  # IC PN532, version 1.6, supports A, B, DEP


def crc_b(data):
    """ISO/IEC 14443-3 CRC_B, least significant byte first (05 00 00 -> 71 FF)."""
    crc = 0xFFFF
    for b in data:
        crc ^= b
        for _ in range(8):
            crc = (crc >> 1) ^ 0x8408 if crc & 1 else crc >> 1
    crc ^= 0xFFFF
    return bytes([crc & 0xFF, crc >> 8])


def timing_code_ms(code):
    """RFConfiguration 'various timings' code -> milliseconds (0x01 = 100 us, doubling)."""
    if code == 0:
        return None  # no timeout
    return 0.1 * (2 ** (code - 1))


class IdCard:
    """The resident ID card's chip as seen over the air (reference/idcard.md §4.1)."""

    ATQB = bytes.fromhex("5000000000D103860C008080")  # PUPI 00000000: not a unique ID

    def __init__(self, serial):
        self.serial = serial
        self.state = "IDLE"
        # A deterministic stand-in for EF 6002 ("DN"), so a relay test can check the data
        # really came through the card.
        self.dn = hashlib.sha256(serial).digest()

    def power_on(self):
        self.state = "IDLE"

    def halt(self):
        self.state = "HALT"

    def receive(self, frame):
        """One frame without CRC -> the card's answer without CRC, or None (silence)."""
        if len(frame) == 3 and frame[0] == 0x05:  # REQB / WUPB
            wupb = bool(frame[2] & 0x08)
            if frame[1] not in (0x00,):  # the card's AFI is 0: it answers "all families" only
                return None
            if self.state in ("IDLE", "READY") or (wupb and self.state == "HALT"):
                self.state = "READY"
                return self.ATQB
            return None
        if len(frame) == 9 and frame[0] == 0x1D and frame[1:5] == b"\x00\x00\x00\x00":
            if self.state != "READY":
                return None
            self.state = "ACTIVE"
            return b"\x08"  # ISO 14443 would answer 00; this card answers 08
        if self.state != "ACTIVE":
            return None
        return self.apdu(frame)

    def apdu(self, cmd):
        if cmd == bytes.fromhex("0036000008"):
            return self.serial + b"\x90\x00"
        if cmd == bytes.fromhex("00A40000026002"):
            return b"\x90\x00"
        if cmd == bytes.fromhex("80B0000020"):
            return self.dn + b"\x90\x00"
        if cmd == bytes.fromhex("0084000008"):
            return os.urandom(8) + b"\x90\x00"
        if len(cmd) < 4:
            return None  # not an APDU: the chip ignores it
        return b"\x6D\x00"


class Pn532:
    def __init__(self, card):
        self.card = card
        self.card_present = False
        self.frames_left = None  # remove-after countdown
        self.awake = False
        self.rf_on = False
        self.registers = {REG_TXMODE: CRC_ENABLE, REG_RXMODE: CRC_ENABLE, REG_CONTROL: 0x10}
        self.retry_timeout_code = 0x0A  # 51.2 ms, the PN532 default
        self.mx_rty_passive = 0xFF
        self.target_listed = False
        self.parameters = 0x00
        self.counts = {}

    # --- the card as the radio sees it -------------------------------------------------
    def place(self, frames=None):
        self.card_present = True
        self.frames_left = frames
        self.card.power_on()

    def remove(self):
        self.card_present = False
        self.target_listed = False
        self.card.power_on()  # loses power: next time it starts IDLE

    def radio(self, frame):
        """Frame as the chip sends it (CRC handling done by the caller) -> answer or None."""
        if not (self.rf_on and self.card_present):
            return None
        if self.frames_left is not None:
            if self.frames_left <= 0:
                self.remove()
                return None
            self.frames_left -= 1
        return self.card.receive(frame)

    def rf_timeout_s(self):
        ms = timing_code_ms(self.retry_timeout_code)
        return 0.5 if ms is None else ms / 1000.0

    # --- commands ----------------------------------------------------------------------
    def handle(self, cmd, params):
        """Returns (delay_seconds, response data after D5 CMD+1) or None for an error frame.
        A response of the string 'wait' means: answer when a card arrives."""
        self.counts[cmd] = self.counts.get(cmd, 0) + 1
        if cmd == 0x00:  # Diagnose
            if params[:1] == b"\x00":  # communication line test: echo
                return 0, bytes(params)
            return 0, b"\x00"
        if cmd == 0x02:  # GetFirmwareVersion
            return 0, FIRMWARE
        if cmd == 0x14:  # SAMConfiguration
            if not params or params[0] not in (1, 2, 3, 4):
                return None
            return 0, b""
        if cmd == 0x12:  # SetParameters
            if len(params) != 1:
                return None
            self.parameters = params[0]
            return 0, b""
        if cmd == 0x06:  # ReadRegister: PN532 answers the values, no status byte
            if len(params) % 2:
                return None
            vals = bytes(self.registers.get((params[i] << 8) | params[i + 1], 0)
                         for i in range(0, len(params), 2))
            return 0, vals
        if cmd == 0x08:  # WriteRegister
            if len(params) % 3:
                return None
            for i in range(0, len(params), 3):
                self.registers[(params[i] << 8) | params[i + 1]] = params[i + 2]
            return 0, b""
        if cmd == 0x32:  # RFConfiguration
            return self.rf_configuration(params)
        if cmd == 0x4A:  # InListPassiveTarget
            return self.in_list_passive_target(params)
        if cmd == 0x42:  # InCommunicateThru
            return self.in_communicate_thru(params)
        if cmd == 0x40:  # InDataExchange
            if not params or params[0] & 0x0F != 1:
                return 0, bytes([ST_INVALID_PARAM])
            if not self.target_listed:
                return 0, bytes([ST_NOT_ACCEPTABLE])
            answer = self.radio(bytes(params[1:]))
            if answer is None:
                self.target_listed = False
                return self.rf_timeout_s(), bytes([ST_TIMEOUT])
            return 0, bytes([ST_OK]) + answer
        if cmd in (0x44, 0x52):  # InDeselect, InRelease
            if self.target_listed:
                self.target_listed = False
                self.card.halt()  # S(DESELECT) puts an ISO 14443-4 card in HALT
            return 0, bytes([ST_OK])
        if cmd == 0x16:  # PowerDown
            self.awake = False
            return 0, bytes([ST_OK])
        return None  # unknown command: syntax error frame

    def rf_configuration(self, params):
        if not params:
            return None
        item, data = params[0], params[1:]
        if item == 0x01 and len(data) == 1:
            self.rf_on = bool(data[0] & 0x01)
            if not self.rf_on:
                self.target_listed = False
                self.card.power_on()  # field off: the card loses power
        elif item == 0x02 and len(data) == 3:
            self.retry_timeout_code = data[2]
        elif item == 0x05 and len(data) == 3:
            self.mx_rty_passive = data[2]
        elif item in (0x04, 0x0A, 0x0B, 0x0C, 0x0D):
            pass  # retries for communication, analog settings: no effect on an emulator
        else:
            return None
        return 0, b""

    def in_list_passive_target(self, params):
        if len(params) < 2 or params[0] not in (1, 2) or params[1] > 4:
            return None
        brty = params[1]
        self.rf_on = True  # the PN532 switches the field on for activation
        if brty != 0x03:  # only a Type B card exists here
            return self.empty_list()
        afi = params[2] if len(params) > 2 else 0x00
        if not self.card_present:
            if self.mx_rty_passive == 0xFF:
                return "wait"
            return self.empty_list()
        return self.list_type_b(afi)

    def empty_list(self):
        # The chip tries MxRtyPassiveActivation + 1 times before giving up.
        return min(0.002 * (self.mx_rty_passive + 1), 0.5), b"\x00"

    def list_type_b(self, afi=0x00):
        self.card.power_on()
        atqb = self.radio(bytes([0x05, afi, 0x00]))
        if atqb is None:
            return self.empty_list()
        # The chip's own ATTRIB: PUPI, Param1 00, Param2 08 (FSDI 256), Param3 01, CID 0.
        attrib_res = self.radio(b"\x1D" + atqb[1:5] + b"\x00\x08\x01\x00")
        if attrib_res is None:
            return self.empty_list()
        self.target_listed = True
        for reg in (REG_TXMODE, REG_RXMODE):
            self.registers[reg] = (self.registers.get(reg, 0) & ~FRAMING_MASK) | FRAMING_TYPE_B
        return 0, b"\x01\x01" + atqb + bytes([len(attrib_res)]) + attrib_res

    def in_communicate_thru(self, params):
        if not params:
            return None
        tx = bytes(params)
        txmode = self.registers.get(REG_TXMODE, 0)
        rxmode = self.registers.get(REG_RXMODE, 0)
        type_b_106 = (txmode & FRAMING_MASK) == FRAMING_TYPE_B and (txmode & SPEED_MASK) == 0
        if not type_b_106:
            # A Type A (or 212+ kbit/s) frame does not wake a Type B card.
            return self.rf_timeout_s(), bytes([ST_TIMEOUT])
        if txmode & CRC_ENABLE:
            frame = tx  # the chip appends CRC_B itself
        else:
            # The host appended it; a wrong CRC is noise to the card.
            if len(tx) < 3 or crc_b(tx[:-2]) != tx[-2:]:
                return self.rf_timeout_s(), bytes([ST_TIMEOUT])
            frame = tx[:-2]
        answer = self.radio(frame)
        if answer is None:
            return self.rf_timeout_s(), bytes([ST_TIMEOUT])
        if not rxmode & CRC_ENABLE:
            answer += crc_b(answer)  # the chip hands the CRC to the host unchecked
        return 0, bytes([ST_OK]) + answer


def build_frame(data):
    """Host-bound information frame: 00 00 FF LEN LCS D5 ... DCS 00."""
    body = b"\xD5" + data
    if len(body) > 255:
        n = len(body)
        head = bytes([0x00, 0x00, 0xFF, 0xFF, 0xFF, n >> 8, n & 0xFF, (-(n >> 8) - n) & 0xFF])
    else:
        head = bytes([0x00, 0x00, 0xFF, len(body), (-len(body)) & 0xFF])
    return head + body + bytes([(-sum(body)) & 0xFF, 0x00])


class Link:
    """The pty and the byte stream parser: frames in, ACK + answers out."""

    def __init__(self, chip, link_path):
        self.chip = chip
        self.link_path = link_path
        self.master = self.slave = None
        self.buf = bytearray()
        self.pending = None  # (due_time, bytes) or ("wait", cmd)
        self.last_answer = None
        self.muted = False

    def open(self):
        self.master, self.slave = pty.openpty()
        tty.setraw(self.slave)  # no echo, no line discipline: a plain byte pipe
        tmp = self.link_path + ".tmp"
        if os.path.lexists(tmp):
            os.unlink(tmp)
        os.symlink(os.ttyname(self.slave), tmp)
        os.replace(tmp, self.link_path)
        os.set_blocking(self.master, False)
        self.buf.clear()
        self.pending = None
        self.chip.awake = False
        self.chip.rf_on = False

    def close(self):
        if os.path.lexists(self.link_path):
            os.unlink(self.link_path)
        for fd in (self.master, self.slave):
            if fd is not None:
                os.close(fd)
        self.master = self.slave = None
        self.pending = None

    def write(self, data):
        if self.master is None:
            return
        view = memoryview(data)
        while view:
            try:
                n = os.write(self.master, view)
                view = view[n:]
            except BlockingIOError:
                select.select([], [self.master], [], 0.05)

    def on_readable(self):
        try:
            chunk = os.read(self.master, 4096)
        except (BlockingIOError, OSError):
            return
        if not chunk or self.muted:
            return  # a hung chip: bytes go nowhere
        if 0x55 in chunk:
            self.chip.awake = True  # HSU wake-up: 55 55 00 00 00 ...
        self.buf += chunk
        self.parse()

    def parse(self):
        while True:
            start = self.buf.find(b"\x00\xFF")
            if start < 0:
                if len(self.buf) > 1:
                    del self.buf[:-1]
                return
            del self.buf[:start]
            if len(self.buf) < 4:
                return
            if self.buf[2:4] == b"\x00\xFF":  # ACK from the host: abort the running command
                del self.buf[:4]
                self.pending = None
                continue
            if self.buf[2:4] == NACK_BODY:  # NACK: send the last answer again
                del self.buf[:4]
                if self.last_answer:
                    self.write(self.last_answer)
                continue
            if self.buf[2] == 0xFF and self.buf[3] == 0xFF:  # extended frame
                if len(self.buf) < 7:
                    return
                n = (self.buf[4] << 8) | self.buf[5]
                if (self.buf[4] + self.buf[5] + self.buf[6]) & 0xFF:
                    del self.buf[:2]
                    continue
                head = 7
            else:
                n = self.buf[2]
                if (self.buf[2] + self.buf[3]) & 0xFF:
                    del self.buf[:2]  # bad length checksum: ignored, as the chip does
                    continue
                head = 4
            if len(self.buf) < head + n + 2:
                return
            body = bytes(self.buf[head:head + n])
            dcs = self.buf[head + n]
            del self.buf[:head + n + 2]
            if (sum(body) + dcs) & 0xFF or n < 2 or body[0] != 0xD4:
                continue  # corrupted frame: no ACK, the host times out and retries
            if not self.chip.awake:
                continue  # still in low-power mode: the chip never saw the frame
            self.write(ACK)
            self.execute(body[1], body[2:])

    def execute(self, cmd, params):
        result = self.chip.handle(cmd, params)
        if result is None:
            self.answer_now(ERROR_FRAME)
            return
        if result == "wait":
            self.pending = ("wait", cmd)
            return
        delay, data = result
        frame = build_frame(bytes([cmd + 1]) + data)
        if delay <= 0:
            self.answer_now(frame)
        else:
            self.pending = (time.monotonic() + delay, frame)

    def answer_now(self, frame):
        self.last_answer = frame
        self.write(frame)

    def on_card_placed(self):
        if self.pending and self.pending[0] == "wait":
            cmd = self.pending[1]
            self.pending = None
            _, data = self.chip.list_type_b()
            self.answer_now(build_frame(bytes([cmd + 1]) + data))

    def timeout(self):
        if self.pending and self.pending[0] != "wait":
            return max(0.0, self.pending[0] - time.monotonic())
        return None

    def fire_due(self):
        if self.pending and self.pending[0] != "wait" and time.monotonic() >= self.pending[0]:
            frame = self.pending[1]
            self.pending = None
            self.answer_now(frame)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--link", required=True)
    ap.add_argument("--serial", default="0102030405060708")
    ap.add_argument("--card", action="store_true", help="start with the card on the reader")
    args = ap.parse_args()

    chip = Pn532(IdCard(bytes.fromhex(args.serial)))
    if args.card:
        chip.place()
    link = Link(chip, args.link)
    link.open()
    out = sys.stdout
    out.write("ready %s\n" % args.link)
    out.flush()

    stdin_fd = sys.stdin.fileno()
    line = b""
    while True:
        fds = [stdin_fd] + ([link.master] if link.master is not None else [])
        readable, _, _ = select.select(fds, [], [], link.timeout())
        link.fire_due()
        if link.master is not None and link.master in readable:
            link.on_readable()
        if stdin_fd not in readable:
            continue
        chunk = os.read(stdin_fd, 1024)
        if not chunk:
            break
        line += chunk
        while b"\n" in line:
            raw, line = line.split(b"\n", 1)
            words = raw.decode("ascii", "replace").split()
            if not words:
                continue
            reply = "ok"
            if words[0] == "place" and (len(words) == 1 or words[1].isdigit()):
                chip.place(int(words[1]) if len(words) == 2 else None)
                link.on_card_placed()
            elif words[0] == "remove":
                chip.remove()
            elif words[0] in ("mute", "unmute"):
                link.muted = words[0] == "mute"
                link.pending = None
            elif words[0] == "close":
                link.close()
            elif words[0] == "reopen":
                if link.master is None:
                    link.open()
            elif words[0] == "stats":
                reply = "ok " + " ".join("%02x=%d" % kv for kv in sorted(chip.counts.items()))
            elif words[0] == "quit":
                out.write("ok\n")
                out.flush()
                link.close()
                return
            else:
                reply = "error unknown command"
            out.write(reply + "\n")
            out.flush()
    link.close()


if __name__ == "__main__":
    main()
