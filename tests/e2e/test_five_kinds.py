"""A project with all five service kinds (business API, PostgreSQL data API, MongoDB data API, worker, bot) and
events between them passes its own `make check` at level 3: ruff, ruff format, mypy --strict and pytest with the
level's coverage threshold in every service, against a real PostgreSQL, RabbitMQ and Redis. Then every service runs as
its own process and its /metrics page is scraped for the metrics the alert rules and the dashboard query.

No test may skip: the data_mongo service's real-MongoDB tests run against the FerretDB server of
scripts/mongo-server.sh (a MongoDB wire-protocol server; Debian ships no MongoDB) or AMGEN_E2E_MONGODB_URL. The api
and data_postgres kinds run on PostgreSQL here (TEST_DATABASE_URL); test_generated_project.py runs them on SQLite,
the default for development.

The spec is examples/clinic-reminders/amgen.yaml (services, jobs, commands, a mongo entity, two events).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml

from generated_projects import GeneratedProject, Postgres, ScriptServer, SharedVenv, make_env, render_project
from harness import Amgen
from prometheus_names import queried_metrics, scraped_series
from real_servers import RealServers, check_with_real_servers
from running_services import fake_telegram, http_get, running_services

FIVE_KINDS_SPEC = Path(__file__).resolve().parents[2] / "examples" / "clinic-reminders" / "amgen.yaml"
# Level 3 (Pre-Production): the level with metrics and the gateway below the production extras, so that one run
# checks every kind against real servers and scrapes the running services' /metrics. Levels 2 and 4 run the same
# kinds through the examples (test_examples.py), level 1 through test_generated_project.py.
FIVE_KINDS_LEVEL = 3
# The names the design gives the spec's services: <context>_<domain>_<type>.
FIVE_KINDS_SERVICES = [
    "healthcare_clinic_api",
    "healthcare_clinic_data_postgres",
    "healthcare_notifications_bot",
    "healthcare_records_data_mongo",
    "healthcare_reminders_worker",
]
# The key the live business API accepts (API_KEYS), and the worker, the bot (API_KEY) and the scrape send.
LIVE_API_KEY = "e2e-live-metrics-key"


@pytest.fixture(scope="module")
def five_kinds_spec() -> Path:
    assert FIVE_KINDS_SPEC.is_file(), f"missing {FIVE_KINDS_SPEC}"
    return FIVE_KINDS_SPEC


@pytest.fixture(scope="module", params=[FIVE_KINDS_LEVEL], ids=lambda level: f"level{level}")
def five_kinds_project(
    request: pytest.FixtureRequest, amgen: Amgen, five_kinds_spec: Path, tmp_path_factory: pytest.TempPathFactory
) -> GeneratedProject:
    name = str(yaml.safe_load(five_kinds_spec.read_text())["project"]["name"])
    return render_project(amgen, five_kinds_spec, name, request.param, tmp_path_factory, "five-kinds")


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
    servers = RealServers(postgres, rabbitmq, redis, mongodb)
    check_with_real_servers(project, f"level{project.level} five kinds", shared_venv, servers, coverage_rows)

@pytest.mark.heavy
def test_running_services_expose_every_metric_the_alerts_and_dashboard_query(
    five_kinds_project: GeneratedProject,
    shared_venv: SharedVenv,
    rabbitmq: ScriptServer,
    redis: ScriptServer,
    mongodb: ScriptServer,
    tmp_path: Path,
) -> None:
    """Each service runs as its own process (uvicorn, or `python -m src.main` for the worker and the bot, which
    polls a loopback stand-in for the Telegram Bot API); after some traffic their /metrics pages are scraped, and
    every metric an alert rule or a dashboard panel queries must be offered by one of them."""
    project = five_kinds_project
    assert project.level >= 3, "metrics come with level 3"
    shared_venv.install(project)
    environment = make_env(
        None,
        {
            "RABBITMQ_URL": rabbitmq.url,
            "REDIS_URL": redis.url,
            "TELEGRAM_BOT_TOKEN": "42:amgen-e2e",
            "MONGODB_URL": mongodb.url,
            "API_KEYS": LIVE_API_KEY,
            "API_KEY": LIVE_API_KEY,
        },
    )
    with fake_telegram() as (telegram_url, telegram_calls):
        environment["TELEGRAM_API_URL"] = telegram_url
        with running_services(project, shared_venv.path, environment, tmp_path) as services:
            api = next(service for name, service in services.items() if name.endswith("_api"))
            headers = {"X-API-Key": LIVE_API_KEY, "X-Request-ID": "live-metrics"}
            status, openapi = http_get(f"{api.url}/openapi.json")
            assert status == 200, openapi
            lists = [path for path in json.loads(openapi)["paths"] if path.startswith("/api/v1/") and "{" not in path]
            assert lists, "the business API lists nothing"
            for path in lists:
                status, body = http_get(f"{api.url}{path}", headers)
                assert status == 200, f"GET {path}: {status} {body}\n{api.log_tail()}"
            status, _ = http_get(f"{api.url}{lists[0]}/00000000-0000-4000-8000-000000000000", headers)
            assert status == 404
            scraped = {}
            for name, service in services.items():
                status, page = http_get(f"{service.url}/metrics")
                assert status == 200, f"{name} /metrics: {status}\n{service.log_tail()}"
                scraped[name] = scraped_series(page)
            assert "getupdates" in telegram_calls, f"the bot never polled the Bot API stand-in: {telegram_calls}"

    assert all(scraped.values()), f"a service exposes no series: {sorted(n for n, s in scraped.items() if not s)}"
    offered = set().union(*scraped.values()) | {"up"}
    missing = {where: sorted(names - offered) for where, names in queried_metrics(project).items() if names - offered}
    assert not missing, f"queried but offered by no running service: {missing}"
