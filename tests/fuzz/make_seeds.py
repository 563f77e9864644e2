#!/usr/bin/env python3
"""Writes the seed corpora of the fuzz targets added for issue 16 (tests/fuzz/corpus/<name>).

Seeds are what the real code paths produce: the reference hub's answers (tests/hub/hub.py,
called directly, no network), the shipped resources (catalogue, identities, licences, reader
profiles, kiosk.conf) and the formats our own writers emit (key file, PIN record, lockout
file), plus edge cases. Regression seeds for fixed crashes are committed next to them by hand
(names start with "crash-" or "regress-") and are not touched here.
    python3 tests/fuzz/make_seeds.py
"""
import base64
import json
import os
import sys
import types

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
CORPUS = os.path.join(ROOT, "tests", "fuzz", "corpus")
sys.path.insert(0, os.path.join(ROOT, "tests", "hub"))
import hub  # noqa: E402


def j(obj):
    return json.dumps(obj, ensure_ascii=False).encode("utf-8")


def write(target, name, data):
    d = os.path.join(CORPUS, target)
    os.makedirs(d, exist_ok=True)
    with open(os.path.join(d, name), "wb") as f:
        f.write(data)


def read(*parts):
    with open(os.path.join(ROOT, *parts), "rb") as f:
        return f.read()


# ---------------------------------------------------------------- the reference hub's answers
fixtures = hub.Fixtures(os.path.join(ROOT, "tests", "hub", "fixtures"))
state = hub.HubState(fixtures)
state.eid_enabled = True
handler = types.SimpleNamespace(state=state, headers={})
for m in ("license_changes", "heartbeat", "eid_start", "eid_apdu"):
    setattr(handler, m, getattr(hub.HubHandler, m).__get__(handler))


def api(method, path, body=None, query=None):
    raw = j(body) if body is not None else b""
    status, obj, headers, rawbody = hub.HubHandler.handle_api(handler, method, path, query or {}, raw, "kiosk-1")
    return status, (rawbody if rawbody is not None else j(obj) if obj is not None else b""), headers


payload = {"applicant": {"id_number": fixtures.people[next(iter(fixtures.people))]["id"]}, "phone": "13800138000"}
item = {"submission_id": "5f0c7a52-9d1e-4c1a-8d55-6a3b0f3f0001", "service_item_code": "11110105MB0000000X4000117001000",
        "payload": payload, "payload_sha256": hub.fingerprint(payload)}
other = dict(item, payload={"x": 1})
other["payload_sha256"] = hub.fingerprint(other["payload"])
bad = {"submission_id": "", "payload": 3}
_, batch, _ = api("POST", "/v1/submissions:batch", {"items": [item, dict(item), dict(other, submission_id=item["submission_id"]), bad]})
hj = "hubjson"
write(hj, "batch_results.json", b"\x00" + batch)
write(hj, "batch_retry_after.json", b"\x00" + j({"results": [{"submission_id": "a", "status": "retry", "code": 503, "retry_after_s": 30}]}))
_, ratings, _ = api("POST", "/v1/ratings:batch", {"items": [{"rating_id": "r1", "level": 5}, {"rating_id": "r1", "level": 4}, {"level": 9}]})
write(hj, "rating_results.json", b"\x01" + ratings)
status, put, _ = api("PUT", "/v1/submissions/x", None)
write(hj, "put_malformed.json", b"\x02" + put)
state.item_faults["5f0c7a52-9d1e-4c1a-8d55-6a3b0f3f0002"] = {"status": "retry", "code": 503, "retry_after_s": 2}
handler.headers = {"Idempotency-Key": '"5f0c7a52-9d1e-4c1a-8d55-6a3b0f3f0003"'}
it3 = dict(item, submission_id="5f0c7a52-9d1e-4c1a-8d55-6a3b0f3f0003")
_, put_ok, _ = api("PUT", "/v1/submissions/5f0c7a52-9d1e-4c1a-8d55-6a3b0f3f0003", it3)
write(hj, "put_accepted.json", b"\x02" + put_ok)
state.commands = [{"id": "c1", "type": "sync_now", "args": {}}, {"id": "c2", "type": "set_config", "args": {"key": "ui/default_language", "value": "zh_TW"}},
                  {"id": "c3", "type": "purge_cache", "args": {}}, {"id": "c4", "type": "lock", "args": {"reason": "maintenance"}}]
