# Functions of scripts/ha-load.sh (sourced after bench/bench-lib.sh; uses the script's variables).

say() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }
die() { echo "ha-load: $*" >&2; exit 1; }

declare -A HTTP_PORTS=() SIP_PORTS=() LOG_DIRS=()
SENTINEL_PORTS=()
SIPP_PIDS=()
PBX_UP=()

now_ms() { date +%s%3N; }
since_start() { echo $(($(now_ms) - START_MS)); }

ha_cleanup() {
  local i
  stop_background
  for i in "${PBX_UP[@]}"; do pbx "$i" down 2>>"$OUT/stack-pbx$i.log" || true; done
}

# scripts/stack.sh for Asterisk number $1 (no Redis of its own: the routers use the Sentinel set).
pbx() { # i stack-command...
  local i=$1
  shift
  STACK_NAME="$RUN-pbx$i" STACK_REDIS=0 ASTERISK_HTTP_PORT=${HTTP_PORTS[$i]} ASTERISK_SIP_PORT=${SIP_PORTS[$i]} \
    ASTERISK_RTP_START=$((30000 + i * 2000)) ASTERISK_RTP_END=$((30000 + i * 2000 + 1999)) \
    STACK_OVERLAY="$REPO/bench/ha-load/asterisk" "$REPO/scripts/stack.sh" "$@"
}

start_asterisk() { # i
  local i=$1
  HTTP_PORTS[$i]=$(free_port tcp)
  SIP_PORTS[$i]=$(free_port udp)
  PBX_UP+=("$i")
  pbx "$i" up 2>"$OUT/stack-pbx$i.log" || { cat "$OUT/stack-pbx$i.log" >&2; die "stack.sh up (pbx$i) failed"; }
  LOG_DIRS[$i]=$(pbx "$i" env | sed -n 's/^ASTERISK_LOG_DIR=//p')
}

redis_cli() { redis-cli -h 127.0.0.1 -p "$1" "${@:2}" 2>/dev/null; }

start_redis_sentinels() {
  local dir="$OUT/redis" i port
  mkdir -p "$dir/master" "$dir/replica"
  MASTER_PORT=$(free_port tcp)
  REPLICA_PORT=$(free_port tcp)
  start_bg redis-master "$dir/master.log" "$dir/master" redis-server --port "$MASTER_PORT" --bind 127.0.0.1 --save "" --appendonly no
  start_bg redis-replica "$dir/replica.log" "$dir/replica" redis-server --port "$REPLICA_PORT" --bind 127.0.0.1 --save "" \
    --appendonly no --replicaof 127.0.0.1 "$MASTER_PORT"
  wait_for "the Redis replica" 30 bash -c "redis-cli -p $REPLICA_PORT info replication | grep -q master_link_status:up"
  for i in 0 1 2; do
    port=$(free_port tcp)
    SENTINEL_PORTS+=("$port")
    # Sentinel rewrites its configuration file: each gets its own, in the run's directory.
    printf '%s\n' "port $port" "bind 127.0.0.1" "daemonize no" "sentinel monitor crmrouter 127.0.0.1 $MASTER_PORT 2" \
      "sentinel down-after-milliseconds crmrouter 1000" "sentinel failover-timeout crmrouter 10000" >"$dir/sentinel-$i.conf"
    start_bg "sentinel-$i" "$dir/sentinel-$i.log" "$dir" redis-server "$dir/sentinel-$i.conf" --sentinel
  done
  wait_for "three Sentinels that agree" 60 bash -c "redis-cli -p ${SENTINEL_PORTS[0]} sentinel ckquorum crmrouter | grep -q 'OK 3 usable'"
}

# Callers: Asterisk i's n-th call comes from 1555<i><n, 6 digits>; a third of them are GOLD, a third SILVER in the
# CRM, a third unknown to it. expected.tsv says where each belongs (the rules of bench/ha-load/rules.json).
write_callers() { # calls-per-asterisk
  local count=$1 i
  for ((i = 1; i <= asterisks; i++)); do
    awk -v i="$i" -v n="$count" 'BEGIN { print "SEQUENTIAL"; for (c = 0; c < n; c++) printf "1555%d%06d;\n", i, c }' >"$OUT/callers-pbx$i.csv"
  done
  awk -v pbxs="$asterisks" -v n="$count" -v customers="$OUT/customers.json" 'BEGIN {
      printf "{ \"customers\": [" >customers; sep = ""
      for (i = 1; i <= pbxs; i++) for (c = 0; c < n; c++) {
        caller = sprintf("1555%d%06d", i, c)
        status = c % 3 == 0 ? "GOLD" : c % 3 == 1 ? "SILVER" : ""
        print caller "\t" (status == "GOLD" ? "gold" : status == "SILVER" ? "silver" : "other")
        if (status != "") { printf "%s\n{ \"phones\": [\"+%s\"], \"account_number\": \"%s\", \"status\": \"%s\" }", sep, caller, caller, status >customers; sep = "," }
      }
      print "] }" >customers }' >"$OUT/expected.tsv"
}

