"""The proof that amgen works: the projects it renders pass their own `make check` (ruff, ruff format, mypy
--strict, pytest with the level's coverage threshold) on SQLite and on a real PostgreSQL, with no test skipped.

All projects share one venv (AMGEN_E2E_VENV); rendered projects have the same service names, so each test makes
sure its own project is the one installed there before it runs `make check`.
"""

from __future__ import annotations

import os
import signal
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from harness import REPO_ROOT, Amgen, describe, path_from_env
from make_check_report import PytestRun, parse_make_check

# Coverage thresholds per level, as PRODUCT.md states them ("the level's threshold (60/75/80/85)").
COVERAGE_THRESHOLD = {1: 60, 2: 75, 3: 80, 4: 85}
LEVELS = [1, 2, 3]
INSTALL_TIMEOUT_S = 600
CHECK_TIMEOUT_S = 600
LOG_TAIL_LINES = 120


@dataclass(frozen=True)
class GeneratedProject:
    path: Path
    level: int

    @property
    def services(self) -> list[str]:
        return sorted(p.parent.name for p in (self.path / "services").glob("*/pyproject.toml"))


@dataclass(frozen=True)
class MakeResult:
    returncode: int
    output: str
    log: Path

    def tail(self) -> str:
        lines = self.output.splitlines()[-LOG_TAIL_LINES:]
        return f"exit {self.returncode}; full log {self.log}; last {len(lines)} lines:\n" + "\n".join(lines)


def run_make(
    project: GeneratedProject,
    target: str,
    variables: dict[str, str],
    env: dict[str, str],
    timeout: float,
    log_name: str,
) -> MakeResult:
    log = project.path.parent / f"{log_name}.log"
    args = ["make", target, *(f"{key}={value}" for key, value in variables.items())]
    # Its own process group, so a timeout ends make and everything it started (pytest, mypy), not make alone.
    with subprocess.Popen(
        args,
        cwd=project.path,
        env=env,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        start_new_session=True,
    ) as process:
        try:
            output, _ = process.communicate(timeout=timeout)
            result = MakeResult(process.returncode, output, log)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            output, _ = process.communicate()
            result = MakeResult(-1, output + f"\n[e2e] make {target} timed out after {timeout:.0f} s", log)
    log.write_text(f"$ {' '.join(args)}\n{result.output}")
    return result


def make_env(test_database_url: str | None) -> dict[str, str]:
    """The caller's environment without anything that would pick the database or an outer venv for the project."""
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in {"TEST_DATABASE_URL", "DATABASE_URL", "VIRTUAL_ENV", "PYTHONPATH", "PYTHONHOME"}
    }
    if test_database_url is not None:
        env["TEST_DATABASE_URL"] = test_database_url
    return env


class SharedVenv:
    """The one venv all generated projects install into; remembers which project is installed in it now."""

    def __init__(self, path: Path, python: str) -> None:
        self.path = path
        self.python = python
        self.installed: Path | None = None
        self.failed: dict[Path, MakeResult] = {}

    def install(self, project: GeneratedProject) -> None:
        if project.path in self.failed:
            pytest.fail(
                f"make install failed earlier for {project.path}\n{self.failed[project.path].tail()}", pytrace=False
            )
        if self.installed == project.path:
            return
        self.installed = None
        result = run_make(
            project,
            "install",
            {"VENV": str(self.path), "PYTHON": self.python},
            make_env(None),
            INSTALL_TIMEOUT_S,
            "make-install",
        )
        if result.returncode != 0:
            self.failed[project.path] = result
            pytest.fail(f"make install failed for {project.path}\n{result.tail()}", pytrace=False)
        self.installed = project.path


@pytest.fixture(scope="session")
def shared_venv() -> SharedVenv:
    return SharedVenv(path_from_env("AMGEN_E2E_VENV", ".venv-e2e"), os.environ.get("AMGEN_E2E_PYTHON", "python3"))


@pytest.fixture(scope="module", params=LEVELS, ids=lambda level: f"level{level}")
def project(
    request: pytest.FixtureRequest,
    amgen: Amgen,
    example_spec: Path,
    project_name: str,
    tmp_path_factory: pytest.TempPathFactory,
) -> GeneratedProject:
    level = request.param
    out = tmp_path_factory.mktemp(f"{project_name}-level{level}") / project_name
    result = amgen.run("new", project_name, "--spec", str(example_spec), "--level", str(level), "--out", str(out))
    assert result.returncode == 0, f"amgen new failed for level {level}\n{describe(result)}"
    assert (out / "Makefile").is_file(), f"no root Makefile in {out}"
    return GeneratedProject(out, level)


