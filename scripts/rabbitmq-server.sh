#!/usr/bin/env bash
# A throwaway RabbitMQ node for tests: loopback only, its own node name, ports, cookie, mnesia and log dirs under
# /tmp, no plugins. The Debian package's own 'rabbit' node and /etc/rabbitmq are never used.
#
#   bash scripts/rabbitmq-server.sh start   # idempotent; waits until the node accepts AMQP connections
#   bash scripts/rabbitmq-server.sh stop    # stops the node (and its epmd) and removes its state dir; idempotent
#   bash scripts/rabbitmq-server.sh url     # prints the AMQP URL (user guest, which RabbitMQ allows on loopback)
#   bash scripts/rabbitmq-server.sh status  # exit 0 when the node is up and its AMQP port answers
#   bash scripts/rabbitmq-server.sh reset   # empties the running node: no queue, exchange or message is left
#   bash scripts/rabbitmq-server.sh ctl ARGS  # rabbitmqctl ARGS against the node (e.g. ctl list_queues name messages)
#
# Environment: AMGEN_RABBITMQ_PORT (AMQP, default 27672, below the ephemeral port range); the Erlang distribution port (default AMQP port + 1) and
# epmd port (default AMQP port - 1303, i.e. 26369) can be set with AMGEN_RABBITMQ_DIST_PORT and
# AMGEN_RABBITMQ_EPMD_PORT; AMGEN_RABBITMQ_BIN (default /usr/lib/rabbitmq/bin).
set -euo pipefail

port=${AMGEN_RABBITMQ_PORT:-27672}
dist_port=${AMGEN_RABBITMQ_DIST_PORT:-$((port + 1))}
epmd_port=${AMGEN_RABBITMQ_EPMD_PORT:-$((port - 1303))}
rabbit_bin=${AMGEN_RABBITMQ_BIN:-/usr/lib/rabbitmq/bin}
host=127.0.0.1
node=amgen-test-$port@localhost
base_dir=/tmp/amgen-rabbitmq-$port
pid_file=$base_dir/rabbitmq.pid
server_log=$base_dir/server.log

server_name=rabbitmq-server
source "$(dirname "${BASH_SOURCE[0]}")/server-lib.sh"

# Everything the server and the CLI tools read, pointed at our state dir. HOME holds the Erlang cookie, so ours is
# private and the CLI tools find it; an empty RABBITMQ_CONF_ENV_FILE keeps /etc/rabbitmq/rabbitmq-env.conf out.
export HOME=$base_dir
export RABBITMQ_NODENAME=$node
export RABBITMQ_NODE_IP_ADDRESS=$host
export RABBITMQ_NODE_PORT=$port
export RABBITMQ_DIST_PORT=$dist_port
export ERL_EPMD_ADDRESS=$host
export ERL_EPMD_PORT=$epmd_port
export RABBITMQ_CONF_ENV_FILE=$base_dir/rabbitmq-env.conf
export RABBITMQ_CONFIG_FILE=$base_dir/rabbitmq.conf
export RABBITMQ_ADVANCED_CONFIG_FILE=$base_dir/advanced.config
export RABBITMQ_ENABLED_PLUGINS_FILE=$base_dir/enabled_plugins
export RABBITMQ_MNESIA_BASE=$base_dir/mnesia
export RABBITMQ_LOG_BASE=$base_dir/log
export RABBITMQ_PID_FILE=$pid_file
export RABBITMQ_LOGS=$base_dir/log/rabbit.log
# The Erlang distribution listener (of the node and of each CLI call) binds to loopback too.
export RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS='-kernel inet_dist_use_interface {127,0,0,1}'
export RABBITMQ_CTL_ERL_ARGS='-kernel inet_dist_use_interface {127,0,0,1}'
unset RABBITMQ_MNESIA_DIR RABBITMQ_PLUGINS_EXPAND_DIR RABBITMQ_SERVER_START_ARGS RABBITMQ_USE_LONGNAME \
  RABBITMQ_ERLANG_COOKIE

ctl() { "$rabbit_bin/rabbitmqctl" -q -n "$node" "$@"; }

# Only bash's /dev/tcp: a connect that succeeds means something listens on the AMQP port.
port_answers() {
  (exec 3<>"/dev/tcp/$host/$port") >/dev/null 2>&1
}

