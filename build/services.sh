#!/usr/bin/env bash
# Local PostgreSQL + Redis for development and tests.
#
#   build/services.sh up [--cluster]      start private instances (or reuse running ones), print env
#   build/services.sh down                stop the instances this script started (the cluster too)
#   build/services.sh env [--cluster]     print the export lines (eval "$(build/services.sh env)"); for its own
#                                         servers also RESERVATIONS_TEST_PG_CTL / _PG_DATA and
#                                         RESERVATIONS_TEST_REDIS_CONF, which fault tests use to crash and restart them
#   build/services.sh status [--cluster]  exit 0 when the services (and the cluster) are available
#
# --cluster also starts a Redis Cluster of 6 redis-server processes on loopback (3 primaries, 3 replicas; data in
# .local/redis-cluster/<port>/) and points ConnectionStrings__Redis at it; RESERVATIONS_TEST_REDIS_CLUSTER and
# RESERVATIONS_TEST_REDIS_CLUSTER_DIR name it for the cluster tests. RESERVATIONS_TEST_REDIS stays the single node.
#
# When ConnectionStrings__Postgres and ConnectionStrings__Redis are both set,
# those servers are used and nothing is started or stopped.
# Progress goes to stderr; only the export lines go to stdout.
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
LOCAL="$ROOT/.local"
PG_DIR="$LOCAL/postgres"
PG_DATA="$PG_DIR/data"
PG_SOCKET_DIR="$PG_DIR/run"
PG_LOG="$PG_DIR/postgres.log"
REDIS_DIR="$LOCAL/redis"
REDIS_CONF="$REDIS_DIR/redis.conf"
REDIS_PID="$REDIS_DIR/redis.pid"
REDIS_LOG="$REDIS_DIR/redis.log"
ENV_FILE="$LOCAL/services.env"

PG_USER=postgres
PG_PASSWORD=postgres
PG_DATABASE=reservations
PG_PORT_BASE=15432
REDIS_PORT_BASE=16379
CLUSTER_DIR="$LOCAL/redis-cluster"
CLUSTER_NODES=6
# A node's cluster bus listens on its port + 10000.
CLUSTER_PORT_BASE=17379
READY_TIMEOUT=30

log() { echo "services: $*" >&2; }
die() {
  echo "services: error: $*" >&2
  exit 1
}

# Single-quote a value for a shell export line.
shell_quote() { printf "'%s'" "${1//\'/\'\\\'\'}"; }

print_env() {
  local pg="$1" redis="$2"
  echo "export ConnectionStrings__Postgres=$(shell_quote "$pg")"
  echo "export ConnectionStrings__Redis=$(shell_quote "$redis")"
  echo "export RESERVATIONS_TEST_POSTGRES=$(shell_quote "$pg")"
  echo "export RESERVATIONS_TEST_REDIS=$(shell_quote "$redis")"
}

# For our own instances: what fault-injection tests need to crash and restart them (pg_ctl -m immediate; SIGKILL
# to the Redis pid in the config's pidfile, then redis-server with the same config, which replays the AOF).
print_local_env() {
  print_env "$@"
  echo "export RESERVATIONS_TEST_PG_CTL=$(shell_quote "$(pg_bin_dir)/pg_ctl")"
  echo "export RESERVATIONS_TEST_PG_DATA=$(shell_quote "$PG_DATA")"
  echo "export RESERVATIONS_TEST_REDIS_CONF=$(shell_quote "$REDIS_CONF")"
}

# The cluster's connection string names every node, so a client finds the cluster whatever node is down.
print_cluster_env() {
  local endpoints
  endpoints="$(cluster_ports | sed 's/^/127.0.0.1:/' | paste -sd, -)"
  echo "export ConnectionStrings__Redis=$(shell_quote "$endpoints")"
  echo "export RESERVATIONS_TEST_REDIS_CLUSTER=$(shell_quote "$endpoints")"
  echo "export RESERVATIONS_TEST_REDIS_CLUSTER_DIR=$(shell_quote "$CLUSTER_DIR")"
}

external_configured() {
  [[ -n "${ConnectionStrings__Postgres:-}" && -n "${ConnectionStrings__Redis:-}" ]]
}

