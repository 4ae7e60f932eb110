#!/usr/bin/env bash
# A throwaway PostgreSQL 15 server for tests: its own data dir under /tmp, loopback only, trust auth for role
# 'amgen' and database 'amgen_test'. The system's default cluster is never touched.
#
#   bash scripts/pg-server.sh start   # idempotent; waits until the server accepts connections
#   bash scripts/pg-server.sh stop    # stops the server and removes its data dir; idempotent
#   bash scripts/pg-server.sh url     # prints the SQLAlchemy asyncpg URL
#   bash scripts/pg-server.sh status  # exit 0 when the server is ready
#
# Environment: AMGEN_PG_PORT (default 27432, below the ephemeral port range 32768-60999 so no client socket can hold it), AMGEN_PG_BIN (default /usr/lib/postgresql/15/bin).
set -euo pipefail

port=${AMGEN_PG_PORT:-27432}
pg_bin=${AMGEN_PG_BIN:-/usr/lib/postgresql/15/bin}
host=127.0.0.1
role=amgen
database=amgen_test
base_dir=/tmp/amgen-pg-$port
data_dir=$base_dir/data
log_file=$base_dir/server.log

# Variables such as PGHOST or PGDATA from the caller's shell would redirect the client tools.
unset PGHOST PGHOSTADDR PGPORT PGDATA PGUSER PGDATABASE PGPASSWORD PGSERVICE PGOPTIONS

server_name=pg-server
source "$(dirname "${BASH_SOURCE[0]}")/server-lib.sh"

# PostgreSQL refuses to run as root, so root runs it as the 'postgres' system user; anyone else runs it as
# themselves.
as_server_user() {
  if [ "$(id -u)" -eq 0 ]; then
    (cd / && runuser -u postgres -- "$@")
  else
    "$@"
  fi
}

is_ready() {
  "$pg_bin/pg_isready" -q -h "$host" -p "$port" -U postgres -d postgres -t 1 >/dev/null 2>&1
}

is_ours_running() {
  [ -f "$data_dir/postmaster.pid" ] && as_server_user "$pg_bin/pg_ctl" -D "$data_dir" status >/dev/null 2>&1
}

superuser_psql() {
  as_server_user "$pg_bin/psql" -X -q -v ON_ERROR_STOP=1 -h "$host" -p "$port" -U postgres -d postgres "$@"
}

ensure_role_and_database() {
  superuser_psql -tAc "SELECT 1 FROM pg_roles WHERE rolname = '$role'" | grep -q 1 \
    || superuser_psql -c "CREATE ROLE $role LOGIN"
  superuser_psql -tAc "SELECT 1 FROM pg_database WHERE datname = '$database'" | grep -q 1 \
    || superuser_psql -c "CREATE DATABASE $database OWNER $role"
}

init_cluster() {
  rm -rf "$base_dir"
  mkdir -p "$base_dir"
  if [ "$(id -u)" -eq 0 ]; then
    chown postgres:postgres "$base_dir"
  fi
  as_server_user "$pg_bin/initdb" -D "$data_dir" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 \
    >"$base_dir/initdb.log" 2>&1 || { cat "$base_dir/initdb.log" >&2; die "initdb failed"; }
  # Durability is pointless for a server deleted after the run; turning it off makes tests faster.
  cat >>"$data_dir/postgresql.conf" <<CONF
listen_addresses = '$host'
port = $port
unix_socket_directories = '$data_dir'
fsync = off
synchronous_commit = off
full_page_writes = off
max_connections = 100
CONF
  cat >"$data_dir/pg_hba.conf" <<HBA
local all all              trust
host  all all 127.0.0.1/32 trust
HBA
}

start() {
  [ -x "$pg_bin/pg_ctl" ] || die "no PostgreSQL at $pg_bin (run scripts/install-deps.sh)"
  # A pid file whose server never answers is left over from a killed run: start afresh.
  if is_ours_running && wait_until_ready 20; then
    ensure_role_and_database
    log "already running on $host:$port"
    return
  fi
  if is_ready; then
    die "port $port on $host is taken by another server; set AMGEN_PG_PORT to a free port"
  fi
  init_cluster
  as_server_user "$pg_bin/pg_ctl" -D "$data_dir" -l "$log_file" -w -t 60 start >/dev/null \
    || { cat "$log_file" >&2 || true; die "server did not start"; }
  wait_until_ready 60 || { cat "$log_file" >&2 || true; die "server not ready after 30 s"; }
  ensure_role_and_database
  log "running on $host:$port (data in $data_dir)"
}

stop() {
  if is_ours_running; then
    if as_server_user "$pg_bin/pg_ctl" -D "$data_dir" -m fast -w -t 30 stop >/dev/null; then
      log "stopped server on $host:$port"
    else
      log "server on $host:$port did not stop cleanly; removing its data dir anyway"
    fi
  fi
  rm -rf "$base_dir"
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  url) printf 'postgresql+asyncpg://%s@%s:%s/%s\n' "$role" "$host" "$port" "$database" ;;
  status) is_ours_running && is_ready ;;
  *) printf 'usage: %s start|stop|url|status\n' "$0" >&2; exit 2 ;;
esac
