# Run helpers shared by scripts/bench.sh and scripts/ha-load.sh (sourced; uses their variables: REPO, OUT, STACK_NAME, ports, options).

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
