#!/usr/bin/env bash
# The whole performance report in one run; build/bench.sh --report starts the stack and calls it with the API's URL
# (it also runs against a stack already started by build/run.sh: build/bench-report.sh http://127.0.0.1:5080).
#
#   1. reserve over HTTP with wrk: 5,000 tokens x 20 products of 1,000,000 units, 15 s warm-up, then -t1 -c50 -d10s
#   2. the same on one hot product
#   3. the gate beside redis-benchmark running the one-request reserve script (Reservations.Load gate-vs-redis)
#   4. the one-key ceiling: redis-benchmark -c 50 -n 400000 of a script that reads one key and decrements it, on a
#      private redis-server without persistence, interleaved with the HTTP run of 1: (wrk, ceiling) x 3
#   5. Redis bytes per live hold (Reservations.Load gate --holds 100000), purchases persisted per second
#      (Reservations.Load persist)
# 3 and 5 run first, then 1 with 4, then 2.
#
# Writes summary.md, results.json and every tool's raw output to .local/bench/<timestamp>/. Targets are printed beside
# the figures, not enforced: the exit code is 1 only when a step fails. Loopback only; bounded in requests and time.
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
cd "$ROOT"
URL="${1:?usage: build/bench-report.sh URL}"
LOAD_DLL="$ROOT/tests/Load/bin/Release/net10.0/Reservations.Load.dll"
WORKER_DLL="$ROOT/src/Worker/bin/Release/net10.0/Reservations.Worker.dll"
OUT="$ROOT/.local/bench/$(date -u +%Y%m%d-%H%M%S)"
RAW="$OUT/raw"
WRK="wrk -t1 -c50 -d10s --latency"
WARM_UP="wrk -t1 -c50 -d15s"
ROUNDS=3
CEILING_REQUESTS=400000
# Reads one key and decrements it: the least a reserve must do, so the most reserves one Redis core could answer.
CEILING_SCRIPT="local n = tonumber(redis.call('GET', KEYS[1])) if n and n > 0 then return redis.call('DECR', KEYS[1]) end return -1"

log() { echo "bench-report: $*" >&2; }
die() {
  echo "bench-report: error: $*" >&2
  exit 1
}

# Debian's packages for what a fresh machine may lack.
declare -A package=([wrk]=wrk [redis-benchmark]=redis-tools [redis-cli]=redis-tools [redis-server]=redis-server [jq]=jq)
for tool in "${!package[@]}"; do
  if ! command -v "$tool" >/dev/null; then
    log "installing ${package[$tool]} with apt-get (for $tool)"
    apt=(env DEBIAN_FRONTEND=noninteractive apt-get)
    ((EUID == 0)) || apt=(sudo -n "${apt[@]}")
    { "${apt[@]}" install -y "${package[$tool]}" || { "${apt[@]}" update && "${apt[@]}" install -y "${package[$tool]}"; }; } >&2 ||
      die "$tool is missing and apt-get could not install ${package[$tool]}"
  fi
done
command -v dotnet >/dev/null || die "dotnet is missing: install the .NET 10 SDK"
[[ -f "$LOAD_DLL" && -f "$WORKER_DLL" ]] || die "build the solution in Release first (build/run.sh does)"
eval "$(build/services.sh env)"
[[ "$ConnectionStrings__Redis" =~ ^[^:,]+:[0-9]+$ ]] || die "the report needs one Redis as host:port, not '$ConnectionStrings__Redis'"
mkdir -p "$RAW"
failed=()
load_before="$(cut -d' ' -f1-3 /proc/loadavg)"

ceiling_pid=""
stop_ceiling() {
  if [[ -n "$ceiling_pid" ]] && kill -0 "$ceiling_pid" 2>/dev/null; then
    kill -TERM "$ceiling_pid" 2>/dev/null || true
    wait "$ceiling_pid" 2>/dev/null || true
  fi
}
trap stop_ceiling EXIT

free_port() {
  local port
  for port in $(seq 26379 26479); do
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
      echo "$port"
      return
    fi
  done
  die "no free port in 26379-26479"
}

