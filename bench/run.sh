#!/usr/bin/env bash
# Benchmarks amgen against PRODUCT.md's speed and size targets; never part of the test suite.
#
#   bash bench/run.sh [SPEC]      # SPEC defaults to examples/clinic/amgen.yaml; pass the largest example
#
# Environment: AMGEN_BIN (default build/amgen), BENCH_RUNS (default 20), BENCH_WARMUP (default 3),
# BENCH_TIMER (auto | hyperfine | python; auto uses hyperfine when installed), BENCH_KEEP=1 keeps the work dir.
set -euo pipefail

repo_root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$repo_root"

spec=${1:-examples/clinic/amgen.yaml}
amgen=${AMGEN_BIN:-build/amgen}
tools_venv=${AMGEN_TOOLS_VENV:-$repo_root/.venv-tools}

[ -f "$spec" ] || { echo "bench: no spec at $spec" >&2; exit 1; }
[ -x "$amgen" ] || { echo "bench: no amgen binary at $amgen (cmake --build build, or set AMGEN_BIN)" >&2; exit 1; }

apt_install() {
  if [ "$(id -u)" -ne 0 ]; then
    echo "bench: install $* (needs root)" >&2
    exit 1
  fi
  DEBIAN_FRONTEND=noninteractive apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@" </dev/null >/dev/null
}

# GNU time reports peak memory (the shell keyword 'time' does not).
[ -x /usr/bin/time ] || apt_install time
[ -x "$tools_venv/bin/cookiecutter" ] || bash scripts/install-deps.sh
command -v hyperfine >/dev/null 2>&1 || echo "bench: hyperfine not installed (apt-get install hyperfine); timing with a subprocess loop" >&2

keep=()
[ "${BENCH_KEEP:-0}" = 1 ] && keep=(--keep)

exec "$tools_venv/bin/python" -B bench/compare.py \
  --amgen "$amgen" --spec "$spec" --cookiecutter "$tools_venv/bin/cookiecutter" \
  --runs "${BENCH_RUNS:-20}" --warmup "${BENCH_WARMUP:-3}" --timer "${BENCH_TIMER:-auto}" "${keep[@]}"