is_ready() {
  is_ours_running && port_answers && ctl status >/dev/null 2>&1
}

write_config() {
  rm -rf "$base_dir"
  mkdir -p "$base_dir/mnesia" "$base_dir/log"
  : >"$RABBITMQ_CONF_ENV_FILE"
  printf '[].\n' >"$RABBITMQ_ENABLED_PLUGINS_FILE"
  printf '[].\n' >"$RABBITMQ_ADVANCED_CONFIG_FILE"
  # A container's disk is often nearly full; the default 50 MB free-disk alarm would block every publisher.
  cat >"$RABBITMQ_CONFIG_FILE" <<CONF
listeners.tcp.1 = $host:$port
loopback_users.guest = true
disk_free_limit.absolute = 1MB
vm_memory_high_watermark.relative = 0.8
log.console = false
log.file.level = warning
CONF
  head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n' >"$base_dir/.erlang.cookie"
  chmod 600 "$base_dir/.erlang.cookie"
}

start() {
  [ -x "$rabbit_bin/rabbitmq-server" ] || die "no RabbitMQ at $rabbit_bin (run scripts/install-deps.sh)"
  if is_ours_running && wait_until_ready 20; then
    log "already running on $host:$port (node $node)"
    return
  fi
  # A pid file whose node never answers is left over from a killed run: start afresh.
  stop_quietly || true
  if port_answers; then
    die "port $port on $host is taken by another server; set AMGEN_RABBITMQ_PORT to a free port"
  fi
  write_config
  # The server runs in the foreground of a detached session; setsid keeps it out of the caller's process group
  # (so ^C in the test run does not kill it half-way) and the pid file is written by RabbitMQ itself.
  (cd "$base_dir" && setsid "$rabbit_bin/rabbitmq-server" >"$server_log" 2>&1 </dev/null &)
  # await_startup needs the node registered with epmd first; RabbitMQ writes its pid file early.
  local tries=0
  until [ -s "$pid_file" ]; do
    tries=$((tries + 1))
    [ "$tries" -le 120 ] || fail_start "node wrote no pid file after 60 s"
    sleep 0.5
  done
  "$rabbit_bin/rabbitmqctl" -q -n "$node" wait --timeout 120 "$pid_file" >/dev/null 2>&1 || fail_start "node did not start"
  wait_until_ready 120 || fail_start "node not ready after 60 s"
  log "running on $host:$port (node $node, dist port $dist_port, epmd port $epmd_port, state in $base_dir)"
}

# Shows why, and leaves no half-started node or epmd behind.
fail_start() {
  tail -50 "$server_log" >&2 || true
  stop_quietly || true
  kill_epmd
  die "$1"
}

kill_epmd() {
  # epmd was started by our node on our own port: kill only that one.
  local epmd
  epmd=$(command -v epmd || echo /usr/lib/erlang/bin/epmd)
  [ ! -x "$epmd" ] || "$epmd" -port "$epmd_port" -kill >/dev/null 2>&1 || true
}

stop_quietly() {
  local pid
  if pid=$(server_pid) && kill -0 "$pid" 2>/dev/null; then
    ctl stop >/dev/null 2>&1 || true
    local tries=0
    while kill -0 "$pid" 2>/dev/null; do
      tries=$((tries + 1))
      if [ "$tries" -gt 60 ]; then
        kill -9 "$pid" 2>/dev/null || true
        break
      fi
      sleep 0.5
    done
    kill_epmd
    return 0
  fi
  return 1
}

stop() {
  if stop_quietly; then
    log "stopped node on $host:$port"
  fi
  rm -rf "$base_dir"
}

# stop_app/reset/start_app drops every queue, exchange, binding and message but keeps the node (and guest) up.
reset() {
  is_ready || die "not running on $host:$port (start it first)"
  ctl stop_app >/dev/null && ctl reset >/dev/null && ctl start_app >/dev/null || die "reset failed"
  wait_until_ready 60 || die "node not ready after reset"
  log "reset node on $host:$port"
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  reset) reset ;;
  ctl) shift; ctl "$@" ;;
  url) printf 'amqp://guest:guest@%s:%s/\n' "$host" "$port" ;;
  status) is_ready ;;
  *) printf 'usage: %s start|stop|url|status|reset|ctl ARGS...\n' "$0" >&2; exit 2 ;;
esac
