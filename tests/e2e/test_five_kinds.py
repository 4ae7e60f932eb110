"""A project with all five service kinds (business API, PostgreSQL data API, MongoDB data API, worker, bot) and
events between them passes its own `make check` at the lowest and the highest level e2e covers: ruff, ruff format,
mypy --strict and pytest with the level's coverage threshold in every service, against a real PostgreSQL, RabbitMQ
and Redis. The levels between add a subset of the highest level's features; test_generated_project.py runs each.

No test may skip except those that need a real MongoDB and say so (their skip reason names MONGODB_URL): Debian has
no MongoDB server, so those run only when AMGEN_E2E_MONGODB_URL is set. The api and data_postgres kinds run on
PostgreSQL here (TEST_DATABASE_URL); test_generated_project.py runs them on SQLite, the default for development.

The spec is examples/clinic-reminders/amgen.yaml (services, jobs, commands, a mongo entity, two events).
"""

from __future__ import annotations

import os
import re
import time
from pathlib import Path

import pytest
import yaml

from generated_projects import (
    CHECK_TIMEOUT_S,
    LEVELS,
    GeneratedProject,
    Postgres,
    ScriptServer,
    SharedVenv,
    Skip,
    assert_checks_passed,
    make_env,
    render_project,
    run_make,
    skips_by_service,
)
from harness import Amgen

FIVE_KINDS_SPEC = Path(__file__).resolve().parents[2] / "examples" / "clinic-reminders" / "amgen.yaml"
# The names the design gives the spec's services: <context>_<domain>_<type>.
FIVE_KINDS_SERVICES = [
    "healthcare_clinic_api",
    "healthcare_clinic_data_postgres",
    "healthcare_notifications_bot",
    "healthcare_records_data_mongo",
    "healthcare_reminders_worker",
]
MONGODB_SKIP_MARK = "MONGODB_URL"
# Redis commands the e2e itself sends (reset, statistics) or clients send on connect: not a sign that tests ran.
REDIS_HOUSEKEEPING = re.compile(r"^(info|config|flushall|flushdb|ping|command|hello|client|select|quit)(\||$)")


@pytest.fixture(scope="module")
def five_kinds_spec() -> Path:
    assert FIVE_KINDS_SPEC.is_file(), f"missing {FIVE_KINDS_SPEC}"
    return FIVE_KINDS_SPEC


@pytest.fixture(scope="module", params=[LEVELS[0], LEVELS[-1]], ids=lambda level: f"level{level}")
def five_kinds_project(
    request: pytest.FixtureRequest, amgen: Amgen, five_kinds_spec: Path, tmp_path_factory: pytest.TempPathFactory
) -> GeneratedProject:
    name = str(yaml.safe_load(five_kinds_spec.read_text())["project"]["name"])
    return render_project(amgen, five_kinds_spec, name, request.param, tmp_path_factory, "five-kinds")


def wait_for_rows_inserted_beyond(postgres: Postgres, before: int) -> int:
    # Backends publish their statistics as they exit, a moment after the client has moved on: poll briefly.
    deadline = time.monotonic() + 5
    after = postgres.rows_inserted()
    while after <= before and time.monotonic() < deadline:
        time.sleep(0.2)
        after = postgres.rows_inserted()
    return after


def rabbitmq_messages_received(rabbitmq: ScriptServer) -> int:
    """Messages published to the node since it booted (its global AMQP 0-9-1 counter)."""
    expression = "maps:get(messages_received_total, maps:get([{protocol,amqp091}], rabbit_global_counters:overview()))."
    return int(rabbitmq.run("ctl", "eval", expression).strip())


def redis_commands_from_tests(redis: ScriptServer) -> int:
    """Commands processed since the last reset (which zeroes the statistics), less the housekeeping ones."""
    total = 0
    for line in redis.run("cli", "info", "commandstats").splitlines():
        match = re.match(r"^cmdstat_(?P<name>[^:]+):calls=(?P<calls>\d+)", line.strip())
        if match and not REDIS_HOUSEKEEPING.match(match.group("name")):
            total += int(match.group("calls"))
    return total


