#!/usr/bin/python3
"""A tiny HTTP CONNECT proxy for the sync transport tests (HubConfig::proxy, CURLOPT_PROXY).

    /usr/bin/python3 tests/hub/connect_proxy.py --stats-file F [--port 0] [--deny]

Binds 127.0.0.1 (port 0 = pick a free one) and tunnels `CONNECT host:port` to loopback targets
only. It keeps its figures in --stats-file as JSON {"port": N, "pid": P, "connects": C,
"tunnels": T, "denied": D}, rewritten atomically after every change, so a test can read the
port at start and count the tunnels afterwards. --deny answers every request with 403 (a proxy
that must never be used: any request shows up in "connects"). Other methods get 405.

Python 3 standard library only (Debian's /usr/bin/python3).
"""

import argparse
import json
import os
import select
import socket
import socketserver
import sys
import threading

LOOPBACK = ("127.0.0.1", "localhost", "::1", "[::1]")


class Stats:
    def __init__(self, path):
        self.path = path
        self.lock = threading.Lock()
        self.figures = {"port": 0, "pid": os.getpid(), "connects": 0, "tunnels": 0, "denied": 0}

    def bump(self, **changes):
        with self.lock:
            for key, value in changes.items():
                if key == "port":
                    self.figures[key] = value
                else:
                    self.figures[key] += value
            tmp = self.path + ".tmp"
            with open(tmp, "w") as f:
                json.dump(self.figures, f)
            os.replace(tmp, self.path)  # readers never see a half-written file


class ProxyHandler(socketserver.BaseRequestHandler):
    def read_head(self):
        data = b""
        while b"\r\n\r\n" not in data:
            chunk = self.request.recv(4096)
            if not chunk:
                return None, b""
            data += chunk
            if len(data) > 16384:
                return None, b""
        head, _, rest = data.partition(b"\r\n\r\n")
        return head.decode("latin-1"), rest

    def answer(self, status, reason):
        self.request.sendall(("HTTP/1.1 %d %s\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
                              % (status, reason)).encode("ascii"))

    def handle(self):
        stats = self.server.stats
        head, rest = self.read_head()
        if head is None:
            return
        parts = head.split("\r\n", 1)[0].split()
        stats.bump(connects=1)
        if self.server.deny:
            stats.bump(denied=1)
            self.answer(403, "Forbidden")
            return
        if len(parts) != 3 or parts[0] != "CONNECT":
            self.answer(405, "Method Not Allowed")
            return
        host, _, port = parts[1].rpartition(":")
        if host not in LOOPBACK or not port.isdigit():
            stats.bump(denied=1)
            self.answer(403, "Forbidden")  # a test fixture, never an open relay
            return
        try:
            upstream = socket.create_connection((host.strip("[]"), int(port)), timeout=5)
        except OSError:
            self.answer(502, "Bad Gateway")
            return
        upstream.settimeout(None)
        stats.bump(tunnels=1)
        self.request.sendall(b"HTTP/1.1 200 Connection established\r\n\r\n")
        if rest:
            upstream.sendall(rest)
        self.pump(self.request, upstream)

    @staticmethod
    def pump(a, b):
        peers = {a: b, b: a}
        try:
            while True:
                readable, _, _ = select.select(list(peers), [], [], 60)
                if not readable:
                    return  # idle for a minute: the client is gone
                for s in readable:
                    data = s.recv(65536)
                    if not data:
                        return
                    peers[s].sendall(data)
        except OSError:
            return
        finally:
            b.close()


class ProxyServer(socketserver.ThreadingTCPServer):
    daemon_threads = True
    allow_reuse_address = True  # "the proxy is back" binds the same port again


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--port", type=int, default=0)
    ap.add_argument("--stats-file", required=True)
    ap.add_argument("--deny", action="store_true", help="answer 403 to everything")
    args = ap.parse_args()
    server = ProxyServer(("127.0.0.1", args.port), ProxyHandler)
    server.stats = Stats(args.stats_file)
    server.deny = args.deny
    port = server.server_address[1]
    server.stats.bump(port=port)
    sys.stdout.write(json.dumps({"port": port, "pid": os.getpid()}) + "\n")
    sys.stdout.flush()
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass


if __name__ == "__main__":
    main()