# ---------------------------------------------------------------- tools

# Debian keeps server binaries off PATH, one directory per major version: take the newest.
pg_bin_dir() {
  local dir
  for dir in $(printf '%s\n' /usr/lib/postgresql/*/bin | sort -rV); do
    if [[ -x "$dir/pg_ctl" && -x "$dir/initdb" ]]; then
      echo "$dir"
      return
    fi
  done
  if command -v pg_ctl >/dev/null && command -v initdb >/dev/null; then
    dirname "$(command -v pg_ctl)"
  fi
}

ensure_packages() {
  if [[ -n "$(pg_bin_dir)" ]] && command -v redis-server >/dev/null && command -v redis-cli >/dev/null; then
    return
  fi
  local sudo=()
  if [[ $EUID -ne 0 ]]; then
    command -v sudo >/dev/null || die "postgresql/redis-server are missing and installing them needs root"
    sudo=(sudo)
  fi
  log "installing postgresql and redis-server with apt-get"
  export DEBIAN_FRONTEND=noninteractive
  "${sudo[@]}" apt-get update >&2
  "${sudo[@]}" apt-get install -y postgresql redis-server >&2
  [[ -n "$(pg_bin_dir)" ]] || die "PostgreSQL binaries not found after install"
  command -v redis-server >/dev/null || die "redis-server not found after install"
}

# PostgreSQL refuses to run as root, so as root its commands run as the postgres user.
as_pg() {
  if [[ $EUID -eq 0 ]]; then
    runuser -u "$PG_USER" -- "$@"
  else
    "$@"
  fi
}

port_is_free() {
  local port="$1"
  if command -v python3 >/dev/null; then
    python3 - "$port" <<'EOF' 2>/dev/null
import socket, sys
s = socket.socket()
s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
try:
    s.bind(("127.0.0.1", int(sys.argv[1])))
except OSError:
    sys.exit(1)
EOF
  else
    # Nothing answering on the port is the best a plain shell can check.
    if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
      return 1
    fi
  fi
}

# Prefer the port used last time (stable connection strings), else the first free one from base.
pick_port() {
  local previous="$1" base="$2" port
  if [[ -n "$previous" ]] && port_is_free "$previous"; then
    echo "$previous"
    return
  fi
  for ((port = base; port < base + 200; port++)); do
    if port_is_free "$port"; then
      echo "$port"
      return
    fi
  done
  die "no free port found in $base-$((base + 199))"
}

# ---------------------------------------------------------------- postgres

pg_running() {
  local bin
  bin="$(pg_bin_dir)"
  [[ -n "$bin" && -f "$PG_DATA/postmaster.pid" ]] && as_pg "$bin/pg_ctl" status -D "$PG_DATA" >/dev/null 2>&1
}

# Line 4 of postmaster.pid is the port the running server listens on.
pg_port() { sed -n 4p "$PG_DATA/postmaster.pid" 2>/dev/null || true; }

pg_connection_string() {
  echo "Host=127.0.0.1;Port=$1;Username=$PG_USER;Password=$PG_PASSWORD;Database=$PG_DATABASE"
}

# The postgres user must be able to reach the data directory through every parent.
ensure_pg_can_reach() {
  [[ $EUID -eq 0 ]] || return 0
  local dir="$1" path="" part
  local -a parts
  IFS=/ read -ra parts <<<"${dir#/}"
  for part in "${parts[@]}"; do
    path="$path/$part"
    if ! runuser -u "$PG_USER" -- test -x "$path"; then
      log "chmod o+x $path (so the postgres user can reach $dir)"
      chmod o+x "$path"
    fi
  done
}

pg_init() {
  local bin="$1" pwfile="$PG_DIR/.pwfile"
  log "initialising PostgreSQL data directory $PG_DATA"
  rm -rf "$PG_DATA"
  mkdir -p "$PG_DATA"
  chmod 700 "$PG_DATA"
  [[ $EUID -ne 0 ]] || chown "$PG_USER:" "$PG_DATA"
  printf '%s\n' "$PG_PASSWORD" >"$pwfile"
  [[ $EUID -ne 0 ]] || chown "$PG_USER:" "$pwfile"
  chmod 600 "$pwfile"
  # Socket connections (private directory) are trusted; TCP needs the password.
  if ! as_pg "$bin/initdb" -D "$PG_DATA" -U "$PG_USER" --pwfile="$pwfile" -E UTF8 --locale=C \
    --auth-local=trust --auth-host=scram-sha-256 >"$PG_DIR/initdb.log" 2>&1; then
    rm -f "$pwfile"
    die "initdb failed, see $PG_DIR/initdb.log"
  fi
  rm -f "$pwfile"
  echo "include_if_exists = 'reservations.conf'" >>"$PG_DATA/postgresql.conf"
}

pg_up() {
  local bin port
  bin="$(pg_bin_dir)"
  mkdir -p "$PG_DIR"
  ensure_pg_can_reach "$PG_DIR"

  if pg_running; then
    port="$(pg_port)"
    log "PostgreSQL already running on 127.0.0.1:$port (reusing)"
  else
    if [[ $EUID -eq 0 ]]; then
      chown "$PG_USER:" "$PG_DIR"
    fi
    if [[ ! -f "$PG_DATA/PG_VERSION" ]]; then
      pg_init "$bin"
    elif [[ "$(cat "$PG_DATA/PG_VERSION")" != "$(basename "$(dirname "$bin")")" ]] && [[ "$bin" == /usr/lib/postgresql/* ]]; then
      die "$PG_DATA was created by PostgreSQL $(cat "$PG_DATA/PG_VERSION"), binaries are $bin; delete $PG_DIR to recreate it"
    fi
    # A unix socket path is limited to 107 bytes; in a deep checkout go without one (TCP only).
    local socket_dir="$PG_SOCKET_DIR"
    if ((${#PG_SOCKET_DIR} + 20 > 107)); then
      socket_dir=""
    else
      mkdir -p "$PG_SOCKET_DIR"
      chmod 700 "$PG_SOCKET_DIR"
      [[ $EUID -ne 0 ]] || chown "$PG_USER:" "$PG_SOCKET_DIR"
    fi
    # A stale pid file (killed server) would make pg_ctl refuse to start.
    rm -f "$PG_DATA/postmaster.pid"

    port="$(pick_port "$(cat "$PG_DIR/port" 2>/dev/null || true)" "$PG_PORT_BASE")"
    cat >"$PG_DATA/reservations.conf" <<EOF
# Written by build/services.sh on every start.
listen_addresses = '127.0.0.1'
port = $port
unix_socket_directories = '$socket_dir'
EOF
    [[ $EUID -ne 0 ]] || chown "$PG_USER:" "$PG_DATA/reservations.conf"
    echo "$port" >"$PG_DIR/port"
    touch "$PG_LOG"
    [[ $EUID -ne 0 ]] || chown "$PG_USER:" "$PG_LOG"

    log "starting PostgreSQL on 127.0.0.1:$port (data $PG_DATA)"
    if ! as_pg "$bin/pg_ctl" start -D "$PG_DATA" -l "$PG_LOG" -w -t "$READY_TIMEOUT" >"$PG_DIR/pg_ctl.log" 2>&1 9>&-; then
      cat "$PG_DIR/pg_ctl.log" >&2
      tail -n 20 "$PG_LOG" >&2 || true
      die "PostgreSQL did not start within ${READY_TIMEOUT}s, see $PG_LOG"
    fi
  fi

  local deadline=$((SECONDS + READY_TIMEOUT))
  until "$bin/pg_isready" -q -h 127.0.0.1 -p "$port" -t 2; do
    ((SECONDS < deadline)) || die "PostgreSQL on 127.0.0.1:$port not ready after ${READY_TIMEOUT}s, see $PG_LOG"
    sleep 0.5
  done

  local exists
  exists="$(PGPASSWORD="$PG_PASSWORD" "$bin/psql" -h 127.0.0.1 -p "$port" -U "$PG_USER" -d postgres -tAc \
    "SELECT 1 FROM pg_database WHERE datname = '$PG_DATABASE'")"
  if [[ "$exists" != 1 ]]; then
    log "creating database $PG_DATABASE"
    PGPASSWORD="$PG_PASSWORD" "$bin/createdb" -h 127.0.0.1 -p "$port" -U "$PG_USER" "$PG_DATABASE"
  fi
  PG_PORT="$port"
}

pg_down() {
  local bin
  bin="$(pg_bin_dir)"
  if pg_running; then
    log "stopping PostgreSQL on 127.0.0.1:$(pg_port)"
    as_pg "$bin/pg_ctl" stop -D "$PG_DATA" -m fast -w -t "$READY_TIMEOUT" >/dev/null
  else
    log "PostgreSQL not running"
  fi
}

# ---------------------------------------------------------------- redis

# True while the pid is a live redis-server (not a reused pid, not a zombie).
is_redis_process() {
  [[ "$(tr '\0' ' ' 2>/dev/null <"/proc/$1/cmdline")" == *redis-server* ]]
}

redis_pid() {
  local pid
  pid="$(cat "$REDIS_PID" 2>/dev/null || true)"
  [[ "$pid" =~ ^[0-9]+$ ]] && is_redis_process "$pid" || return 1
  echo "$pid"
}

redis_port() { sed -n 's/^port //p' "$REDIS_CONF" 2>/dev/null || true; }

redis_running() {
  local port
  redis_pid >/dev/null || return 1
  port="$(redis_port)"
  [[ -n "$port" ]] && [[ "$(redis-cli -h 127.0.0.1 -p "$port" ping 2>/dev/null)" == PONG ]]
}

redis_up() {
  local port
  mkdir -p "$REDIS_DIR"
  if redis_running; then
    port="$(redis_port)"
    log "Redis already running on 127.0.0.1:$port (reusing)"
  else
    local pid
    if pid="$(redis_pid)"; then
      die "Redis (pid $pid, started from $REDIS_CONF) is not answering; stop it or see $REDIS_LOG"
    fi
    port="$(pick_port "$(redis_port)" "$REDIS_PORT_BASE")"
    cat >"$REDIS_CONF" <<EOF
# Written by build/services.sh on every start.
bind 127.0.0.1
port $port
protected-mode yes
daemonize yes
dir $REDIS_DIR
pidfile $REDIS_PID
logfile $REDIS_LOG
save ""
appendonly yes
appendfsync always
notify-keyspace-events Ex
maxmemory-policy noeviction
EOF
    rm -f "$REDIS_PID"
    log "starting Redis on 127.0.0.1:$port (dir $REDIS_DIR)"
    redis-server "$REDIS_CONF" </dev/null >"$REDIS_DIR/redis-start.log" 2>&1 9>&- ||
      die "redis-server failed to start, see $REDIS_DIR/redis-start.log and $REDIS_LOG"
  fi

  local deadline=$((SECONDS + READY_TIMEOUT))
  until [[ "$(redis-cli -h 127.0.0.1 -p "$port" ping 2>/dev/null)" == PONG ]]; do
    ((SECONDS < deadline)) || die "Redis on 127.0.0.1:$port not ready after ${READY_TIMEOUT}s, see $REDIS_LOG"
    sleep 0.2
  done
  REDIS_PORT="$port"
}

redis_down() {
  local pid port
  if ! pid="$(redis_pid)"; then
    log "Redis not running"
    return
  fi
  port="$(redis_port)"
  log "stopping Redis on 127.0.0.1:$port"
  redis-cli -h 127.0.0.1 -p "$port" shutdown >/dev/null 2>&1 || kill "$pid" 2>/dev/null || true
  local deadline=$((SECONDS + READY_TIMEOUT))
  while is_redis_process "$pid"; do
    if ((SECONDS >= deadline)); then
      log "Redis (pid $pid) did not stop in ${READY_TIMEOUT}s, killing it"
      kill -9 "$pid" 2>/dev/null || true
      break
    fi
    sleep 0.2
  done
  rm -f "$REDIS_PID"
}

# ---------------------------------------------------------------- redis cluster

cluster_ports() { cat "$CLUSTER_DIR/ports" 2>/dev/null || true; }

cluster_node_pid() {
  local pid
  pid="$(cat "$CLUSTER_DIR/$1/redis.pid" 2>/dev/null || true)"
  [[ "$pid" =~ ^[0-9]+$ ]] && is_redis_process "$pid" || return 1
  echo "$pid"
}

cluster_state_ok() {
  [[ "$(redis-cli -h 127.0.0.1 -p "$1" cluster info 2>/dev/null | tr -d '\r' | sed -n 's/^cluster_state://p')" == ok ]]
}

# Every node alive and every node seeing all slots served.
cluster_running() {
  local port count=0
  for port in $(cluster_ports); do
    cluster_node_pid "$port" >/dev/null && cluster_state_ok "$port" || return 1
    count=$((count + 1))
  done
  ((count == CLUSTER_NODES))
}

# Ports for the nodes: each free together with its bus port (+10000).
cluster_pick_ports() {
  local port found=()
  for ((port = CLUSTER_PORT_BASE; port < CLUSTER_PORT_BASE + 200 && ${#found[@]} < CLUSTER_NODES; port++)); do
    if port_is_free "$port" && port_is_free $((port + 10000)); then
      found+=("$port")
    fi
  done
  ((${#found[@]} == CLUSTER_NODES)) || die "no $CLUSTER_NODES free port pairs found from $CLUSTER_PORT_BASE"
  printf '%s\n' "${found[@]}"
}

# cluster-node-timeout 2000: a dead primary is failed over in about 2-4 s (the default, 15 s, suits real networks).
# cluster-require-full-coverage no: the shards of the other primaries keep serving while one is down.
cluster_write_config() {
  local port="$1" dir="$CLUSTER_DIR/$1"
  mkdir -p "$dir"
  cat >"$dir/redis.conf" <<EOF
# Written by build/services.sh on every start.
bind 127.0.0.1
port $port
protected-mode yes
daemonize yes
dir $dir
pidfile $dir/redis.pid
logfile $dir/redis.log
save ""
appendonly yes
appendfsync always
notify-keyspace-events Ex
maxmemory-policy noeviction
cluster-enabled yes
cluster-config-file nodes.conf
cluster-node-timeout 2000
cluster-require-full-coverage no
EOF
}

cluster_stop_nodes() {
  local port pid
  for port in $(cluster_ports); do
    pid="$(cluster_node_pid "$port")" || continue
    redis-cli -h 127.0.0.1 -p "$port" shutdown >/dev/null 2>&1 || kill "$pid" 2>/dev/null || true
  done
  local deadline=$((SECONDS + READY_TIMEOUT))
  for port in $(cluster_ports); do
    while pid="$(cluster_node_pid "$port")"; do
      if ((SECONDS >= deadline)); then
        kill -9 "$pid" 2>/dev/null || true
        break
      fi
      sleep 0.2
    done
  done
}

cluster_up() {
  local port fresh=0
  if cluster_running; then
    log "Redis Cluster already running on 127.0.0.1 ports $(cluster_ports | paste -sd' ') (reusing)"
    return
  fi
  cluster_stop_nodes
  # A cluster that existed restarts from its nodes.conf files on the same ports; otherwise a new one is created.
  for port in $(cluster_ports); do
    if [[ ! -s "$CLUSTER_DIR/$port/nodes.conf" ]] || ! port_is_free "$port" || ! port_is_free $((port + 10000)); then
      fresh=1
    fi
  done
  if [[ -z "$(cluster_ports)" ]] || ((fresh)); then
    rm -rf "$CLUSTER_DIR"
    mkdir -p "$CLUSTER_DIR"
    cluster_pick_ports >"$CLUSTER_DIR/ports"
    fresh=1
  fi

  for port in $(cluster_ports); do
    cluster_write_config "$port"
    rm -f "$CLUSTER_DIR/$port/redis.pid"
    redis-server "$CLUSTER_DIR/$port/redis.conf" </dev/null >"$CLUSTER_DIR/$port/redis-start.log" 2>&1 9>&- ||
      die "redis-server failed to start on $port, see $CLUSTER_DIR/$port/redis.log"
  done
  local deadline=$((SECONDS + READY_TIMEOUT))
  for port in $(cluster_ports); do
    until [[ "$(redis-cli -h 127.0.0.1 -p "$port" ping 2>/dev/null)" == PONG ]]; do
      ((SECONDS < deadline)) || die "Redis node 127.0.0.1:$port not ready after ${READY_TIMEOUT}s"
      sleep 0.2
    done
  done

  if ((fresh)); then
    log "creating Redis Cluster on 127.0.0.1 ports $(cluster_ports | paste -sd' ') (3 primaries, 3 replicas)"
    # shellcheck disable=SC2046
    redis-cli --cluster create $(cluster_ports | sed 's/^/127.0.0.1:/') --cluster-replicas 1 --cluster-yes \
      >"$CLUSTER_DIR/create.log" 2>&1 || die "redis-cli --cluster create failed, see $CLUSTER_DIR/create.log"
  else
    log "restarting Redis Cluster on 127.0.0.1 ports $(cluster_ports | paste -sd' ')"
  fi
  until cluster_running; do
    ((SECONDS < deadline)) || die "Redis Cluster not ok after ${READY_TIMEOUT}s, see $CLUSTER_DIR/*/redis.log"
    sleep 0.2
  done
}

cluster_down() {
  [[ -n "$(cluster_ports)" ]] || return 0
  log "stopping Redis Cluster on 127.0.0.1 ports $(cluster_ports | paste -sd' ')"
  cluster_stop_nodes
}

# ---------------------------------------------------------------- commands

# Serialise up/down so two scripts starting at once do not both start servers.
# The servers are started with fd 9 closed so that they do not keep holding the lock.
take_lock() {
  mkdir -p "$LOCAL"
  exec 9>"$LOCAL/services.lock"
  flock -w 120 9 || die "timed out waiting for $LOCAL/services.lock"
}

cmd_up() {
  if external_configured; then
    log "using the configured ConnectionStrings__Postgres / ConnectionStrings__Redis; nothing started"
    print_env "$ConnectionStrings__Postgres" "$ConnectionStrings__Redis"
    return
  fi
  ensure_packages
  take_lock
  pg_up
  redis_up
  print_local_env "$(pg_connection_string "$PG_PORT")" "127.0.0.1:$REDIS_PORT" >"$ENV_FILE"
  if ((cluster)); then
    cluster_up
    print_cluster_env >>"$ENV_FILE"
  fi
  cat "$ENV_FILE"
}

cmd_down() {
  if external_configured; then
    log "using the configured ConnectionStrings__Postgres / ConnectionStrings__Redis; nothing to stop"
    return
  fi
  take_lock
  pg_down
  redis_down
  cluster_down
  rm -f "$ENV_FILE"
}

cmd_env() {
  if external_configured; then
    print_env "$ConnectionStrings__Postgres" "$ConnectionStrings__Redis"
    return
  fi
  if ! pg_running || ! redis_running; then
    die "services are not running; start them with build/services.sh up"
  fi
  print_local_env "$(pg_connection_string "$(pg_port)")" "127.0.0.1:$(redis_port)"
  if ((cluster)); then
    cluster_running || die "the Redis Cluster is not running; start it with build/services.sh up --cluster"
    print_cluster_env
  fi
}

cmd_status() {
  if external_configured; then
    log "external services configured"
    return
  fi
  local rc=0
  if pg_running; then log "PostgreSQL running on 127.0.0.1:$(pg_port)"; else log "PostgreSQL not running"; rc=1; fi
  if redis_running; then log "Redis running on 127.0.0.1:$(redis_port)"; else log "Redis not running"; rc=1; fi
  if ((cluster)); then
    if cluster_running; then
      log "Redis Cluster running on 127.0.0.1 ports $(cluster_ports | paste -sd' ')"
    else
      log "Redis Cluster not running"
      rc=1
    fi
  fi
  return "$rc"
}

cluster=0
case "${2:-}" in
  "") ;;
  --cluster) cluster=1 ;;
  *)
    echo "usage: $0 up|down|env|status [--cluster]" >&2
    exit 2
    ;;
esac

case "${1:-}" in
  up) cmd_up ;;
  down) cmd_down ;;
  env) cmd_env ;;
  status) cmd_status ;;
  *)
    echo "usage: $0 up|down|env|status [--cluster]" >&2
    exit 2
    ;;
esac