# A wrk output file as JSON: requests/s, percentiles (from build/wrk/reserve.lua's summary), non-2xx, socket errors.
wrk_json() {
  local file="$1" latency errors
  latency="$(sed -nE 's/^p50 ([0-9.]+) ms, p90 [0-9.]+ ms, p99 ([0-9.]+) ms, p99\.9 ([0-9.]+) ms.*/\1 \2 \3/p' "$file")"
  errors="$(sed -nE 's/^non-2xx or socket errors: [0-9]+ non-2xx, ([0-9]+) connect, ([0-9]+) read, ([0-9]+) write, ([0-9]+) timeout$/\1 \2 \3 \4/p' "$file")"
  read -r p50 p99 p999 <<<"$latency"
  read -r e1 e2 e3 e4 <<<"$errors"
  jq -n --argjson rps "$(awk '/^Requests\/sec:/ { print $2 }' "$file")" \
    --argjson requests "$(awk '/ requests in / { print $1 }' "$file")" \
    --argjson non2xx "$(awk -F': *' '/Non-2xx or 3xx responses/ { n = $2 } END { print n + 0 }' "$file")" \
    --argjson p50 "$p50" --argjson p99 "$p99" --argjson p999 "$p999" --argjson socket_errors "$((e1 + e2 + e3 + e4))" \
    '{requests_per_s: $rps, requests: $requests, p50_ms: $p50, p99_ms: $p99, p99_9_ms: $p999, non_2xx: $non2xx, socket_errors: $socket_errors}'
}

# wrk-setup into $OUT/<name>, the warm-up (not measured), then prints the data folder.
prepare_wrk() {
  local name="$1" products="$2" data="$OUT/$1"
  log "$name: $products product(s) of 1,000,000 units, 5,000 customer tokens"
  dotnet "$LOAD_DLL" wrk-setup --url "$URL" --customers 5000 --products "$products" --stock 1000000 --hold-seconds 60 \
    --out "$data" >"$RAW/$name-setup.txt"
  log "$name: warm-up, $WARM_UP (not measured)"
  RESERVATIONS_WRK_DATA="$data" $WARM_UP -s build/wrk/reserve.lua "$URL" >"$RAW/$name-warm-up.txt"
  echo "$data"
}

run_wrk() {
  local data="$1" file="$2"
  log "$WRK ($(basename "$data"))"
  RESERVATIONS_WRK_DATA="$data" $WRK -s build/wrk/reserve.lua "$URL" >"$file"
  wrk_json "$file"
}

run_ceiling() {
  local file="$1"
  log "ceiling: redis-benchmark -c 50 -n $CEILING_REQUESTS EVALSHA (read one key, decrement it)"
  redis-benchmark -h 127.0.0.1 -p "$ceiling_port" -c 50 -n "$CEILING_REQUESTS" --csv EVALSHA "$ceiling_sha" 1 ceiling >"$file"
  tail -n 1 "$file" | cut -d, -f2 | tr -d '"'
}

median() { printf '%s\n' "$@" | sort -g | sed -n "$((($# + 1) / 2))p"; }

# 3 and 5 need no HTTP: the stack's own Redis (appendfsync always), under key prefixes of their own. They run first,
# while Redis holds none of wrk's holds: those expire after 60 s, and the Worker releasing them during the memory
# measurement would make a live hold look smaller.
log "the gate beside redis-benchmark (Reservations.Load gate-vs-redis --requests 100000)"
dotnet "$LOAD_DLL" gate-vs-redis --redis "$ConnectionStrings__Redis" --requests 100000 >"$RAW/gate-vs-redis.txt" || failed+=(gate-vs-redis)
log "Redis bytes per live hold (Reservations.Load gate --holds 100000)"
dotnet "$LOAD_DLL" gate --redis "$ConnectionStrings__Redis" --holds 100000 >"$RAW/gate-holds.txt" || failed+=(gate)
log "purchases persisted per second (Reservations.Load persist)"
dotnet "$LOAD_DLL" persist --redis "$ConnectionStrings__Redis" --postgres "$ConnectionStrings__Postgres" \
  --worker "$WORKER_DLL" >"$RAW/persist.txt" || failed+=(persist)

