#!/usr/bin/env bash
# Run Reservations locally: PostgreSQL + Redis, build, migrate, WebApi + Worker, demo data.
#
#   build/run.sh [--cluster]    (RESERVATIONS_URL overrides http://127.0.0.1:5080)
#
# --cluster runs WebApi and Worker on the local Redis Cluster of build/services.sh up --cluster (6 redis-server
# processes on loopback) instead of the single Redis.
# Ctrl-C stops the WebApi and the Worker, and the services if this script started them.
# Logs: .local/logs/webapi.log, .local/logs/worker.log, .local/logs/migrate.log
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
cd "$ROOT"

URL="${RESERVATIONS_URL:-http://127.0.0.1:5080}"
URL="${URL%/}"
LOG_DIR="$ROOT/.local/logs"
RUN_DIR="$ROOT/.local/run"
# The hosts read appsettings*.json from the working directory, so each runs in its output directory.
WEBAPI_DIR="$ROOT/src/WebApi/bin/Release/net10.0"
WORKER_DIR="$ROOT/src/Worker/bin/Release/net10.0"
WEBAPI_DLL="Reservations.WebApi.dll"
WORKER_DLL="Reservations.Worker.dll"
READY_TIMEOUT=60
STOP_TIMEOUT=15

export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1

log() { echo "run: $*" >&2; }
die() {
  echo "run: error: $*" >&2
  exit 1
}
usage() { echo "usage: build/run.sh [--cluster]    (RESERVATIONS_URL overrides http://127.0.0.1:5080)"; }

cluster=0
case "$#:${1:-}" in
  0:) ;;
  1:--cluster) cluster=1 ;;
  1:-h | 1:--help)
    usage
    exit 0
    ;;
  *)
    usage >&2
    exit 2
    ;;
esac
if ((cluster)) && [[ -n "${ConnectionStrings__Postgres:-}" && -n "${ConnectionStrings__Redis:-}" ]]; then
  die "--cluster starts the local Redis Cluster, but ConnectionStrings__Postgres and ConnectionStrings__Redis are set (build/services.sh would use those servers); unset them or drop --cluster"
fi

for tool in dotnet curl; do
  command -v "$tool" >/dev/null || die "$tool is required"
done

# True when the pid is alive and runs the given dll (guards against reused pids).
is_our_process() {
  local pid="$1" dll="$2"
  [[ "$pid" =~ ^[0-9]+$ ]] && [[ "$(tr '\0' ' ' 2>/dev/null <"/proc/$pid/cmdline")" == *"dotnet $dll"* ]]
}

stop_process() {
  local name="$1" pid="$2" dll="$3" deadline
  is_our_process "$pid" "$dll" || return 0
  log "stopping $name (pid $pid)"
  kill -TERM "$pid" 2>/dev/null || true
  deadline=$((SECONDS + STOP_TIMEOUT))
  while is_our_process "$pid" "$dll"; do
    if ((SECONDS >= deadline)); then
      log "$name (pid $pid) did not stop in ${STOP_TIMEOUT}s, killing it"
      kill -KILL "$pid" 2>/dev/null || true
      break
    fi
    sleep 0.2
  done
}

# Only one run at a time: a second one would fight over the port and the pid files.
claim_run() {
  local other
  other="$(cat "$RUN_DIR/run.pid" 2>/dev/null || true)"
  if [[ "$other" =~ ^[0-9]+$ && "$other" != "$$" ]] &&
    [[ "$(tr '\0' ' ' 2>/dev/null <"/proc/$other/cmdline")" == *run.sh* ]]; then
    die "build/run.sh is already running (pid $other); stop it with Ctrl-C (or kill $other) first"
  fi
  echo "$$" >"$RUN_DIR/run.pid"
}

# A run that was killed (kill -9, closed terminal) may have left its processes behind.
stop_stale() {
  local name pidfile dll
  for name in webapi worker; do
    pidfile="$RUN_DIR/$name.pid"
    [[ -f "$pidfile" ]] || continue
    dll="$WEBAPI_DLL"
    [[ "$name" == worker ]] && dll="$WORKER_DLL"
    if is_our_process "$(cat "$pidfile")" "$dll"; then
      log "found $name from an earlier run"
      stop_process "$name" "$(cat "$pidfile")" "$dll"
    fi
    rm -f "$pidfile"
  done
}

mkdir -p "$LOG_DIR" "$RUN_DIR"
claim_run

webapi_pid=""
worker_pid=""
started_services=0
started_cluster=0
cleaned_up=0
cleanup() {
  ((cleaned_up)) && return
  cleaned_up=1
  [[ -z "$webapi_pid" ]] || stop_process WebApi "$webapi_pid" "$WEBAPI_DLL"
  [[ -z "$worker_pid" ]] || stop_process Worker "$worker_pid" "$WORKER_DLL"
  rm -f "$RUN_DIR/webapi.pid" "$RUN_DIR/worker.pid" "$RUN_DIR/run.pid"
  if ((started_services)); then
    # The exported connection strings would make services.sh treat the servers as external.
    env -u ConnectionStrings__Postgres -u ConnectionStrings__Redis build/services.sh down || true
  elif ((started_cluster)); then
    # services.sh down stops all the services at once, and PostgreSQL and Redis were running before this run.
    log "the Redis Cluster stays running; build/services.sh down stops it together with PostgreSQL and Redis"
  fi
}
trap cleanup EXIT
trap 'echo >&2; exit 130' INT
trap 'exit 143' TERM

fail_with_logs() {
  local message="$1" file
  for file in "$LOG_DIR/webapi.log" "$LOG_DIR/worker.log"; do
    if [[ -s "$file" ]]; then
      echo "----- last lines of $file" >&2
      tail -n 30 "$file" >&2
    fi
  done
  die "$message"
}

