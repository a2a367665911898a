#!/usr/bin/env bash
# Builds (or reuses) a Debian sid root filesystem with Asterisk 22 that runs under chroot on a
# Debian 12 host (bookworm has no asterisk package). Prints the path of the ready root on stdout;
# progress goes to stderr.
#
# Cache layout (ASTERISK_ROOT_CACHE, default /var/cache/aricrmrouter/asterisk-root):
#   root/                                  the ready root (reused as is on later runs)
#   root/.aricrmrouter-recipe              recipe key the root was built with
#   asterisk-root_<asterisk-version>_<yyyymmdd>_<recipe>.tar.zst   pristine snapshot of a build
# Order of preference: existing root/ -> newest snapshot tarball for this recipe -> debootstrap.
#
# Environment:
#   ASTERISK_ROOT_CACHE    cache directory (see above)
#   ASTERISK_ROOT_MIRROR   Debian mirror (default: the Debian archive this machine's apt sources use)
#   ASTERISK_ROOT_REBUILD  1 = ignore root/ and snapshots and debootstrap again (sid moves daily)
set -euo pipefail

CACHE="${ASTERISK_ROOT_CACHE:-/var/cache/aricrmrouter/asterisk-root}"
MIRROR="${ASTERISK_ROOT_MIRROR:-}"
SUITE=sid
INCLUDE="asterisk,asterisk-modules,asterisk-core-sounds-en-gsm"
ROOT="$CACHE/root"

log() { echo "asterisk-root: $*" >&2; }

if [[ $(id -u) -ne 0 ]]; then
  echo "asterisk-root: must run as root (debootstrap and chroot)" >&2
  exit 1
fi

# The recipe key changes when the package list or suite changes, so an old cache is not reused.
RECIPE=$(printf '%s|%s|v1' "$SUITE" "$INCLUDE" | sha256sum | cut -c1-10)

mkdir -p "$CACHE"
exec 9>"$CACHE/.lock"
flock 9   # two concurrent callers (demo and tests) must not build the same root twice

# Fixes that make the sid root usable on our hosts. Idempotent; applied on every run because the
# host name can differ between the machine that built the snapshot and this one.
apply_fixes() {
  local dir=$1
  # No working outside resolver here: Asterisk resolves its host name and A.ROOT-SERVERS.NET on
  # every call; with a resolver that times out calls pile up. 127.0.0.1 makes lookups fail at once.
  echo "nameserver 127.0.0.1" >"$dir/etc/resolv.conf"
  printf '127.0.0.1\tlocalhost\n127.0.1.1\t%s\n::1\tlocalhost ip6-localhost ip6-loopback\n' \
    "$(hostname)" >"$dir/etc/hosts"
  # runuser=root makes Asterisk drop capabilities and then fail to create astdb.sqlite3.
  local conf="$dir/etc/asterisk/asterisk.conf"
  if [[ -f $conf ]]; then
    sed -i -E 's/^;?[[:space:]]*runuser[[:space:]]*=.*/runuser = asterisk/; s/^;?[[:space:]]*rungroup[[:space:]]*=.*/rungroup = asterisk/' "$conf"
  fi
  # /var/run is an absolute symlink to /run: create it from inside the root, not through the host.
  chroot "$dir" mkdir -p /var/run/asterisk /srv/aricrmrouter
  chroot "$dir" chown -R asterisk:asterisk /etc/asterisk /var/lib/asterisk /var/log/asterisk \
    /var/spool/asterisk /var/run/asterisk /srv/aricrmrouter
}

