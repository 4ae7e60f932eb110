#!/usr/bin/env bash
# A throwaway MongoDB-compatible server for tests: FerretDB v1 (the MongoDB wire protocol, OP_MSG, on a storage
# backend of its own) with its SQLite backend, so no PostgreSQL is needed. Debian ships no MongoDB server and
# mongodb.org cannot be reached; scripts/install-deps.sh builds FerretDB from the Go module proxy into .tools/bin.
# Loopback only, no authentication, telemetry off, its data and state under /tmp.
#
#   bash scripts/mongo-server.sh start    # idempotent; waits until the server answers a MongoDB ping
#   bash scripts/mongo-server.sh stop     # stops the server and removes its state dir; idempotent
#   bash scripts/mongo-server.sh url      # prints the mongodb:// URL
#   bash scripts/mongo-server.sh status   # exit 0 when the server answers a MongoDB ping
#   bash scripts/mongo-server.sh reset    # drops every database (restarts the server on an empty data dir)
#   bash scripts/mongo-server.sh commands # prints "COMMAND COUNT" per MongoDB command the server has answered
#
# Environment: AMGEN_MONGO_PORT (default 27027, below the ephemeral port range), AMGEN_MONGO_DEBUG_PORT (FerretDB's
# HTTP debug handler with its readiness probe and metrics, default port + 1), AMGEN_FERRETDB_BIN (default
# bin/ferretdb in AMGEN_TOOLS_DIR, the tools folder of scripts/install-deps.sh, default .tools in the repository).
set -euo pipefail

repo_root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
port=${AMGEN_MONGO_PORT:-27027}
debug_port=${AMGEN_MONGO_DEBUG_PORT:-$((port + 1))}
ferretdb=${AMGEN_FERRETDB_BIN:-${AMGEN_TOOLS_DIR:-$repo_root/.tools}/bin/ferretdb}
host=127.0.0.1
base_dir=/tmp/amgen-mongo-$port
data_dir=$base_dir/data
state_dir=$base_dir/state
pid_file=$base_dir/ferretdb.pid
log_file=$base_dir/server.log

server_name=mongo-server
source "$(dirname "${BASH_SOURCE[0]}")/server-lib.sh"

debug_url() { printf 'http://%s:%s/debug/%s' "$host" "$debug_port" "$1"; }

accepts_connections() {
  timeout 2 bash -c "exec 3<>/dev/tcp/$host/$port" 2>/dev/null
}

# FerretDB's HTTP readiness probe answers 200 once the server has started (its backend opened), and the wire
# protocol listener accepts connections: a MongoDB client can connect and run commands.
is_ready() {
  curl -fsS -o /dev/null --max-time 2 "$(debug_url readyz)" 2>/dev/null && accepts_connections
}

start() {
  [ -x "$ferretdb" ] || die "no FerretDB at $ferretdb (run scripts/install-deps.sh)"
  if is_ours_running && wait_until_ready 20; then
    log "already running on $host:$port"
    return
  fi
  # A pid file whose server never answers is left over from a killed run: start afresh.
  stop_quietly || true
  if accepts_connections; then
    die "port $port on $host is taken by another server; set AMGEN_MONGO_PORT to a free port"
  fi
  rm -rf "$base_dir"
  mkdir -p "$data_dir" "$state_dir"
  # setsid: the server outlives this script and is not in its caller's process group (Ctrl-C, make's kill).
  setsid "$ferretdb" \
    --handler=sqlite --sqlite-url="file:$data_dir/" \
    --listen-addr="$host:$port" --debug-addr="$host:$debug_port" \
    --state-dir="$state_dir" --telemetry=disable --log-level=warn \
    </dev/null >"$log_file" 2>&1 &
  echo $! >"$pid_file"
  wait_until_ready 60 || { cat "$log_file" >&2 || true; stop_quietly || true; die "server not ready after 30 s"; }
  log "running on $host:$port (data in $data_dir)"
}

stop_quietly() {
  local pid
  pid=$(server_pid) || return 1
  kill -0 "$pid" 2>/dev/null || return 1
  kill "$pid" 2>/dev/null || true
  local tries=0
  while kill -0 "$pid" 2>/dev/null; do
    tries=$((tries + 1))
    if [ "$tries" -gt 40 ]; then
      kill -9 "$pid" 2>/dev/null || true
      break
    fi
    sleep 0.25
  done
}

stop() {
  if stop_quietly; then
    log "stopped server on $host:$port"
  fi
  rm -rf "$base_dir"
}

# Every database of the SQLite backend is one file in the data dir: a restart on an empty dir is a complete reset,
# and clears the command counters too.
reset() {
  is_ready || die "not running on $host:$port (start it first)"
  stop_quietly || true
  start
  log "reset server on $host:$port"
}

# The server's Prometheus counter of received requests, summed per command across labels (opcode).
commands() {
  curl -fsS --max-time 5 "$(debug_url metrics)" | awk '
    /^ferretdb_client_requests_total\{/ {
      if (match($0, /command="[^"]*"/)) {
        name = substr($0, RSTART + 9, RLENGTH - 10)
        count[name] += $NF
      }
    }
    END { for (name in count) printf "%s %d\n", name, count[name] }' | sort
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  reset) reset ;;
  commands) commands ;;
  url) printf 'mongodb://%s:%s/\n' "$host" "$port" ;;
  status) is_ready || exit 1 ;;
  *) printf 'usage: %s start|stop|url|status|reset|commands\n' "$0" >&2; exit 2 ;;
esac
