#!/usr/bin/env bash
# Builds the solution with warnings as errors, then runs one tier of tests:
#   scripts/test.sh [unit|integration|e2e|installed|all]        (default: all)
#     unit        tests/AriCrmRouter.{Routing,Ari,Crm,Service}.Tests (in-process, no services)
#     integration tests/AriCrmRouter.{Storage,Cli}.Tests, tests/AriCrmRouter.IntegrationTests and
#                 tests/AriCrmRouter.WebTests (a real Redis that the tests start, and the web admin in
#                 Debian's /usr/bin/chromium driven by Playwright: runs scripts/setup.sh)
#     e2e         tests/AriCrmRouter.EndToEndTests      (needs Redis, Asterisk, SIPp and, for the web admin's
#                 Recent calls scenario, /usr/bin/chromium: setup.sh), then
#                 scripts/bench.sh --smoke and scripts/ha-load.sh --smoke (skipped with TEST_FILTER, or with
#                 TEST_BENCH_SMOKE=0 / TEST_HA_SMOKE=0)
#     installed   scripts/install.sh into a temporary --destdir (twice: it must be idempotent), then the
#                 end-to-end smoke (OperationsTests, DID routing) through the installed router and admin
#                 CLI, then scripts/uninstall.sh --purge; "all" ends with it
# TRX results go to artifacts/test-results/. The last line is "N passed, N failed"; the exit
# code is non-zero when a build or test fails, or when no test ran at all.
#   TEST_CONFIGURATION [Release]   TEST_FILTER  (passed to dotnet test --filter)
set -euo pipefail
REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$REPO"
tier=${1:-all}
CONFIG=${TEST_CONFIGURATION:-Release}
RESULTS="$REPO/artifacts/test-results"

unit=(Routing Ari Crm Service)
integration=(Storage Cli)
projects=()
add() { [[ -f $1 ]] || { echo "test: missing test project $1" >&2; exit 1; }; projects+=("$1"); }
needs_stack=0
installed_smoke=0
case $tier in
  unit) for u in "${unit[@]}"; do add "tests/AriCrmRouter.$u.Tests/AriCrmRouter.$u.Tests.csproj"; done ;;
  integration)
    for u in "${integration[@]}"; do add "tests/AriCrmRouter.$u.Tests/AriCrmRouter.$u.Tests.csproj"; done
    add tests/AriCrmRouter.IntegrationTests/AriCrmRouter.IntegrationTests.csproj
    add tests/AriCrmRouter.WebTests/AriCrmRouter.WebTests.csproj
    needs_stack=1 ;;
  e2e) add tests/AriCrmRouter.EndToEndTests/AriCrmRouter.EndToEndTests.csproj; needs_stack=1 ;;
  installed) needs_stack=1; installed_smoke=1 ;;
  all)
    for u in "${unit[@]}" "${integration[@]}"; do add "tests/AriCrmRouter.$u.Tests/AriCrmRouter.$u.Tests.csproj"; done
    add tests/AriCrmRouter.IntegrationTests/AriCrmRouter.IntegrationTests.csproj
    add tests/AriCrmRouter.WebTests/AriCrmRouter.WebTests.csproj
    add tests/AriCrmRouter.EndToEndTests/AriCrmRouter.EndToEndTests.csproj
    needs_stack=1; installed_smoke=1 ;;
  *) echo "usage: scripts/test.sh [unit|integration|e2e|installed|all]" >&2; exit 2 ;;
esac

if ((needs_stack)); then
  if [[ $(id -u) -eq 0 ]]; then
    ASTERISK_ROOT=$("$REPO/scripts/setup.sh" | tail -n 1)
    export ASTERISK_ROOT
  else
    echo "test: not root - skipping scripts/setup.sh (Redis/Asterisk/SIPp must already be installed)" >&2
  fi
fi
export ARICRMROUTER_REPO_ROOT="$REPO"
# The browser tests need Debian's chromium; in CI its absence is an error here, not a quiet pass.
if [[ $tier == integration || $tier == e2e || $tier == all ]] && [[ ! -x /usr/bin/chromium ]]; then
  echo "test: /usr/bin/chromium is missing (apt-get install -y chromium; scripts/setup.sh installs it)" >&2
  if [[ ${CI:-} == true ]]; then echo "0 passed, 0 failed"; exit 1; fi
fi

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
echo "test: dotnet build -warnaserror ($CONFIG)" >&2
if ! dotnet build "$REPO/AriCrmRouter.sln" -c "$CONFIG" -warnaserror -nologo -clp:ErrorsOnly; then
  echo "test: build failed" >&2
  echo "0 passed, 0 failed"
  exit 1
fi