# 1 and 4: the HTTP reserve rate, interleaved with the ceiling so that both see the same load on the machine.
ceiling_port="$(free_port)"
redis-server --bind 127.0.0.1 --port "$ceiling_port" --save "" --appendonly no --dir "$OUT" \
  >"$RAW/ceiling-redis-server.txt" 2>&1 &
ceiling_pid=$!
until redis-cli -p "$ceiling_port" ping >/dev/null 2>&1; do
  kill -0 "$ceiling_pid" 2>/dev/null || die "the private redis-server did not start (port $ceiling_port)"
  sleep 0.2
done
ceiling_sha="$(redis-cli -p "$ceiling_port" script load "$CEILING_SCRIPT")"
redis-cli -p "$ceiling_port" set ceiling 1000000000 >/dev/null

products20="$(prepare_wrk wrk-20-products 20)"
rounds="[]"
for round in $(seq "$ROUNDS"); do
  http="$(run_wrk "$products20" "$RAW/round-$round-http.txt")"
  ceiling="$(run_ceiling "$RAW/round-$round-ceiling.csv")"
  rounds="$(jq -c --argjson http "$http" --argjson ceiling "$ceiling" --argjson round "$round" \
    --arg load "$(cut -d' ' -f1 /proc/loadavg)" \
    '. + [{round: $round, http: $http, ceiling_per_s: $ceiling, ratio: ($http.requests_per_s / $ceiling), load_average_1m: $load}]' <<<"$rounds")"
  log "round $round: $(jq -r '.[-1] | "\(.http.requests_per_s) reserves/s over HTTP, ceiling \(.ceiling_per_s)/s, ratio \(.ratio * 1000 | round / 1000)"' <<<"$rounds")"
done
stop_ceiling

# 2
products1="$(prepare_wrk wrk-1-product 1)"
hot="$(run_wrk "$products1" "$RAW/hot-product-http.txt")"

number() { sed -nE "s/$2/\1/p" "$1" | head -n 1 | tr -d ',' | grep . || echo null; }
jq -n --arg date "$(date -u +%Y-%m-%dT%H:%M:%SZ)" --arg machine "$(nproc) cores, $(. /etc/os-release && echo "$PRETTY_NAME")" \
  --arg load_before "$load_before" --arg load_after "$(cut -d' ' -f1-3 /proc/loadavg)" \
  --argjson rounds "$rounds" --argjson hot "$hot" \
  --argjson redis_plain "$(number "$RAW/gate-vs-redis.txt" '^redis-benchmark EVALSHA reserve -c 50: +([0-9,.]+)\/s.*')" \
  --argjson gate_50 "$(number "$RAW/gate-vs-redis.txt" '^gate, 50 in flight: +([0-9,.]+)\/s.*')" \
  --argjson redis_pipelined "$(number "$RAW/gate-vs-redis.txt" '^redis-benchmark EVALSHA reserve -c 50 -P 16: +([0-9,.]+)\/s.*')" \
  --argjson gate_800 "$(number "$RAW/gate-vs-redis.txt" '^gate, 800 in flight: +([0-9,.]+)\/s.*')" \
  --argjson bytes "$(number "$RAW/gate-holds.txt" '.* = ([0-9,]+) bytes per live hold')" \
  --argjson persisted "$(number "$RAW/persist.txt" '^persist: ([0-9,]+) purchases\/s \(Worker start included\).*')" \
  --argjson persisted_first "$(number "$RAW/persist.txt" '.*, ([0-9,]+) purchases\/s from the first order')" \
  --argjson median_ratio "$(median $(jq -r '.[].ratio' <<<"$rounds"))" \
  --argjson median_rps "$(median $(jq -r '.[].http.requests_per_s' <<<"$rounds"))" \
  --arg failed "${failed[*]}" -f build/bench-report.jq >"$OUT/results.json"
jq -r -f build/bench-summary.jq "$OUT/results.json" >"$OUT/summary.md"
cat "$OUT/summary.md"
log "results in $OUT"
((${#failed[@]} == 0)) || die "failed: ${failed[*]} (see $RAW)"
