#!/usr/bin/env bash
# The AriCrmRouter demo on one machine (Debian 12, as root, with the .NET SDK):
#   scripts/demo.sh           set up, build, start Asterisk 22 + Redis + the sample CRM + the router,
#                             import examples/demo-rules.json, place a few SIPp calls, print where each
#                             call landed as Asterisk logged it, then stop everything
#   scripts/demo.sh --keep    the same, but leave everything running and print how to poke at it
#   scripts/demo.sh --down    stop what a --keep run left running
# The first run installs packages and builds the Asterisk root (about a minute); later runs reuse both.
# Environment: DEMO_CONFIGURATION [Release] (dotnet build configuration), DEMO_CRM_PORT [8443] (the port
# in examples/demo-rules.json), DEMO_METRICS_PORT [9464] (the router's /healthz, /readyz, /metrics), and
# stack.sh's ASTERISK_HTTP_PORT [8088], ASTERISK_SIP_PORT [5060], REDIS_PORT [6391]. The web admin
# (crmrouter-web) listens on http://127.0.0.1:$DEMO_WEB_PORT [5080] with the demo login
# admin / $DEMO_ADMIN_PASSWORD [crmrouter-demo-admin].
set -euo pipefail
REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$REPO"

export STACK_NAME=demo
CONFIG=${DEMO_CONFIGURATION:-Release}
METRICS_PORT=${DEMO_METRICS_PORT:-9464}
CRM_PORT=${DEMO_CRM_PORT:-8443}
SIP_PORT=${ASTERISK_SIP_PORT:-5060}
HTTP_PORT=${ASTERISK_HTTP_PORT:-8088}
REDIS_PORT=${REDIS_PORT:-6391}
STATE="$REPO/.stack/demo"
CA_DIR="$REPO/.stack/ca"
PREFIX="crmrouter:"
# The key ring that encrypts CRM secrets and header values in Redis, shared by crmrouter-admin and the router.
KEY_RING="$STATE/key-ring"
ARI_PASSWORD=${ARI_PASSWORD:-crmrouter-demo-secret}
ROUTER_DLL="$REPO/src/AriCrmRouter.Service/bin/$CONFIG/net10.0/crmrouter.dll"
ADMIN_DLL="$REPO/src/AriCrmRouter.Cli/bin/$CONFIG/net10.0/crmrouter-admin.dll"
CRM_DLL="$REPO/samples/AriCrmRouter.SampleCrm/bin/$CONFIG/net10.0/sample-crm.dll"
WEB_DLL="$REPO/src/AriCrmRouter.Web/bin/$CONFIG/net10.0/crmrouter-web.dll"
WEB_PORT=${DEMO_WEB_PORT:-5080}
WEB_PASSWORD=${DEMO_ADMIN_PASSWORD:-crmrouter-demo-admin}
SIPP_DIR="$REPO/tests/AriCrmRouter.EndToEndTests/Sipp"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

say() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }
die() { echo "demo: $*" >&2; exit 1; }

mode=run
case ${1:-} in
  "") ;;
  --keep) mode=keep ;;
  --down) mode=down ;;
  -h | --help) sed -n '2,12p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
  *) die "unknown option '$1' (use --keep, --down or nothing)" ;;
esac

stop_pid() { # pid-file name
  local file=$1 pid
  [[ -f $file ]] || return 0
  pid=$(cat "$file")
  if kill -0 "$pid" 2>/dev/null; then
    echo "demo: stopping $2 (pid $pid)" >&2
    kill -TERM "$pid" 2>/dev/null || true
    for _ in $(seq 1 150); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -0 "$pid" 2>/dev/null && kill -KILL "$pid" 2>/dev/null || true
  fi
  rm -f "$file"
}

down() {
  stop_pid "$STATE/web.pid" "web admin"
  stop_pid "$STATE/router.pid" router
  stop_pid "$STATE/sample-crm.pid" "sample CRM"
  if [[ -x $REPO/scripts/stack.sh ]]; then "$REPO/scripts/stack.sh" down || true; fi
}

