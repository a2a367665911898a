#!/usr/bin/env bash
# Runs a private Asterisk 22 (chroot, see asterisk-root.sh) and a private Redis for the demo and
# the end-to-end tests. Several instances can run side by side on one host (different STACK_NAME
# and ports): each Asterisk instance has its own config/log/db/spool directories inside the shared
# root (/srv/aricrmrouter/<name>), selected with `asterisk -C`.
#
#   scripts/stack.sh up        (re)start Redis + Asterisk, wait until ARI answers
#   scripts/stack.sh down      stop both (no processes left behind)
#   scripts/stack.sh status    print what runs where; exit 0 when everything is up, 3 otherwise
#   scripts/stack.sh logs [messages|full|redis] [-f]   show (or follow) a log
#   scripts/stack.sh rx "<asterisk CLI command>"       run a CLI command in this instance
#   scripts/stack.sh landed <uniqueid|caller-number>   print where a call landed (see docs/stack.md)
#   scripts/stack.sh env       print the connection settings as shell assignments
#
# Environment (defaults in brackets):
#   STACK_NAME [demo]                instance name; also names the state directory
#   STACK_DIR [<repo>/.stack/<name>] state: pid files, redis data/log, links to Asterisk logs
#   ASTERISK_HTTP_PORT [8088]        HTTP/ARI on 127.0.0.1
#   ASTERISK_SIP_PORT [5060]         PJSIP UDP on 127.0.0.1
#   ASTERISK_RTP_START/END [10000/20000]
#   REDIS_PORT [6391]                private Redis on 127.0.0.1; STACK_REDIS=0 skips Redis
#   STACK_ASTERISK [1]               0 = Redis only
#   ARI_USERNAME [crmrouter]  ARI_PASSWORD [crmrouter-demo-secret]  (the ari.conf user)
#   STACK_CONFIG_DIR [<repo>/dialplan-examples]  configs copied into the instance
#   STACK_OVERLAY [<repo>/scripts/stack-overlay] extra/overriding configs; "none" for none
#   STACK_START_TIMEOUT [60]         seconds to wait for ARI
set -euo pipefail

REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
NAME="${STACK_NAME:-demo}"
if [[ ! $NAME =~ ^[A-Za-z0-9_-]+$ ]]; then
  echo "stack: STACK_NAME may contain only letters, digits, _ and -" >&2
  exit 2
fi
STATE="${STACK_DIR:-$REPO/.stack/$NAME}"
HTTP_PORT="${ASTERISK_HTTP_PORT:-8088}"
SIP_PORT="${ASTERISK_SIP_PORT:-5060}"
RTP_START="${ASTERISK_RTP_START:-10000}"
RTP_END="${ASTERISK_RTP_END:-20000}"
REDIS_PORT="${REDIS_PORT:-6391}"
WITH_REDIS="${STACK_REDIS:-1}"
WITH_ASTERISK="${STACK_ASTERISK:-1}"
ARI_USER="${ARI_USERNAME:-crmrouter}"
ARI_PASS="${ARI_PASSWORD:-crmrouter-demo-secret}"
CONFIG_DIR="${STACK_CONFIG_DIR:-$REPO/dialplan-examples}"
OVERLAY="${STACK_OVERLAY:-$REPO/scripts/stack-overlay}"
START_TIMEOUT="${STACK_START_TIMEOUT:-60}"
ROOT_CACHE="${ASTERISK_ROOT_CACHE:-/var/cache/aricrmrouter/asterisk-root}"

INST="/srv/aricrmrouter/$NAME"          # path inside the root
AST_CONF="$INST/etc/asterisk.conf"

log() { echo "stack[$NAME]: $*" >&2; }
die() { log "$*"; exit 1; }

# install_configs: the instance's configuration files (examples, overlay, ports, credentials).
source "$REPO/scripts/stack-configs.sh"

root_dir() {
  # Reuse the ready root without taking the builder's lock when it exists (fast path).
  if [[ -x $ROOT_CACHE/root/usr/sbin/asterisk ]]; then echo "$ROOT_CACHE/root"; else "$REPO/scripts/asterisk-root.sh"; fi
}

pid_alive() { [[ -n ${1:-} ]] && kill -0 "$1" 2>/dev/null; }

