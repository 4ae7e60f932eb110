#!/usr/bin/env bash
# A throwaway Redis server for tests: loopback only, no persistence, daemonized with its own pid file and working
# dir under /tmp. The system's redis-server service (port 6379) is never touched.
#
#   bash scripts/redis-server.sh start   # idempotent; waits until the server answers PING
#   bash scripts/redis-server.sh stop    # shuts the server down and removes its state dir; idempotent
#   bash scripts/redis-server.sh url     # prints the redis:// URL (database 0)
#   bash scripts/redis-server.sh status  # exit 0 when the server answers PING
#   bash scripts/redis-server.sh reset   # FLUSHALL and CONFIG RESETSTAT: every database empty, counters at zero
#   bash scripts/redis-server.sh cli ARGS  # redis-cli ARGS against the server (e.g. cli info stats)
#
# Environment: AMGEN_REDIS_PORT (default 27379, below the ephemeral port range), AMGEN_REDIS_BIN (default /usr/bin).
set -euo pipefail

port=${AMGEN_REDIS_PORT:-27379}
redis_bin=${AMGEN_REDIS_BIN:-/usr/bin}
host=127.0.0.1
base_dir=/tmp/amgen-redis-$port
pid_file=$base_dir/redis.pid
log_file=$base_dir/server.log

server_name=redis-server
source "$(dirname "${BASH_SOURCE[0]}")/server-lib.sh"

cli() { "$redis_bin/redis-cli" -h "$host" -p "$port" "$@"; }

is_ready() {
  [ "$(cli ping 2>/dev/null)" = PONG ]
}

start() {
  [ -x "$redis_bin/redis-server" ] || die "no Redis at $redis_bin (run scripts/install-deps.sh)"
  if is_ours_running && wait_until_ready 20; then
    log "already running on $host:$port"
    return
  fi
  # A pid file whose server never answers is left over from a killed run: start afresh.
  stop_quietly || true
  if is_ready; then
    die "port $port on $host is taken by another server; set AMGEN_REDIS_PORT to a free port"
  fi
  rm -rf "$base_dir"
  mkdir -p "$base_dir"
  "$redis_bin/redis-server" --bind "$host" --port "$port" --protected-mode yes \
    --save '' --appendonly no --dir "$base_dir" \
    --daemonize yes --pidfile "$pid_file" --logfile "$log_file" --loglevel warning \
    || { cat "$log_file" >&2 || true; die "server did not start"; }
  wait_until_ready 60 || { cat "$log_file" >&2 || true; die "server not ready after 30 s"; }
  log "running on $host:$port (state in $base_dir)"
}

stop_quietly() {
  local pid
  pid=$(server_pid) || return 1
  kill -0 "$pid" 2>/dev/null || return 1
  cli shutdown nosave >/dev/null 2>&1 || kill "$pid" 2>/dev/null || true
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

reset() {
  is_ready || die "not running on $host:$port (start it first)"
  [ "$(cli flushall)" = OK ] && [ "$(cli config resetstat)" = OK ] || die "reset failed"
  log "reset server on $host:$port"
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  reset) reset ;;
  cli) shift; cli "$@" ;;
  url) printf 'redis://%s:%s/0\n' "$host" "$port" ;;
  status) is_ready ;;
  *) printf 'usage: %s start|stop|url|status|reset|cli ARGS...\n' "$0" >&2; exit 2 ;;
esac
