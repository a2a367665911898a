#!/usr/bin/env bash
# Installs AriCrmRouter as a system service (Debian 12, as root; needs the .NET 10 SDK to build). Idempotent:
# run it again to upgrade; your settings in /etc/crmrouter are kept.
#   scripts/install.sh [--prefix DIR] [--destdir DIR] [--no-build]
#     --prefix DIR   where the binaries go (default /opt/crmrouter)
#     --destdir DIR  staging root prepended to every path (also $DESTDIR), for packaging and tests: no
#                    system user, no systemctl
#     --no-build     install what the last run published (artifacts/publish)
# Installs: DIR/router (crmrouter, Release), DIR/admin (crmrouter-admin, Release), /usr/local/bin/crmrouter-admin,
# /etc/crmrouter/appsettings.json and /etc/crmrouter/crmrouter.env (0600, secrets) unless they exist,
# /etc/crmrouter/keys (the key ring that encrypts CRM secrets in Redis, with a first key; owner crmrouter, 0700),
# /etc/systemd/system/crmrouter.service (checked with systemd-analyze verify), and the system user crmrouter.
set -euo pipefail
REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
PREFIX=/opt/crmrouter
DEST=${DESTDIR:-}
BUILD=1
die() { echo "install: $*" >&2; exit 1; }
while (($#)); do
  case $1 in
    --prefix) PREFIX=${2:?--prefix needs a directory}; shift 2 ;;
    --destdir) DEST=${2:?--destdir needs a directory}; shift 2 ;;
    --no-build) BUILD=0; shift ;;
    -h | --help) sed -n '2,12p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) die "unknown option '$1'" ;;
  esac
done
[[ $PREFIX == /* ]] || die "--prefix must be an absolute path"
[[ -z $DEST || $DEST == /* ]] || DEST=$(pwd)/$DEST
DEST=${DEST%/}
CONFDIR=/etc/crmrouter
UNIT=/etc/systemd/system/crmrouter.service
PUBLISH="$REPO/artifacts/publish"
[[ -n $DEST || $(id -u) -eq 0 ]] || die "run as root (or give --destdir for a staged install)"

if ((BUILD)); then
  command -v dotnet >/dev/null || die "the .NET 10 SDK is needed to build (https://learn.microsoft.com/dotnet/core/install/linux-debian)"
  export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
  rm -rf "$PUBLISH"
  for part in router:src/AriCrmRouter.Service admin:src/AriCrmRouter.Cli; do
    echo "install: dotnet publish -c Release ${part#*:}" >&2
    dotnet publish "$REPO/${part#*:}" -c Release -o "$PUBLISH/${part%%:*}" -nologo -v q -clp:ErrorsOnly >&2 \
      || die "dotnet publish ${part#*:} failed"
  done
fi
[[ -x $PUBLISH/router/crmrouter && -x $PUBLISH/admin/crmrouter-admin ]] || die "nothing published in $PUBLISH (run without --no-build)"

# Binaries: each directory is replaced whole, so no file of an older version stays behind.
install -d -m 0755 "$DEST$PREFIX"
for part in router admin; do
  rm -rf "$DEST$PREFIX/$part.new" "$DEST$PREFIX/$part.old"
  cp -a "$PUBLISH/$part" "$DEST$PREFIX/$part.new"
  chmod -R u=rwX,go=rX "$DEST$PREFIX/$part.new"
  [[ -e $DEST$PREFIX/$part ]] && mv "$DEST$PREFIX/$part" "$DEST$PREFIX/$part.old"
  mv "$DEST$PREFIX/$part.new" "$DEST$PREFIX/$part"
  rm -rf "$DEST$PREFIX/$part.old"
done

# Settings and secrets: installed once, never overwritten.
install -d -m 0755 "$DEST$CONFDIR"
[[ -e $DEST$CONFDIR/appsettings.json ]] || install -m 0644 "$REPO/scripts/install/appsettings.json" "$DEST$CONFDIR/appsettings.json"
[[ -e $DEST$CONFDIR/crmrouter.env ]] || install -m 0600 "$REPO/scripts/install/crmrouter.env" "$DEST$CONFDIR/crmrouter.env"
chmod 0600 "$DEST$CONFDIR/crmrouter.env"

# The key ring shared by the router and crmrouter-admin (secrets at rest): a first key unless one exists.
install -d -m 0700 "$DEST$CONFDIR/keys"
"$DEST$PREFIX/admin/crmrouter-admin" --key-ring "$DEST$CONFDIR/keys" secrets new-key --if-none >&2 \
  || die "could not create the first key in $CONFDIR/keys"

render() { sed -e "s|/opt/crmrouter|$PREFIX|g" -e "s|@PREFIX@|$PREFIX|g" -e "s|@CONFDIR@|$CONFDIR|g" "$1"; }
install -d -m 0755 "$DEST/usr/local/bin" "$DEST$(dirname "$UNIT")"
render "$REPO/scripts/install/crmrouter-admin" >"$DEST/usr/local/bin/crmrouter-admin"
chmod 0755 "$DEST/usr/local/bin/crmrouter-admin"
render "$REPO/scripts/install/crmrouter.service" >"$DEST$UNIT"
chmod 0644 "$DEST$UNIT"

# systemd-analyze verify exits 0 on many problems it prints (a bad value is "ignored"): any output fails the
# install. A staged unit is checked as a copy pointing into the stage, since the staged root has no systemd.
verify_unit() {
  if ! command -v systemd-analyze >/dev/null; then
    # CI must prove the unit: there a missing tool is a failure, not a skipped check.
    [[ ${CI:-} != true ]] || die "systemd-analyze not found (apt-get install systemd; scripts/setup.sh does)"
    echo "install: systemd-analyze not found; unit not verified" >&2
    return 0
  fi
  local check=$DEST$UNIT dir="" out
  if [[ -n $DEST ]]; then
    dir=$(mktemp -d)
    check=$dir/crmrouter.service
    sed -e "s|$PREFIX/|$DEST$PREFIX/|g" -e "s|$CONFDIR/|$DEST$CONFDIR/|g" "$DEST$UNIT" >"$check"
  fi
  out=$(systemd-analyze verify "$check" 2>&1) || out="${out:-systemd-analyze verify failed}"
  [[ -n $dir ]] && rm -rf "$dir"
  [[ -z $out ]] || die "systemd-analyze verify $UNIT: $out"
  echo "install: systemd-analyze verify $UNIT: ok" >&2
}

if [[ -n $DEST ]]; then
  verify_unit
  echo "install: staged in $DEST (prefix $PREFIX)" >&2
  exit 0
fi

getent group crmrouter >/dev/null || groupadd --system crmrouter
getent passwd crmrouter >/dev/null || useradd --system --gid crmrouter --home-dir /nonexistent --no-create-home \
  --shell /usr/sbin/nologin --comment "AriCrmRouter" crmrouter
chown -R crmrouter:crmrouter "$CONFDIR/keys"
verify_unit
if [[ -d /run/systemd/system ]]; then
  systemctl daemon-reload
  systemctl enable crmrouter.service >/dev/null
  if systemctl is-active --quiet crmrouter.service; then
    echo "install: restarting the running router (calls in hand are drained first)" >&2
    systemctl restart crmrouter.service
  fi
else
  echo "install: systemd is not running here; the unit is installed but not enabled" >&2
fi
cat >&2 <<MSG
install: done. Next: set the secrets in $CONFDIR/crmrouter.env and the settings in $CONFDIR/appsettings.json, then
  systemctl start crmrouter && curl -s http://127.0.0.1:9464/readyz
MSG