# The Debian archive this machine already installs from (its apt sources, one-line or deb822), so
# the root comes from the same mirror as every other package: the main archive, not -security.
apt_debian_mirror() {
  local files=() f
  for f in /etc/apt/sources.list /etc/apt/sources.list.d/*.list /etc/apt/sources.list.d/*.sources; do
    [[ -f $f ]] && files+=("$f")
  done
  ((${#files[@]})) || return 1
  awk '
    function pick(uri) { sub(/\/+$/, "", uri); if (uri ~ /\/debian$/) { print uri; found = 1; exit } }
    FNR == 1 { types = ""; uris = ""; suites = "" }
    /^[[:space:]]*deb[[:space:]]/ {            # one-line format: deb [options] URI suite components
      i = 2; if ($i ~ /^\[/) { while (i <= NF && $i !~ /\]$/) i++; i++ }
      if ($(i + 1) !~ /-security$/) pick($i); next
    }
    /^Types:/  { types = $0 }
    /^URIs:/   { uris = $2 }
    /^Suites:/ { suites = $0 }
    /^[[:space:]]*$/ || /^Components:/ {       # end of a deb822 stanza (Components is the last key we need)
      if (types ~ /(^|[[:space:]])deb([[:space:]]|$)/ && uris != "" && suites !~ /-security/) pick(uris)
      if (/^[[:space:]]*$/) { types = ""; uris = ""; suites = "" }
    }
    END { exit found ? 0 : 1 }
  ' "${files[@]}"
}

root_is_ready() {
  [[ -x $ROOT/usr/sbin/asterisk && -f $ROOT/.aricrmrouter-recipe ]] &&
    [[ $(cat "$ROOT/.aricrmrouter-recipe") == "$RECIPE" ]]
}

if [[ ${ASTERISK_ROOT_REBUILD:-0} == 1 ]]; then
  log "rebuild requested"
  rm -rf "$ROOT"
elif root_is_ready; then
  apply_fixes "$ROOT"
  echo "$ROOT"
  exit 0
fi

rm -rf "$ROOT"
SNAPSHOT=""
if [[ ${ASTERISK_ROOT_REBUILD:-0} != 1 ]]; then
  SNAPSHOT=$(ls -1t "$CACHE"/asterisk-root_*_"$RECIPE".tar.zst 2>/dev/null | head -n1 || true)
fi

if [[ -z $SNAPSHOT && -z $MIRROR ]]; then
  MIRROR=$(apt_debian_mirror) ||
    { log "no Debian archive found in the apt sources; set ASTERISK_ROOT_MIRROR to a Debian mirror"; exit 1; }
fi

if [[ -n $SNAPSHOT ]]; then
  log "restoring $SNAPSHOT"
  mkdir -p "$ROOT.tmp"
  tar --zstd -xpf "$SNAPSHOT" -C "$ROOT.tmp"
else
  log "debootstrap $SUITE from $MIRROR (about a minute)"
  rm -rf "$ROOT.tmp"
  debootstrap --variant=minbase --include="$INCLUDE" "$SUITE" "$ROOT.tmp" "$MIRROR" >&2
  # Keep the root small: package lists and .deb files are not needed to run.
  rm -rf "$ROOT.tmp/var/cache/apt/archives/"*.deb "$ROOT.tmp/var/lib/apt/lists/"* || true
  # Keep Debian's shipped configs for reference; stack.sh uses its own config directory.
  if [[ ! -d $ROOT.tmp/etc/asterisk.dist ]]; then cp -a "$ROOT.tmp/etc/asterisk" "$ROOT.tmp/etc/asterisk.dist"; fi
  version=$(chroot "$ROOT.tmp" dpkg-query -W -f='${Version}' asterisk | tr -c 'A-Za-z0-9.+~-' '_')
  snap="$CACHE/asterisk-root_${version}_$(date -u +%Y%m%d)_${RECIPE}.tar.zst"
  log "writing snapshot $snap"
  tar --zstd -cpf "$snap.tmp" -C "$ROOT.tmp" .
  mv "$snap.tmp" "$snap"
  # Keep only the two newest snapshots of this recipe.
  ls -1t "$CACHE"/asterisk-root_*_"$RECIPE".tar.zst | tail -n +3 | xargs -r rm -f
fi

apply_fixes "$ROOT.tmp"
echo "$RECIPE" >"$ROOT.tmp/.aricrmrouter-recipe"
mv "$ROOT.tmp" "$ROOT"
log "ready: $(chroot "$ROOT" /usr/sbin/asterisk -V)"
echo "$ROOT"