asterisk_pid() {
  local root=$1 pid=""
  [[ -f $root$INST/run/asterisk.pid ]] && pid=$(cat "$root$INST/run/asterisk.pid" 2>/dev/null || true)
  if pid_alive "$pid"; then echo "$pid"; return; fi
  # Pid file lost: find this instance's daemon by its exact config path.
  local p
  for p in /proc/[0-9]*; do
    if tr '\0' ' ' <"$p/cmdline" 2>/dev/null | grep -q -- "^/usr/sbin/asterisk -C $AST_CONF " &&
       ! tr '\0' ' ' <"$p/cmdline" 2>/dev/null | grep -q -- " -r"; then
      echo "${p#/proc/}"; return
    fi
  done
}

redis_pid() {
  local pid=""
  [[ -f $STATE/redis.pid ]] && pid=$(cat "$STATE/redis.pid" 2>/dev/null || true)
  pid_alive "$pid" && echo "$pid"
  return 0
}

rx() {
  local root; root=$(root_dir)
  chroot "$root" /usr/sbin/asterisk -C "$AST_CONF" -rx "$1"
}

port_busy() { # proto port
  local flag=-ltn; [[ $1 == udp ]] && flag=-lun
  ss -H "$flag" "sport = :$2" 2>/dev/null | grep -q .
}

wait_gone() { # pid seconds
  local i
  for ((i = 0; i < $2 * 10; i++)); do pid_alive "$1" || return 0; sleep 0.1; done
  return 1
}

stop_asterisk() {
  local root=$1 pid
  pid=$(asterisk_pid "$root")
  [[ -z $pid ]] && return 0
  log "stopping Asterisk (pid $pid)"
  timeout 10 chroot "$root" /usr/sbin/asterisk -C "$AST_CONF" -rx "core stop now" >/dev/null 2>&1 || true
  if ! wait_gone "$pid" 10; then kill -TERM "$pid" 2>/dev/null || true; fi
  if ! wait_gone "$pid" 5; then kill -KILL "$pid" 2>/dev/null || true; wait_gone "$pid" 5 || true; fi
  rm -f "$root$INST/run/asterisk.pid"
}

stop_redis() {
  local pid; pid=$(redis_pid)
  [[ -z $pid ]] && return 0
  log "stopping Redis (pid $pid)"
  redis-cli -p "$REDIS_PORT" shutdown nosave >/dev/null 2>&1 || kill -TERM "$pid" 2>/dev/null || true
  if ! wait_gone "$pid" 10; then kill -KILL "$pid" 2>/dev/null || true; wait_gone "$pid" 5 || true; fi
  rm -f "$STATE/redis.pid"
}

start_redis() {
  port_busy tcp "$REDIS_PORT" && die "port $REDIS_PORT/tcp (Redis) is already in use"
  mkdir -p "$STATE/redis"
  redis-server --bind 127.0.0.1 --port "$REDIS_PORT" --save '' --appendonly no \
    --daemonize yes --pidfile "$STATE/redis.pid" --logfile "$STATE/redis.log" --dir "$STATE/redis" >/dev/null
  local i
  for ((i = 0; i < 100; i++)); do
    redis-cli -p "$REDIS_PORT" ping 2>/dev/null | grep -q PONG && { log "Redis ready on 127.0.0.1:$REDIS_PORT"; return; }
    sleep 0.1
  done
  die "Redis did not answer on port $REDIS_PORT; see $STATE/redis.log"
}

start_asterisk() {
  local root=$1
  port_busy tcp "$HTTP_PORT" && die "port $HTTP_PORT/tcp (Asterisk HTTP) is already in use"
  port_busy udp "$SIP_PORT" && die "port $SIP_PORT/udp (SIP) is already in use"
  install_configs "$root"
  log "starting Asterisk (HTTP 127.0.0.1:$HTTP_PORT, SIP udp 127.0.0.1:$SIP_PORT)"
  # Daemon mode: Asterisk forks and writes $INST/run/asterisk.pid (a host pid: same pid namespace).
  chroot "$root" /usr/sbin/asterisk -C "$AST_CONF" -n >"$STATE/asterisk-start.log" 2>&1 ||
    die "Asterisk did not start; see $STATE/asterisk-start.log"
  local deadline=$((SECONDS + START_TIMEOUT)) code=""
  while ((SECONDS < deadline)); do
    code=$(curl -s -o "$STATE/ari-info.json" -w '%{http_code}' -u "$ARI_USER:$ARI_PASS" \
      "http://127.0.0.1:$HTTP_PORT/ari/asterisk/info" 2>/dev/null || true)
    [[ $code == 200 ]] && break
    [[ -n $(asterisk_pid "$root") ]] || die "Asterisk exited during start; see $STATE/asterisk-log/messages"
    sleep 0.2
  done
  [[ $code == 200 ]] || die "ARI did not answer 200 within ${START_TIMEOUT}s (last HTTP code '$code'); see $STATE/asterisk-log/messages"
  timeout 30 chroot "$root" /usr/sbin/asterisk -C "$AST_CONF" -rx "core waitfullybooted" >/dev/null 2>&1 || true
  log "Asterisk ready (pid $(asterisk_pid "$root")); ARI http://127.0.0.1:$HTTP_PORT/ari user $ARI_USER"
}

