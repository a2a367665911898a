#!/usr/bin/env bash
# Installs what the stack and the tests need on Debian 12 (as root) and prepares the Asterisk
# root. Idempotent: installs only missing packages; the Asterisk root comes from the cache when
# it exists (see asterisk-root.sh). Prints the path of the Asterisk root on the last line.
#   SETUP_SKIP_ASTERISK=1   only install packages
set -euo pipefail
REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)

if [[ $(id -u) -ne 0 ]]; then
  echo "setup: run as root (apt-get, debootstrap, chroot)" >&2
  exit 1
fi

# redis-server + redis-tools: private Redis; sip-tester: sipp and its RFC 2833 DTMF pcaps;
# debootstrap: the Debian sid root with Asterisk 22; zstd: the root's cache tarball;
# openssl: the demo CA; curl: readiness checks; procps/iproute2: pgrep/ss; util-linux: flock;
# chromium: the browser the web admin's tests drive through Playwright (never downloaded by Playwright);
# systemd: systemd-analyze, which scripts/install.sh runs to verify the service unit.
PACKAGES=(redis-server redis-tools sip-tester debootstrap zstd openssl curl ca-certificates procps iproute2 util-linux chromium systemd)
missing=()
for p in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
  echo "setup: installing ${missing[*]}" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2
else
  echo "setup: packages present" >&2
fi

if [[ ${SETUP_SKIP_ASTERISK:-0} == 1 ]]; then exit 0; fi
"$REPO/scripts/asterisk-root.sh"
