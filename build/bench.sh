#!/usr/bin/env bash
# Flash-sale benchmark: starts the whole stack as build/run.sh does (Release build, PostgreSQL, Redis, WebApi,
# Worker), runs the load simulator's standard scenario against it over HTTP, prints summary.md and stops everything.
#
#   build/bench.sh [simulator options]    e.g. build/bench.sh --duration 10 --concurrency 32
#   build/bench.sh --wrk [wrk options]    raw reserve throughput with wrk (default -t1 -c50 -d10s), comparable with
#                                         other implementations measured the same way
#   build/bench.sh --report               every figure in one run (build/bench-report.sh): reserve over HTTP with wrk, the
#                                         same on one hot product, HTTP against a one-key Redis ceiling in 3 interleaved
#                                         rounds, the gate beside redis-benchmark, bytes per live hold, purchases
#                                         persisted/s; summary.md and results.json with the targets beside the figures
#   build/bench.sh --cluster [--wrk|simulator options]
#                                         the same on the local Redis Cluster (build/run.sh --cluster)
#   build/bench.sh --gate                 no HTTP, only Redis: the gate beside redis-benchmark running its reserve
#                                         script, Redis memory per live hold (100,000 holds), and a sale straight at
#                                         the gate (stock for every reserve) with appendfsync always, then everysec
#                                         (the setting is put back as it was)
#   build/bench.sh --stream [options]    live availability: 5,000 subscribers (HTTP/1.1) to one product's stream while
#                                         reserves and releases of it run; events/s, the delay from each event's `at`
#                                         to its delivery, and from a change (a probe's reserve) to its delivery,
#                                         p50/p99/max (options: dotnet <Load dll> stream --help)
#   build/bench.sh --persist [--purchases N]
#                                         no HTTP: N purchases (20,000) of one product waiting in the stream, then a
#                                         Worker process timed until every one is in PostgreSQL (purchases/s)
#
# Standard scenario: 10,000 customers, 20 products x 500 units, 64 requests in flight, 30 s (or 20,000 reserves).
# Results: .local/bench/<timestamp>/ (results.json, summary.md, throughput.png, latency.png).
# Options: dotnet <Load dll> sale --help (e.g. --signing-key KEY signs the tokens instead of /api/dev/tokens).
# The wrk run spreads reserves over 5,000 customer tokens and 20 products of 1,000,000 units (build/wrk/reserve.lua);
# its holds last 60 s, then the Worker releases them. Both runs write into the local PostgreSQL and Redis of
# build/services.sh: run build/test.sh once the Redis is quiet again (many expiring keys delay expiry events).
# Binds to loopback only (RESERVATIONS_URL overrides http://127.0.0.1:5080); bounded in requests and time.
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
cd "$ROOT"
URL="${RESERVATIONS_URL:-http://127.0.0.1:5080}"
URL="${URL%/}"
LOG="$ROOT/.local/logs/bench-run.log"
LOAD_DLL="$ROOT/tests/Load/bin/Release/net10.0/Reservations.Load.dll"
READY_TIMEOUT=600

log() { echo "bench: $*" >&2; }
die() {
  echo "bench: error: $*" >&2
  exit 1
}

run_args=()
if [[ "${1:-}" == --cluster ]]; then
  run_args=(--cluster)
  shift
  [[ "${1:-}" != --report ]] || die "--report measures the single Redis"
  [[ "${1:-}" != --gate ]] || die "--gate measures the single Redis; for the cluster run the simulator with --mode gate --redis <its nodes>"
fi

# The gate and persistence runs need only the servers: started here unless they run already, and then stopped at the end.
started_services=0
start_services() {
  build/services.sh status 2>/dev/null || started_services=1
  services_env="$(build/services.sh up)" || die "could not start PostgreSQL/Redis"
  eval "$services_env"
}
stop_started_services() {
  if ((started_services)); then
    env -u ConnectionStrings__Postgres -u ConnectionStrings__Redis build/services.sh down || true
  fi
}

