"""Names from the spec are pasted into generated Python lines; with long names those lines must still be what
`ruff format` writes and what `ruff check` accepts, or the generated project's `make check` fails. This renders
specs/long_names.yaml (every kind of service, names as long as the runtime limits allow) at the lowest and the
highest level and runs the real ruff, as the generated Makefile does, in shared/ and in every service. Fast: no
project install, no pytest of the generated code.

Ruff comes from the tools venv (scripts/install-deps.sh), next to the Python that runs these tests.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from generated_projects import GeneratedProject, render_project
from harness import Amgen

SPEC = Path(__file__).resolve().parent / "specs" / "long_names.yaml"
LEVELS = (1, 4)
RUFF = Path(sys.executable).with_name("ruff")


@pytest.fixture(scope="module")
def ruff() -> Path:
    if not RUFF.is_file():
        pytest.fail(f"no ruff next to {sys.executable}: run scripts/install-deps.sh (tools venv)", pytrace=False)
    return RUFF


@pytest.fixture(scope="module", params=LEVELS, ids=lambda level: f"level{level}")
def project(request: pytest.FixtureRequest, amgen: Amgen, tmp_path_factory: pytest.TempPathFactory) -> GeneratedProject:
    name = str(yaml.safe_load(SPEC.read_text())["project"]["name"])
    return render_project(amgen, SPEC, name, request.param, tmp_path_factory, "long-names")


def checked_folders(project: GeneratedProject) -> list[Path]:
    """shared/ and every service: the folders the generated Makefile runs ruff in."""
    services = [project.path / "services" / service for service in project.services]
    assert len(services) == 5, f"expected the five services of {SPEC.name}, found {project.services}"
    return [project.path / "shared", *services]


def offending_files(ruff: Path, args: list[str], folder: Path, project: GeneratedProject) -> tuple[list[str], str]:
    """Run `ruff <args> --output-format concise .` in folder; the files it reports (relative to the project) and its
    output. Concise lines are `path:line:column: message`."""
    result = subprocess.run(
        [str(ruff), *args, "--output-format", "concise", "."],
        cwd=folder,
        check=False,
        capture_output=True,
        text=True,
        timeout=120,
    )
    output = result.stdout + result.stderr
    if result.returncode == 0:
        return [], output
    files = sorted(
        {
            (folder / line.split(":", 1)[0]).relative_to(project.path).as_posix()
            for line in result.stdout.splitlines()
            if line.split(":", 1)[0].endswith(".py")
        }
    )
    # A failure that names no file (a crash, a bad configuration) must still fail the test, with its output.
    return files or [f"{folder.relative_to(project.path)} (ruff exit {result.returncode})"], output


@pytest.mark.parametrize(
    ("command", "args"),
    [("ruff format --check", ["format", "--check"]), ("ruff check", ["check"])],
    ids=["format", "check"],
)
def test_generated_python_passes_ruff_with_long_names(
    ruff: Path, project: GeneratedProject, command: str, args: list[str]
) -> None:
    offending: list[str] = []
    outputs: list[str] = []
    for folder in checked_folders(project):
        files, output = offending_files(ruff, args, folder, project)
        offending += files
        if files:
            outputs.append(f"--- {folder.relative_to(project.path)} ---\n{output}")
    assert not offending, (
        f"`{command}` fails at level {project.level} for {SPEC.name} in {len(offending)} file(s):\n"
        + "\n".join(f"  {path}" for path in offending)
        + "\n\n"
        + "\n".join(outputs)[-6000:]
    )
