"""The amgen binary as a user meets it: bad specs are reported in full with positions, and nothing on disk changes
unless amgen was asked to write.
"""

from __future__ import annotations

import re
import shutil
import string
from pathlib import Path

from harness import Amgen, describe, tree_snapshot

# A valid spec with five slots; each mistake sits alone on its line, so every error must name that line. The same
# spec with the slots filled correctly must validate, so the five errors come from the five mistakes alone.
SPEC_WITH_SLOTS = string.Template("""\
amgen: 1
project: {name: clinic, context: healthcare, description: A spec with five slots for mistakes}
level: $level
modules: [$module]
services:
  - {domain: clinic, type: api}
  - {domain: clinic, type: data_postgres}
  - {domain: billing, type: $service_type}
entities:
  Patient:
    fields:
      full_name: {type: $field_type}
  Appointment:
    fields:
      starts_at: {type: datetime}
    relations:
      patient: {to: $related_entity, kind: many_to_one}
requirements:
  - {id: FR-001, text: Patients book appointments, implemented_by: [Appointment]}
""")
CORRECT = {"level": "2", "module": "", "service_type": "api", "field_type": "string", "related_entity": "Patient"}
MISTAKES = {
    "level": "7",
    "module": "telepathy",
    "service_type": "database",
    "field_type": "strng",
    "related_entity": "Patiant",
}
MISTAKE_LINES = [3, 4, 8, 12, 17]
ERROR_LINE = re.compile(r"^amgen\.yaml:(\d+):(\d+): error: .+$", re.MULTILINE)


def write_spec(directory: Path, slots: dict[str, str]) -> Path:
    spec = directory / "amgen.yaml"
    spec.write_text(SPEC_WITH_SLOTS.substitute(slots))
    return spec


def error_lines(stderr: str) -> list[int]:
    return [int(line) for line, _column in ERROR_LINE.findall(stderr)]


def test_validate_accepts_the_five_mistakes_spec_with_its_mistakes_corrected(amgen: Amgen, tmp_path: Path) -> None:
    write_spec(tmp_path, CORRECT)

    result = amgen.run("validate", "amgen.yaml", cwd=tmp_path)

    assert result.returncode == 0, describe(result)
    assert error_lines(result.stderr) == [], describe(result)


def test_validate_reports_all_five_mistakes_with_file_line_and_column(amgen: Amgen, tmp_path: Path) -> None:
    write_spec(tmp_path, MISTAKES)

    result = amgen.run("validate", "amgen.yaml", cwd=tmp_path)

    assert result.returncode == 1, describe(result)
    assert sorted(error_lines(result.stderr)) == sorted(MISTAKE_LINES), (
        f"expected one 'amgen.yaml:LINE:COL: error:' line for each of {MISTAKE_LINES}\n{describe(result)}"
    )


def test_new_with_a_spec_with_five_mistakes_reports_them_and_creates_no_output_dir(
    amgen: Amgen, tmp_path: Path
) -> None:
    write_spec(tmp_path, MISTAKES)

    result = amgen.run("new", "clinic", "--spec", "amgen.yaml", "--out", "out", cwd=tmp_path)

    assert result.returncode == 1, describe(result)
    assert sorted(error_lines(result.stderr)) == MISTAKE_LINES, describe(result)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["amgen.yaml"], "amgen new left files behind"


def test_new_into_a_non_empty_dir_without_force_fails_and_leaves_the_dir_unchanged(
    amgen: Amgen, example_spec: Path, project_name: str, tmp_path: Path
) -> None:
    target = tmp_path / "existing"
    (target / "services").mkdir(parents=True)
    (target / "Makefile").write_text("# the user's own Makefile\n")
    (target / "services" / "notes.md").write_text("keep me\n")
    before = tree_snapshot(target)

    result = amgen.run("new", project_name, "--spec", str(example_spec), "--out", str(target))

    assert result.returncode == 1, describe(result)
    assert tree_snapshot(target) == before, "the existing dir was modified"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["existing"], "files were written beside the target"


def test_dry_run_writes_nothing(amgen: Amgen, example_spec: Path, project_name: str, tmp_path: Path) -> None:
    shutil.copy(example_spec, tmp_path / "amgen.yaml")
    before = tree_snapshot(tmp_path)

    result = amgen.run("new", project_name, "--spec", "amgen.yaml", "--out", "out", "--dry-run", cwd=tmp_path)

    assert result.returncode == 0, describe(result)
    assert tree_snapshot(tmp_path) == before, "--dry-run changed the disk"


def test_new_renders_a_project_with_a_root_makefile_and_its_services(
    amgen: Amgen, example_spec: Path, project_name: str, tmp_path: Path
) -> None:
    out = tmp_path / "out"

    result = amgen.run("new", project_name, "--spec", str(example_spec), "--out", str(out))

    assert result.returncode == 0, describe(result)
    assert (out / "Makefile").is_file(), sorted(p.name for p in out.iterdir())
    assert list((out / "services").glob("*/pyproject.toml")), "no service with a pyproject.toml under services/"
