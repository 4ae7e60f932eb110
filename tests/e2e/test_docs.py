"""The user documentation shows real commands and real output: this runs every ```sh block of
docs/getting-started.md, docs/customising-templates.md and docs/levels.md in order, as a reader would from the
repository root, checks the output a ```text block right after a command block shows, and what the commands
promise to create; and checks that docs/levels.md names every feature and coverage gate of templates/levels.yaml.

`build/amgen` in the blocks becomes the binary under test, and the scratch directories /tmp/amgen-* become
directories under pytest's tmp_path, so a run never touches a reader's /tmp.
"""

from __future__ import annotations

import json
import re
import subprocess
from dataclasses import dataclass
from pathlib import Path

import pytest
import yaml

from harness import REPO_ROOT, Amgen, describe

DOCS = REPO_ROOT / "docs"
LEVELS_YAML = REPO_ROOT / "templates" / "levels.yaml"
AMGEN_COMMAND = re.compile(r"(?<![\w./-])build/amgen(?![\w.-])")
SCRATCH_PREFIX = "/tmp/amgen-"
FENCE = re.compile(r"^```(\w*)\n(.*?)^```[ \t]*$", re.DOTALL | re.MULTILINE)


@dataclass(frozen=True)
class Block:
    number: int
    script: str
    shown_output: str | None  # the ```text block right after it, if any


def command_blocks(doc: Path) -> list[Block]:
    text = doc.read_text()
    fences = list(FENCE.finditer(text))
    blocks: list[Block] = []
    for index, fence in enumerate(fences):
        if fence.group(1) != "sh":
            continue
        shown = None
        if index + 1 < len(fences):
            after = fences[index + 1]
            if after.group(1) == "text" and not text[fence.end() : after.start()].strip():
                shown = after.group(2)
        blocks.append(Block(len(blocks) + 1, fence.group(2), shown))
    assert blocks, f"{doc.name} has no ```sh block"
    return blocks


def localise(text: str, amgen: Amgen, scratch: Path) -> str:
    return AMGEN_COMMAND.sub(str(amgen.binary), text).replace(SCRATCH_PREFIX, f"{scratch}/amgen-")


def run_doc(doc: Path, amgen: Amgen, scratch: Path) -> None:
    """Runs the doc's command blocks in order; each must exit 0 and print every line its ```text block shows."""
    for block in command_blocks(doc):
        script = localise(block.script, amgen, scratch)
        result = subprocess.run(
            ["bash", "-euo", "pipefail", "-c", script],
            cwd=REPO_ROOT,
            stdin=subprocess.DEVNULL,
            capture_output=True,
            text=True,
            timeout=300,
            check=False,
        )
        where = f"{doc.name}, ```sh block {block.number}:\n{block.script}"
        assert result.returncode == 0, f"{where}\n{describe(result)}"
        if block.shown_output is None:
            continue
        printed = result.stdout + result.stderr
        for line in localise(block.shown_output, amgen, scratch).splitlines():
            wanted = line.strip()
            if wanted and wanted != "...":
                assert wanted in printed, f"{where}\nthe doc shows {wanted!r}, the commands printed:\n{printed}"


def services(project: Path) -> set[str]:
    return {path.name for path in (project / "services").iterdir() if path.is_dir()}


def recorded_files(project: Path) -> dict[str, str]:
    record = json.loads((project / ".amgen" / "project.json").read_text())
    return {entry["path"]: entry["owner"] for entry in record["files"]}


