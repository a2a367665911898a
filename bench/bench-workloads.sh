# The workloads of scripts/bench.sh and their tables (sourced after bench/bench-lib.sh; uses the script's variables).

run_workload() { # workload rate calls
  local w=$1 rate=$2 n=$3 dir exten app_pid="" inf warm_inf app0 app1 ast0 ast1 p50 p99 ok failed app_cpu rss
  dir="$OUT/$w-$rate"
  rm -rf "$dir"
  mkdir -p "$dir/warmup"
  case $w in
    plain) exten=bench-plain ;;
    null) exten=bench-null app_pid=${PIDS[null]} ;;
    warm | cold) exten=5559000 app_pid=${PIDS[router]} ;;
    diy) exten=bench-diy ;;
  esac
  inf="$dir/callers.csv" warm_inf="$dir/warmup/callers.csv"
  if [[ $w == cold ]]; then
    callers_file "$warm_inf" "$warmup" "$cold_next"; cold_next=$((cold_next + warmup))
    callers_file "$inf" "$n" "$cold_next"; cold_next=$((cold_next + n))
  else
    callers_file "$warm_inf" 1; callers_file "$inf" 1
  fi
  local log_from=0
  if ((warmup > 0)); then
    sipp_run "$dir/warmup" "$exten" "$warm_inf" "$((rate < 20 ? rate : 20))" "$warmup" || true
  fi
  wait_idle
  # The decisions of the measured calls only: the first lookups of a fresh router may miss the deadline.
  [[ $w == warm || $w == cold ]] && log_from=$(wc -l <"$OUT/router.log")
  echo "bench: $w at $rate calls/s, $n calls" >&2
  ast0=$(cpu_ms "$ASTERISK_PID"); [[ -n $app_pid ]] && app0=$(cpu_ms "$app_pid")
  sipp_run "$dir" "$exten" "$inf" "$rate" "$n" || true
  wait_idle
  ast1=$(cpu_ms "$ASTERISK_PID"); [[ -n $app_pid ]] && app1=$(cpu_ms "$app_pid")
  ok=$(stat_value "$dir/stat.csv" "SuccessfulCall(C)")
  failed=$(stat_value "$dir/stat.csv" "FailedCall(C)")
  read -r p50 p99 < <(percentiles "$(ls "$dir"/*_rtt.csv 2>/dev/null | head -n 1 || echo /dev/null)")
  app_cpu=- rss=-
  if [[ -n $app_pid ]]; then
    app_cpu=$(awk -v d=$((app1 - app0)) -v n="$n" 'BEGIN { printf "%.2f", d / n }')
    rss=$(rss_mb "$app_pid")
  fi
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$rate" "$w" "$ok" "$failed" "$p50" "$p99" "$app_cpu" \
    "$(awk -v d=$((ast1 - ast0)) -v n="$n" 'BEGIN { printf "%.2f", d / n }')" "$rss" >>"$results"
  if ((ok + failed < n || ok == 0)); then
    echo "bench: $w at $rate calls/s: only $ok of $n calls succeeded and $failed failed (see $dir/sipp.log)" >&2
    return 1
  fi
  if ((smoke && failed > 0)); then
    echo "bench: $w: $failed failed calls (see $dir/errors.log)" >&2
    return 1
  fi
  if [[ $w == warm || $w == cold ]]; then check_decisions "$w" "$log_from" || return 1; fi
  return 0
}

# A router workload measures routing only if the router decided as the workload means: warm calls match a row
# (reason=row-matched), cold callers are unknown to the CRM (reason=value-not-found). Any other reason (a lookup
# refused by the network guard, a broken rule, ...) means the figures measured a failure path: the workload fails.
# A lookup that missed its deadline is timing, which the bench never judges (a fresh router's first lookups on a
# loaded machine): it is reported, not failed.
check_decisions() { # workload first-line-of-router.log
  local w=$1 from=$2 want decisions late counts
  case $w in warm) want=row-matched ;; cold) want=value-not-found ;; esac
  decisions=$(tail -n "+$((from + 1))" "$OUT/router.log" | grep ' decision: ' || true)
  late=$(grep -c 'detail=no answer within' <<<"$decisions" || true)
  ((late == 0)) || echo "bench: $w: $late lookups missed their deadline and went to the default destination" >&2
  counts=$(grep -v 'detail=no answer within' <<<"$decisions" | grep -o 'reason=[a-z-]*' | sort | uniq -c | tr -s ' ' | paste -sd, -)
  if [[ -n $counts ]] && ! [[ $counts =~ ^\ ?[0-9]+\ reason=$want$ ]]; then
    echo "bench: $w: the router's decisions were not all reason=$want ($counts); see $OUT/router.log" >&2
    return 1
  fi
}

