"""A rendered project's `make check` against the real servers of the scripts (PostgreSQL, RabbitMQ, Redis and the
MongoDB-compatible FerretDB), with no test skipped, and proof afterwards that its tests really used each server it
needs: rows inserted, messages published, commands sent. Shared by the five-kinds project and the examples.
"""

from __future__ import annotations

import re
import time
from dataclasses import dataclass

import pytest

from generated_projects import (
    CHECK_TIMEOUT_S,
    GeneratedProject,
    Postgres,
    ScriptServer,
    SharedVenv,
    Skip,
    assert_checks_passed,
    make_env,
    run_make,
    skips_by_service,
)

# MongoDB commands drivers send on connect and to check the server: not a sign that tests ran.
MONGODB_HOUSEKEEPING = re.compile(r"^(hello|ismaster|isMaster|ping|buildInfo|buildinfo|endSessions|getParameter)$")
# Redis commands the e2e itself sends (reset, statistics) or clients send on connect: not a sign that tests ran.
REDIS_HOUSEKEEPING = re.compile(r"^(info|config|flushall|flushdb|ping|command|hello|client|select|quit)(\||$)")


@dataclass(frozen=True)
class RealServers:
    postgres: Postgres
    rabbitmq: ScriptServer
    redis: ScriptServer
    mongodb: ScriptServer


@dataclass(frozen=True)
class ServersUsed:
    """Which servers a project's tests need, from what was rendered."""

    rabbitmq: bool
    redis: bool
    mongodb: bool

    @classmethod
    def by(cls, project: GeneratedProject) -> ServersUsed:
        services = project.path / "services"
        requirements = " ".join((services / name / "pyproject.toml").read_text() for name in project.services)
        return cls(
            rabbitmq=(project.path / "shared" / "messaging").is_dir(),
            redis='"redis' in requirements,
            mongodb=any(service.endswith("_data_mongo") for service in project.services),
        )


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


def check_with_real_servers(
    project: GeneratedProject,
    run_name: str,
    shared_venv: SharedVenv,
    servers: RealServers,
    coverage_rows: list[tuple[str, str, str]],
) -> None:
    """`make check` of `project` with every server's URL set: each service passes with the level's coverage and no
    skipped test, and each server the project needs saw traffic from the tests (when it is the scripts' own)."""
    postgres, rabbitmq, redis, mongodb = servers.postgres, servers.rabbitmq, servers.redis, servers.mongodb
    used = ServersUsed.by(project)
    postgres.require_fresh_database()
    rabbitmq.require_fresh()
    redis.require_fresh()
    mongodb.require_fresh()
    shared_venv.install(project)

    variables = {"RABBITMQ_URL": rabbitmq.url, "REDIS_URL": redis.url, "MONGODB_URL": mongodb.url}
    variables["PYTEST_ADDOPTS"] = "-rs"
    published_before = rabbitmq_messages_received(rabbitmq) if rabbitmq.ours else 0
    inserted_before = postgres.rows_inserted()
    result = run_make(
        project,
        "check",
        {"VENV": str(shared_venv.path)},
        make_env(postgres.url, variables),
        CHECK_TIMEOUT_S,
        "make-check-" + re.sub(r"[^a-z0-9]+", "-", run_name.lower()),
    )
    if result.returncode == 0:
        assert_no_skips(skips_by_service(result.output, project.services))
    assert_checks_passed(project, result, run_name, coverage_rows)
    coverage_rows.append((run_name, "(time)", f"make check took {result.seconds:.0f} s"))

    # Proof that the tests used the servers rather than fakes alone (only possible for the scripts' own servers).
    inserted = wait_for_rows_inserted_beyond(postgres, inserted_before) - inserted_before
    coverage_rows.append((run_name, "(postgresql)", f"{inserted} rows inserted into {postgres.url}"))
    assert inserted > 0, f"make check passed with TEST_DATABASE_URL={postgres.url} but inserted no row"
    if used.rabbitmq and rabbitmq.ours:
        published = rabbitmq_messages_received(rabbitmq) - published_before
        coverage_rows.append((run_name, "(rabbitmq)", f"{published} messages published to {rabbitmq.url}"))
        assert published > 0, f"make check passed with RABBITMQ_URL={rabbitmq.url} but published no message to it"
    if used.redis and redis.ours:
        commands = redis_commands_from_tests(redis)
        coverage_rows.append((run_name, "(redis)", f"{commands} commands sent to {redis.url}"))
        assert commands > 0, f"make check passed with REDIS_URL={redis.url} but sent no command to it"
    if used.mongodb and mongodb.ours:
        mongodb_commands = mongodb_commands_from_tests(mongodb)
        coverage_rows.append((run_name, "(mongodb)", f"{mongodb_commands} commands sent to {mongodb.url}"))
        assert mongodb_commands > 0, f"make check passed with MONGODB_URL={mongodb.url} but sent no command to it"