class Postgres:
    """The throwaway server of scripts/pg-server.sh, reached with psql as the test role."""

    def __init__(self, url: str) -> None:
        self.url = url
        parts = urlsplit(url)
        self.libpq_url = f"postgresql://{parts.username}@{parts.hostname}:{parts.port}{parts.path}"

    def query(self, sql: str) -> subprocess.CompletedProcess[str]:
        env = {k: v for k, v in os.environ.items() if not k.startswith("PG")}
        return subprocess.run(
            ["psql", "-X", "-q", "-At", "-v", "ON_ERROR_STOP=1", "-d", self.libpq_url, "-c", sql],
            check=False,
            env=env,
            stdin=subprocess.DEVNULL,
            capture_output=True,
            text=True,
            timeout=60,
        )

    def rows_inserted(self) -> int:
        result = self.query("SELECT tup_inserted FROM pg_stat_database WHERE datname = current_database()")
        assert result.returncode == 0, f"reading statistics failed: {result.stderr}"
        return int(result.stdout.strip())

    def require_fresh_database(self) -> None:
        """Fails the test (never skips it) when the server is down; otherwise empties the test database."""
        probe = self.query("SELECT 1")
        if probe.returncode != 0:
            pytest.fail(
                f"PostgreSQL is not reachable at {self.url} (start it with `bash scripts/pg-server.sh "
                f"start`): {probe.stderr.strip()}",
                pytrace=False,
            )
        reset = self.query("DROP SCHEMA IF EXISTS public CASCADE; CREATE SCHEMA public")
        assert reset.returncode == 0, f"could not reset the test database: {reset.stderr}"


@pytest.fixture(scope="session")
def postgres() -> Postgres:
    url = subprocess.run(
        ["bash", str(REPO_ROOT / "scripts/pg-server.sh"), "url"], capture_output=True, text=True, check=True
    ).stdout.strip()
    return Postgres(url)


def assert_checks_passed(
    project: GeneratedProject, result: MakeResult, run_name: str, coverage_rows: list[tuple[str, str, str]]
) -> None:
    threshold = COVERAGE_THRESHOLD[project.level]
    services = project.services
    runs = parse_make_check(result.output, services)
    for run in runs:
        verdict = "ok" if is_clean(run, threshold) else "FAILS"
        row = f"{run.outcome()} (threshold {threshold}%) {verdict}"
        coverage_rows.append((run_name, run.service or "?", row))
        print(f"[{run_name}] {run.service or '?'}: {row}")
    report = "\n".join(f"  {run.describe()}" for run in runs) or "  (no pytest summary found)"
    # pytest.fail without a traceback: the message (per-service results, then the log's tail) is the whole story.
    if result.returncode != 0:
        pytest.fail(f"make check failed ({run_name})\n{report}\n{result.tail()}", pytrace=False)
    if len(runs) != len(services):
        pytest.fail(
            f"expected one pytest run per service {services}, found {len(runs)} ({run_name})\n{report}\n"
            f"{result.tail()}",
            pytrace=False,
        )
    for run in runs:
        if not is_clean(run, threshold):
            pytest.fail(
                f"{run.service} did not pass cleanly ({run_name}): needs >0 passed, 0 failed/errors/skipped "
                f"and coverage >= {threshold}%\n{report}\n{result.tail()}",
                pytrace=False,
            )


def is_clean(run: PytestRun, threshold: int) -> bool:
    return (
        run.count("passed") > 0
        and run.count("failed") == 0
        and run.count("errors") == 0
        and run.count("skipped") == 0
        and run.coverage is not None
        and run.coverage >= threshold
    )


def wait_for_rows_inserted_beyond(postgres: Postgres, before: int) -> int:
    # Backends publish their statistics as they exit, a moment after the client has moved on: poll briefly.
    deadline = time.monotonic() + 5
    after = postgres.rows_inserted()
    while after <= before and time.monotonic() < deadline:
        time.sleep(0.2)
        after = postgres.rows_inserted()
    return after


@pytest.mark.heavy
def test_generated_project_passes_make_check_on_sqlite(
    project: GeneratedProject, shared_venv: SharedVenv, coverage_rows: list[tuple[str, str, str]]
) -> None:
    shared_venv.install(project)
    result = run_make(
        project, "check", {"VENV": str(shared_venv.path)}, make_env(None), CHECK_TIMEOUT_S, "make-check-sqlite"
    )
    assert_checks_passed(project, result, f"level{project.level} sqlite", coverage_rows)


@pytest.mark.heavy
def test_generated_project_passes_make_check_on_postgresql(
    project: GeneratedProject, shared_venv: SharedVenv, postgres: Postgres, coverage_rows: list[tuple[str, str, str]]
) -> None:
    postgres.require_fresh_database()
    shared_venv.install(project)
    inserted_before = postgres.rows_inserted()
    result = run_make(
        project,
        "check",
        {"VENV": str(shared_venv.path)},
        make_env(postgres.url),
        CHECK_TIMEOUT_S,
        "make-check-postgresql",
    )
    assert_checks_passed(project, result, f"level{project.level} postgresql", coverage_rows)
    inserted_after = wait_for_rows_inserted_beyond(postgres, inserted_before)
    written = f"{inserted_after - inserted_before} rows inserted into {postgres.url}"
    coverage_rows.append((f"level{project.level} postgresql", "(database)", written))
    print(f"[level{project.level} postgresql] {written}")
    assert inserted_after > inserted_before, (
        f"make check passed with TEST_DATABASE_URL={postgres.url} but wrote no row to PostgreSQL: "
        "the data-access tests did not run on it"
    )
