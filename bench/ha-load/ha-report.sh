# The report of scripts/ha-load.sh (sourced by ha-lib.sh): reads the Asterisk logs, SIPp's traces, the routers'
# decision lines and the Sentinels' logs; writes calls.tsv and prints a markdown report. verdict() judges it.

fault_ms() { awk -F'\t' -v f="$1" '$1 == f { print $2 }' "$OUT/faults.tsv"; }

# One line per call Asterisk saw: pbx, call id, entry and landing (ms since the start), kind, target, caller,
# reason, fallback. Entry = the call's first line in the "full" log; landing = its last CRMROUTER_LANDED line.
calls_of_pbx() { # i
  awk -v pbx="$1" -v start="$START_MS" '
    function ms(line) { return mktime(substr(line, 2, 4) " " substr(line, 7, 2) " " substr(line, 10, 2) " " \
      substr(line, 13, 2) " " substr(line, 16, 2) " " substr(line, 19, 2)) * 1000 + substr(line, 22, 3) - start }
    function field(line, name,   p, rest) { p = index(line, " " name "="); if (!p) return ""
      rest = substr(line, p + length(name) + 2); sub(/ .*/, "", rest); return rest }
    match($0, /\]\[C-[0-9a-f]+\]/) {
      id = substr($0, RSTART + 2, RLENGTH - 3)
      if (!(id in entry)) { entry[id] = ms($0); order[++n] = id }
      if (index($0, "CRMROUTER_LANDED ")) {
        landed[id] = ms($0); kind[id] = field($0, "kind"); target[id] = field($0, "target"); caller[id] = field($0, "caller")
        reason[id] = field($0, "reason"); fallback[id] = field($0, "fallback")
      }
    }
    END { for (k = 1; k <= n; k++) { id = order[k]
      printf "pbx%s\t%s\t%d\t%s\t%s\t%s\t%s\t%s\t%s\n", pbx, id, entry[id], (id in landed) ? landed[id] : "-",
        kind[id], target[id], caller[id], reason[id], fallback[id] } }' "${LOG_DIRS[$1]}/full"
}

# Decision lines of a router's logs as ms since the start ("HH:mm:ss.fff" of today, or of the next day).
decisions_of() { # name
  cat "$OUT/router-$1"*.log | grep ' decision: rule=' |
    awk -v start="$START_MS" -v midnight="$(date -d "$(date -d "@$((START_MS / 1000))" +%F)" +%s)" '{
      t = (midnight + substr($1, 1, 2) * 3600 + substr($1, 4, 2) * 60 + substr($1, 7, 2)) * 1000 + substr($1, 10, 3)
      if (t < start - 43200000) t += 86400000
      print t - start }'
}

# When Sentinel switched the master (the first +switch-master line of any Sentinel), in ms since the start.
switch_master_ms() {
  local line
  line=$(grep -h '+switch-master' "$OUT"/redis/sentinel-*.log 2>/dev/null | head -1) || true
  [[ -n $line ]] || { echo "-"; return; }
  # "1234:X 29 Nov 2026 20:01:02.123 # +switch-master ..."
  echo $(($(date -d "$(awk '{ print $2, $3, $4, $5 }' <<<"$line")" +%s%3N) - START_MS))
}

report() { # sipp-exit-ok
  local i placed=0 failed=0 kill term
  for ((i = 1; i <= asterisks; i++)); do
    placed=$((placed + $(stat_value "$OUT/sipp-pbx$i/stat.csv" TotalCallCreated)))
    failed=$((failed + $(stat_value "$OUT/sipp-pbx$i/stat.csv" 'FailedCall(C)')))
  done
  for ((i = 1; i <= asterisks; i++)); do calls_of_pbx "$i"; done >"$OUT/calls.tsv"
  kill=$(fault_ms kill) term=$(fault_ms term)
  # Classify every call against expected.tsv: right, default (at the rule's default or a fallback for another
  # reason than "not in the CRM"), wrong (another row's destination), lost (no landing).
  awk -F'\t' -v kill="$kill" -v term="$term" -v placed="$placed" -v failed="$failed" -v out="$OUT/summary.tsv" '
    FNR == NR { expected[$1] = $2; next }
    { total++
      if ($4 == "-") { lost++; next }
      want = expected[$7]; ok_reason = (want == "other") ? "value-not-found" : "row-matched"
      if ($5 == "ivr" && $6 == want && $8 == ok_reason && $9 == "") right++
      else if (($5 == "ivr" && $6 == "other") || $9 != "") { if ($3 < kill && $4 > kill) allowed++; else defaults++ }
      else wrong++
      if ($3 < kill && $4 > kill) { inflight++; t = $4 - $3; if (t > longest) longest = t }
      if ($3 < term && $4 > term) { draining++; t = $4 - $3; if (t > longest_term) longest_term = t }
      if ($4 - $3 > slowest) slowest = $4 - $3 }
    END {
      lost += placed - total
      printf "placed\t%d\nsipp_failed\t%d\nlanded_right\t%d\nat_default_in_flight_at_kill\t%d\nat_default_other\t%d\nwrong\t%d\nlost\t%d\n",
        placed, failed, right, allowed, defaults, wrong, lost >out
      printf "in_flight_at_kill\t%d\nlongest_in_flight_at_kill_ms\t%d\nin_flight_at_term\t%d\nlongest_in_flight_at_term_ms\t%d\nslowest_ms\t%d\n",
        inflight, longest, draining, longest_term, slowest >out }' "$OUT/expected.tsv" "$OUT/calls.tsv"
  print_report "$1"
}

summary() { awk -F'\t' -v k="$1" '$1 == k { print $2 }' "$OUT/summary.tsv"; }

