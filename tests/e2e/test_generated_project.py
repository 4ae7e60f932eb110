"""The proof that amgen works: the projects it renders pass their own `make check` (ruff, ruff format, mypy
--strict, pytest with the level's coverage threshold) with no test skipped. Here the example clinic (its hostile
description included) runs on SQLite, the development default, at levels 1 and 2; level 3 of the same two kinds
runs on a real PostgreSQL in test_five_kinds.py (and this clinic's level 3 API serves the Locust run of
test_loadtest.py), level 2 again on PostgreSQL in the telemedicine example and level 4 in the p2p-lending one
(test_examples.py).

All projects share one venv (AMGEN_E2E_VENV); rendered projects have the same service names, so each test makes
sure its own project is the one installed there before it runs `make check`.

From level 2 `make check` includes `make security` (bandit on every service and shared/), and the project's
pre-commit hooks (ruff, ruff format, mypy, bandit through its Makefile and venv) pass on a fresh git repository
of it: they run right after `make check`, so mypy's cache is warm, as it is for a developer.
"""

from __future__ import annotations

import re
import subprocess
import sys
import time
from pathlib import Path

import pytest

from generated_projects import (
    CHECK_TIMEOUT_S,
    GeneratedProject,
    SharedVenv,
    assert_checks_passed,
    make_env,
    render_project,
    run_make,
)
from harness import Amgen

SECURITY_SINCE = 2
# SQLite runs: the levels below the one test_five_kinds.py runs on PostgreSQL (CI time is spent once per level).
SQLITE_LEVELS = [1, 2]
PRE_COMMIT_TIMEOUT_S = 300


@pytest.fixture(scope="module", params=SQLITE_LEVELS, ids=lambda level: f"level{level}")
def project(
    request: pytest.FixtureRequest,
    amgen: Amgen,
    example_spec: Path,
    project_name: str,
    tmp_path_factory: pytest.TempPathFactory,
) -> GeneratedProject:
    return render_project(amgen, example_spec, project_name, request.param, tmp_path_factory, project_name)


@pytest.mark.heavy
def test_generated_project_passes_make_check_on_sqlite(
    project: GeneratedProject, shared_venv: SharedVenv, coverage_rows: list[tuple[str, str, str]]
) -> None:
    shared_venv.install(project)
    result = run_make(
        project, "check", {"VENV": str(shared_venv.path)}, make_env(None), CHECK_TIMEOUT_S, "make-check-sqlite"
    )
    assert_checks_passed(project, result, f"level{project.level} sqlite", coverage_rows)
    scanned = [service for service in project.services if f"== security services/{service}" in result.output]
    assert scanned == (project.services if project.level >= SECURITY_SINCE else []), "bandit did not run on all"


@pytest.mark.heavy
def test_pre_commit_hooks_pass_in_a_fresh_repository(
    project: GeneratedProject, shared_venv: SharedVenv, tmp_path: Path
) -> None:
    if project.level < SECURITY_SINCE:
        assert not (project.path / ".pre-commit-config.yaml").exists()
        return
    shared_venv.install(project)
    env = make_env(None, {"VENV": str(shared_venv.path), "PRE_COMMIT_HOME": str(tmp_path / "pre-commit-home")})
    for command in (["git", "init", "-q"], ["git", "add", "-A"]):
        subprocess.run(command, cwd=project.path, env=env, check=True, capture_output=True, timeout=60)
    started = time.monotonic()
    result = subprocess.run(
        [sys.executable, "-m", "pre_commit", "run", "--all-files"],
        cwd=project.path,
        env=env,
        capture_output=True,
        text=True,
        check=False,
        stdin=subprocess.DEVNULL,
        timeout=PRE_COMMIT_TIMEOUT_S,
    )
    seconds = time.monotonic() - started
    output = result.stdout + result.stderr
    assert result.returncode == 0, f"pre-commit run --all-files failed in {project.path}:\n{output}"
    for name in ("ruff check", "ruff format --check", "mypy --strict", "bandit"):
        assert re.search(rf"^{re.escape(name)}\.+Passed$", result.stdout, re.MULTILINE), f"{name} did not pass"
    print(f"[level{project.level}] pre-commit run --all-files took {seconds:.0f} s")