def allowed_mongodb_skips(skips: list[Skip], services: list[str]) -> dict[str, int]:
    """Skips per service whose reason names MONGODB_URL; fails on any other skip, naming it."""
    others = [skip for skip in skips if MONGODB_SKIP_MARK not in skip.reason]
    if others:
        listed = "\n".join(f"  {skip.service or '?'}: [{skip.count}] {skip.where}: {skip.reason}" for skip in others)
        pytest.fail(
            f"tests skipped for a reason other than a missing {MONGODB_SKIP_MARK} (RABBITMQ_URL, REDIS_URL and "
            f"TEST_DATABASE_URL were set):\n{listed}",
            pytrace=False,
        )
    allowed = dict.fromkeys(services, 0)
    for skip in skips:
        allowed[skip.service or "?"] = allowed.get(skip.service or "?", 0) + skip.count
    return allowed


def test_five_kinds_spec_names_all_five_kinds(five_kinds_spec: Path) -> None:
    spec = yaml.safe_load(five_kinds_spec.read_text())
    kinds = sorted(service["type"] for service in spec["services"])
    assert kinds == ["api", "bot", "data_mongo", "data_postgres", "worker"]
    assert any(entity.get("store") == "mongo" for entity in spec["entities"].values())
    assert spec["events"], "the spec must have events so that api, worker and bot talk over RabbitMQ"


@pytest.mark.heavy
def test_five_kinds_project_passes_make_check_with_real_servers(
    five_kinds_project: GeneratedProject,
    shared_venv: SharedVenv,
    postgres: Postgres,
    rabbitmq: ScriptServer,
    redis: ScriptServer,
    coverage_rows: list[tuple[str, str, str]],
) -> None:
    project = five_kinds_project
    assert project.services == FIVE_KINDS_SERVICES, f"rendered services in {project.path}"
    postgres.require_fresh_database()
    rabbitmq.require_fresh()
    redis.require_fresh()
    shared_venv.install(project)

    servers = {"RABBITMQ_URL": rabbitmq.url, "REDIS_URL": redis.url, "PYTEST_ADDOPTS": "-rs"}
    if mongodb_url := os.environ.get("AMGEN_E2E_MONGODB_URL"):
        servers["MONGODB_URL"] = mongodb_url
    published_before = rabbitmq_messages_received(rabbitmq) if rabbitmq.ours else 0
    inserted_before = postgres.rows_inserted()
    result = run_make(
        project,
        "check",
        {"VENV": str(shared_venv.path)},
        make_env(postgres.url, servers),
        CHECK_TIMEOUT_S,
        "make-check-five-kinds",
    )
    run_name = f"level{project.level} five kinds"
    skips = skips_by_service(result.output, project.services)
    allowed = allowed_mongodb_skips(skips, project.services) if result.returncode == 0 else {}
    assert_checks_passed(project, result, run_name, coverage_rows, allowed_skips=allowed)
    coverage_rows.append((run_name, "(time)", f"make check took {result.seconds:.0f} s"))
    mongodb_skipped = sum(allowed.values())
    if mongodb_skipped:
        coverage_rows.append((run_name, "(mongodb)", f"{mongodb_skipped} tests skipped: no {MONGODB_SKIP_MARK}"))

    # Proof that the tests used the servers rather than fakes alone (only possible for the scripts' own servers).
    inserted = wait_for_rows_inserted_beyond(postgres, inserted_before) - inserted_before
    coverage_rows.append((run_name, "(postgresql)", f"{inserted} rows inserted into {postgres.url}"))
    assert inserted > 0, f"make check passed with TEST_DATABASE_URL={postgres.url} but inserted no row"
    if rabbitmq.ours:
        published = rabbitmq_messages_received(rabbitmq) - published_before
        coverage_rows.append((run_name, "(rabbitmq)", f"{published} messages published to {rabbitmq.url}"))
        assert published > 0, f"make check passed with RABBITMQ_URL={rabbitmq.url} but published no message to it"
    if redis.ours:
        commands = redis_commands_from_tests(redis)
        coverage_rows.append((run_name, "(redis)", f"{commands} commands sent to {redis.url}"))
        assert commands > 0, f"make check passed with REDIS_URL={redis.url} but sent no command to it"
