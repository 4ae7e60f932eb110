#!/usr/bin/env bash
# Regenerates the committed reference projects, examples/<name>/generated/, from examples/<name>/amgen.yaml with the
# amgen you built. Run it on purpose after a template or view-model change, then read `git diff examples/`: CI runs
# `amgen check` on every generated/ folder and fails on any drift (tests/e2e/test_examples.py).
# Files owned by the model or the user (the business rules and their tests) are kept when they were edited: that is
# where the examples' hand-written rules live.
#
#   examples/update.sh [NAME ...]     # default: every example with a generated/ folder
#
# Environment: AMGEN_BIN (default build/amgen).
set -euo pipefail

repo_root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
amgen=${AMGEN_BIN:-$repo_root/build/amgen}
[ -x "$amgen" ] || { echo "update.sh: no amgen at $amgen (build it first, or set AMGEN_BIN)" >&2; exit 1; }

names=("$@")
if [ ${#names[@]} -eq 0 ]; then
  for dir in "$repo_root"/examples/*/generated; do
    names+=("$(basename "$(dirname "$dir")")")
  done
fi

for name in "${names[@]}"; do
  example=$repo_root/examples/$name
  [ -f "$example/amgen.yaml" ] || { echo "update.sh: no $example/amgen.yaml" >&2; exit 1; }
  echo "== $name"
  "$amgen" -q new --spec "$example/amgen.yaml" --out "$example/generated" --force
  "$amgen" check "$example/generated" >/dev/null
done
