#!/usr/bin/env bash
# The one test command: installs what is missing, builds amgen, runs its unit and golden tests, then the end-to-end
# suite, which renders projects and runs their own checks on SQLite and on throwaway PostgreSQL, RabbitMQ, Redis and
# MongoDB-compatible (FerretDB) servers (scripts/{pg,rabbitmq,redis,mongo}-server.sh, loopback only, stopped on exit).
# Exits non-zero when any phase fails. Extra arguments go to the e2e pytest run (e.g. -m "not heavy").
set -euo pipefail

repo_root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$repo_root"

build_dir=${AMGEN_BUILD_DIR:-build}
tools_python=${AMGEN_TOOLS_VENV:-$repo_root/.venv-tools}/bin/python
export AMGEN_BIN=${AMGEN_BIN:-$repo_root/$build_dir/amgen}
export PYTHONDONTWRITEBYTECODE=1

phase=0
phase_count=8
phase_started=$SECONDS
failed_phases=()

section() {
  phase=$((phase + 1))
  phase_started=$SECONDS
  printf '\n==== [%d/%d] %s ====\n' "$phase" "$phase_count" "$1"
}

phase_done() {
  printf -- '---- %s: %s (%ds)\n' "$1" "$2" $((SECONDS - phase_started))
}

# Runs one phase; a failure is recorded and the remaining test phases still run.
run_phase() {
  local name=$1
  shift
  section "$name"
  if "$@"; then
    phase_done "$name" ok
  else
    phase_done "$name" "FAILED (exit $?)"
    failed_phases+=("$name")
  fi
}

# Phases the rest depend on: stop at once when they fail.
run_required_phase() {
  local name=$1
  shift
  section "$name"
  "$@" || { phase_done "$name" "FAILED (exit $?)"; printf '\ntest.sh: %s failed, stopping\n' "$name"; exit 1; }
  phase_done "$name" ok
}

build() {
  cmake -S . -B "$build_dir" -G Ninja -DCMAKE_BUILD_TYPE=Release && cmake --build "$build_dir"
}

unit_tests() {
  "$build_dir/amgen_tests"
}

# Every server a start_* phase started, stopped again when the script exits (however it exits). A server that was
# already running before (started by hand with the same script) is used and left running.
started_servers=()

stop_servers() {
  local server
  for server in "${started_servers[@]}"; do
    bash "scripts/$server-server.sh" stop || true
  done
}

start_server() {
  if [ ${#started_servers[@]} -eq 0 ]; then
    trap stop_servers EXIT
    trap 'exit 130' INT TERM
  fi
  bash "scripts/$1-server.sh" status >/dev/null 2>&1 || started_servers+=("$1")
  bash "scripts/$1-server.sh" start
}

start_postgres() {
  start_server pg
}

# The e2e harness reads the servers' URLs from AMGEN_E2E_RABBITMQ_URL and AMGEN_E2E_REDIS_URL (it falls back to the
# scripts' `url` output) and hands them to the generated projects' tests as RABBITMQ_URL and REDIS_URL.
start_rabbitmq_and_redis() {
  start_server rabbitmq && start_server redis || return
  AMGEN_E2E_RABBITMQ_URL=$(bash scripts/rabbitmq-server.sh url)
  AMGEN_E2E_REDIS_URL=$(bash scripts/redis-server.sh url)
  export AMGEN_E2E_RABBITMQ_URL AMGEN_E2E_REDIS_URL
  printf 'RabbitMQ: %s\nRedis:    %s\n' "$AMGEN_E2E_RABBITMQ_URL" "$AMGEN_E2E_REDIS_URL"
}

# Debian ships no MongoDB: scripts/mongo-server.sh runs FerretDB (built by install-deps.sh), which speaks MongoDB's
# wire protocol, so the generated data_mongo services' real-MongoDB tests run too and no generated test may skip.
start_mongo() {
  start_server mongo || return
  AMGEN_E2E_MONGODB_URL=$(bash scripts/mongo-server.sh url)
  export AMGEN_E2E_MONGODB_URL
  printf 'MongoDB:  %s\n' "$AMGEN_E2E_MONGODB_URL"
}

e2e_tests() {
  local status=0
  "$tools_python" -m pytest tests/e2e -p no:cacheprovider -q -rs "$@" || status=$?
  # pytest exits 5 when it collected no test: for this suite that is a failure too.
  [ "$status" -ne 5 ] || printf 'test.sh: the e2e suite collected no test\n'
  return "$status"
}

run_required_phase "install dependencies (scripts/install-deps.sh)" bash scripts/install-deps.sh
run_required_phase "configure and build ($build_dir/)" build
run_phase "unit and golden tests ($build_dir/amgen_tests)" unit_tests
run_required_phase "start PostgreSQL (scripts/pg-server.sh)" start_postgres
run_required_phase "start RabbitMQ and Redis (scripts/rabbitmq-server.sh, scripts/redis-server.sh)" \
  start_rabbitmq_and_redis
run_required_phase "start MongoDB (FerretDB, scripts/mongo-server.sh)" start_mongo
run_phase "end-to-end tests (tests/e2e)" e2e_tests "$@"

section "summary"
if [ ${#failed_phases[@]} -eq 0 ]; then
  printf 'all phases passed in %ds\n' "$SECONDS"
  exit 0
fi
printf 'FAILED phases (%ds):\n' "$SECONDS"
printf '  - %s\n' "${failed_phases[@]}"
exit 1
