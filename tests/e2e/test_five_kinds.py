"""A project with all five service kinds (business API, PostgreSQL data API, MongoDB data API, worker, bot) and
events between them passes its own `make check` at the lowest and the highest level e2e covers: ruff, ruff format,
mypy --strict and pytest with the level's coverage threshold in every service, against a real PostgreSQL, RabbitMQ
and Redis. The levels between add a subset of the highest level's features; test_generated_project.py runs each.

No test may skip: the data_mongo service's real-MongoDB tests run against the FerretDB server of
scripts/mongo-server.sh (a MongoDB wire-protocol server; Debian ships no MongoDB) or AMGEN_E2E_MONGODB_URL. The api
and data_postgres kinds run on PostgreSQL here (TEST_DATABASE_URL); test_generated_project.py runs them on SQLite,
the default for development.

The spec is examples/clinic-reminders/amgen.yaml (services, jobs, commands, a mongo entity, two events).
"""

from __future__ import annotations

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
# MongoDB commands drivers send on connect and to check the server: not a sign that tests ran.
MONGODB_HOUSEKEEPING = re.compile(r"^(hello|ismaster|isMaster|ping|buildInfo|buildinfo|endSessions|getParameter)$")
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


def mongodb_commands_from_tests(mongodb: ScriptServer) -> int:
    """Data commands the server answered since the last reset (which restarts it), less the handshake and probes."""
    total = 0
    for line in mongodb.run("commands").splitlines():
        name, _, count = line.partition(" ")
        if not MONGODB_HOUSEKEEPING.match(name):
            total += int(count)
    return total


def assert_no_skips(skips: list[Skip]) -> None:
    """Fails on any skip, naming each: every server the generated tests need was given to them."""
    if skips:
        listed = "\n".join(f"  {skip.service or '?'}: [{skip.count}] {skip.where}: {skip.reason}" for skip in skips)
        pytest.fail(
            "tests skipped although TEST_DATABASE_URL, RABBITMQ_URL, REDIS_URL and MONGODB_URL were set:\n" + listed,
            pytrace=False,
        )


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
    mongodb: ScriptServer,
    coverage_rows: list[tuple[str, str, str]],
) -> None:
    project = five_kinds_project
    assert project.services == FIVE_KINDS_SERVICES, f"rendered services in {project.path}"
    postgres.require_fresh_database()
    rabbitmq.require_fresh()
    redis.require_fresh()
    mongodb.require_fresh()
    shared_venv.install(project)

    servers = {"RABBITMQ_URL": rabbitmq.url, "REDIS_URL": redis.url, "MONGODB_URL": mongodb.url}
    servers["PYTEST_ADDOPTS"] = "-rs"
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
    if result.returncode == 0:
        assert_no_skips(skips_by_service(result.output, project.services))
    assert_checks_passed(project, result, run_name, coverage_rows)
    coverage_rows.append((run_name, "(time)", f"make check took {result.seconds:.0f} s"))

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
    if mongodb.ours:
        mongodb_commands = mongodb_commands_from_tests(mongodb)
        coverage_rows.append((run_name, "(mongodb)", f"{mongodb_commands} commands sent to {mongodb.url}"))
        assert mongodb_commands > 0, f"make check passed with MONGODB_URL={mongodb.url} but sent no command to it"