# ---------------------------------------------------------------- preflight

stop_stale

hostport="${URL#*://}"
hostport="${hostport%%/*}"
host="${hostport%:*}"
port="${hostport##*:}"
[[ "$hostport" == *:* ]] || port=80
[[ "$host" == localhost ]] && host=127.0.0.1
if (exec 3<>"/dev/tcp/$host/$port") 2>/dev/null; then
  owner=""
  if command -v ss >/dev/null; then
    owner="$(ss -Hltnp "sport = :$port" 2>/dev/null | grep -o 'users:(([^)]*))' | head -n 1 || true)"
  fi
  die "$host:$port is already in use${owner:+ ($owner)}; stop that process or choose another address, e.g. RESERVATIONS_URL=http://127.0.0.1:$((port + 1)) build/run.sh"
fi

# ---------------------------------------------------------------- services, build, migrate

if ! build/services.sh status 2>/dev/null; then
  started_services=1
fi
services_args=(up)
if ((cluster)); then
  services_args+=(--cluster)
  build/services.sh status --cluster 2>/dev/null || started_cluster=1
fi
services_env="$(build/services.sh "${services_args[@]}")" || die "could not start the services (build/services.sh ${services_args[*]})"
eval "$services_env"

log "building Reservations.sln (Release)"
dotnet build Reservations.sln -c Release -v quiet -nologo || die "build failed"

log "applying database migrations"
if ! (cd "$WEBAPI_DIR" && ASPNETCORE_ENVIRONMENT=Development dotnet "$WEBAPI_DLL" migrate) </dev/null >"$LOG_DIR/migrate.log" 2>&1; then
  tail -n 30 "$LOG_DIR/migrate.log" >&2
  die "migrations failed, see $LOG_DIR/migrate.log"
fi

# ---------------------------------------------------------------- start

log "starting WebApi on $URL (log $LOG_DIR/webapi.log)"
(cd "$WEBAPI_DIR" && ASPNETCORE_ENVIRONMENT=Development ASPNETCORE_URLS="$URL" exec dotnet "$WEBAPI_DLL") \
  </dev/null >"$LOG_DIR/webapi.log" 2>&1 &
webapi_pid=$!
echo "$webapi_pid" >"$RUN_DIR/webapi.pid"

log "starting Worker (log $LOG_DIR/worker.log)"
(cd "$WORKER_DIR" && DOTNET_ENVIRONMENT=Development exec dotnet "$WORKER_DLL") \
  </dev/null >"$LOG_DIR/worker.log" 2>&1 &
worker_pid=$!
echo "$worker_pid" >"$RUN_DIR/worker.pid"

log "waiting for $URL/health/ready"
deadline=$((SECONDS + READY_TIMEOUT))
until [[ "$(curl -s -o /dev/null -w '%{http_code}' --max-time 5 "$URL/health/ready" || true)" == 200 ]]; do
  kill -0 "$webapi_pid" 2>/dev/null || fail_with_logs "the WebApi exited during startup"
  kill -0 "$worker_pid" 2>/dev/null || fail_with_logs "the Worker exited during startup"
  ((SECONDS < deadline)) || fail_with_logs "$URL/health/ready did not answer 200 within ${READY_TIMEOUT}s"
  sleep 1
done

# ---------------------------------------------------------------- tokens and demo data

mint_token() {
  local body="$1" response token
  response="$(curl -fsS --max-time 10 -H 'Content-Type: application/json' -d "$body" "$URL/api/dev/tokens")" ||
    fail_with_logs "POST $URL/api/dev/tokens failed"
  token="$(sed -n 's/.*"token"[[:space:]]*:[[:space:]]*"\([^"]*\)".*/\1/p' <<<"$response")"
  [[ -n "$token" ]] || fail_with_logs "no token in the answer of POST $URL/api/dev/tokens: $response"
  echo "$token"
}

admin_token="$(mint_token '{"subject":"admin","roles":["admin"]}')"
customer_token="$(mint_token '{"subject":"alice"}')"

products="$(curl -fsS --max-time 10 -H "Authorization: Bearer $admin_token" "$URL/api/products?pageSize=1")" ||
  fail_with_logs "GET $URL/api/products failed"
if grep -Eq '"total"[[:space:]]*:[[:space:]]*0[^0-9]' <<<"$products"; then
  log "seeding demo product DEMO-CONCERT-2026"
  curl -fsS --max-time 10 -o /dev/null -H 'Content-Type: application/json' -H "Authorization: Bearer $admin_token" \
    -d '{"sku":"DEMO-CONCERT-2026","name":"Demo concert ticket","price":49.90,"stock":2000,"maxPerCustomer":4,"holdSeconds":600}' \
    "$URL/api/products" || fail_with_logs "POST $URL/api/products failed"
fi

cat <<EOF

Reservations is running.
  API               $URL
  Scalar explorer   $URL/scalar/v1
  OpenAPI document  $URL/openapi/v1.json
  Health            $URL/health/ready
  Logs              $LOG_DIR/webapi.log, $LOG_DIR/worker.log

Admin token (subject admin, role admin):
$admin_token

Customer token (subject alice):
$customer_token

Try: curl -H "Authorization: Bearer <token>" $URL/api/products
Press Ctrl-C to stop.
EOF

# Returns when either process exits; a signal interrupts it and runs the traps.
wait -n "$webapi_pid" "$worker_pid" || true
if ! kill -0 "$webapi_pid" 2>/dev/null; then
  fail_with_logs "the WebApi stopped"
fi
fail_with_logs "the Worker stopped"
