#!/usr/bin/env bash
# Removes what scripts/install.sh installed. Settings and secrets in /etc/crmrouter stay unless --purge
# (which also removes the crmrouter system user).
#   scripts/uninstall.sh [--prefix DIR] [--destdir DIR] [--purge]
set -euo pipefail
PREFIX=/opt/crmrouter
DEST=${DESTDIR:-}
PURGE=0
die() { echo "uninstall: $*" >&2; exit 1; }
while (($#)); do
  case $1 in
    --prefix) PREFIX=${2:?--prefix needs a directory}; shift 2 ;;
    --destdir) DEST=${2:?--destdir needs a directory}; shift 2 ;;
    --purge) PURGE=1; shift ;;
    -h | --help) sed -n '2,5p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) die "unknown option '$1'" ;;
  esac
done
[[ $PREFIX == /* && $PREFIX != / ]] || die "--prefix must be an absolute path other than /"
DEST=${DEST%/}
[[ -n $DEST || $(id -u) -eq 0 ]] || die "run as root (or give --destdir)"
UNIT=/etc/systemd/system/crmrouter.service

if [[ -z $DEST && -d /run/systemd/system && -e $UNIT ]]; then
  systemctl disable --now crmrouter.service >/dev/null 2>&1 || true
fi
rm -f "$DEST$UNIT" "$DEST/usr/local/bin/crmrouter-admin"
rm -rf "$DEST$PREFIX/router" "$DEST$PREFIX/admin"
rmdir "$DEST$PREFIX" 2>/dev/null || true
if [[ -z $DEST && -d /run/systemd/system ]]; then systemctl daemon-reload; fi
if ((PURGE)); then
  rm -rf "$DEST/etc/crmrouter"
  if [[ -z $DEST ]] && getent passwd crmrouter >/dev/null; then userdel crmrouter; fi
  if [[ -z $DEST ]] && getent group crmrouter >/dev/null; then groupdel crmrouter; fi
else
  echo "uninstall: kept /etc/crmrouter (settings and secrets); --purge removes it" >&2
fi
echo "uninstall: done" >&2