_, hb, _ = api("POST", "/v1/heartbeat", {"version": "1", "acks": []})
write(hj, "heartbeat_commands.json", b"\x03" + hb)
write(hj, "heartbeat_empty.json", b"\x03" + j({"server_time": "2026-12-04T18:00:00.000Z", "commands": [], "heartbeat_interval_s": 0.5}))
_, page, _ = api("GET", "/v1/licenses/changes", None, {"limit": ["3"]})
write(hj, "delta_page.json", b"\x04" + page)
_, gone, _ = api("GET", "/v1/licenses/changes", None, {"cursor": ["v9.x"]})
write(hj, "delta_cursor_expired.json", b"\x04" + gone)
_, cases, _ = api("POST", "/v1/cases:lookup", {"id_number": item["payload"]["applicant"]["id_number"]})
write(hj, "cases.json", b"\x05" + cases)
write(hj, "cases_empty.json", b"\x05" + j({"cases": []}))
status, start, _ = api("POST", "/v1/eid/sessions", {"atqb": "50000000000000000000000000", "chip_serial": "0102030405060708"})
write(hj, "relay_start.json", b"\x06" + start)
sid = json.loads(start)["session_id"]
_, step1, _ = api("POST", "/v1/eid/sessions/%s/apdu" % sid, {"response_apdu": "9000"})
write(hj, "relay_step.json", b"\x07" + step1)
_, done, _ = api("POST", "/v1/eid/sessions/%s/apdu" % sid, {"response_apdu": "9000"})
write(hj, "relay_done.json", b"\x07" + done)
write(hj, "relay_done_bad_block.json", b"\x07" + j({"done": True, "text_block": "00ff"}))
write(hj, "relay_no_session.json", b"\x06" + j({"command_apdu": "0084000008"}))
write(hj, "not_json.txt", b"\x00<html>502 Bad Gateway</html>")

# ---------------------------------------------------------------- headers
hh = "hubheaders"
write(hh, "catalog_200.txt", ("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nETag: %s\r\nCache-Control: no-cache\r\n"
                              "Date: Fri, 04 Dec 2026 18:00:00 GMT\r\n\r\n" % state.catalog_etag).encode())
write(hh, "retry_after_seconds.txt", b"HTTP/1.1 503 Service Unavailable\r\nRetry-After: 120\r\nDate: Fri, 04 Dec 2026 18:00:00 GMT\r\n\r\n")
write(hh, "retry_after_date.txt", b"HTTP/1.1 429 Too Many Requests\r\nRetry-After: Fri, 04 Dec 2026 18:05:00 GMT\r\n\r\n")
write(hh, "retry_after_past.txt", b"HTTP/1.1 503 x\r\nRetry-After: Sun, 06 Nov 1994 08:49:37 GMT\r\n\r\n")
write(hh, "continue_then_304.txt", ("HTTP/1.1 100 Continue\r\nETag: \"old\"\r\n\r\nHTTP/2 304\r\netag: W/%s\r\n\r\n" % state.catalog_etag).encode())
write(hh, "regress-retry-after-overflow.txt", b"HTTP/1.1 503 x\r\nRetry-After: 99999999999999999\r\n\r\n")
write(hh, "regress-etag-control-chars.txt", b"HTTP/1.1 200 OK\r\nETag: \"a\rInjected: 1\"\r\n\r\n")

# ---------------------------------------------------------------- licences
li = "license"
demo = json.loads(read("resources", "demo", "licenses.json"))
for i, ch in enumerate(demo["changes"][:6]):
    write(li, "demo_%02d.json" % i, j(ch["license"]))
for i, lic in enumerate(fixtures.licenses[:3]):
    write(li, "hub_%02d.json" % i, j(lic))
write(li, "hub_page.json", page)
write(li, "missing_holders.json", j({"license_id": fixtures.licenses[0]["license_id"], "type_code": "x"}))
write(li, "unknown_status.json", j(dict(fixtures.licenses[0], status="gone")))
write(li, "dates_odd.json", j(dict(fixtures.licenses[0], issue_date="2015-02-30", valid_to="9999-12-31")))

# ---------------------------------------------------------------- catalogue and patterns
ca = "catalog"
write(ca, "demo_catalog.json", b"\x00" + read("resources", "demo", "catalog.json"))
write(ca, "hub_catalog.json", b"\x00" + read("tests", "hub", "fixtures", "catalog.json"))
write(ca, "no_items.json", b"\x00" + j({"version": "1", "items": []}))
for name, pattern, value in [("bankcard", "^[0-9]{16,19}$", "6222020200112233445"),
                             ("plate", "[\u4e00-\u9fa5][A-Z][A-Z0-9]{5}", "\u4eacA12345"),
                             ("alternation", "(19|20)[0-9]{2}", "2026"),
                             ("catastrophic", "(a+)+$", "a" * 40 + "!"),
                             ("invalid", "([a-z", "abc"),
                             ("quote_to_end", "\\Qabc", "abc"),
                             ("backref", "(a)\\1", "aa")]:
    write(ca, "pattern_%s.txt" % name, b"\x01" + pattern.encode() + b"\n" + value.encode())