rm -rf "$RESULTS"
mkdir -p "$RESULTS"
status=0
for p in "${projects[@]}"; do
  name=$(basename "$p" .csproj)
  echo "test: $name" >&2
  args=(test "$p" -c "$CONFIG" --no-build --nologo --results-directory "$RESULTS" --logger "trx;LogFileName=$name.trx" --logger "console;verbosity=normal")
  [[ -n ${TEST_FILTER:-} ]] && args+=(--filter "$TEST_FILTER")
  dotnet "${args[@]}" || status=1
done

# The benchmark's smoke (a few calls per workload; timing is never judged) keeps scripts/bench.sh working.
# It runs with the e2e tier unless a TEST_FILTER narrows the run or TEST_BENCH_SMOKE=0.
if [[ $tier == e2e || $tier == all ]] && [[ -z ${TEST_FILTER:-} && ${TEST_BENCH_SMOKE:-1} != 0 ]]; then
  echo "test: scripts/bench.sh --smoke" >&2
  if ! bash "$REPO/scripts/bench.sh" --smoke --no-build --configuration "$CONFIG" --out "$REPO/artifacts/bench-smoke"; then
    echo "test: the benchmark smoke failed (logs in artifacts/bench-smoke)" >&2
    status=1
  fi
fi

# The high-availability load test's CI version (two routers on two Asterisks, router killed and restarted, Redis
# master killed, router SIGTERM under load): fails on a lost, stuck or misrouted call; timing is reported, not judged.
if [[ $tier == e2e || $tier == all ]] && [[ -z ${TEST_FILTER:-} && ${TEST_HA_SMOKE:-1} != 0 ]]; then
  echo "test: scripts/ha-load.sh --smoke" >&2
  if ! bash "$REPO/scripts/ha-load.sh" --smoke --no-build --configuration "$CONFIG" --out "$REPO/artifacts/ha-load-smoke"; then
    echo "test: the high-availability load smoke failed (logs in artifacts/ha-load-smoke)" >&2
    status=1
  fi
fi

# The end-to-end smoke through an installation made by scripts/install.sh (as on a PBX, but staged).
if ((installed_smoke)); then
  stage=$(mktemp -d /tmp/crmrouter-installed.XXXXXX)
  echo "test: scripts/install.sh --destdir $stage" >&2
  if bash "$REPO/scripts/install.sh" --destdir "$stage" && bash "$REPO/scripts/install.sh" --destdir "$stage" --no-build \
    && [[ -x $stage/opt/crmrouter/router/crmrouter && -x $stage/usr/local/bin/crmrouter-admin ]] \
    && [[ $(stat -c %a "$stage/etc/crmrouter/crmrouter.env") == 600 ]]; then
    smoke_filter=${TEST_FILTER:-"FullyQualifiedName~OperationsTests|FullyQualifiedName~DidRoutingTests.Equals_"}
    echo "test: end-to-end smoke through the installed binaries ($smoke_filter)" >&2
    CRMROUTER_INSTALLED_PREFIX="$stage/opt/crmrouter" dotnet test tests/AriCrmRouter.EndToEndTests/AriCrmRouter.EndToEndTests.csproj \
      -c "$CONFIG" --no-build --nologo --results-directory "$RESULTS" --filter "$smoke_filter" \
      --logger "trx;LogFileName=AriCrmRouter.EndToEndTests.installed.trx" --logger "console;verbosity=normal" || status=1
    bash "$REPO/scripts/uninstall.sh" --destdir "$stage" --purge || status=1
    if [[ -e $stage/opt/crmrouter || -e $stage/etc/crmrouter || -e $stage/usr/local/bin/crmrouter-admin ]]; then
      echo "test: uninstall.sh left files behind in $stage" >&2
      status=1
    fi
  else
    echo "test: installing into $stage failed" >&2
    status=1
  fi
  rm -rf "$stage"
fi

# Sum the TRX counters: <Counters total=".." executed=".." passed=".." failed=".." ...>
passed=0 failed=0
shopt -s nullglob
for trx in "$RESULTS"/*.trx; do
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -n 1 || true)
  p=$(sed -n 's/.* passed="\([0-9]*\)".*/\1/p' <<<"$counters")
  f=$(sed -n 's/.* failed="\([0-9]*\)".*/\1/p' <<<"$counters")
  e=$(sed -n 's/.* error="\([0-9]*\)".*/\1/p' <<<"$counters")
  t=$(sed -n 's/.* timeout="\([0-9]*\)".*/\1/p' <<<"$counters")
  a=$(sed -n 's/.* aborted="\([0-9]*\)".*/\1/p' <<<"$counters")
  passed=$((passed + ${p:-0}))
  failed=$((failed + ${f:-0} + ${e:-0} + ${t:-0} + ${a:-0}))
done
echo "$passed passed, $failed failed"
if ((failed > 0 || status != 0)); then exit 1; fi
if ((passed == 0)); then echo "test: no tests ran" >&2; exit 1; fi
