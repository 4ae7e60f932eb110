"""The proof that amgen works: the projects it renders pass their own `make check` (ruff, ruff format, mypy
--strict, pytest with the level's coverage threshold) with no test skipped. Here the example clinic (its hostile
description included) runs on SQLite, the development default, at every level e2e covers;
test_five_kinds.py runs the same two kinds on a real PostgreSQL at the lowest and the highest.

All projects share one venv (AMGEN_E2E_VENV); rendered projects have the same service names, so each test makes
sure its own project is the one installed there before it runs `make check`.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from generated_projects import (
    CHECK_TIMEOUT_S,
    LEVELS,
    GeneratedProject,
    SharedVenv,
    assert_checks_passed,
    make_env,
    render_project,
    run_make,
)
from harness import Amgen


@pytest.fixture(scope="module", params=LEVELS, ids=lambda level: f"level{level}")
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
