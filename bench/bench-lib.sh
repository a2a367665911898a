# Functions of scripts/bench.sh (sourced; uses its variables: REPO, OUT, STACK_NAME, ports, options).

say() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }
die() { echo "bench: $*" >&2; exit 1; }

declare -A PIDS=()
PICKED=" "
STACK_UP=0

# A free port in 20000-59999 that this run has not picked yet.
free_port() { # tcp|udp
  local flag=-ltn port i
  [[ $1 == udp ]] && flag=-lun
  for ((i = 0; i < 200; i++)); do
    port=$((20000 + RANDOM % 40000))
    [[ $PICKED == *" $port "* ]] && continue
    ss -H "$flag" "sport = :$port" 2>/dev/null | grep -q . && continue
    PICKED+="$port "
    echo "$port"; return
  done
  die "no free $1 port found"
}

ms_to_timespan() { printf '00:00:%02d.%03d' $(($1 / 1000)) $(($1 % 1000)); }

# Starts a background process in a directory with its output in a log; remembers its pid by name.
start_bg() { # name log dir command...
  local name=$1 log=$2 dir=$3
  shift 3
  (cd "$dir" && exec "$@" >"$log" 2>&1 </dev/null) &
  PIDS[$name]=$!
}

wait_for() { # what seconds command...
  local what=$1 seconds=$2 i
  shift 2
  for ((i = 0; i < seconds * 5; i++)); do
    "$@" 2>/dev/null && return 0
    sleep 0.2
  done
  die "$what did not come up within ${seconds}s (logs in $OUT)"
}

# Stops every process start_bg started: SIGTERM, then SIGKILL after 10 s.
stop_background() {
  local name pid i
  for name in "${!PIDS[@]}"; do
    pid=${PIDS[$name]}
    kill -TERM "$pid" 2>/dev/null || continue
    for ((i = 0; i < 100; i++)); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -KILL "$pid" 2>/dev/null || true
  done
}

# The run's output directory (absolute), packages and the Asterisk root, and the paths of the router, the admin
# CLI and the sample CRM of build configuration $configuration (CONFIG, ROUTER_DLL, ADMIN_DLL, CRM_DLL).
prepare_run() { # default-output-dir
  OUT=${out:-$1}
  mkdir -p "$OUT"
  OUT=$(cd "$OUT" && pwd)
  say "Setup (packages, Asterisk root)"
  "$REPO/scripts/setup.sh" >/dev/null
  command -v sipp >/dev/null || die "sipp is missing (scripts/setup.sh installs sip-tester)"
  CONFIG=$configuration
  ROUTER_DLL="$REPO/src/AriCrmRouter.Service/bin/$CONFIG/net10.0/crmrouter.dll"
  ADMIN_DLL="$REPO/src/AriCrmRouter.Cli/bin/$CONFIG/net10.0/crmrouter-admin.dll"
  CRM_DLL="$REPO/samples/AriCrmRouter.SampleCrm/bin/$CONFIG/net10.0/sample-crm.dll"
}

# Builds the projects (unless --no-build), then checks that every given program exists.
build_programs() { # "project ..." program.dll...
  local projects=$1 p f
  shift
  if ((build)); then
    say "Build ($CONFIG): $projects"
    for p in $projects; do
      dotnet build "$p" -c "$CONFIG" -nologo -v q -clp:ErrorsOnly >/dev/null || die "dotnet build $p failed"
    done
  fi
  for f in "$@"; do [[ -f $f ]] || die "missing $f (run without --no-build)"; done
}

cleanup() {
  stop_background
  if ((STACK_UP)); then "$REPO/scripts/stack.sh" down 2>>"$OUT/stack.log" || true; fi
}

# CPU time (user + system) of a process in milliseconds.
cpu_ms() { # pid
  local ticks
  ticks=$(sed 's/^.*) //' "/proc/$1/stat" | awk '{ print $12 + $13 }')
  echo $((ticks * 1000 / CLK_TCK))
}
CLK_TCK=$(getconf CLK_TCK)

rss_mb() { awk '/^VmRSS:/ { printf "%.0f", $2 / 1024 }' "/proc/$1/status"; }

# Waits until Asterisk has no call up, so one workload's hang-ups do not count against the next.
wait_idle() {
  local i count
  for ((i = 0; i < 50; i++)); do
    count=$("$REPO/scripts/stack.sh" rx "core show channels count" 2>/dev/null | awk '/active call/ { print $1 }')
    [[ ${count:-1} == 0 ]] && return 0
    sleep 0.2
  done
  echo "bench: warning: Asterisk still has ${count:-?} calls up" >&2
}

# Writes a SIPp injection file: one caller repeated, or count new callers from a running number.
callers_file() { # file count [first-unique-number]
  local file=$1 count=$2 first=${3:-} i
  {
    echo SEQUENTIAL
    if [[ -z $first ]]; then
      echo "15550100001;"  # GOLD in samples/AriCrmRouter.SampleCrm/data/customers.json
    else
      for ((i = 0; i < count; i++)); do printf '1555%07d;\n' $((first + i)); done
    fi
  } >"$file"
}

sipp_run() { # dir exten callers-file rate calls
  local dir=$1 exten=$2 inf=$3 rate=$4 n=$5
  (cd "$dir" && sipp "127.0.0.1:$ASTERISK_SIP_PORT" -sf "$REPO/bench/sipp/uac-bench.xml" -inf "$inf" -s "$exten" \
    -set hold_ms "$hold_ms" -i 127.0.0.1 -p "$SIPP_PORT" -mp "$SIPP_MEDIA_PORT" -r "$rate" -rp 1000 -m "$n" -l 5000 \
    -recv_timeout 30000 -timeout "$((n / rate + hold_ms / 1000 + 90))s" -timeout_error -nostdin \
    -trace_rtt -rtt_freq 1 -trace_stat -stf stat.csv -fd 1 -trace_err -error_file errors.log >sipp.log 2>&1)
}

# Column of the last line of SIPp's statistics CSV, by header name.
stat_value() { # file column
  awk -F';' -v col="$2" 'NR == 1 { for (i = 1; i <= NF; i++) if ($i == col) c = i } END { print (c ? $c : "") + 0 }' "$1"
}

# p50 and p99 (nearest rank) of the INVITE-to-200 times in SIPp's rtt trace, in ms.
percentiles() { # rtt-csv
  awk -F';' 'NR > 1 && $2 != "" { print $2 }' "$1" | sort -g |
    awk '{ v[NR] = $1 } END { if (NR == 0) { print "- -"; exit }
      p50 = int(NR * 0.50 + 0.999999); p99 = int(NR * 0.99 + 0.999999)
      printf "%.0f %.0f\n", v[p50], v[p99] }'
}

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
