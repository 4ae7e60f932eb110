"""docs/spec-reference.md is generated from `amgen schema`; this fails when the committed file is stale."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from harness import Amgen

REPO = Path(__file__).resolve().parents[2]


def test_the_spec_reference_matches_the_schema_amgen_prints(amgen: Amgen) -> None:
    generated = subprocess.run(
        [sys.executable, str(REPO / "scripts" / "spec-reference.py"), str(amgen.binary)],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    committed = (REPO / "docs" / "spec-reference.md").read_text()
    assert committed == generated, (
        "docs/spec-reference.md is stale: run "
        "`.venv-tools/bin/python scripts/spec-reference.py build/amgen > docs/spec-reference.md`"
    )
    for section in ("`services`", "`entities` (each entry)", "`events` (each entry)", "`jobs` (each entry)"):
        assert section in generated