# ---------------------------------------------------------------- configuration
co = "config"
kiosk = read("resources", "config", "kiosk.conf")
write(co, "kiosk_conf.ini", b"\x01" + kiosk)
write(co, "kiosk_values.ini", b"\x01[readers]\nbackends=sim, pcsc\n[session]\nidle_form=9999999999\nidle_warning=1\n"
                             b"elderly_idle_factor=nan\n[sim]\nread_delay_ms=-5\n[kiosk]\ndemo=true\n")
write(co, "admin_settings.ini", b"\x00[ui]\ndefault_language=zh_TW\nelderly_default=true\n[session]\nidle_form=180\n"
                               b"[kiosk]\nstate_dir=/tmp/evil\nout_of_service=true\n[hub]\nurl=https://hub.example:8443\n")
write(co, "syntax.ini", b"\x01[unclosed\nkey\n=value\n\\\n%General\n[a/b]\nc\\d=\"e\n")

# ---------------------------------------------------------------- reader profiles
rp = "readerprofile"
for f in sorted(os.listdir(os.path.join(ROOT, "resources", "readers"))):
    if f.endswith(".json"):
        write(rp, f, read("resources", "readers", f))

# ---------------------------------------------------------------- key file, PIN record, lockout
kf = "keyfiles"
write(kf, "keyfile.txt", b"\x00# OneWindow key file\nformat 1\nindex " + b"11" * 32 + b"\naudit " + b"22" * 32 +
      b"\ndata 1 " + b"33" * 32 + b"\ndata 2 " + b"44" * 32 + b"\ncurrent 2\n")
write(kf, "keyfile_short_key.txt", b"\x00format 1\nindex 11\naudit 22\ndata 1 33\ncurrent 1\n")
write(kf, "keyfile_no_format.txt", b"\x00index 11\n")
pin = {"version": 1, "algorithm": "scrypt", "n": 32768, "r": 8, "p": 1,
       "salt": base64.b64encode(bytes(range(16))).decode(), "hash": base64.b64encode(bytes(range(32))).decode(),
       "set_at": "2026-12-01T09:00:00Z"}
write(kf, "pin_record.json", b"\x01" + json.dumps(pin, indent=4).encode())
write(kf, "pin_huge_n.json", b"\x01" + j(dict(pin, n=2 ** 40)))
write(kf, "lockout_locked.json", b"\x02" + j({"failures": 5, "locked_at_ms": 1795999900000}))
write(kf, "lockout_failures.json", b"\x02" + j({"failures": 2, "locked_at_ms": None}))
write(kf, "lockout_future.json", b"\x02" + j({"failures": 5, "locked_at_ms": 1896000000000}))
write(kf, "lockout_corrupt.json", b"\x02{\"failures\":")

# ---------------------------------------------------------------- PN532 frames
def rec(b):
    return len(b).to_bytes(2, "big") + b


atqb = bytes.fromhex("500000000000000000000000")
hello = rec(atqb) + rec(b"\x08") + rec(bytes.fromhex("0102030405060708") + b"\x90\x00")
write("pn532", "handshake_only.bin", hello)
write("pn532", "relay_read.bin", hello + rec(start) + rec(b"\x12\x34\x90\x00") + rec(step1) + rec(b"\x90\x00") + rec(done))
write("pn532", "card_silent.bin", hello + rec(start) + b"\xff\xff\x00")
write("pn532", "device_lost.bin", hello + rec(start) + b"\xff\xff\x01")
write("pn532", "not_idcard.bin", rec(atqb) + rec(b"\x00"))
write("pn532", "uid_error.bin", rec(atqb) + rec(b"\x08") + rec(b"\x6a\x82"))

# ---------------------------------------------------------------- simulated identities
si = "simidentity"
write(si, "demo_identities.json", read("resources", "demo", "identities.json"))
write(si, "no_identities.json", j({"identities": []}))
write(si, "bad_type.json", j({"identities": [{"document_type": "passport", "id_number": "1"}]}))
write(si, "no_id.json", j({"identities": [{"document_type": "resident"}]}))
print("seeds written under", CORPUS)