def test_getting_started_commands_work_in_order(amgen: Amgen, tmp_path: Path) -> None:
    run_doc(DOCS / "getting-started.md", amgen, tmp_path)
    start = tmp_path / "amgen-start"

    assert services(start / "demo") == {"healthcare_demo_api", "healthcare_demo_data_postgres"}
    assert json.loads((start / "demo" / ".amgen" / "project.json").read_text())["level"] == 2
    assert services(start / "shop") == {
        "ecommerce_orders_api",
        "ecommerce_orders_data_postgres",
        "ecommerce_orders_jobs_worker",
        "ecommerce_orders_chat_bot",
    }
    assert services(start / "reminders") == {
        "healthcare_clinic_api",
        "healthcare_clinic_data_postgres",
        "healthcare_records_data_mongo",
        "healthcare_reminders_worker",
        "healthcare_notifications_bot",
    }

    # The example spec's project: its services, the hand edit undone, then raised to level 2 and in sync.
    clinic = start / "clinic"
    assert services(clinic) == {"healthcare_clinic_api", "healthcare_clinic_data_postgres"}
    assert (clinic / "ruff.toml").is_file()
    assert "# edited by hand" not in (clinic / "services/healthcare_clinic_api/src/main.py").read_text()
    assert yaml.safe_load((clinic / ".amgen" / "spec.yaml").read_text())["level"] == 2
    assert "services/healthcare_clinic_api/src/api/health_router.py" in recorded_files(clinic)
    check = amgen.run("check", str(clinic))
    assert check.returncode == 0, describe(check)

    broken = json.loads((start / "broken.json").read_text())
    assert broken["valid"] is False
    assert [d["line"] for d in broken["diagnostics"] if d["severity"] == "error"] == [2, 3, 10, 12]


def test_customising_templates_commands_work_in_order(amgen: Amgen, tmp_path: Path) -> None:
    run_doc(DOCS / "customising-templates.md", amgen, tmp_path)
    scratch = tmp_path / "amgen-templates"

    # One overridden file: the line is in the project, which matches the overlay and drifts from the embedded set.
    clinic = scratch / "clinic"
    readme = (clinic / "README.md").read_text()
    assert readme.endswith("Clinic is maintained by the platform team; ask in #clinic-dev.\n")
    assert readme.startswith("# Clinic\n"), "the overlay lost the embedded README's content"
    with_overlay = amgen.run("--templates", str(scratch / "overlay"), "check", str(clinic))
    assert with_overlay.returncode == 0, describe(with_overlay)
    without = amgen.run("--json", "check", str(clinic))
    assert without.returncode == 1, describe(without)
    assert [item["path"] for item in json.loads(without.stdout)["drifted"]] == ["README.md"]

    # One added file, user-owned, with switched delimiters: valid YAML with the GitHub expression left alone.
    with_ci = scratch / "with-ci"
    workflow_path = with_ci / ".github/workflows/clinic-ci.yml"
    workflow = yaml.safe_load(workflow_path.read_text())
    assert workflow["jobs"]["test"]["strategy"]["matrix"]["service"] == [
        "healthcare_clinic_api",
        "healthcare_clinic_data_postgres",
    ]
    assert "${{ matrix.service }}" in workflow_path.read_text()
    assert recorded_files(with_ci)[".github/workflows/clinic-ci.yml"] == "user"


def test_levels_commands_work_in_order(amgen: Amgen, tmp_path: Path) -> None:
    run_doc(DOCS / "levels.md", amgen, tmp_path)
    # Raised to level 3 (the gateway appeared), then lowered again: the gateway's files were removed.
    assert not (tmp_path / "amgen-levels" / "clinic" / "gateway").exists()
    assert "  remove     gateway/nginx.conf\n" in (tmp_path / "amgen-levels" / "lower.txt").read_text()
    printed = json.loads((tmp_path / "amgen-levels" / "levels.json").read_text())
    assert set(printed) == {"levels", "features"}


def levels_table() -> dict[str, list[dict[str, object]]]:
    table: dict[str, list[dict[str, object]]] = yaml.safe_load(LEVELS_YAML.read_text())
    return table


@pytest.mark.parametrize("feature", [feature["id"] for feature in levels_table()["features"]])
def test_levels_md_names_every_feature(feature: str) -> None:
    assert f"`{feature}`" in (DOCS / "levels.md").read_text(), f"docs/levels.md does not mention `{feature}`"


@pytest.mark.parametrize("level", levels_table()["levels"], ids=lambda level: f"level-{level['level']}")
def test_levels_md_gives_every_level_its_coverage(level: dict[str, object]) -> None:
    text = (DOCS / "levels.md").read_text()
    row = re.search(rf"^\| {level['level']} \| {re.escape(str(level['name']))} \| (\d+) %", text, re.MULTILINE)
    assert row, f"docs/levels.md has no table row for level {level['level']} ({level['name']})"
    assert int(row.group(1)) == level["coverage"]
