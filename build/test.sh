#!/usr/bin/env bash
# The project's test command (CI runs it through .ci/run).
#
#   build/test.sh [--repeat N] [extra test arguments]
#
# Starts PostgreSQL, Redis and a local Redis Cluster (build/services.sh up --cluster), installs
# docker-compose when missing (the compose tests validate docker-compose.yml with it), builds Reservations.sln once, runs every
# xunit.v3 project under tests/ with `dotnet test` and ends with the line "N passed, N failed".
# Extra arguments go to every test run, e.g. build/test.sh --filter-class 'Reservations.UnitTests.*'
# --repeat N runs the whole suite N times on one build (to check that it is stable), prints each run's closing line
# with its duration, and ends with the sum over all runs.
#
# Counting: each run writes an xUnit.net v2+ XML report (--report-xunit-xml); the passed,
# failed and errors attributes of its <assembly> element are summed (errors count as failed).
# A project whose run produced no report counts as 1 failed.
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
cd "$ROOT"

RESULTS_DIR="$ROOT/.local/test-results"
# Per-project limit, in MTP's format; a hung test must not eat CI's whole budget.
TEST_TIMEOUT="${RESERVATIONS_TEST_TIMEOUT:-30m}"

export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1

log() { echo "test: $*" >&2; }

repeat=1
if [[ "${1:-}" == --repeat ]]; then
  [[ "${2:-}" =~ ^[1-9][0-9]*$ ]] || { log "--repeat takes a whole number of runs, e.g. --repeat 5"; exit 2; }
  repeat="$2"
  shift 2
fi

started_services=0
stop_services() {
  if ((started_services)); then
    started_services=0
    # The exported connection strings would make services.sh treat the servers as external.
    env -u ConnectionStrings__Postgres -u ConnectionStrings__Redis build/services.sh down || true
  fi
}
trap stop_services EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# Stop the services first so the count stays the very last line of output.
finish() {
  local passed="$1" failed="$2" rc="$3"
  stop_services
  echo "$passed passed, $failed failed"
  exit "$rc"
}

# Read an attribute of the first <assembly> element of an xUnit.net XML report.
assembly_attr() {
  local file="$1" name="$2" value
  value="$(grep -o '<assembly [^>]*>' "$file" | head -n 1 | grep -o " $name=\"[0-9]*\"" | grep -o '[0-9]\+' || true)"
  echo "${value:-0}"
}

# The Redis Cluster (3 primaries, 3 replicas) is for the cluster tests; the others use the single Redis.
# Services that were running before stay running; a cluster started here then stays too (services.sh down stops all).
if ! build/services.sh status 2>/dev/null; then
  started_services=1
fi
services_env="$(build/services.sh up --cluster)" || {
  log "could not start PostgreSQL/Redis/Redis Cluster"
  finish 0 0 1
}
eval "$services_env"

# The compose tests validate docker-compose.yml with Debian's docker-compose, which needs no Docker engine.
if ! command -v docker-compose >/dev/null; then
  log "installing docker-compose with apt-get"
  apt=(env DEBIAN_FRONTEND=noninteractive apt-get)
  ((EUID == 0)) || apt=(sudo -n "${apt[@]}")
  { "${apt[@]}" update && "${apt[@]}" install -y docker-compose; } >&2 ||
    log "could not install docker-compose; the compose tests will fail and say so"
fi

# The browser tests drive Debian's chromium through Playwright (Playwright's own browser download cannot work here).
if ! command -v chromium >/dev/null; then
  log "installing chromium with apt-get"
  apt=(env DEBIAN_FRONTEND=noninteractive apt-get)
  ((EUID == 0)) || apt=(sudo -n "${apt[@]}")
  { "${apt[@]}" update && "${apt[@]}" install -y chromium; } >&2 ||
    log "could not install chromium; the browser tests will fail and say so"
fi

(cd tests/Integration/OpenApi/lint && npm ci --no-audit --no-fund) >&2 || log "npm ci failed in tests/Integration/OpenApi/lint; the OpenAPI lint test will fail and say so"
log "building Reservations.sln (Release)"
if ! dotnet build Reservations.sln -c Release; then
  log "build failed"
  finish 0 0 1
fi

projects=()
while IFS= read -r csproj; do
  if grep -Eq '<PackageReference[^>]*Include="xunit\.v3(\.mtp-v[0-9]+)?"' "$csproj"; then
    projects+=("$csproj")
  else
    log "skipping $csproj (not an xunit.v3 test project)"
  fi
done < <(find tests -name '*.csproj' | sort)

if ((${#projects[@]} == 0)); then
  log "no test projects found under tests/"
  finish 0 0 1
fi

ansi=()
[[ -t 1 ]] || ansi=(--no-ansi --no-progress)

total_passed=0
total_failed=0
total_skipped=0
broken=()

# Runs every test project once, adding to the totals; prints the run's own count.
run_suite() {
  local run="$1" run_passed=0 run_failed=0 started=$SECONDS
  shift
  for csproj in "${projects[@]}"; do
    local name out report rc passed failed skipped
    name="$(basename "$csproj" .csproj)"
    out="$RESULTS_DIR/$name"
    ((repeat == 1)) || out="$RESULTS_DIR/run-$run/$name"
    report="$out/$name.xml"
    rm -rf "$out"
    mkdir -p "$out"

    log "running $name ($csproj)"
    rc=0
    dotnet test --project "$csproj" -c Release --no-build "${ansi[@]}" \
      --results-directory "$out" --report-xunit-xml --report-xunit-xml-filename "$name.xml" \
      --timeout "$TEST_TIMEOUT" "$@" || rc=$?

    if [[ ! -s "$report" ]]; then
      log "$name: no test report ($report), exit code $rc; counted as 1 failed"
      run_failed=$((run_failed + 1))
      broken+=("$name")
      continue
    fi

    passed="$(assembly_attr "$report" passed)"
    failed=$(($(assembly_attr "$report" failed) + $(assembly_attr "$report" errors)))
    skipped="$(assembly_attr "$report" skipped)"
    run_passed=$((run_passed + passed))
    run_failed=$((run_failed + failed))
    total_skipped=$((total_skipped + skipped))
    echo "==> $name: $passed passed, $failed failed, $skipped skipped (exit code $rc)"

    # Exit code 8 means no test ran; with a filter that can be expected of one project.
    if ((rc != 0)) && ! ((rc == 8 && $# > 0 && failed == 0)); then
      broken+=("$name")
    fi
  done

  total_passed=$((total_passed + run_passed))
  total_failed=$((total_failed + run_failed))
  run_lines+=("run $run of $repeat: $run_passed passed, $run_failed failed in $((SECONDS - started)) s")
  ((repeat == 1)) || echo "==> ${run_lines[-1]}"
}

run_lines=()
for ((run = 1; run <= repeat; run++)); do
  run_suite "$run" "$@"
done
if ((repeat > 1)); then
  printf '==> %s\n' "${run_lines[@]}"
fi

rc=0
if ((${#broken[@]} > 0)); then
  log "failed: ${broken[*]}"
  rc=1
fi
if ((total_failed > 0)); then
  rc=1
fi
if ((total_passed + total_failed == 0)); then
  log "no test ran"
  rc=1
fi
((total_skipped == 0)) || log "$total_skipped skipped"
finish "$total_passed" "$total_failed" "$rc"
