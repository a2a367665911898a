#!/usr/bin/env bash
# Creates a private demo CA and a server certificate for localhost signed by it (openssl), for the
# sample CRM's HTTPS. The router trusts the CA through Crm:ExtraTrustedCaFile (env
# Crm__ExtraTrustedCaFile=<dir>/ca.crt); the system trust store is NOT touched.
#   scripts/demo-ca.sh [DIR]      (default: <repo>/.stack/ca; DEMO_CA_DIR also works)
#   DEMO_CA_NAMES  extra DNS names for the server certificate, space separated (e.g. "sample-crm")
# Files: ca.crt, ca.key, localhost.crt, localhost.key (PEM). Existing valid files are reused;
# delete the directory to start over. Prints DIR.
set -euo pipefail
REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
DIR=${1:-${DEMO_CA_DIR:-$REPO/.stack/ca}}
NAMES=${DEMO_CA_NAMES:-}
mkdir -p "$DIR"
chmod 700 "$DIR"
cd "$DIR"

if [[ ! -s ca.crt || ! -s ca.key ]] || ! openssl x509 -in ca.crt -noout -checkend 86400 >/dev/null; then
  rm -f ca.crt ca.key localhost.crt localhost.key
  openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -sha256 -days 825 \
    -keyout ca.key -out ca.crt -subj "/CN=AriCrmRouter demo CA" \
    -addext "basicConstraints=critical,CA:TRUE,pathlen:0" \
    -addext "keyUsage=critical,keyCertSign,cRLSign" 2>/dev/null
  echo "demo-ca: created CA $DIR/ca.crt" >&2
fi

san="DNS:localhost,IP:127.0.0.1,IP:::1"
for n in $NAMES; do san+=",DNS:$n"; done

need_server=1
if [[ -s localhost.crt && -s localhost.key ]] &&
   openssl verify -CAfile ca.crt localhost.crt >/dev/null 2>&1 &&
   openssl x509 -in localhost.crt -noout -checkend 86400 >/dev/null &&
   [[ -f localhost.san && $(cat localhost.san) == "$san" ]]; then
  need_server=0
fi

if ((need_server)); then
  openssl req -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -sha256 \
    -keyout localhost.key -out localhost.csr -subj "/CN=localhost" 2>/dev/null
  printf 'basicConstraints=critical,CA:FALSE\nkeyUsage=critical,digitalSignature\nextendedKeyUsage=serverAuth\nsubjectAltName=%s\n' "$san" >localhost.ext
  openssl x509 -req -in localhost.csr -CA ca.crt -CAkey ca.key -CAcreateserial -days 397 -sha256 \
    -extfile localhost.ext -out localhost.crt 2>/dev/null
  rm -f localhost.csr localhost.ext ca.srl
  echo "$san" >localhost.san   # names the certificate was issued for (reissue when they change)
  echo "demo-ca: issued $DIR/localhost.crt ($san)" >&2
fi
chmod 600 ca.key localhost.key
chmod 644 ca.crt localhost.crt
echo "$DIR"
