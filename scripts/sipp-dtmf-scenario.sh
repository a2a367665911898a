#!/usr/bin/env bash
# Writes a runnable SIPp scenario (stdout) that sends the given DTMF digits as RFC 2833 events,
# from tests/AriCrmRouter.EndToEndTests/Sipp/uac-dtmf.xml.template (see the comment there).
#   scripts/sipp-dtmf-scenario.sh DIGITS [-w INITIAL_WAIT_MS] [-g GAP_MS] > scenario.xml
# DIGITS: 0-9 * #. Defaults: -w 1000 (time for the greeting to start), -g 500 (>= 440 required).
set -euo pipefail
REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
TEMPLATE="$REPO/tests/AriCrmRouter.EndToEndTests/Sipp/uac-dtmf.xml.template"
digits=${1:?usage: sipp-dtmf-scenario.sh DIGITS [-w INITIAL_WAIT_MS] [-g GAP_MS]}
shift
wait_ms=1000 gap_ms=500
while getopts "w:g:" opt; do
  case $opt in w) wait_ms=$OPTARG ;; g) gap_ms=$OPTARG ;; *) exit 2 ;; esac
done
[[ $digits =~ ^[0-9*#]+$ ]] || { echo "sipp-dtmf-scenario: digits must be 0-9, * or #" >&2; exit 2; }
((gap_ms >= 440)) || { echo "sipp-dtmf-scenario: gap must be >= 440 ms (140 ms pcap + 300 ms)" >&2; exit 2; }
steps=""
if ((wait_ms > 0)); then
  steps+="  <recv request=\"BYE\" timeout=\"$wait_ms\" ontimeout=\"step0\" next=\"remote_bye\" />"$'\n'
  steps+="  <label id=\"step0\" />"$'\n'
fi
for ((i = 0; i < ${#digits}; i++)); do
  d=${digits:i:1}
  case $d in '*') d=star ;; '#') d=pound ;; esac
  n=$((i + 1))
  steps+="  <nop><action><exec play_pcap_audio=\"/usr/share/sip-tester/dtmf_2833_$d.pcap\" /></action></nop>"$'\n'
  steps+="  <recv request=\"BYE\" timeout=\"$gap_ms\" ontimeout=\"step$n\" next=\"remote_bye\" />"$'\n'
  steps+="  <label id=\"step$n\" />"$'\n'
done
while IFS= read -r line; do
  if [[ $line == '{{DTMF_STEPS}}' ]]; then printf '%s' "$steps"; else printf '%s\n' "$line"; fi
done <"$TEMPLATE"