# The markdown table, with p50 and p99 ratios against the plain, null and DIY rows of the same rate.
print_table() { # results.tsv
  awk -F'\t' '
    { row[NR] = $0; rate[NR] = $1; w[NR] = $2; p50[$1, $2] = $5; p99[$1, $2] = $6 }
    function ratios(r, base, i) {
      if (!((r, base) in p50) || p50[r, base] == "-" || $5 == "-") return "-"
      a = (p50[r, base] + 0 > 0) ? sprintf("%.1fx", $5 / p50[r, base]) : "-"
      b = (p99[r, base] + 0 > 0) ? sprintf("%.1fx", $6 / p99[r, base]) : "-"
      return a " / " b
    }
    END {
      names["plain"] = "plain dialplan"; names["null"] = "null Stasis app"; names["warm"] = "router, warm cache"
      names["cold"] = "router, cold (new callers)"; names["diy"] = "DIY CURL() + JSON_DECODE"
      print "| calls/s | workload | calls ok | failed | p50 ms | p99 ms | app CPU ms/call | Asterisk CPU ms/call | app RSS MB | p50 / p99 vs plain | vs null | vs DIY |"
      print "|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
      for (i = 1; i <= NR; i++) {
        $0 = row[i]
        printf "| %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |\n", $1, names[$2], $3, $4, $5, $6, $7, $8, $9,
          ratios($1, "plain"), ratios($1, "null"), ratios($1, "diy")
      }
    }' "$1"
}

# How many channels the Stasis application holds now (GET /ari/applications/{app}).
app_channels() { # app
  curl -s -K - "http://127.0.0.1:$ASTERISK_HTTP_PORT/ari/applications/$1" <<<"user = \"crmrouter:$ARI_PASSWORD\"" |
    tr -d '\n' | sed -n 's/.*"channel_ids":\[\([^]]*\)\].*/\1/p' | tr ',' '\n' | grep -c . || true
}

# The "held" workload: calls to an IVR rule without greeting that waits up to 60 s for a first digit, so
# every call stays in the router's Stasis application until SIPp hangs up (after all calls are in, plus
# 10 s). While they arrive, samples how many channels the application holds and the router's RSS.
run_held() { # rate calls
  local rate=$1 n=$2 dir="$OUT/held-$1" hold sipp_pid peak=0 rss0 rss_peak=0 in_app rss ok failed
  rm -rf "$dir"
  mkdir -p "$dir"
  callers_file "$dir/callers.csv" 1
  hold=$((n * 1000 / rate + 10000))
  wait_idle
  rss0=$(rss_mb "${PIDS[router]}")
  echo "bench: held at $rate calls/s, $n calls, each up $((hold / 1000)) s" >&2
  hold_ms=$hold sipp_run "$dir" 5559001 "$dir/callers.csv" "$rate" "$n" &
  sipp_pid=$!
  while kill -0 "$sipp_pid" 2>/dev/null; do
    in_app=$(app_channels crmrouter)
    rss=$(rss_mb "${PIDS[router]}")
    ((in_app > peak)) && peak=$in_app
    ((rss > rss_peak)) && rss_peak=$rss
    sleep 0.5
  done
  wait "$sipp_pid" || true
  wait_idle
  ok=$(stat_value "$dir/stat.csv" "SuccessfulCall(C)")
  failed=$(stat_value "$dir/stat.csv" "FailedCall(C)")
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$rate" "$n" "$ok" "$failed" "$peak" "$rss0" "$rss_peak" >>"$OUT/held.tsv"
  if ((ok < n || peak < n)); then
    echo "bench: held at $rate calls/s: $ok of $n calls succeeded, at most $peak were in the application at once (see $dir/sipp.log)" >&2
    return 1
  fi
}

print_held_table() { # held.tsv
  echo "| calls/s | calls held | calls ok | failed | in the Stasis app at the peak | router RSS MB before | router RSS MB, peak |"
  echo "|---:|---:|---:|---:|---:|---:|---:|"
  awk -F'\t' '{ printf "| %s | %s | %s | %s | %s | %s | %s |\n", $1, $2, $3, $4, $5, $6, $7 }' "$1"
}
