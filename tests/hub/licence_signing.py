"""Licence signatures for the reference hub (docs/sync-protocol.md "Signed licences").

The exact bytes signed are a sequence of fields, each a 4-byte big-endian length and the
field's UTF-8 bytes, in a fixed order (app/trust/LicenseCanonical.h is the kiosk's side).
ECDSA P-256 signs with `cryptography` (Debian python3-cryptography); SM2/SM3 is not in
`cryptography`, so it shells out to the `openssl` command (OpenSSL 3.0), always with the
GM/T 0009 default ID set explicitly: OpenSSL 3.0 otherwise uses an empty ID.
"""
import base64
import os
import struct
import subprocess

from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec

SM2_ID = "1234567812345678"
SM2, P256 = "SM2-SM3", "ECDSA-P256-SHA256"
LICENCE_TEXT_FIELDS = ("license_id", "source_license_id", "type_code", "type_name", "license_name",
                       "license_no", "related_license_id", "issuer_name", "issuer_code",
                       "issue_date", "valid_from", "valid_to")


def _field(data):
    return struct.pack(">I", len(data)) + data


def _text(value):
    return _field((value if isinstance(value, str) else "").encode("utf-8"))


def licence_signed_bytes(lic, alg, key_id):
    out = _text("onewindow.license.v1") + _text(alg) + _text(key_id)
    for k in LICENCE_TEXT_FIELDS:
        out += _text(lic.get(k))
    out += _text(lic.get("status") or "valid") + _text(lic.get("status_desc")) + _text(lic.get("area_code"))
    holders = lic.get("holders") or []
    out += _text(str(len(holders)))
    for h in holders:
        out += _text(h.get("name")) + _text(h.get("code")) + _text(h.get("code_type")) + _text(h.get("role"))
    face = sorted(((k.encode("utf-8"), v) for k, v in (lic.get("face") or {}).items()), key=lambda kv: kv[0])
    out += _text(str(len(face)))
    for k, v in face:
        out += _field(k) + _text(v)
    return out


def issuer_list_signed_bytes(version, root_alg, keys):
    out = _text("onewindow.issuer-keys.v1") + _text(version) + _text(root_alg) + _text(str(len(keys)))
    for k in keys:
        out += _text(k["key_id"]) + _text(k["issuer_code"]) + _text(k["alg"]) + _field(base64.b64decode(k["public_key"]))
    return out


class Key:
    """One private key file of tests/pki (SM2 or P-256, told by its curve)."""

    def __init__(self, path):
        self.path = path
        der = subprocess.run(["openssl", "pkey", "-in", path, "-pubout", "-outform", "DER"],
                             check=True, capture_output=True).stdout
        text = subprocess.run(["openssl", "pkey", "-in", path, "-noout", "-text"],
                              check=True, capture_output=True, text=True).stdout
        self.alg = SM2 if "SM2" in text else P256
        self.public_der = der
        self._p256 = None
        if self.alg == P256:
            with open(path, "rb") as f:
                self._p256 = serialization.load_pem_private_key(f.read(), password=None)

    def sign(self, data):
        if self._p256 is not None:
            return self._p256.sign(data, ec.ECDSA(hashes.SHA256()))
        return subprocess.run(["openssl", "pkeyutl", "-sign", "-inkey", self.path, "-rawin", "-digest", "sm3",
                               "-pkeyopt", "distid:" + SM2_ID], input=data, check=True,
                              capture_output=True).stdout


class LicenceSigner:
    """The hub's issuers and root: issuer_code -> key; signs licences and the issuer list."""

    def __init__(self, pki, issuers):
        self.root = Key(os.path.join(pki, "licroot.key"))
        self.rogue = Key(os.path.join(pki, "rogue-licroot.key"))
        self.issuers = {}
        for code, name in issuers.items():
            self.issuers[code] = ("hub-" + name + "-" + code, Key(os.path.join(pki, "issuer-%s.key" % name)))

    @staticmethod
    def available(pki):
        return os.path.exists(os.path.join(pki, "licroot.key"))

    def sign_licence(self, lic):
        entry = self.issuers.get(lic.get("issuer_code"))
        if entry is None:
            return lic
        key_id, key = entry
        signed = dict(lic)
        signed.pop("signature", None)
        value = key.sign(licence_signed_bytes(signed, key.alg, key_id))
        signed["signature"] = {"alg": key.alg, "key_id": key_id, "value": base64.b64encode(value).decode("ascii")}
        return signed

    def issuer_keys(self, version, signer="root"):
        keys = [{"key_id": key_id, "issuer_code": code, "alg": key.alg,
                 "public_key": base64.b64encode(key.public_der).decode("ascii")}
                for code, (key_id, key) in sorted(self.issuers.items())]
        root = self.rogue if signer == "rogue" else self.root
        value = root.sign(issuer_list_signed_bytes(version, root.alg, keys))
        return {"version": version, "keys": keys,
                "signature": {"alg": root.alg, "value": base64.b64encode(value).decode("ascii")}}
