#!/usr/bin/env bash
# High-availability load test (docs/high-availability.md): two routers (crmrouter-a, crmrouter-b), each serving
# every Asterisk (Ari:Servers), Redis master + replica + three Sentinels, the sample HTTPS CRM, and SIPp calls
# spread over the Asterisks at a steady rate while faults are injected on a timeline:
#   --kill-at S      kill -9 router a                 --restart-at S   start router a again
#   --failover-at S  kill -9 the Redis master (Sentinel promotes the replica)
#   --term-at S      SIGTERM router b (it stops claiming and drains; it stays down)
# Every call offers itself to both routers (StasisBroadcast); every caller is new (a CRM lookup per call) and
# the CRM's data says where each one belongs. At the end it reads every Asterisk's log and prints: calls
# placed, landed at their rule's right destination, at a default, lost (no landing, or SIPp failed), the calls
# in flight at the kill and their longest time to landing, each router's share per phase, and INVITE-to-200
# p50/p99 per phase (SIPp rtd).
#
#   scripts/ha-load.sh [options]
#     --rate N            calls per second over all Asterisks (default 30)
#     --duration S        seconds of calls (default 60)
#     --kill-at S --restart-at S --failover-at S --term-at S   fault times (default 20, 30, 40, 50)
#     --asterisks N       Asterisk instances, 1 or 2 (default 2)
#     --crm-delay-ms MS   how long the CRM takes to answer (default 45)
#     --hold-ms MS        how long each call stays up after its 200 OK (default 1000)
#     --smoke             the CI version: 6 calls/s for 24 s, faults at 6, 10, 14, 18 s
#     --no-build          use the build already there
#     --configuration C   build configuration (default Release; the CI smoke reuses the Debug build)
#     --out DIR           logs, SIPp traces and the report (default .stack/ha-load-<pid>)
# Exit code 0 when no call was lost or stuck, every call landed at its rule's right destination or (only calls
# in flight at the kill) at a default, and every fault happened; 1 otherwise. Timing is reported, never judged.
# As root on Debian 12 with the .NET SDK (like scripts/demo.sh).
set -euo pipefail
REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$REPO"

rate=30 duration=60 kill_at=20 restart_at=30 failover_at=40 term_at=50 asterisks=2 crm_delay_ms=45 hold_ms=1000
build=1 configuration=Release out="" smoke=0
while (($#)); do
  case $1 in
    --rate) rate=$2; shift ;;
    --duration) duration=$2; shift ;;
    --kill-at) kill_at=$2; shift ;;
    --restart-at) restart_at=$2; shift ;;
    --failover-at) failover_at=$2; shift ;;
    --term-at) term_at=$2; shift ;;
    --asterisks) asterisks=$2; shift ;;
    --crm-delay-ms) crm_delay_ms=$2; shift ;;
    --hold-ms) hold_ms=$2; shift ;;
    --smoke) smoke=1 ;;
    --no-build) build=0 ;;
    --configuration) configuration=$2; shift ;;
    --out) out=$2; shift ;;
    -h | --help) sed -n "2,28p" "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "ha-load: unknown option '$1' (see --help)" >&2; exit 2 ;;
  esac
  shift
done
if ((smoke)); then rate=6 duration=24 kill_at=6 restart_at=10 failover_at=14 term_at=18 hold_ms=300; fi
for n in "$rate" "$duration" "$kill_at" "$restart_at" "$failover_at" "$term_at" "$crm_delay_ms" "$hold_ms"; do
  [[ $n =~ ^[0-9]+$ ]] || { echo "ha-load: '$n' is not a whole number" >&2; exit 2; }
done
[[ $asterisks == 1 || $asterisks == 2 ]] || { echo "ha-load: --asterisks is 1 or 2" >&2; exit 2; }
((kill_at < restart_at && restart_at < failover_at && failover_at < term_at && term_at < duration)) ||
  { echo "ha-load: the faults must come in the order kill < restart < failover < term < duration" >&2; exit 2; }
