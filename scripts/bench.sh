#!/usr/bin/env bash
# End-to-end benchmark (docs/performance.md): real SIPp calls into a private Asterisk 22 + Redis
# (scripts/stack.sh), the Release router, the null Stasis app (bench/AriCrmRouter.Bench.NullApp) and
# the sample HTTPS CRM with a configurable delay. One run measures, per rate, five workloads:
#   plain  dialplan straight to the destination          null  Stasis app that only continues
#   warm   router, one known caller (cache hit)          cold  router, a new caller every call
#   diy    dialplan CURL() + JSON_DECODE + GotoIf to the CRM
# and, with --workloads held (or --held N), calls that stay in the router's Stasis app at once (the
# router's RSS with N calls held; a second table).
# and prints a markdown table: INVITE-to-200 p50/p99 (SIPp rtd), failed calls, CPU ms per call of the
# Stasis app and of Asterisk (/proc/<pid>/stat), the app's RSS, and p50/p99 ratios against plain,
# null and DIY.
#
#   scripts/bench.sh [--rate N | --rates N,N,..] [--duration S | --calls N] [options]
#     --rate N            calls per second (default 100)
#     --rates a,b,c       a sweep: every workload at every rate
#     --duration S        seconds of calls per workload and rate (default 20)
#     --calls N           calls per workload and rate (instead of --duration)
#     --hold-ms MS        how long each call stays up after the 200 OK (default 1000)
#     --crm-delay-ms MS   how long the CRM takes to answer a lookup (default 45)
#     --workloads LIST    subset of plain,null,warm,cold,diy,held (default all but held, in that order)
#     --held N            calls held at once by the held workload (default 500; at most 50 x rate so that
#                         all are in before the rule's 60 s first-digit timeout); adds held to the workloads
#     --warmup N          unmeasured calls per workload before each measurement (default 20)
#     --smoke             a few calls per workload (held included) at 5 calls/s; fails unless every workload completes
#                         with no failed call; timing is never judged (CI runs this)
#     --no-build          use the Release build already there
#     --out DIR           keep logs, SIPp traces and the table in DIR (default .stack/bench-<pid>)
#     --configuration C   build configuration of the router, null app, CLI and CRM (default Release;
#                         the CI smoke reuses the Debug build of scripts/test.sh)
# Exit code: 0 when every workload ran and the table was printed; 1 otherwise (and, with --smoke, when
# a call failed). As root on Debian 12 with the .NET SDK (like scripts/demo.sh).
set -euo pipefail
REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$REPO"

rates=100 duration=20 calls="" hold_ms=1000 crm_delay_ms=45 workloads=plain,null,warm,cold,diy
warmup=20 smoke=0 build=1 out="" configuration=Release held=500
while (($#)); do
  case $1 in
    --rate | --rates) rates=$2; shift ;;
    --duration) duration=$2; shift ;;
    --calls) calls=$2; shift ;;
    --hold-ms) hold_ms=$2; shift ;;
    --crm-delay-ms) crm_delay_ms=$2; shift ;;
    --workloads) workloads=$2; shift ;;
    --held) held=$2; [[ $workloads == *held* ]] || workloads+=,held; shift ;;
    --warmup) warmup=$2; shift ;;
    --smoke) smoke=1 ;;
    --no-build) build=0 ;;
    --out) out=$2; shift ;;
    --configuration) configuration=$2; shift ;;
    -h | --help) sed -n "2,36p" "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "bench: unknown option '$1' (see --help)" >&2; exit 2 ;;
  esac
  shift
done
if ((smoke)); then rates=5 calls=${calls:-3} hold_ms=200 warmup=0 held=3; [[ $workloads == *held* ]] || workloads+=,held; fi
for n in "$duration" "$hold_ms" "$crm_delay_ms" "$warmup" "$held" ${calls:+"$calls"}; do
  [[ $n =~ ^[0-9]+$ ]] || { echo "bench: '$n' is not a whole number" >&2; exit 2; }
done
[[ $rates =~ ^[0-9]+(,[0-9]+)*$ ]] || { echo "bench: --rates takes numbers separated by commas" >&2; exit 2; }
for w in ${workloads//,/ }; do
  case $w in plain | null | warm | cold | diy | held) ;; *) echo "bench: unknown workload '$w'" >&2; exit 2 ;; esac
done

source "$REPO/bench/bench-lib.sh"
source "$REPO/bench/bench-workloads.sh"

[[ $(id -u) -eq 0 ]] || die "run as root (Asterisk runs in a chroot)"
command -v dotnet >/dev/null || die "the .NET SDK is not installed"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

export STACK_NAME="bench-$$"
prepare_run "$REPO/.stack/$STACK_NAME"
NULL_DLL="$REPO/bench/AriCrmRouter.Bench.NullApp/bin/$CONFIG/net10.0/bench-null-app.dll"
build_programs "src/AriCrmRouter.Service src/AriCrmRouter.Cli samples/AriCrmRouter.SampleCrm bench/AriCrmRouter.Bench.NullApp" \
  "$ROUTER_DLL" "$ADMIN_DLL" "$CRM_DLL" "$NULL_DLL"

export ASTERISK_HTTP_PORT=$(free_port tcp) ASTERISK_SIP_PORT=$(free_port udp) REDIS_PORT=$(free_port tcp)
# Two RTP ports (RTP and RTCP) per call: 2,000 ports let the held workload hold 500 calls with room to spare.
export ASTERISK_RTP_START=$((30000 + $$ % 10 * 2000)) ASTERISK_RTP_END=$((30000 + $$ % 10 * 2000 + 1999))
export ARI_PASSWORD="bench-$RANDOM$RANDOM$RANDOM"
CRM_PORT=$(free_port tcp)
SIPP_PORT=$(free_port udp)
SIPP_MEDIA_PORT=$(free_port udp)
CRM_URL="https://localhost:$CRM_PORT/lookup"
NULL_APP=crmrouter-bench-null