print_report() { # sipp-exit-ok
  local restart failover switched bounds a b p
  restart=$(fault_ms restart) failover=$(fault_ms failover) switched=$(switch_master_ms)
  echo "## HA load: $rate calls/s for $duration s over $asterisks Asterisk(s), routers a and b on each"
  echo
  echo "Faults (s after the first call): router a kill -9 at $(ms_s "$(fault_ms kill)"), restarted at $(ms_s "$restart"),"
  echo "Redis master kill -9 at $(ms_s "$failover") (Sentinel switched the master at $(ms_s "$switched")), router b SIGTERM at $(ms_s "$(fault_ms term)")."
  echo
  echo "| calls placed | landed right | at a default, in flight at the kill | at a default, other | wrong destination | lost or stuck | SIPp failed |"
  echo "|---:|---:|---:|---:|---:|---:|---:|"
  echo "| $(summary placed) | $(summary landed_right) | $(summary at_default_in_flight_at_kill) | $(summary at_default_other) | $(summary wrong) | $(summary lost) | $(summary sipp_failed) |"
  echo
  echo "Calls in flight at the kill (entered Asterisk before it, landed after): $(summary in_flight_at_kill), the longest"
  echo "took $(summary longest_in_flight_at_kill_ms) ms from its first dialplan line to its landing. In flight at the SIGTERM:"
  echo "$(summary in_flight_at_term), the longest $(summary longest_in_flight_at_term_ms) ms. Slowest call of the run: $(summary slowest_ms) ms."
  echo "Router b after its SIGTERM: $(grep -ho 'Shutting down: draining [0-9]* calls' "$OUT/router-b.log" | head -1 || true),"
  echo "$(grep -c 'Not claiming broadcast channel' "$OUT/router-b.log" || true) broadcast offers declined while it drained."
  echo
  echo "| phase | from s | to s | calls answered | INVITE-to-200 p50 ms | p99 ms | decisions by router a | by router b |"
  echo "|---|---:|---:|---:|---:|---:|---:|---:|"
  decisions_of a >"$OUT/decisions-a.txt"
  decisions_of b >"$OUT/decisions-b.txt"
  cat "$OUT"/sipp-pbx*/*_rtt.csv | awk -F';' 'NR > 1 && $1 != "Date_ms" { print $1 "\t" $2 }' >"$OUT/rtt.tsv"
  bounds=("both routers" 0 "$kill_at" "a killed" "$kill_at" "$restart_at" "a restarted" "$restart_at" "$failover_at"
    "Redis master killed" "$failover_at" "$term_at" "b SIGTERM" "$term_at" "$((duration + 30))")
  for ((p = 0; p < ${#bounds[@]}; p += 3)); do
    a=$(awk -v f="${bounds[p + 1]}" -v t="${bounds[p + 2]}" '$1 >= f * 1000 && $1 < t * 1000' "$OUT/decisions-a.txt" | wc -l)
    b=$(awk -v f="${bounds[p + 1]}" -v t="${bounds[p + 2]}" '$1 >= f * 1000 && $1 < t * 1000' "$OUT/decisions-b.txt" | wc -l)
    awk -F'\t' -v f="${bounds[p + 1]}" -v t="${bounds[p + 2]}" '$1 >= f * 1000 && $1 < t * 1000 { print $2 }' "$OUT/rtt.tsv" |
      sort -g | awk -v name="${bounds[p]}" -v f="${bounds[p + 1]}" -v t="${bounds[p + 2]}" -v a="$a" -v b="$b" -v end="$duration" '
        { v[NR] = $1 }
        END { if (t > end) t = "end"
          if (NR == 0) { printf "| %s | %s | %s | 0 | - | - | %d | %d |\n", name, f, t, a, b; exit }
          printf "| %s | %s | %s | %d | %.0f | %.0f | %d | %d |\n", name, f, t, NR, v[int(NR * 0.5 + 0.999999)], v[int(NR * 0.99 + 0.999999)], a, b }'
  done
  echo
  echo "$CONFIG build, $(date -u "+%Y-%m-%d %H:%M UTC"), $(nproc) cores, load average:$(uptime | sed 's/.*load average://'); SIPp exit $( (($1)) && echo ok || echo failed); logs in $OUT"
}

ms_s() { [[ $1 == - || -z $1 ]] && { echo "never"; return; }; awk -v m="$1" 'BEGIN { printf "%.1f", m / 1000 }'; }

# Pass/fail: nothing lost, nothing wrong, defaults only for calls in flight at the kill, every fault took effect,
# and router a took calls again after its restart.
verdict() {
  local problems=()
  (($(summary lost) == 0)) || problems+=("$(summary lost) calls lost or stuck")
  (($(summary sipp_failed) == 0)) || problems+=("$(summary sipp_failed) calls failed in SIPp")
  (($(summary wrong) == 0)) || problems+=("$(summary wrong) calls at a wrong destination")
  (($(summary at_default_other) == 0)) || problems+=("$(summary at_default_other) calls at a default that were not in flight at the kill")
  ((smoke || $(summary longest_in_flight_at_kill_ms) <= 10000)) || problems+=("a call in flight at the kill took over 10 s to land")
  [[ $(switch_master_ms) != - ]] || problems+=("Sentinel never switched the master")
  (($(awk -v f="$restart_at" '$1 >= f * 1000' "$OUT/decisions-a.txt" | wc -l) > 0)) || problems+=("router a took no call after its restart")
  if ((${#problems[@]})); then
    printf 'ha-load: FAILED: %s\n' "${problems[@]}" >&2
    exit 1
  fi
  echo "ha-load: passed (report in $OUT/report.md)" >&2
}