((rate % asterisks == 0 && rate >= asterisks)) || { echo "ha-load: --rate must be a multiple of --asterisks" >&2; exit 2; }

source "$REPO/bench/bench-lib.sh"
source "$REPO/bench/ha-load/ha-lib.sh"

[[ $(id -u) -eq 0 ]] || die "run as root (Asterisk runs in a chroot)"
command -v dotnet >/dev/null || die "the .NET SDK is not installed"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

RUN="ha-load-$$"
prepare_run "$REPO/.stack/$RUN"
build_programs "src/AriCrmRouter.Service src/AriCrmRouter.Cli samples/AriCrmRouter.SampleCrm" "$ROUTER_DLL" "$ADMIN_DLL" "$CRM_DLL"

trap ha_cleanup EXIT

say "Redis: master, replica and three Sentinels (quorum 2)"
start_redis_sentinels
REDIS_CONFIG="127.0.0.1:${SENTINEL_PORTS[0]},127.0.0.1:${SENTINEL_PORTS[1]},127.0.0.1:${SENTINEL_PORTS[2]},serviceName=crmrouter"

export ARI_PASSWORD="ha-$RANDOM$RANDOM$RANDOM"
for ((i = 1; i <= asterisks; i++)); do
  say "Asterisk pbx$i"
  start_asterisk "$i"
done

CRM_PORT=$(free_port tcp)
CRM_URL="https://localhost:$CRM_PORT/lookup"
say "Sample CRM on $CRM_URL (answers after $crm_delay_ms ms)"
calls_total=$((rate * duration))
write_callers "$((calls_total / asterisks + 10))"
"$REPO/scripts/demo-ca.sh" "$OUT/ca" >/dev/null
start_bg crm "$OUT/sample-crm.log" "$(dirname "$CRM_DLL")" dotnet "$CRM_DLL" --SampleCrm:Port="$CRM_PORT" \
  --SampleCrm:CertificateFile="$OUT/ca/localhost.crt" --SampleCrm:KeyFile="$OUT/ca/localhost.key" \
  --SampleCrm:DataFile="$OUT/customers.json" --SampleCrm:LookupDelay="$(ms_to_timespan "$crm_delay_ms")" \
  --Logging:LogLevel:Default=Warning
wait_for "the sample CRM" 30 curl -sf --cacert "$OUT/ca/ca.crt" -o /dev/null "https://localhost:$CRM_PORT/health"

say "Rules (bench/ha-load/rules.json), imported through Sentinel"
sed "s|@CRM_URL@|$CRM_URL|g" "$REPO/bench/ha-load/rules.json" >"$OUT/rules.json"
dotnet "$ADMIN_DLL" --redis "$REDIS_CONFIG" --prefix crmrouter: rules import "$OUT/rules.json" --replace >"$OUT/rules-import.log" 2>&1 ||
  { cat "$OUT/rules-import.log" >&2; die "rules import failed"; }

say "Routers crmrouter-a and crmrouter-b, each on every Asterisk"
start_router a b
start_router b a
wait_for "router a" 60 router_connected a
wait_for "router b" 60 router_connected b

say "Calls: $rate calls/s for $duration s over $asterisks Asterisk(s); faults at $kill_at/$restart_at/$failover_at/$term_at s"
START_MS=$(date +%s%3N)
for ((i = 1; i <= asterisks; i++)); do
  sipp_pbx "$i" "$((rate / asterisks))" "$((calls_total / asterisks))" &
  SIPP_PIDS+=($!)
done
run_faults >"$OUT/faults.tsv"
sipp_ok=1
for pid in "${SIPP_PIDS[@]}"; do wait "$pid" || sipp_ok=0; done
say "Calls done; reading the Asterisk logs"
for ((i = 1; i <= asterisks; i++)); do wait_pbx_idle "$i"; done

report "$sipp_ok" | tee "$OUT/report.md"
verdict
