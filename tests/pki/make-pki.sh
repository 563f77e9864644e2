#!/bin/sh
# Test PKI for the sync tests and the demo hub, made fresh at test/demo time (issue 5 item 3).
# No private key is ever committed: the output directory is a build or temp directory.
#
#   tests/pki/make-pki.sh OUTDIR [KIOSK_ID]
#
# OUTDIR/ca.pem                 test CA (trusted by the kiosk: [hub] ca)
# OUTDIR/hub.pem hub.key        hub server certificate for 127.0.0.1, ::1 and localhost
# OUTDIR/kiosk.pem kiosk.key    kiosk client certificate, CN = KIOSK_ID (default kiosk-test-01)
# OUTDIR/expired.pem expired.key  a kiosk client certificate that expired in 2021
# OUTDIR/rogue-ca.pem rogue.pem rogue.key  another CA and a hub certificate it signed
#                                          (same names: the "wrong server certificate" fault)
# OUTDIR/hub.pin                sha256//<base64> of the hub key (CURLOPT_PINNEDPUBLICKEY)
# OUTDIR/licroot.key .pub.pem   licence root (SM2; the kiosk trusts licroot.pub.pem: [licenses] root_key)
# OUTDIR/issuer-sm2.key issuer-p256.key  licence issuers (SM2/SM3, ECDSA P-256)
# OUTDIR/rogue-licroot.key      a licence root no kiosk trusts
set -eu
out=${1:?usage: make-pki.sh OUTDIR [KIOSK_ID]}
kiosk=${2:-kiosk-test-01}
mkdir -p "$out"
chmod 700 "$out"
cd "$out"

key() { openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out "$1" 2>/dev/null; chmod 600 "$1"; }

cat > ext.cnf <<CNF
[ca]
basicConstraints=critical,CA:TRUE
keyUsage=critical,keyCertSign,cRLSign
[server]
basicConstraints=CA:FALSE
keyUsage=critical,digitalSignature
extendedKeyUsage=serverAuth
subjectAltName=IP:127.0.0.1,IP:::1,DNS:localhost
[client]
basicConstraints=CA:FALSE
keyUsage=critical,digitalSignature
extendedKeyUsage=clientAuth
CNF

ca() { # name subject
    key "$1.key"
    openssl req -x509 -new -key "$1.key" -subj "$2" -days 30 -sha256 \
        -extensions ca -config ext.cnf -out "$1.pem" 2>/dev/null
}
leaf() { # name subject ca-name ext
    key "$1.key"
    openssl req -new -key "$1.key" -subj "$2" -out "$1.csr" 2>/dev/null
    openssl x509 -req -in "$1.csr" -CA "$3.pem" -CAkey "$3.key" -CAcreateserial -days 30 -sha256 \
        -extfile ext.cnf -extensions "$4" -out "$1.pem" 2>/dev/null
    rm -f "$1.csr"
}

ca ca "/CN=OneWindow Test Hub CA"
leaf hub "/CN=127.0.0.1" ca server
leaf kiosk "/CN=$kiosk" ca client
ca rogue-ca "/CN=Rogue CA"
leaf rogue "/CN=127.0.0.1" rogue-ca server

# An expired client certificate: `openssl ca` is the only OpenSSL 3.0 command that takes
# explicit validity dates.
key expired.key
openssl req -new -key expired.key -subj "/CN=$kiosk" -out expired.csr 2>/dev/null
mkdir -p ca.db
: > ca.db/index.txt
echo 01 > ca.db/serial
cat > ca.cnf <<CNF
[ca]
default_ca=test
[test]
database=ca.db/index.txt
serial=ca.db/serial
new_certs_dir=ca.db
certificate=ca.pem
private_key=ca.key
default_md=sha256
policy=any
copy_extensions=none
x509_extensions=client
[any]
commonName=supplied
[client]
basicConstraints=CA:FALSE
keyUsage=critical,digitalSignature
extendedKeyUsage=clientAuth
CNF
openssl ca -batch -config ca.cnf -in expired.csr -startdate 20200101000000Z \
    -enddate 20210101000000Z -out expired.pem >/dev/null 2>&1
rm -f expired.csr

printf 'sha256//%s\n' "$(openssl pkey -in hub.key -pubout -outform DER 2>/dev/null |
    openssl dgst -sha256 -binary | openssl base64 -A)" > hub.pin

# Licence signing (docs/sync-protocol.md "Signed licences"): the root key whose public key the
# kiosk trusts ([licenses] root_key) signs the catalogue's issuer key list; the issuers sign
# licences. The hub's root and the 户口簿 issuer are SM2 (GB/T 38540), the 结婚证 issuer is
# ECDSA P-256; rogue-licroot is an SM2 root no kiosk trusts (the "wrong issuer list" fault).
sm2key() { openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:SM2 -out "$1" 2>/dev/null; chmod 600 "$1"; }
sm2key licroot.key
sm2key rogue-licroot.key
sm2key issuer-sm2.key
key issuer-p256.key
for k in licroot rogue-licroot issuer-sm2 issuer-p256; do
    openssl pkey -in "$k.key" -pubout -out "$k.pub.pem" 2>/dev/null
done
