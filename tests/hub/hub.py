#!/usr/bin/python3
"""OneWindow reference hub: the executable specification of docs/sync-protocol.md.

HTTPS with client-certificate verification (ssl.CERT_REQUIRED), HTTP/1.1 keep-alive, one
thread per connection. Everything is kept in memory: the hub is a test and demo fixture.

A second, plain-HTTP listener on 127.0.0.1 is the test-only admin API (counters, fault
injection, seeding, heartbeat commands); it is never exposed on the kiosk port.

    /usr/bin/python3 tests/hub/hub.py --pki DIR [--port 0] [--admin-port 0] [--port-file F]
    /usr/bin/python3 tests/hub/hub.py --demo [--pki DIR]   # makes a PKI if needed, port 8443

Ports: 0 = pick a free one; the chosen ports are written to --port-file as JSON
{"https_port": N, "admin_port": M, "pid": P} (atomically) and printed on stdout.

Python 3 standard library only (Debian's /usr/bin/python3).
"""

import argparse
import datetime
import hashlib
import json
import os
import socket
import ssl
import struct
import subprocess
import sys
import threading
import time
import urllib.parse
import uuid
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from licence_signing import LicenceSigner

HERE = os.path.dirname(os.path.abspath(__file__))
MAX_BATCH = 100
MAX_BODY = 8 * 1024 * 1024
ALNUM = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"
# POST /v1/assist:request (docs/sync-protocol.md §13): the only keys a help request may carry.
ASSIST_KEYS = {"request_id", "kiosk_id", "screen", "reason", "service_item_code", "field"}
ASSIST_SCREENS = {"attract", "reading", "identity", "catalog", "itemDetail", "consent", "busy", "form",
                  "review", "receipt", "rating", "progress", "cardError", "outOfService", "other"}
ASSIST_REASONS = {"resident_pressed_help", "wrong_prefilled_field"}
ASSIST_STATUSES = {"accepted", "staff_on_the_way", "queued"}


# ---------------------------------------------------------------- synthetic fixture data

def id_check_char(first17):
    weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
    s = sum(int(c) * w for c, w in zip(first17, weights))
    return "10X98765432"[s % 11]


def license_check_char(body):
    p = 36
    for c in body:
        v = ALNUM.index(c)
        s = (p + v) % 36
        if s == 0:
            s = 36
        p = (2 * s) % 37
    return ALNUM[((1 - p) % 36 + 36) % 36]


def license_identifier(type_code, issuer, serial, version=1):
    serial_text = "%010d" % serial
    version_text = "%03d" % version
    body = type_code + issuer + serial_text + version_text
    return "1.2.156.3005.2.%s.%s.%s.%s.%s" % (type_code, issuer, serial_text, version_text,
                                               license_check_char(body))


def re_token(text):
    """[A-Za-z0-9_.-]{1,64}: the protocol's tokens (ids, enum names, codes, field keys)."""
    return 0 < len(text) <= 64 and all(c.isascii() and (c.isalnum() or c in "_.-") for c in text)


def canonical_json(value):
    """The fingerprint's canonical form (docs/sync-protocol.md §3.2)."""
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode("utf-8")


def fingerprint(payload):
    return hashlib.sha256(canonical_json(payload)).hexdigest()


def utc_now():
    return datetime.datetime.now(datetime.timezone.utc)


