# Shared by scripts/{pg,rabbitmq,redis}-server.sh: messages, the pid file, readiness polling.
# Sourced after the caller sets `server_name`, and `pid_file` when it has one; the caller defines is_ready.

log() { printf '%s: %s\n' "$server_name" "$*" >&2; }
die() { log "$*"; exit 1; }

# The pid the server wrote, or failure when there is none.
server_pid() {
  [ -s "$pid_file" ] && cat "$pid_file"
}

# True when the server of this script's pid file is alive.
is_ours_running() {
  local pid
  pid=$(server_pid) || return 1
  kill -0 "$pid" 2>/dev/null
}

# Polls is_ready every half second, at most $1 times.
wait_until_ready() {
  local tries=0
  until is_ready; do
    tries=$((tries + 1))
    [ "$tries" -le "$1" ] || return 1
    sleep 0.5
  done
}