if [[ $mode == down ]]; then
  down
  exit 0
fi

[[ $(id -u) -eq 0 ]] || die "run as root (it installs packages and runs Asterisk in a chroot)"
command -v dotnet >/dev/null || die "the .NET SDK is not installed (https://learn.microsoft.com/dotnet/core/install/linux-debian)"

started=$SECONDS
say "Setup: packages and the Asterisk 22 root (cached after the first run)"
"$REPO/scripts/setup.sh" >/dev/null

say "Build ($CONFIG): router, admin CLI, web admin, sample CRM"
for project in src/AriCrmRouter.Service src/AriCrmRouter.Cli src/AriCrmRouter.Web samples/AriCrmRouter.SampleCrm; do
  dotnet build "$project" -c "$CONFIG" -nologo -v q -clp:ErrorsOnly >/dev/null || die "dotnet build $project failed"
done

# Anything left from an earlier --keep run goes first.
down 2>/dev/null

say "Asterisk + Redis (stack.sh instance 'demo')"
"$REPO/scripts/stack.sh" up
mkdir -p "$STATE"
if [[ $mode == run ]]; then trap 'down' EXIT; fi

say "Sample CRM on https://localhost:$CRM_PORT (certificate from the demo CA)"
"$REPO/scripts/demo-ca.sh" "$CA_DIR" >/dev/null
if ss -H -ltn "sport = :$CRM_PORT" | grep -q .; then die "port $CRM_PORT/tcp is in use (set DEMO_CRM_PORT and edit examples/demo-rules.json)"; fi
nohup dotnet "$CRM_DLL" --SampleCrm:Port="$CRM_PORT" --SampleCrm:CertificateFile="$CA_DIR/localhost.crt" \
  --SampleCrm:KeyFile="$CA_DIR/localhost.key" >"$STATE/sample-crm.log" 2>&1 &
echo $! >"$STATE/sample-crm.pid"
crm() { curl -sS --cacert "$CA_DIR/ca.crt" "$@"; }
for _ in $(seq 1 100); do crm -o /dev/null "https://localhost:$CRM_PORT/health" 2>/dev/null && break; sleep 0.2; done
crm -o /dev/null "https://localhost:$CRM_PORT/health" || die "the sample CRM did not start; see $STATE/sample-crm.log"

say "Key ring for secrets at rest: crmrouter-admin secrets new-key --if-none ($KEY_RING)"
dotnet "$ADMIN_DLL" --key-ring "$KEY_RING" secrets new-key --if-none

say "Rules: crmrouter-admin rules import examples/demo-rules.json --replace"
dotnet "$ADMIN_DLL" --redis "127.0.0.1:$REDIS_PORT" --prefix "$PREFIX" --key-ring "$KEY_RING" rules import examples/demo-rules.json --replace
dotnet "$ADMIN_DLL" --redis "127.0.0.1:$REDIS_PORT" --prefix "$PREFIX" --key-ring "$KEY_RING" rules list

say "Router (crmrouter.dll, log $STATE/router.log)"
(
  cd "$(dirname "$ROUTER_DLL")"
  Ari__BaseUrl="http://127.0.0.1:$HTTP_PORT/ari" Ari__Username=crmrouter Ari__Password="$ARI_PASSWORD" \
    Ari__Application=crmrouter Redis__Configuration="127.0.0.1:$REDIS_PORT" Redis__KeyPrefix="$PREFIX" \
    Crm__ExtraTrustedCaFile="$CA_DIR/ca.crt" Crm__DefaultRegion=US Crm__AllowedPrivateNetworks=127.0.0.0/8,::1/128 \
    Routing__Fallback__Type=queue Routing__Fallback__Target=500 Routing__DrainTimeout=00:00:05 \
    Observability__Port="$METRICS_PORT" \
    Secrets__KeyRingPath="$KEY_RING" \
    nohup dotnet "$ROUTER_DLL" >"$STATE/router.log" 2>&1 &
  echo $! >"$STATE/router.pid"
)
for _ in $(seq 1 150); do grep -q "Connected to ARI as application" "$STATE/router.log" 2>/dev/null && break; sleep 0.2; done
grep -q "Connected to ARI as application" "$STATE/router.log" || die "the router did not connect to ARI; see $STATE/router.log"

