"""All-or-nothing writes, seen from outside: a broken template or a SIGKILL mid-write leaves no partial project,
and a finished project records its spec, amgen version and a hash per file under .amgen/.
"""

from __future__ import annotations

import hashlib
import json
import signal
import subprocess
import time
from pathlib import Path

import yaml

from harness import Amgen, describe


def many_entities_spec(count: int) -> str:
    """A valid spec big enough that writing it takes a while, so a kill can land mid-write."""
    spec = {
        "amgen": 1,
        "project": {"name": "bulk", "context": "logistics", "description": "Bulk"},
        "services": [{"domain": "depot", "type": "api"}, {"domain": "depot", "type": "data_postgres"}],
        "entities": {
            f"Crate{i}": {"fields": {"label": {"type": "string"}, "weight": {"type": "decimal"}}} for i in range(count)
        },
    }
    return yaml.safe_dump(spec, sort_keys=False)


def listing(root: Path) -> list[str]:
    return sorted(str(p.relative_to(root)) for p in root.rglob("*") if p.is_file())


def test_a_broken_override_template_fails_with_its_position_and_writes_nothing(
    amgen: Amgen, example_spec: Path, tmp_path: Path
) -> None:
    overrides = tmp_path / "my-templates" / "project"
    overrides.mkdir(parents=True)
    (overrides / "README.md.mustache").write_text("# {{project_title}}\n\n{{#services}}\n- {{service_name}}\n")

    result = amgen.run(
        "--templates", str(tmp_path / "my-templates"), "new", "--spec", str(example_spec), "--out", "out", cwd=tmp_path
    )

    assert result.returncode == 1, describe(result)
    assert f"{tmp_path / 'my-templates'}/project/README.md.mustache:3:1: error: template error" in result.stderr, (
        describe(result)
    )
    assert sorted(p.name for p in tmp_path.iterdir()) == ["my-templates"], "a partial project was left behind"


def test_a_sigkill_during_the_write_leaves_no_partial_project(amgen: Amgen, tmp_path: Path) -> None:
    spec = tmp_path / "amgen.yaml"
    spec.write_text(many_entities_spec(80))
    reference = tmp_path / "reference"
    finished = amgen.run("new", "--spec", str(spec), "--out", str(reference), timeout=300)
    assert finished.returncode == 0, describe(finished)
    complete = listing(reference)

    outcomes = []
    for attempt, delay in enumerate([0.0, 0.005, 0.01, 0.02, 0.04, 0.08, 0.16]):
        target = tmp_path / f"killed{attempt}"
        process = subprocess.Popen(
            [str(amgen.binary), "new", "--spec", str(spec), "--out", str(target)],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        time.sleep(delay)
        process.send_signal(signal.SIGKILL)
        process.wait(timeout=60)
        if target.exists():
            assert listing(target) == complete, f"attempt {attempt}: {target} exists but is incomplete"
            outcomes.append("complete")
        else:
            outcomes.append("absent")

    rerun = amgen.run("new", "--spec", str(spec), "--out", str(tmp_path / "after"), timeout=300)
    assert rerun.returncode == 0, describe(rerun)
    leftovers = [p.name for p in tmp_path.iterdir() if ".amgen-tmp-" in p.name]
    assert leftovers == [], f"temporary directories of killed runs survived the next run: {leftovers} ({outcomes})"


def test_a_new_project_records_its_spec_version_and_file_hashes(
    amgen: Amgen, example_spec: Path, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    result = amgen.run("new", "--spec", str(example_spec), "--out", str(out))
    assert result.returncode == 0, describe(result)

    record = json.loads((out / ".amgen" / "project.json").read_text())
    version = amgen.run("--version").stdout.strip()
    assert record["amgen_version"] == version
    assert (out / ".amgen" / "spec.yaml").read_text() == example_spec.read_text()
    recorded = {entry["path"]: entry["sha256"] for entry in record["files"]}
    on_disk = set(listing(out)) - {".amgen/project.json"}
    assert set(recorded) == on_disk
    for path, digest in recorded.items():
        assert hashlib.sha256((out / path).read_bytes()).hexdigest() == digest, path