def iso(t):
    return t.strftime("%Y-%m-%dT%H:%M:%S.") + "%03dZ" % (t.microsecond // 1000)


class Fixtures:
    def __init__(self, directory):
        with open(os.path.join(directory, "licenses.json"), encoding="utf-8") as f:
            spec = json.load(f)
        with open(os.path.join(directory, "catalog.json"), encoding="utf-8") as f:
            self.catalog = json.load(f)
        region = spec["region"]
        self.people = {}
        for p in spec["people"]:
            first17 = region + p["birth"] + p["seq"]
            self.people[p["key"]] = {"name": p["name"], "id": first17 + id_check_char(first17)}
        self.types = spec["types"]
        self.issuer_code = spec["issuer_code"]
        self.licenses = [self.make_license(l) for l in spec["licenses"]]
        # The remote SAM's answer: a synthetic resident's 256-byte text block (the same
        # committed fixture the reader tests use).
        self.relay_block_path = os.path.join(directory, "..", "..", "fixtures", "idcard", "resident.hex")

    def relay_text_block(self):
        with open(self.relay_block_path, encoding="ascii") as f:
            text = "".join(line.split("#")[0] for line in f)
        return "".join(c for c in text if c in "0123456789abcdefABCDEF").lower()

    def issuers(self):
        """issuer_code -> issuer key name in tests/pki (issuer-<name>.key)."""
        out = {self.issuer_code: "sm2"}
        for t in self.types.values():
            if "issuer_code" in t:
                out[t["issuer_code"]] = t.get("issuer_key", "p256")
        return out

    def make_license(self, l, version=1):
        t = self.types[l["type"]]
        serial = l["serial"]
        issuer_code = t.get("issuer_code", self.issuer_code)
        return {
            "license_id": license_identifier(t["code"], issuer_code, serial, version),
            "type_code": t["code"],
            "type_name": t["name"],
            "license_name": t["name"],
            "license_no": "SL%08d" % serial,
            "issuer_name": t["issuer"],
            "issuer_code": issuer_code,
            "issue_date": "2015-03-01",
            "valid_from": "2015-03-01",
            "valid_to": None,
            "status": "valid",
            "area_code": "110105",
            "holders": [{"name": self.people[k]["name"], "code": self.people[k]["id"],
                         "code_type": "111", "role": role} for k, role in l["holders"]],
            "face": l.get("face", {}),
        }


# ---------------------------------------------------------------- hub state

class HubState:
    def __init__(self, fixtures, signer=None):
        self.lock = threading.RLock()
        self.fixtures = fixtures
        # Licences and the catalogue's issuer key list are signed when the PKI has licence
        # keys (tests/pki/make-pki.sh); faults: unsigned or tampered licences, a rogue root.
        self.signer = signer
        self.issuer_signer = "root"
        # submissions: id -> record; commits[id] counts records created (the invariant: <= 1)
        self.submissions = {}
        self.commits = {}
        self.received = {}
        self.mismatches = 0
        self.ratings = {}
        self.rating_commits = {}
        self.case_seq = 0
        # licence change log: list of (seq, change); cursors are "v1.<epoch>.<seq>"
        self.changes = []
        self.cursor_epoch = 1
        self.next_version = 1
        for lic in fixtures.licenses:
            self.add_change("upsert", lic)
        self.catalog_body = b""
        self.catalog_etag = ""
        self.set_catalog(fixtures.catalog)
        # heartbeat
        self.commands = []  # pending until acknowledged
        self.acks = []
        self.heartbeats = []
        # fault injection
        self.faults = []        # request rules
        self.conn_faults = []   # connection rules
        self.item_faults = {}   # submission/rating id -> forced per-item outcome
        self.requests = {}
        self.total_requests = 0
        self.connections = 0  # TCP connections accepted (handshakes attempted)
        self.eid_enabled = False
        self.eid_sessions = {}
        # help requests: every body as received, the open ones in arrival order, the answers
        self.assist_enabled = True
        self.assist_requests = []
        self.assist_open = []
        self.assist_answers = {}
        self.assist_force = None  # {"status", "eta_s"?}: the next answers, set by /admin/assist

    # -- licences
    def add_change(self, op, lic, fault=None):
        with self.lock:
            version = self.next_version
            self.next_version += 1
            if self.signer is not None and op == "upsert" and fault != "unsigned":
                lic = self.signer.sign_licence(lic)
            if fault == "tampered":  # signed, then changed: the signature no longer verifies
                lic = dict(lic, face=dict(lic.get("face") or {}, KZ_ZZ="篡改过的地址"))
            entry = {"op": op, "hub_version": version, "license": dict(lic)}
            entry["license"]["sync"] = {"hub_version": version, "op": op}
            self.changes.append(entry)
            return version

    def set_catalog(self, catalog):
        with self.lock:
            if self.signer is not None:
                catalog = dict(catalog, issuer_keys=self.signer.issuer_keys(str(catalog.get("version", "")),
                                                                           self.issuer_signer))
            self.catalog_body = json.dumps(catalog, ensure_ascii=False, sort_keys=True).encode("utf-8")
            self.catalog_etag = '"%s"' % hashlib.sha256(self.catalog_body).hexdigest()[:20]

    # -- counters
    def count_request(self, key):
        with self.lock:
            self.requests[key] = self.requests.get(key, 0) + 1
            self.total_requests += 1

    def take_fault(self, method, path):
        """The first matching rule, consumed once (times > 0) or kept (times < 0)."""
        with self.lock:
            for rule in list(self.faults):
                match = rule.get("match", "*")
                if match != "*":
                    m_method, _, m_path = match.partition(" ")
                    if m_method != method or not path.startswith(m_path):
                        continue
                if rule.get("times", 1) > 0:
                    rule["times"] = rule.get("times", 1) - 1
                    if rule["times"] == 0:
                        self.faults.remove(rule)
                return dict(rule)
            return None

    def take_conn_fault(self):
        with self.lock:
            now = time.monotonic()
            for rule in list(self.conn_faults):
                until = rule.get("_until")
                if until is not None and now > until:
                    self.conn_faults.remove(rule)
                    continue
                if until is None and rule.get("times", 1) > 0:
                    rule["times"] = rule.get("times", 1) - 1
                    if rule["times"] == 0:
                        self.conn_faults.remove(rule)
                return dict(rule)
            return None

    # -- submissions
    def store_submission(self, item, kiosk):
        """Returns (http_status, result dict). Exactly one record per ID (the invariant)."""
        sid = item.get("submission_id")
        payload = item.get("payload")
        if not isinstance(sid, str) or not sid or len(sid) > 64 or not isinstance(payload, dict):
            return 400, {"submission_id": sid, "status": "rejected", "code": 400,
                         "error": "invalid", "detail": "submission_id and payload object required"}
        fp = fingerprint(payload)
        claimed = item.get("payload_sha256")
        if claimed is not None and claimed != fp:
            return 400, {"submission_id": sid, "status": "rejected", "code": 400,
                         "error": "fingerprint_invalid", "detail": "payload_sha256 does not match the payload"}
        with self.lock:
            self.received[sid] = self.received.get(sid, 0) + 1
            forced = self.item_faults.pop(sid, None)
            if forced:
                return forced.get("code", 200), dict(forced, submission_id=sid)
            rec = self.submissions.get(sid)
            if rec is not None:
                if rec["fingerprint"] != fp:
                    self.mismatches += 1
                    return 422, {"submission_id": sid, "status": "conflict", "code": 422,
                                 "error": "fingerprint_mismatch",
                                 "detail": "this submission_id was received with another payload"}
                return 200, self.result(rec, "duplicate")
            self.case_seq += 1
            received = utc_now()
            days = 5
            for it in self.fixtures.catalog.get("items", []):
                if it.get("implement_code") == item.get("service_item_code"):
                    days = it.get("promised_days", 5)
            rec = {
                "submission_id": sid,
                "fingerprint": fp,
                "kiosk_id": kiosk,
                "case_no": "%s%s%06d" % ("110105", received.strftime("%Y%m%d"), self.case_seq),
                "promised_date": (received + datetime.timedelta(days=days)).strftime("%Y-%m-%d"),
                "received_at": iso(received),
                "status": "received",
                "service_item_code": item.get("service_item_code"),
                "service_item_name": item.get("service_item_name"),
                "applicant_id": (payload.get("applicant") or {}).get("id_number")
                if isinstance(payload.get("applicant"), dict) else None,
                "progress": [{"at": iso(received), "step": "received", "note": "已受理"}],
            }
            self.submissions[sid] = rec
            self.commits[sid] = self.commits.get(sid, 0) + 1
            return 201, self.result(rec, "accepted")

    @staticmethod
    def result(rec, status):
        return {"submission_id": rec["submission_id"], "status": status, "case_no": rec["case_no"],
                "promised_date": rec["promised_date"], "received_at": rec["received_at"],
                "fingerprint": rec["fingerprint"]}

    def store_rating(self, item):
        rid = item.get("rating_id") if isinstance(item, dict) else None
        if not isinstance(rid, str) or not rid or not isinstance(item.get("level"), int) \
                or not 1 <= item["level"] <= 5:
            return {"rating_id": rid, "status": "rejected", "code": 400, "error": "invalid"}
        fp = fingerprint(item)
        with self.lock:
            forced = self.item_faults.pop(rid, None)
            if forced:
                return dict(forced, rating_id=rid)
            rec = self.ratings.get(rid)
            if rec is not None:
                if rec["fingerprint"] != fp:
                    return {"rating_id": rid, "status": "conflict", "code": 422, "error": "fingerprint_mismatch"}
                return {"rating_id": rid, "status": "duplicate"}
            self.ratings[rid] = {"fingerprint": fp, "level": item["level"], "channel": item.get("channel")}
            self.rating_commits[rid] = self.rating_commits.get(rid, 0) + 1
            return {"rating_id": rid, "status": "accepted"}


# ---------------------------------------------------------------- HTTPS API

class ResetConnection(Exception):
    pass


class HubHandler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server_version = "OneWindowReferenceHub/1"
    disable_nagle_algorithm = True
    wbufsize = 65536
    timeout = 120  # an idle keep-alive connection is closed after this

    def log_message(self, fmt, *args):  # quiet unless --verbose; never logs bodies
        if self.server.verbose:
            sys.stderr.write("hub: %s\n" % (fmt % args))

    @property
    def state(self):
        return self.server.state

    # -- plumbing
    def send_json(self, status, obj, headers=None, raw=None):
        body = raw if raw is not None else json.dumps(obj, ensure_ascii=False).encode("utf-8")
        self.send_response(status)
        self.send_header("Content-Type", "application/json; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Date", self.date_time_string())
        for k, v in (headers or {}).items():
            self.send_header(k, v)
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def send_empty(self, status, headers=None):
        self.send_response(status)
        self.send_header("Content-Length", "0")
        for k, v in (headers or {}).items():
            self.send_header(k, v)
        self.end_headers()

    def reset(self):
        """TCP RST without an answer (SO_LINGER 0)."""
        try:
            self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
            raw = self.connection
            raw.close()
        except OSError:
            pass
        self.close_connection = True
        raise ResetConnection()

    def read_body(self):
        length = int(self.headers.get("Content-Length") or 0)
        if length > MAX_BODY:
            raise ValueError("body too large")
        return self.rfile.read(length) if length else b""

    def kiosk_id(self):
        cert = self.connection.getpeercert() or {}
        for rdn in cert.get("subject", ()):
            for k, v in rdn:
                if k == "commonName":
                    return v
        return None

    def handle_one_request(self):
        try:
            super().handle_one_request()
        except ResetConnection:
            self.close_connection = True
        except (ConnectionError, ssl.SSLError, socket.timeout, OSError):
            self.close_connection = True

    def finish(self):
        try:
            super().finish()
        except (OSError, ValueError):
            pass

    def do_GET(self):
        self.dispatch("GET")

    def do_PUT(self):
        self.dispatch("PUT")

    def do_POST(self):
        self.dispatch("POST")

    def dispatch(self, method):
        url = urllib.parse.urlsplit(self.path)
        path = url.path
        query = urllib.parse.parse_qs(url.query)
        route = self.route_name(method, path)
        self.state.count_request(route)
        try:
            body = self.read_body()
        except ValueError:
            self.send_json(413, {"error": "too_large"})
            return
        fault = self.state.take_fault(method, path)
        if fault:
            if fault.get("delay_ms"):
                time.sleep(fault["delay_ms"] / 1000.0)
            action = fault.get("action")
            if action == "reset_before":
                self.reset()
            if fault.get("status") and not action:
                headers = {}
                if fault.get("retry_after") is not None:
                    headers["Retry-After"] = str(fault["retry_after"])
                self.send_json(fault["status"], {"error": "injected", "status": fault["status"]}, headers)
                return
        kiosk = self.kiosk_id()
        header_kiosk = self.headers.get("Kiosk-Id")
        if header_kiosk != kiosk:
            self.send_json(403, {"error": "kiosk_mismatch",
                                 "detail": "Kiosk-Id must equal the client certificate's CN"})
            return
        status, obj, headers, raw = self.handle_api(method, path, query, body, kiosk)
        action = fault.get("action") if fault else None
        if action == "reset_after":
            self.reset()
        if action == "malformed":
            raw = b'{"results": [ {"submission_id": '
            status = 200 if status in (200, 201) else status
        if action == "slow_body":
            self.send_slow(status, obj, headers, fault.get("interval_ms", 1000))
            return
        if status == 304 or (obj is None and raw is None):
            self.send_empty(status, headers)
        else:
            self.send_json(status, obj, headers, raw)

    def send_slow(self, status, obj, headers, interval_ms):
        body = json.dumps(obj, ensure_ascii=False).encode("utf-8")
        self.send_response(status)
        self.send_header("Content-Type", "application/json; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        for k, v in (headers or {}).items():
            self.send_header(k, v)
        self.end_headers()
        self.wfile.flush()
        for i in range(len(body)):
            self.wfile.write(body[i:i + 1])
            self.wfile.flush()  # raises once the client gave up: the thread ends
            time.sleep(interval_ms / 1000.0)

    @staticmethod
    def route_name(method, path):
        if path.startswith("/v1/submissions/"):
            return method + " /v1/submissions/{id}"
        if path.startswith("/v1/eid/sessions/"):
            return method + " /v1/eid/sessions/{id}/apdu"
        return method + " " + path

    # -- the protocol
    def handle_api(self, method, path, query, body, kiosk):
        """Returns (status, json object or None, headers, raw body or None)."""
        st = self.state
        try:
            data = json.loads(body) if body else None
        except ValueError:
            return 400, {"error": "malformed_json"}, None, None
        if method == "PUT" and path.startswith("/v1/submissions/"):
            sid = urllib.parse.unquote(path[len("/v1/submissions/"):])
            if not isinstance(data, dict):
                return 400, {"error": "invalid", "detail": "JSON object expected"}, None, None
            key = (self.headers.get("Idempotency-Key") or "").strip('"')
            if key != sid or data.get("submission_id") != sid:
                return 400, {"error": "idempotency_key",
                             "detail": "Idempotency-Key, path and submission_id must agree"}, None, None
            status, result = st.store_submission(data, kiosk)
            if status >= 400:
                return status, {"error": result.get("error"), "detail": result.get("detail"),
                                "submission_id": sid}, None, None
            return status, result, None, None
        if method == "POST" and path == "/v1/submissions:batch":
            items = data.get("items") if isinstance(data, dict) else None
            if not isinstance(items, list) or not items:
                return 400, {"error": "invalid", "detail": "items[] required"}, None, None
            if len(items) > MAX_BATCH:
                return 413, {"error": "too_many_items", "max": MAX_BATCH}, None, None
            results = []
            for item in items:
                status, result = st.store_submission(item if isinstance(item, dict) else {}, kiosk)
                result.setdefault("code", status)
                results.append(result)
            return 200, {"results": results}, None, None
        if method == "GET" and path.startswith("/v1/submissions/"):
            sid = urllib.parse.unquote(path[len("/v1/submissions/"):])
            with st.lock:
                rec = st.submissions.get(sid)
                if rec is None:
                    return 404, {"error": "not_found", "submission_id": sid}, None, None
                out = dict(HubState.result(rec, rec["status"]))
                out["progress"] = list(rec["progress"])
                out["service_item_code"] = rec["service_item_code"]
                out["service_item_name"] = rec["service_item_name"]
            return 200, out, None, None
        if method == "POST" and path == "/v1/cases:lookup":
            number = data.get("id_number") if isinstance(data, dict) else None
            if not isinstance(number, str) or len(number) not in (15, 18):
                return 400, {"error": "invalid", "detail": "id_number required"}, None, None
            with st.lock:
                cases = [dict(HubState.result(r, r["status"]), service_item_name=r["service_item_name"])
                         for r in st.submissions.values() if r["applicant_id"] == number.upper()]
            return 200, {"cases": cases}, None, None
        if method == "GET" and path == "/v1/licenses/changes":
            return self.license_changes(query)
        if method == "GET" and path == "/v1/catalog":
            with st.lock:
                etag, raw = st.catalog_etag, st.catalog_body
            if self.headers.get("If-None-Match") == etag:
                return 304, None, {"ETag": etag}, None
            return 200, None, {"ETag": etag, "Cache-Control": "no-cache"}, raw
        if method == "POST" and path == "/v1/ratings:batch":
            items = data.get("items") if isinstance(data, dict) else None
            if not isinstance(items, list) or not items:
                return 400, {"error": "invalid", "detail": "items[] required"}, None, None
            if len(items) > MAX_BATCH:
                return 413, {"error": "too_many_items", "max": MAX_BATCH}, None, None
            return 200, {"results": [st.store_rating(i) for i in items]}, None, None
        if method == "POST" and path == "/v1/heartbeat":
            return self.heartbeat(data, kiosk)
        if method == "POST" and path == "/v1/assist:request":
            return self.assist_request(data, kiosk)
        if method == "POST" and path == "/v1/eid/sessions":
            return self.eid_start()
        if method == "POST" and path.startswith("/v1/eid/sessions/") and path.endswith("/apdu"):
            return self.eid_apdu(path.split("/")[4], data)
        return 404, {"error": "no_such_endpoint"}, None, None

    def license_changes(self, query):
        st = self.state
        cursor = (query.get("cursor") or [""])[0]
        try:
            limit = max(1, min(5000, int((query.get("limit") or ["500"])[0])))
        except ValueError:
            return 400, {"error": "invalid", "detail": "limit"}, None, None
        with st.lock:
            start = 0
            if cursor:
                parts = cursor.split(".")
                if len(parts) != 3 or parts[0] != "v1" or not parts[1].isdigit() or not parts[2].isdigit():
                    return 410, {"error": "cursor_expired", "detail": "unknown cursor: full reload"}, None, None
                if int(parts[1]) != st.cursor_epoch:
                    return 410, {"error": "cursor_expired", "detail": "cursor expired: full reload"}, None, None
                start = int(parts[2])
            page = st.changes[start:start + limit]
            end = start + len(page)
            return 200, {"changes": page, "next_cursor": "v1.%d.%d" % (st.cursor_epoch, end),
                         "has_more": end < len(st.changes)}, None, None

    def heartbeat(self, data, kiosk):
        st = self.state
        if not isinstance(data, dict):
            return 400, {"error": "invalid"}, None, None
        with st.lock:
            acked = set()
            for ack in data.get("acks") or []:
                if isinstance(ack, dict) and ack.get("id"):
                    st.acks.append(dict(ack, kiosk_id=kiosk, at=iso(utc_now())))
                    acked.add(ack["id"])
            st.commands = [c for c in st.commands if c["id"] not in acked]
            st.heartbeats.append({k: data.get(k) for k in ("version", "uptime_s", "queue", "clock", "health", "readers")})
            commands = list(st.commands)
        return 200, {"server_time": iso(utc_now()), "commands": commands,
                     "heartbeat_interval_s": 60}, None, None

    def assist_request(self, data, kiosk):
        """人工帮办: validated strictly, so a kiosk that sends anything else (a name, a value) fails."""
        st = self.state
        if not st.assist_enabled:
            return 501, {"error": "not_offered", "detail": "this hall takes help requests at the service desk"}, None, None
        if not isinstance(data, dict):
            return 400, {"error": "invalid", "detail": "a JSON object is required"}, None, None
        unexpected = sorted(set(data) - ASSIST_KEYS)
        if unexpected:
            return 400, {"error": "unexpected_field", "detail": unexpected[0]}, None, None
        for key, value in data.items():
            if not isinstance(value, str) or not re_token(value):
                return 400, {"error": "invalid", "detail": key}, None, None
        for key in ("request_id", "kiosk_id", "screen", "reason"):
            if key not in data:
                return 400, {"error": "invalid", "detail": key + " required"}, None, None
        if data["kiosk_id"] != kiosk:
            return 403, {"error": "kiosk_mismatch", "detail": "kiosk_id must equal the client certificate's CN"}, None, None
        if data["screen"] not in ASSIST_SCREENS:
            return 400, {"error": "invalid", "detail": "screen"}, None, None
        if data["reason"] not in ASSIST_REASONS:
            return 400, {"error": "invalid", "detail": "reason"}, None, None
        if "field" in data and data["reason"] != "wrong_prefilled_field":
            return 400, {"error": "invalid", "detail": "field only with wrong_prefilled_field"}, None, None
        rid = data["request_id"]
        with st.lock:
            if rid in st.assist_answers:  # a retry of the same press: the same answer, no new place
                return 200, st.assist_answers[rid], None, None
            st.assist_requests.append(dict(data))
            st.assist_open.append(rid)
            position = len(st.assist_open)
            if st.assist_force:
                answer = {"request_id": rid, "status": st.assist_force.get("status", "accepted")}
                if answer["status"] == "queued":
                    answer["queue_position"] = position
                if st.assist_force.get("eta_s") is not None:
                    answer["eta_s"] = st.assist_force["eta_s"]
            elif position == 1:
                answer = {"request_id": rid, "status": "staff_on_the_way", "eta_s": 120}
            else:
                answer = {"request_id": rid, "status": "queued", "queue_position": position,
                          "eta_s": 180 * position}
            st.assist_answers[rid] = answer
        return 200, answer, None, None

    def eid_start(self):
        st = self.state
        if not st.eid_enabled:
            return 501, {"error": "not_implemented", "detail": "this hub offers no remote SAM"}, None, None
        sid = uuid.uuid4().hex
        with st.lock:
            st.eid_sessions[sid] = 0
        # A simulated remote SAM: two command APDUs, then a decoded (synthetic) identity.
        return 201, {"session_id": sid, "command_apdu": "0084000008"}, None, None

    def eid_apdu(self, sid, data):
        st = self.state
        if not st.eid_enabled:
            return 501, {"error": "not_implemented"}, None, None
        with st.lock:
            if sid not in st.eid_sessions:
                return 404, {"error": "not_found"}, None, None
            step = st.eid_sessions[sid] = st.eid_sessions[sid] + 1
        if not isinstance(data, dict) or not isinstance(data.get("response_apdu"), str):
            return 400, {"error": "invalid", "detail": "response_apdu (hex) required"}, None, None
        if step < 2:
            return 200, {"command_apdu": "00B0000000"}, None, None
        # The decoded identity as the card's own GA/T 490 text block (hex), so the kiosk decodes
        # and cross-checks it exactly like a local read.
        return 200, {"done": True, "text_block": st.fixtures.relay_text_block()}, None, None


class HubServer(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True
    request_queue_size = 64

    def __init__(self, address, state, contexts, verbose):
        self.state = state
        self.contexts = contexts  # "good" and "rogue" SSLContexts
        self.verbose = verbose
        super().__init__(address, HubHandler)

    def finish_request(self, request, client_address):
        # The TLS handshake runs here, on the connection's own thread (never in accept()).
        with self.state.lock:
            self.state.connections += 1
        fault = self.state.take_conn_fault()
        action = fault.get("action") if fault else None
        if action == "down":
            request.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
            request.close()
            return
        if action == "stall_handshake":
            time.sleep(fault.get("delay_ms", 5000) / 1000.0)
            request.close()
            return
        context = self.contexts["rogue" if action == "wrong_cert" else "good"]
        try:
            request.settimeout(30)
            tls = context.wrap_socket(request, server_side=True)
        except (ssl.SSLError, OSError) as e:
            if self.verbose:
                sys.stderr.write("hub: handshake failed: %s\n" % e)
            request.close()
            return
        tls.settimeout(None)
        try:
            self.RequestHandlerClass(tls, client_address, self)
        finally:
            try:
                tls.close()
            except OSError:
                pass

    def handle_error(self, request, client_address):
        if self.verbose:
            super().handle_error(request, client_address)


# ---------------------------------------------------------------- admin API (tests only)

class AdminHandler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    disable_nagle_algorithm = True

    def log_message(self, fmt, *args):
        pass

    def reply(self, status, obj):
        body = json.dumps(obj, ensure_ascii=False).encode("utf-8")
        self.send_response(status)
        self.send_header("Content-Type", "application/json; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self):
        st = self.server.state
        with st.lock:
            if self.path == "/admin/counters":
                self.reply(200, {
                    "total_requests": st.total_requests,
                    "connections": st.connections,
                    "requests": st.requests,
                    "stored": len(st.submissions),
                    "commits": st.commits,
                    "received": st.received,
                    "mismatches": st.mismatches,
                    "ratings": st.rating_commits,
                    "heartbeats": len(st.heartbeats),
                    "last_heartbeat": st.heartbeats[-1] if st.heartbeats else None,
                    "pending_commands": [c["id"] for c in st.commands],
                    "acks": st.acks,
                    "license_changes": len(st.changes),
                    "catalog_etag": st.catalog_etag,
                })
            elif self.path == "/admin/assist":
                self.reply(200, {"enabled": st.assist_enabled, "requests": st.assist_requests,
                                 "open": len(st.assist_open)})
            elif self.path == "/admin/submissions":
                self.reply(200, {"submissions": [
                    {"submission_id": r["submission_id"], "fingerprint": r["fingerprint"],
                     "case_no": r["case_no"], "commits": st.commits.get(r["submission_id"], 0)}
                    for r in st.submissions.values()]})
            else:
                self.reply(404, {"error": "no_such_endpoint"})

    def do_POST(self):
        st = self.server.state
        length = int(self.headers.get("Content-Length") or 0)
        try:
            data = json.loads(self.rfile.read(length) or b"{}")
        except ValueError:
            self.reply(400, {"error": "malformed_json"})
            return
        p = self.path
        with st.lock:
            if p == "/admin/faults":
                st.faults.extend(data.get("faults", []))
                self.reply(200, {"faults": len(st.faults)})
            elif p == "/admin/conn-faults":
                for rule in data.get("faults", []):
                    if rule.get("duration_ms"):
                        rule["_until"] = time.monotonic() + rule["duration_ms"] / 1000.0
                    st.conn_faults.append(rule)
                self.reply(200, {"conn_faults": len(st.conn_faults)})
            elif p == "/admin/item-faults":
                st.item_faults.update(data.get("items", {}))
                self.reply(200, {"item_faults": len(st.item_faults)})
            elif p == "/admin/clear":
                st.faults, st.conn_faults, st.item_faults = [], [], {}
                self.reply(200, {"cleared": True})
            elif p == "/admin/seed":
                sid = data["submission_id"]
                st.submissions[sid] = {"submission_id": sid, "fingerprint": data.get("fingerprint", "0" * 64),
                                       "kiosk_id": "seed", "case_no": "SEED", "promised_date": "2099-01-01",
                                       "received_at": iso(utc_now()), "status": "received",
                                       "service_item_code": None, "service_item_name": None,
                                       "applicant_id": None, "progress": []}
                st.commits[sid] = st.commits.get(sid, 0) + 1
                self.reply(200, {"seeded": sid})
            elif p == "/admin/commands":
                cmd = {"id": data.get("id") or uuid.uuid4().hex, "type": data["type"],
                       "args": data.get("args", {})}
                st.commands.append(cmd)
                self.reply(200, cmd)
            elif p == "/admin/licenses/expire-cursors":
                st.cursor_epoch += 1
                self.reply(200, {"epoch": st.cursor_epoch})
            elif p == "/admin/licenses/changes":
                versions = []
                for ch in data.get("changes", []):
                    lic = ch.get("license")
                    if lic is None and "fixture" in ch:
                        lic = st.fixtures.make_license(ch["fixture"], ch.get("version", 1))
                    versions.append(st.add_change(ch.get("op", "upsert"), lic, ch.get("fault")))
                self.reply(200, {"hub_versions": versions})
            elif p == "/admin/catalog":
                catalog = data.get("catalog") or dict(st.fixtures.catalog, version=data.get("version", "bumped"))
                st.issuer_signer = data.get("issuer_signer", "root")  # "rogue": not the kiosk's root
                st.fixtures.catalog = catalog
                st.set_catalog(catalog)
                self.reply(200, {"etag": st.catalog_etag})
            elif p == "/admin/progress":
                rec = st.submissions.get(data.get("submission_id"))
                if rec is None:
                    self.reply(404, {"error": "not_found"})
                else:
                    rec["status"] = data.get("status", "in_progress")
                    rec["progress"].append({"at": iso(utc_now()), "step": rec["status"],
                                            "note": data.get("note", "")})
                    self.reply(200, {"status": rec["status"]})
            elif p == "/admin/assist":
                if data.get("clear"):
                    st.assist_requests, st.assist_open, st.assist_answers = [], [], {}
                    st.assist_force = None
                if "enabled" in data:
                    st.assist_enabled = bool(data["enabled"])
                if data.get("status") in ASSIST_STATUSES:
                    st.assist_force = {"status": data["status"], "eta_s": data.get("eta_s")}
                if data.get("done"):  # staff took the oldest request: everyone moves up
                    st.assist_open = st.assist_open[1:]
                self.reply(200, {"enabled": st.assist_enabled, "open": len(st.assist_open)})
            elif p == "/admin/eid":
                st.eid_enabled = bool(data.get("enabled", True))
                self.reply(200, {"eid_enabled": st.eid_enabled})
            elif p == "/admin/shutdown":
                self.reply(200, {"bye": True})
                threading.Thread(target=self.server.hub_shutdown, daemon=True).start()
            else:
                self.reply(404, {"error": "no_such_endpoint"})


# ---------------------------------------------------------------- start-up

def make_context(cert, key, ca):
    ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    ctx.minimum_version = ssl.TLSVersion.TLSv1_2
    ctx.load_cert_chain(cert, key)
    ctx.load_verify_locations(ca)
    ctx.verify_mode = ssl.CERT_REQUIRED
    ctx.set_alpn_protocols(["http/1.1"])
    return ctx


def ensure_pki(directory):
    if not os.path.exists(os.path.join(directory, "hub.pem")) or not LicenceSigner.available(directory):
        subprocess.run([os.path.join(HERE, "..", "pki", "make-pki.sh"), directory], check=True)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--pki", help="directory made by tests/pki/make-pki.sh (ca.pem, hub.pem, hub.key, rogue.*)")
    ap.add_argument("--host", default="127.0.0.1")
    ap.add_argument("--port", type=int, default=None)
    ap.add_argument("--admin-port", type=int, default=0)
    ap.add_argument("--port-file")
    ap.add_argument("--fixtures", default=os.path.join(HERE, "fixtures"))
    ap.add_argument("--demo", action="store_true", help="demo hub: PKI in ~/.local/share/onewindow-demo/pki, port 8443")
    ap.add_argument("--eid", action="store_true", help="offer the remote-SAM relay (otherwise 501)")
    ap.add_argument("--no-assist", action="store_true", help="answer help requests with 501 (not offered)")
    ap.add_argument("--verbose", action="store_true")
    args = ap.parse_args()

    if args.demo and not args.pki:
        args.pki = os.path.expanduser("~/.local/share/onewindow-demo/pki")
    if not args.pki:
        ap.error("--pki DIR is required (or --demo)")
    if args.demo:
        ensure_pki(args.pki)
    port = args.port if args.port is not None else (8443 if args.demo else 0)

    fixtures = Fixtures(args.fixtures)
    signer = LicenceSigner(args.pki, fixtures.issuers()) if LicenceSigner.available(args.pki) else None
    state = HubState(fixtures, signer)
    state.eid_enabled = args.eid
    state.assist_enabled = not args.no_assist
    contexts = {
        "good": make_context(os.path.join(args.pki, "hub.pem"), os.path.join(args.pki, "hub.key"),
                             os.path.join(args.pki, "ca.pem")),
        "rogue": make_context(os.path.join(args.pki, "rogue.pem"), os.path.join(args.pki, "rogue.key"),
                              os.path.join(args.pki, "ca.pem")),
    }
    hub = HubServer((args.host, port), state, contexts, args.verbose)
    admin = ThreadingHTTPServer(("127.0.0.1", args.admin_port), AdminHandler)
    admin.daemon_threads = True
    admin.state = state

    def shutdown():
        hub.shutdown()
        admin.shutdown()

    admin.hub_shutdown = shutdown
    info = {"https_port": hub.server_address[1], "admin_port": admin.server_address[1], "pid": os.getpid()}
    threading.Thread(target=admin.serve_forever, daemon=True).start()
    if args.port_file:
        tmp = args.port_file + ".tmp"
        with open(tmp, "w") as f:
            json.dump(info, f)
        os.replace(tmp, args.port_file)
    print(json.dumps(info), flush=True)
    if args.demo:
        print("demo hub: https://%s:%d  (kiosk cert %s/kiosk.pem, CA %s/ca.pem)"
              % (args.host, info["https_port"], args.pki, args.pki), flush=True)
    try:
        hub.serve_forever(poll_interval=0.2)
    except KeyboardInterrupt:
        pass
    return 0


if __name__ == "__main__":
    sys.exit(main())