# The gate runs need only Redis: no API, no Worker, no PostgreSQL traffic. Each uses a key prefix of its own and removes
# its keys at the end; the fsync comparison puts appendfsync back as it found it, even when it fails.
if [[ "${1:-}" == --gate ]]; then
  command -v redis-benchmark >/dev/null || die "redis-benchmark is missing: apt-get install -y redis-tools"
  fsync_before=""
  finish_gate() {
    if [[ -n "$fsync_before" ]]; then
      redis-cli -h "$host" -p "$port" config set appendfsync "$fsync_before" >/dev/null || true
    fi
    stop_started_services
  }
  trap finish_gate EXIT
  start_services
  log "building tests/Load (Release)"
  dotnet build tests/Load/Load.csproj -c Release -v quiet -nologo >/dev/null || die "build failed"
  # The Redis of build/services.sh is host:port; a configuration string with options is not supported here.
  redis="$ConnectionStrings__Redis"
  [[ "$redis" =~ ^[^:,]+:[0-9]+$ ]] || die "--gate needs ConnectionStrings__Redis as host:port, not '$redis'"
  host="${redis%%:*}" port="${redis##*:}"
  fsync_before="$(redis-cli -h "$host" -p "$port" config get appendfsync | tail -n 1)"
  log "the gate beside redis-benchmark (EVALSHA of the reserve script, 50 clients, with and without -P 16)"
  dotnet "$LOAD_DLL" gate-vs-redis --redis "$redis" --requests 100000
  log "Redis memory per live hold"
  dotnet "$LOAD_DLL" gate --redis "$redis" --holds 100000
  # Stock for every reserve (20 products x 100,000 units), so that each request writes: what fsync costs is per write.
  for fsync in always everysec; do
    redis-cli -h "$host" -p "$port" config set appendfsync "$fsync" >/dev/null
    log "a sale straight at the gate with stock for every reserve, appendfsync $fsync"
    dotnet "$LOAD_DLL" sale --mode gate --redis "$redis" --stock 100000 --requests 50000 \
      --out "$ROOT/.local/bench/gate-$fsync-$(date -u +%Y%m%d-%H%M%S)"
  done
  exit 0
fi

# The persistence run makes a database and a key prefix of its own and removes them at the end.
if [[ "${1:-}" == --persist ]]; then
  shift
  trap stop_started_services EXIT
  start_services
  log "building tests/Load and the Worker (Release)"
  dotnet build tests/Load/Load.csproj -c Release -v quiet -nologo >/dev/null || die "build failed"
  dotnet build src/Worker/Worker.csproj -c Release -v quiet -nologo >/dev/null || die "build failed"
  log "purchases of one product persisted by one Worker"
  dotnet "$LOAD_DLL" persist --redis "$ConnectionStrings__Redis" --postgres "$ConnectionStrings__Postgres" \
    --worker "$ROOT/src/Worker/bin/Release/net10.0/Reservations.Worker.dll" "$@"
  exit 0
fi

if curl -s -o /dev/null --max-time 2 "$URL/health/live"; then
  die "something already answers at $URL; stop it (or set RESERVATIONS_URL) so that the benchmark measures its own stack"
fi
mkdir -p "$(dirname "$LOG")"
log "starting the stack with build/run.sh ${run_args[*]} (log $LOG)"
RESERVATIONS_URL="$URL" build/run.sh "${run_args[@]}" >"$LOG" 2>&1 &
run_pid=$!

# run.sh stops the WebApi, the Worker and the services it started on SIGTERM (a background job ignores SIGINT).
stop_stack() {
  if kill -0 "$run_pid" 2>/dev/null; then
    log "stopping the stack"
    kill -TERM "$run_pid" 2>/dev/null || true
    wait "$run_pid" 2>/dev/null || true
  fi
}
trap stop_stack EXIT

deadline=$((SECONDS + READY_TIMEOUT))
until [[ "$(curl -s -o /dev/null -w '%{http_code}' --max-time 5 "$URL/health/ready" || true)" == 200 ]]; do
  if ! kill -0 "$run_pid" 2>/dev/null; then
    tail -n 30 "$LOG" >&2
    die "build/run.sh stopped before the API was ready"
  fi
  ((SECONDS < deadline)) || die "$URL/health/ready did not answer 200 within ${READY_TIMEOUT}s"
  sleep 1
done

[[ -f "$LOAD_DLL" ]] || die "$LOAD_DLL is missing (build/run.sh builds the solution in Release)"
if [[ "${1:-}" == --report ]]; then
  build/bench-report.sh "$URL"
elif [[ "${1:-}" == --wrk ]]; then
  shift
  command -v wrk >/dev/null || die "wrk is missing: apt-get install -y wrk"
  data="$ROOT/.local/bench/wrk-$(date -u +%Y%m%d-%H%M%S)"
  log "minting 5,000 customer tokens and creating 20 products in $data"
  dotnet "$LOAD_DLL" wrk-setup --url "$URL" --customers 5000 --products 20 --stock 1000000 --hold-seconds 60 --out "$data"
  ((${#@})) || set -- -t1 -c50 -d10s
  # A freshly started .NET process compiles its hot paths again, optimised, during its first ~20 s under load: warm up
  # with the same load first, so that the measured run sees the steady state (the warm-up's figures are not shown).
  log "warm-up: wrk -t1 -c50 -d20s (not measured)"
  RESERVATIONS_WRK_DATA="$data" wrk -t1 -c50 -d20s -s "$ROOT/build/wrk/reserve.lua" "$URL" >/dev/null
  log "wrk $* (reserve)"
  RESERVATIONS_WRK_DATA="$data" wrk "$@" --latency -s "$ROOT/build/wrk/reserve.lua" "$URL"
elif [[ "${1:-}" == --stream ]]; then
  shift
  log "live availability: subscribers on one hot product while reserves run"
  dotnet "$LOAD_DLL" stream --url "$URL" "$@"
else
  log "running the flash sale"
  dotnet "$LOAD_DLL" sale --url "$URL" "$@"
fi
