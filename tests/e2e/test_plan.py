"""`amgen plan SPEC` shows exactly what a level includes and excludes, and the files `new` would write, and writes
nothing itself."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from harness import Amgen, describe, tree_snapshot

REPO = Path(__file__).resolve().parents[2]
SPEC = REPO / "examples" / "clinic-reminders" / "amgen.yaml"


@pytest.mark.parametrize("level", ["1", "2", "3", "4"])
def test_plan_splits_the_levels_features_and_lists_the_files_new_would_write(
    amgen: Amgen, tmp_path: Path, level: str
) -> None:
    before = tree_snapshot(tmp_path)
    result = amgen.run("--json", "plan", str(SPEC), "--level", level, cwd=tmp_path)
    assert result.returncode == 0, describe(result)
    plan = json.loads(result.stdout)
    assert tree_snapshot(tmp_path) == before, "plan wrote something"

    levels = json.loads(amgen.run("--json", "levels").stdout)
    this_level = next(entry for entry in levels["levels"] if entry["level"] == int(level))
    assert plan["coverage"] == this_level["coverage"]
    assert [feature["id"] for feature in plan["features"]["included"]] == this_level["features"]
    excluded = {feature["id"]: feature["since"] for feature in plan["features"]["excluded"]}
    assert excluded == {f["id"]: f["since"] for f in levels["features"] if f["id"] not in this_level["features"]}
    assert all(since > int(level) for since in excluded.values())

    dry_run = json.loads(amgen.run("--json", "new", "--spec", str(SPEC), "--level", level, "--dry-run").stdout)
    assert [(f["path"], f["owner"]) for f in plan["files"]] == [(f["path"], f["owner"]) for f in dry_run["files"]]
    assert {module["name"] for module in plan["modules"]} == {"rabbitmq", "redis", "mongo", "worker", "bot"}


def test_plan_of_an_invalid_spec_reports_every_error_with_its_position(amgen: Amgen, tmp_path: Path) -> None:
    spec = tmp_path / "amgen.yaml"
    spec.write_text("amgen: 1\nproject: {name: Clinic, context: healthcare}\nlevel: 9\n")
    result = amgen.run("plan", str(spec))
    assert result.returncode == 1, describe(result)
    assert f"{spec}:2:" in result.stderr and f"{spec}:3:" in result.stderr