say "Web admin (crmrouter-web, log $STATE/web.log)"
if ss -H -ltn "sport = :$WEB_PORT" | grep -q .; then die "port $WEB_PORT/tcp is in use (set DEMO_WEB_PORT)"; fi
CRMROUTER_ADMIN_PASSWORD="$WEB_PASSWORD" dotnet "$ADMIN_DLL" --redis "127.0.0.1:$REDIS_PORT" --prefix "$PREFIX" users add admin --role admin
Redis__Configuration="127.0.0.1:$REDIS_PORT" Redis__KeyPrefix="$PREFIX" Crm__ExtraTrustedCaFile="$CA_DIR/ca.crt" \
  Crm__DefaultRegion=US Crm__AllowedPrivateNetworks=127.0.0.0/8,::1/128 Secrets__KeyRingPath="$KEY_RING" Web__DataProtectionKeysPath="$STATE/web-cookie-keys" nohup dotnet "$WEB_DLL" --urls "http://127.0.0.1:$WEB_PORT" >"$STATE/web.log" 2>&1 &
echo $! >"$STATE/web.pid"
for _ in $(seq 1 100); do curl -s -o /dev/null "http://127.0.0.1:$WEB_PORT/login" && break; sleep 0.2; done
curl -s -o /dev/null "http://127.0.0.1:$WEB_PORT/login" || die "the web admin did not start; see $STATE/web.log"
echo "demo: web admin at http://127.0.0.1:$WEB_PORT/  (login: admin / $WEB_PASSWORD)" >&2

# ---------------------------------------------------------------------------------------------- calls
sip_port=5070
rows=()
call() { # title did caller scenario-file [hold_ms]
  local title=$1 did=$2 caller=$3 scenario=$4 hold=${5:-1500} line kind target rule reason fallback i
  echo "demo: calling $did from $caller ($title)" >&2
  sipp "127.0.0.1:$SIP_PORT" -sf "$scenario" -s "$did" -key caller "$caller" -set hold_ms "$hold" \
    -i 127.0.0.1 -p "$sip_port" -mp $((sip_port + 10000)) -m 1 -l 1 -timeout 30 -timeout_error -nostdin \
    >"$STATE/sipp-$caller.log" 2>&1 || echo "demo: sipp reported a failed call (see $STATE/sipp-$caller.log)" >&2
  sip_port=$((sip_port + 4))
  line=""
  for i in $(seq 1 50); do line=$("$REPO/scripts/stack.sh" landed "$caller" 2>/dev/null) && break; sleep 0.2; done
  if [[ -z $line ]]; then rows+=("$title|$caller|$did|(not landed)|||"); return; fi
  field() { sed -n "s/.* $1=\([^ ]*\).*/\1/p" <<<" $line"; }
  kind=$(field kind) target=$(field target) rule=$(field rule) reason=$(field reason) fallback=$(field fallback)
  echo "  $line" >&2
  rows+=("$title|$caller|$did|$kind $target|${rule:--}|${reason:--}${fallback:+ (dialplan: $fallback)}")
}

say "Calls (SIPp) - where each one landed, as logged by Asterisk (CRMROUTER_LANDED)"
call "GOLD customer" 5551000 15550100001 "$SIPP_DIR/uac-call.xml"
call "SILVER customer" 5551000 442079460018 "$SIPP_DIR/uac-call.xml"
call "unknown caller" 5551000 15559999999 "$SIPP_DIR/uac-call.xml"
call "lifetime value 51000" 5551001 38515550105 "$SIPP_DIR/uac-call.xml"
"$REPO/scripts/sipp-dtmf-scenario.sh" '24689#' -w 2500 -g 500 >"$STATE/dtmf-24689.xml"
call "IVR, types account 24689#" 5552000 15550100099 "$STATE/dtmf-24689.xml"
crm -X POST -o /dev/null "https://localhost:$CRM_PORT/control/mode/down"
call "CRM down (BRONZE customer)" 5551000 5550100003 "$SIPP_DIR/uac-call.xml"
crm -X POST -o /dev/null "https://localhost:$CRM_PORT/control/mode/normal"

