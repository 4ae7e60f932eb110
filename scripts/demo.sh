#!/usr/bin/env bash
# The main job on a fresh machine: install the build dependencies, build amgen, and generate the
# example clinic project (examples/clinic/amgen.yaml) into ./out, then print the next steps.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
bash scripts/install-deps.sh
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build build --target amgen
# ./out is the demo's own output: replace it whole rather than merging into a previous run.
rm -rf out
./build/amgen new clinic --spec examples/clinic/amgen.yaml --out out
