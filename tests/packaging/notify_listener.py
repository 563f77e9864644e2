#!/usr/bin/python3
"""Plays systemd's side of sd_notify for tests/packaging/deb_install_test.sh: binds a datagram
socket at PATH (writable by the kiosk user), prints each message, and exits 0 once READY=1 and
two WATCHDOG=1 have arrived, 1 when TIMEOUT seconds pass first.

Usage: notify_listener.py PATH TIMEOUT
"""
import os
import socket
import sys
import time


def main():
    path, timeout = sys.argv[1], float(sys.argv[2])
    sock = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
    sock.bind(path)
    os.chmod(path, 0o666)
    sock.settimeout(0.5)
    deadline = time.monotonic() + timeout
    started = time.monotonic()
    ready, pings = False, 0
    while time.monotonic() < deadline:
        try:
            message = sock.recv(4096).decode("utf-8", "replace")
        except socket.timeout:
            continue
        print(f"{time.monotonic() - started:6.2f}s  {message.replace(chr(10), ' | ')}", flush=True)
        if message.startswith("READY=1"):
            ready = True
        elif ready and "WATCHDOG=1" in message:
            pings += 1
        if ready and pings >= 2:
            return 0
    print(f"timeout: ready={ready} pings={pings}", flush=True)
    return 1


if __name__ == "__main__":
    sys.exit(main())
