"""Fixtures for the end-to-end tests: the amgen binary under test, the example spec, the shared venv and test
servers of the heavy tests, and the coverage table printed at the end of the run. Environment variables are
described in harness.py and generated_projects.py.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
import yaml

from generated_projects import Postgres, ScriptServer, SharedVenv, script_output
from harness import Amgen, path_from_env

COVERAGE_ROWS = pytest.StashKey[list[tuple[str, str, str]]]()


@pytest.fixture(scope="session")
def amgen() -> Amgen:
    binary = path_from_env("AMGEN_BIN", "build/amgen")
    if not (binary.is_file() and os.access(binary, os.X_OK)):
        pytest.fail(f"no amgen binary at {binary}: build it (cmake --build build) or set AMGEN_BIN", pytrace=False)
    return Amgen(binary)


@pytest.fixture(scope="session")
def example_spec() -> Path:
    spec = path_from_env("AMGEN_E2E_SPEC", "examples/clinic/amgen.yaml")
    if not spec.is_file():
        pytest.fail(f"no example spec at {spec} (set AMGEN_E2E_SPEC to use another)", pytrace=False)
    return spec


@pytest.fixture(scope="session")
def project_name(example_spec: Path) -> str:
    return str(yaml.safe_load(example_spec.read_text())["project"]["name"])


@pytest.fixture(scope="session")
def shared_venv() -> SharedVenv:
    """One for the whole session, whichever module renders the project: it knows which project is installed."""
    return SharedVenv(path_from_env("AMGEN_E2E_VENV", ".venv-e2e"), os.environ.get("AMGEN_E2E_PYTHON", "python3"))


@pytest.fixture(scope="session")
def postgres() -> Postgres:
    return Postgres(script_output("pg-server.sh", "url"))


@pytest.fixture(scope="session")
def rabbitmq() -> ScriptServer:
    return ScriptServer("RabbitMQ", "rabbitmq-server.sh", "AMGEN_E2E_RABBITMQ_URL")


@pytest.fixture(scope="session")
def redis() -> ScriptServer:
    return ScriptServer("Redis", "redis-server.sh", "AMGEN_E2E_REDIS_URL")


@pytest.fixture(scope="session")
def mongodb() -> ScriptServer:
    return ScriptServer("MongoDB (FerretDB)", "mongo-server.sh", "AMGEN_E2E_MONGODB_URL")


@pytest.fixture(scope="session")
def coverage_rows(request: pytest.FixtureRequest) -> list[tuple[str, str, str]]:
    """Rows (run, service, result) shown in the terminal summary, so the CI log has coverage per service."""
    return request.config.stash.setdefault(COVERAGE_ROWS, [])


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter, config: pytest.Config) -> None:
    rows = config.stash.get(COVERAGE_ROWS, [])
    if not rows:
        return
    terminalreporter.section("generated projects: tests and coverage per service")
    width_run = max(len(run) for run, _, _ in rows)
    width_service = max(len(service) for _, service, _ in rows)
    for run, service, result in rows:
        terminalreporter.write_line(f"{run:<{width_run}}  {service:<{width_service}}  {result}")
