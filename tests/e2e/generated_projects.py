"""What the heavy end-to-end tests share: rendering a project, the one venv every rendered project installs into,
running its make targets, the throwaway servers its tests talk to (scripts/{pg,rabbitmq,redis,mongo}-server.sh),
and reading the per-service pytest results out of `make check`.

Environment (besides harness.py's): AMGEN_E2E_TEMPLATES (a template folder laid over the embedded one, as
`amgen --templates`: tries template edits without rebuilding amgen), AMGEN_E2E_RABBITMQ_URL, AMGEN_E2E_REDIS_URL and
AMGEN_E2E_MONGODB_URL (default: what scripts/rabbitmq-server.sh, scripts/redis-server.sh and scripts/mongo-server.sh
print for `url`). No generated test may skip.
"""

from __future__ import annotations

import os
import re
import signal
import socket
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from harness import REPO_ROOT, Amgen, describe
from make_check_report import PytestRun, parse_make_check

# Coverage thresholds per level, as PRODUCT.md states them ("the level's threshold (60/75/80/85)").
COVERAGE_THRESHOLD = {1: 60, 2: 75, 3: 80, 4: 85}
LEVELS = [1, 2, 3]
INSTALL_TIMEOUT_S = 600
CHECK_TIMEOUT_S = 1200
LOG_TAIL_LINES = 120

# Variables a generated project's settings or tests read; make_env drops the caller's so that only what a test
# passes on purpose reaches the project.
PROJECT_VARIABLES = {
    "TEST_DATABASE_URL",
    "DATABASE_URL",
    "RABBITMQ_URL",
    "REDIS_URL",
    "MONGODB_URL",
    "MONGODB_DATABASE",
    "TELEGRAM_BOT_TOKEN",
    "BOT_WEBHOOK_URL",
    "BOT_WEBHOOK_SECRET",
    "VIRTUAL_ENV",
    "PYTHONPATH",
    "PYTHONHOME",
    "PYTEST_ADDOPTS",
    "OTEL_EXPORTER_OTLP_ENDPOINT",
    "OTEL_SDK_DISABLED",
}


@dataclass(frozen=True)
class GeneratedProject:
    path: Path
    level: int

    @property
    def services(self) -> list[str]:
        return sorted(p.parent.name for p in (self.path / "services").glob("*/pyproject.toml"))


def render_project(
    amgen: Amgen, spec: Path, project_name: str, level: int, tmp_path_factory: pytest.TempPathFactory, label: str
) -> GeneratedProject:
    out = tmp_path_factory.mktemp(f"{label}-level{level}") / project_name
    templates = os.environ.get("AMGEN_E2E_TEMPLATES")
    overlay = ["--templates", str(Path(templates).resolve())] if templates else []
    result = amgen.run(*overlay, "new", project_name, "--spec", str(spec), "--level", str(level), "--out", str(out))
    assert result.returncode == 0, f"amgen new failed for {spec.name} at level {level}\n{describe(result)}"
    assert (out / "Makefile").is_file(), f"no root Makefile in {out}"
    return GeneratedProject(out, level)


@dataclass(frozen=True)
class MakeResult:
    returncode: int
    output: str
    log: Path
    seconds: float = 0.0

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
    started = time.monotonic()
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
            result = MakeResult(process.returncode, output, log, time.monotonic() - started)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            output, _ = process.communicate()
            output += f"\n[e2e] make {target} timed out after {timeout:.0f} s"
            result = MakeResult(-1, output, log, time.monotonic() - started)
    log.write_text(f"$ {' '.join(args)}\n{result.output}")
    return result


def make_env(test_database_url: str | None, extra: dict[str, str] | None = None) -> dict[str, str]:
    """The caller's environment without anything that would pick a server or an outer venv for the project, plus
    TEST_DATABASE_URL when given and the `extra` variables."""
    env = {k: v for k, v in os.environ.items() if k not in PROJECT_VARIABLES}
    if test_database_url is not None:
        env["TEST_DATABASE_URL"] = test_database_url
    env.update(extra or {})
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


def script_output(script: str, *args: str) -> str:
    return subprocess.run(
        ["bash", str(REPO_ROOT / "scripts" / script), *args],
        capture_output=True,
        text=True,
        check=True,
        stdin=subprocess.DEVNULL,
        timeout=120,
    ).stdout.strip()


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


class ScriptServer:
    """A server the project's tests reach by URL: RabbitMQ, Redis or MongoDB. When the URL is the one its script
    serves (the default), the e2e can also empty it before a run and look inside it afterwards through that script."""

    def __init__(self, label: str, script: str, env_name: str) -> None:
        self.label = label
        self.script = script
        script_url = script_output(script, "url")
        self.url = os.environ.get(env_name) or script_url
        self.ours = self.url == script_url

    def require_fresh(self) -> None:
        """Fails the test (never skips it) when nothing listens at the URL; empties the server when it is ours."""
        parts = urlsplit(self.url)
        try:
            socket.create_connection((parts.hostname or "127.0.0.1", parts.port or 0), timeout=5).close()
        except OSError as error:
            pytest.fail(
                f"{self.label} is not reachable at {self.url} (start it with `bash scripts/{self.script} start`): "
                f"{error}",
                pytrace=False,
            )
        if self.ours:
            script_output(self.script, "reset")

    def run(self, *args: str) -> str:
        """The script's passthrough (`ctl` for RabbitMQ, `cli` for Redis, `commands` for MongoDB); only for a
        server that is ours."""
        assert self.ours, f"{self.label} at {self.url} is not the one scripts/{self.script} runs"
        return script_output(self.script, *args)


def assert_checks_passed(
    project: GeneratedProject,
    result: MakeResult,
    run_name: str,
    coverage_rows: list[tuple[str, str, str]],
) -> list[PytestRun]:
    """Every service ran its tests once: >0 passed, 0 failed/errors/skipped, coverage at the level's threshold."""
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
    return runs


def is_clean(run: PytestRun, threshold: int) -> bool:
    return (
        run.count("passed") > 0
        and run.count("failed") == 0
        and run.count("errors") == 0
        and run.count("skipped") == 0
        and run.coverage is not None
        and run.coverage >= threshold
    )


# pytest -rs: "SKIPPED [2] tests/integration/test_x.py:12: MONGODB_URL is not set"
_SKIP_LINE = re.compile(r"^SKIPPED \[(?P<count>\d+)\] (?P<where>[^\s:]+(?::\d+)?)(?::\s*(?P<reason>.*))?$")
_ANSI = re.compile(r"\x1b\[[0-9;]*m")


@dataclass(frozen=True)
class Skip:
    service: str | None
    count: int
    where: str
    reason: str


def skips_by_service(output: str, services: list[str]) -> list[Skip]:
    """The `-rs` skip lines of a `make check` output, each with the service whose test run printed it (the last
    line naming exactly one `services/<name>` before it, as in make_check_report)."""
    mention = re.compile(r"services/(" + "|".join(map(re.escape, services)) + r")(?![\w-])") if services else None
    current: str | None = None
    skips: list[Skip] = []
    for raw_line in output.splitlines():
        line = _ANSI.sub("", raw_line).strip()
        if (match := _SKIP_LINE.match(line)) is not None:
            skips.append(Skip(current, int(match.group("count")), match.group("where"), match.group("reason") or ""))
            continue
        named = set(mention.findall(line)) if mention else set()
        if len(named) == 1:
            (current,) = named
    return skips