cmd_up() {
  local root; root=$(root_dir)
  mkdir -p "$STATE"
  stop_asterisk "$root"
  stop_redis
  if [[ $WITH_REDIS == 1 ]]; then start_redis; fi
  if [[ $WITH_ASTERISK == 1 ]] && ! (start_asterisk "$root"); then stop_asterisk "$root"; stop_redis; exit 1; fi
  cmd_env >"$STATE/env"
}

cmd_down() {
  local root; root=$(root_dir)
  stop_asterisk "$root"
  stop_redis
  log "stopped"
}

cmd_status() {
  local root ok=0 apid rpid code
  root=$(root_dir)
  apid=$(asterisk_pid "$root")
  if [[ $WITH_ASTERISK != 1 ]]; then
    echo "asterisk: not part of this stack (STACK_ASTERISK=0)"
  elif [[ -n $apid ]]; then
    code=$(curl -s -o /dev/null -w '%{http_code}' -u "$ARI_USER:$ARI_PASS" "http://127.0.0.1:$HTTP_PORT/ari/asterisk/info" || true)
    echo "asterisk: running pid $apid, ARI http://127.0.0.1:$HTTP_PORT/ari (HTTP $code), SIP udp 127.0.0.1:$SIP_PORT"
    [[ $code == 200 ]] || ok=3
  else
    echo "asterisk: stopped"; ok=3
  fi
  if [[ $WITH_REDIS == 1 ]]; then
    rpid=$(redis_pid)
    if [[ -n $rpid ]]; then echo "redis: running pid $rpid, 127.0.0.1:$REDIS_PORT"; else echo "redis: stopped"; ok=3; fi
  fi
  echo "logs: $root$INST/log (messages, full), $STATE/redis.log"
  return $ok
}

cmd_logs() {
  local which=${1:-messages} follow=${2:-} file root
  root=$(root_dir)
  case $which in
    messages | full) file="$root$INST/log/$which" ;;
    redis) file="$STATE/redis.log" ;;
    *) die "logs: unknown log '$which' (messages|full|redis)" ;;
  esac
  if [[ $follow == -f ]]; then exec tail -n 50 -F "$file"; else tail -n 200 "$file"; fi
}

cmd_landed() {
  local key=${1:?usage: stack.sh landed <uniqueid|caller-number>} field line root
  root=$(root_dir)
  # Unique ids contain a dot (1732470000.12); caller numbers do not. The last landing wins.
  if [[ $key == *.* ]]; then field=uniqueid; else field=caller; fi
  line=$(grep -F "CRMROUTER_LANDED " "$root$INST/log/messages" 2>/dev/null | grep -F " $field=$key " | tail -n 1 || true)
  if [[ -n $line ]]; then echo "CRMROUTER_LANDED ${line#*CRMROUTER_LANDED }"; else echo "not landed: $key" >&2; return 4; fi
}

cmd_env() {
  cat <<EOF
STACK_NAME=$NAME
ARI_BASE_URL=http://127.0.0.1:$HTTP_PORT/ari
ARI_USERNAME=$ARI_USER
ARI_PASSWORD=$ARI_PASS
ARI_APPLICATION=crmrouter
ASTERISK_SIP_PORT=$SIP_PORT
REDIS_CONFIGURATION=127.0.0.1:$REDIS_PORT
ASTERISK_ROOT=$(root_dir)
ASTERISK_CONF=$AST_CONF
ASTERISK_LOG_DIR=$(root_dir)$INST/log
EOF
}

case ${1:-} in
  up) cmd_up ;;
  down) cmd_down ;;
  status) cmd_status ;;
  logs) shift; cmd_logs "$@" ;;
  rx) shift; rx "${1:?usage: stack.sh rx \"<cli command>\"}" ;;
  landed) shift; cmd_landed "$@" ;;
  env) cmd_env ;;
  *) sed -n '2,28p' "$0" | sed 's/^# \{0,1\}//'; exit 2 ;;
esac