trap cleanup EXIT
say "Stack $STACK_NAME: Asterisk (SIP $ASTERISK_SIP_PORT) + Redis ($REDIS_PORT); output in $OUT"
overlay="$OUT/asterisk-overlay"
mkdir -p "$overlay"
for f in "$REPO"/bench/asterisk/*.conf; do
  sed -e "s|@CRM_URL@|$CRM_URL|g" -e "s|@NULL_APP@|$NULL_APP|g" "$f" >"$overlay/$(basename "$f")"
done
STACK_OVERLAY="$overlay" "$REPO/scripts/stack.sh" up 2>"$OUT/stack.log" || { cat "$OUT/stack.log" >&2; die "stack.sh up failed"; }
STACK_UP=1
eval "$("$REPO/scripts/stack.sh" env | grep -E '^(ASTERISK_ROOT|ASTERISK_CONF)=')"
ASTERISK_PID=$(cat "$ASTERISK_ROOT${ASTERISK_CONF%/etc/asterisk.conf}/run/asterisk.pid")
# Read the whole answer before matching it: with pipefail, "rx | grep -q" fails whenever grep exits before
# rx has written everything (SIGPIPE), which a busy machine makes likely.
json_decode=""
for _ in 1 2 3 4 5; do
  json_decode=$("$REPO/scripts/stack.sh" rx "core show function JSON_DECODE" 2>&1 || true)
  [[ $json_decode == *"Syntax"* ]] && break
  sleep 1
done
[[ $json_decode == *"JSON_DECODE"*"Syntax"* ]] ||
  die "this Asterisk has no JSON_DECODE (func_json); the DIY workload needs it. It said: $json_decode"

say "Sample CRM on $CRM_URL (answers after $crm_delay_ms ms)"
"$REPO/scripts/demo-ca.sh" "$OUT/ca" >/dev/null
start_bg crm "$OUT/sample-crm.log" "$(dirname "$CRM_DLL")" dotnet "$CRM_DLL" --SampleCrm:Port="$CRM_PORT" \
  --SampleCrm:CertificateFile="$OUT/ca/localhost.crt" --SampleCrm:KeyFile="$OUT/ca/localhost.key" \
  --SampleCrm:LookupDelay="$(ms_to_timespan "$crm_delay_ms")" --Logging:LogLevel:Default=Warning
wait_for "the sample CRM" 30 curl -sf --cacert "$OUT/ca/ca.crt" -o /dev/null "https://localhost:$CRM_PORT/health"

say "Rules (bench/rules.json) and the Release router"
sed "s|@CRM_URL@|$CRM_URL|g" "$REPO/bench/rules.json" >"$OUT/rules.json"
dotnet "$ADMIN_DLL" --redis "127.0.0.1:$REDIS_PORT" --prefix crmrouter: rules import "$OUT/rules.json" --replace >"$OUT/rules-import.log" 2>&1 ||
  { cat "$OUT/rules-import.log" >&2; die "rules import failed"; }
ari_env=(Ari__BaseUrl="http://127.0.0.1:$ASTERISK_HTTP_PORT/ari" Ari__Username=crmrouter Ari__Password="$ARI_PASSWORD")
start_bg router "$OUT/router.log" "$(dirname "$ROUTER_DLL")" env "${ari_env[@]}" Ari__Application=crmrouter \
  Redis__Configuration="127.0.0.1:$REDIS_PORT" Redis__KeyPrefix=crmrouter: Crm__ExtraTrustedCaFile="$OUT/ca/ca.crt" \
  Crm__DefaultRegion=US Crm__AllowedPrivateNetworks=127.0.0.0/8,::1/128 Routing__Fallback__Type=queue Routing__Fallback__Target=500 Routing__DrainTimeout=00:00:02 \
  DOTNET_ENVIRONMENT=Production dotnet "$ROUTER_DLL"
start_bg null "$OUT/null-app.log" "$(dirname "$NULL_DLL")" env "${ari_env[@]}" Ari__Application="$NULL_APP" \
  NullApp__Context=crmrouter-ivr NullApp__Extension=bench NullApp__Priority=1 dotnet "$NULL_DLL"
wait_for "the router" 60 grep -q "Connected to ARI as application" "$OUT/router.log"
wait_for "the null app" 60 grep -q "Connected to ARI as application" "$OUT/null-app.log"

say "Calls: workloads $workloads at $rates calls/s, hold $hold_ms ms"
results="$OUT/results.tsv"
: >"$results"
ok=1
cold_next=1
for rate in ${rates//,/ }; do
  n=${calls:-$((rate * duration))}
  ((n > 0)) || die "no calls to place (rate $rate, duration $duration)"
  for w in ${workloads//,/ }; do
    if [[ $w == held ]]; then
      ((held <= 50 * rate)) || die "--held $held needs a rate of at least $(((held + 49) / 50)) calls/s"
      run_held "$rate" "$held" || ok=0
    else
      run_workload "$w" "$rate" "$n" || ok=0
    fi
  done
done

table="$OUT/table.md"
: >"$table"
[[ -s $results ]] && print_table "$results" >>"$table"
[[ -s $OUT/held.tsv ]] && { [[ -s $table ]] && echo >>"$table"; print_held_table "$OUT/held.tsv" >>"$table"; }
echo
cat "$table"
echo
echo "bench: $CONFIG build, $(date -u "+%Y-%m-%d %H:%M UTC"), $(nproc) cores, $(uname -sr), load average:$(uptime | sed 's/.*load average://'); logs in $OUT"
if ((!ok)); then die "a workload did not complete (see above)"; fi