echo
printf '%-28s %-13s %-8s %-16s %-13s %s\n' "CALL" "CALLER" "DID" "LANDED IN" "RULE" "REASON"
printf '%-28s %-13s %-8s %-16s %-13s %s\n' "----" "------" "---" "---------" "----" "------"
for r in "${rows[@]}"; do
  IFS='|' read -r title caller did where rule reason <<<"$r"
  printf '%-28s %-13s %-8s %-16s %-13s %s\n' "$title" "$caller" "$did" "$where" "$rule" "$reason"
done
echo
echo "Router decisions (router log, event 2001):"
grep -o "decision: .*" "$STATE/router.log" | sed 's/^/  /' || true
echo
echo "Router readiness (curl http://127.0.0.1:$METRICS_PORT/readyz):"
curl -s "http://127.0.0.1:$METRICS_PORT/readyz" | sed 's/^/  /' || true
echo
echo "Calls by outcome, reason and rule (curl http://127.0.0.1:$METRICS_PORT/metrics):"
curl -s "http://127.0.0.1:$METRICS_PORT/metrics" | grep '^crmrouter_calls_total' | sed 's/^/  /' || true
echo
echo "demo: done in $((SECONDS - started)) s"
echo "Web admin: http://127.0.0.1:$WEB_PORT/  login admin / $WEB_PASSWORD  (Recent calls shows the calls above$([[ $mode == run ]] && echo "; use --keep to leave it running"))"

if [[ $mode == keep ]]; then
  cat <<EOF

Everything is still running (stop it with: scripts/demo.sh --down).
  Asterisk CLI:     scripts/stack.sh rx "core show channels"      scripts/stack.sh rx "queue show 610"
  Landing lines:    scripts/stack.sh logs messages                scripts/stack.sh landed 15550100001
  Router log:       tail -f $STATE/router.log
  Health, metrics:  curl -s http://127.0.0.1:$METRICS_PORT/readyz      curl -s http://127.0.0.1:$METRICS_PORT/metrics
  Place a call:     sipp 127.0.0.1:$SIP_PORT -sf $SIPP_DIR/uac-call.xml -s 5551000 -key caller 15550100001 \\
                      -set hold_ms 2000 -i 127.0.0.1 -p 5090 -mp 16090 -m 1 -l 1 -timeout 30 -nostdin
  Type DTMF:        scripts/sipp-dtmf-scenario.sh '13579#' -w 2500 > /tmp/dtmf.xml   (then -sf /tmp/dtmf.xml -s 5552000)
  Web admin:        http://127.0.0.1:$WEB_PORT/   login admin / $WEB_PASSWORD   (log: $STATE/web.log)
  Rules:            dotnet $ADMIN_DLL --redis 127.0.0.1:$REDIS_PORT --key-ring $KEY_RING rules list
                    dotnet $ADMIN_DLL --redis 127.0.0.1:$REDIS_PORT --key-ring $KEY_RING rules import examples/demo-rules.json --replace
  Secrets:          dotnet $ADMIN_DLL --redis 127.0.0.1:$REDIS_PORT --key-ring $KEY_RING secrets status
  Sample CRM:       curl --cacert $CA_DIR/ca.crt 'https://localhost:$CRM_PORT/lookup?field_name=status&caller_id=15550100001'
                    curl --cacert $CA_DIR/ca.crt -X POST https://localhost:$CRM_PORT/control/mode/slow   (normal|down|slow|garbage)
                    curl --cacert $CA_DIR/ca.crt https://localhost:$CRM_PORT/control/lookups
EOF
fi