start_router() { # name peer [log-suffix]
  local name=$1 peer=$2 log="$OUT/router-$1${3:-}.log" servers=() i
  if ((asterisks == 1)); then
    servers=(Ari__BaseUrl="http://127.0.0.1:${HTTP_PORTS[1]}/ari" Ari__Username=crmrouter Ari__Password="$ARI_PASSWORD")
  else
    for ((i = 1; i <= asterisks; i++)); do
      servers+=("Ari__Servers__$((i - 1))__Name=pbx$i" "Ari__Servers__$((i - 1))__BaseUrl=http://127.0.0.1:${HTTP_PORTS[$i]}/ari"
        "Ari__Servers__$((i - 1))__Username=crmrouter" "Ari__Servers__$((i - 1))__Password=$ARI_PASSWORD")
    done
  fi
  start_bg "router-$name" "$log" "$(dirname "$ROUTER_DLL")" env "${servers[@]}" Ari__Application="crmrouter-$name" \
    Redis__Configuration="$REDIS_CONFIG" Redis__KeyPrefix=crmrouter: Crm__ExtraTrustedCaFile="$OUT/ca/ca.crt" \
    Crm__DefaultRegion=US Crm__AllowedPrivateNetworks=127.0.0.0/8,::1/128 Routing__Fallback__Type=queue \
    Routing__Fallback__Target=500 Routing__DrainTimeout=00:00:10 \
    HighAvailability__Peers__0="crmrouter-$peer" Observability__Port="$(free_port tcp)" \
    DOTNET_ENVIRONMENT=Production dotnet "$ROUTER_DLL"
}

# Connected to every Asterisk (one "Connected to ARI" line per server).
router_connected() { # name [log-suffix]
  (($(grep -c "Connected to ARI as application" "$OUT/router-$1${2:-}.log") >= asterisks))
}

sipp_pbx() { # i rate calls
  local i=$1 dir="$OUT/sipp-pbx$i"
  mkdir -p "$dir"
  (cd "$dir" && sipp "127.0.0.1:${SIP_PORTS[$i]}" -sf "$REPO/bench/sipp/uac-bench.xml" -inf "$OUT/callers-pbx$i.csv" -s 5558000 \
    -set hold_ms "$hold_ms" -i 127.0.0.1 -p "$(free_port udp)" -mp "$(free_port udp)" -r "$2" -rp 1000 -m "$3" -l 5000 \
    -recv_timeout 30000 -timeout "$((duration + hold_ms / 1000 + 90))s" -timeout_error -nostdin \
    -trace_rtt -rtt_freq 1 -trace_stat -stf stat.csv -fd 1 -trace_err -error_file errors.log >sipp.log 2>&1)
}

at_second() { # s: sleeps until s seconds after START_MS
  local wait=$((START_MS + $1 * 1000 - $(now_ms)))
  ((wait > 0)) && sleep "$((wait / 1000)).$(printf %03d $((wait % 1000)))"
  return 0
}

# The fault timeline; prints "fault<TAB>ms since start" lines.
run_faults() {
  at_second "$kill_at"
  kill -KILL "${PIDS[router-a]}"
  printf 'kill\t%s\n' "$(since_start)"
  at_second "$restart_at"
  start_router a b -restarted
  printf 'restart\t%s\n' "$(since_start)"
  at_second "$failover_at"
  kill -KILL "${PIDS[redis-master]}"
  printf 'failover\t%s\n' "$(since_start)"
  at_second "$term_at"
  kill -TERM "${PIDS[router-b]}"
  printf 'term\t%s\n' "$(since_start)"
}

wait_pbx_idle() { # i
  local n count=""
  for ((n = 0; n < 300; n++)); do
    count=$(pbx "$1" rx "core show channels count" 2>/dev/null | awk '/active call/ { print $1 }')
    [[ ${count:-1} == 0 ]] && return 0
    sleep 0.2
  done
  echo "ha-load: pbx$1 still has ${count:-?} calls up after the run" >&2
}

source "$REPO/bench/ha-load/ha-report.sh"
