#!/usr/bin/env bash
# Makes docs/images/dashboard.png from a real router: starts the demo (scripts/demo.sh --keep: Asterisk 22,
# Redis, the sample CRM, the router), scrapes its /metrics every few seconds while SIPp places calls (the
# sample CRM switched to slow and down for a while), stops the demo, then draws the dashboard's panels from
# those scrapes (render.py) and photographs the page with headless Chromium. As root; a few minutes.
#   docs/dashboard/capture.sh [ROUNDS]      (default 12 rounds of 4 calls)
set -euo pipefail
REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
ROUNDS=${1:-12}
METRICS_PORT=${DEMO_METRICS_PORT:-9464}
SIP_PORT=${ASTERISK_SIP_PORT:-5060}
CRM_PORT=${DEMO_CRM_PORT:-8443}
WORK=$(mktemp -d /tmp/crmrouter-dashboard.XXXXXX)
SCRAPES=$WORK/scrapes
mkdir -p "$SCRAPES"
command -v chromium >/dev/null || apt-get install -y chromium >/dev/null

bash "$REPO/scripts/demo.sh" --keep >"$WORK/demo.log" 2>&1 || { tail -n 30 "$WORK/demo.log" >&2; exit 1; }
trap 'kill "$scraper" 2>/dev/null || true; bash "$REPO/scripts/demo.sh" --down >/dev/null 2>&1 || true' EXIT

scrape() {
  local file
  while true; do
    file=$SCRAPES/$(date +%s).prom
    curl -s "http://127.0.0.1:$METRICS_PORT/metrics" >"$file.tmp" && mv "$file.tmp" "$file"
    sleep 5
  done
}
scrape &
scraper=$!

crm() { curl -s --cacert "$REPO/.stack/ca/ca.crt" -X POST -o /dev/null "https://localhost:$CRM_PORT/control/mode/$1"; }
port=5170
call() { # did caller
  sipp "127.0.0.1:$SIP_PORT" -sf "$REPO/tests/AriCrmRouter.EndToEndTests/Sipp/uac-call.xml" -s "$1" -key caller "$2" -set hold_ms 800 \
    -i 127.0.0.1 -p "$port" -mp $((port + 10000)) -m 1 -l 1 -timeout 30 -nostdin >/dev/null 2>&1 || true
  port=$((port + 4))
}
for round in $(seq 1 "$ROUNDS"); do
  case $round in 5) crm slow ;; 7) crm down ;; 9) crm normal ;; esac
  call 5551000 15550100001; call 5551000 442079460018; call 5551000 15559999999; call 5551001 38515550105
  sleep 3
done
sleep 10
kill "$scraper" 2>/dev/null || true
python3 "$REPO/docs/dashboard/render.py" "$SCRAPES" "$WORK/dashboard.html"
chromium --headless --no-sandbox --disable-gpu --no-first-run --disable-background-networking \
  --window-size=1600,940 --screenshot="$REPO/docs/images/dashboard.png" "file://$WORK/dashboard.html" >/dev/null 2>&1
echo "capture: docs/images/dashboard.png from $(ls "$SCRAPES" | wc -l) scrapes (kept in $SCRAPES)" >&2
