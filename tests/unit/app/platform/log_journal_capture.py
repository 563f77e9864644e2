#!/usr/bin/python3
"""Receives what a child sends to journald, without journald.

Run as root inside a private mount namespace (`unshare -m --propagation private`): mounts a
tmpfs over /run (only in this namespace), binds a datagram socket at
/run/systemd/journal/socket, where sd_journal_send writes, runs the command given, and prints
every datagram received as one JSON object per line ({"FIELD": "value", ...}) on stdout.
The native protocol (systemd.journal-fields, "Native Journal Protocol"): FIELD=value lines, or
FIELD\\n + 64-bit little-endian length + value + \\n for values holding a newline.
"""
import json
import os
import socket
import struct
import subprocess
import sys
import threading


def parse(datagram):
    fields = {}
    i = 0
    while i < len(datagram):
        nl = datagram.index(b"\n", i)
        line = datagram[i:nl]
        if b"=" in line:
            k, v = line.split(b"=", 1)
            fields[k.decode()] = v.decode("utf-8", "replace")
            i = nl + 1
        else:
            (size,) = struct.unpack("<Q", datagram[nl + 1:nl + 9])
            value = datagram[nl + 9:nl + 9 + size]
            fields[line.decode()] = value.decode("utf-8", "replace")
            i = nl + 9 + size + 1
    return fields


def main():
    subprocess.run(["mount", "-t", "tmpfs", "tmpfs", "/run"], check=True)
    os.makedirs("/run/systemd/journal", exist_ok=True)
    sock = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
    sock.bind("/run/systemd/journal/socket")
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4 * 1024 * 1024)
    received = []
    done = threading.Event()

    # Read while the child writes: a Unix datagram queue holds only a few messages.
    def drain():
        sock.settimeout(0.1)
        while True:
            try:
                received.append(sock.recv(1 << 20))
            except socket.timeout:
                if done.is_set():
                    return

    reader = threading.Thread(target=drain)
    reader.start()
    child = subprocess.Popen(sys.argv[1:], stderr=subprocess.PIPE)
    _, err = child.communicate(timeout=50)
    done.set()
    reader.join()
    for data in received:
        print(json.dumps(parse(data), ensure_ascii=False))
    sys.stderr.write(err.decode("utf-8", "replace"))
    return child.returncode


if __name__ == "__main__":
    sys.exit(main())
