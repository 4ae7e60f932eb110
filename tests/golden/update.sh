#!/usr/bin/env bash
# Refreshes tests/golden/*/ from the current templates. Read the diff (git diff tests/golden) before
# committing it, and commit template and golden changes together.
set -euo pipefail
cd "$(dirname "$0")/../.."
cmake --build build --target amgen_tests
AMGEN_UPDATE_GOLDEN=1 ./build/amgen_tests --test-suite=golden
git status --short tests/golden
