"""The docker-compose.yml amgen renders is a valid Compose file (the compose-spec package's strict parser and the
Specification's models, after Compose's own interpolation, with and without `.env`), every variable it reads is
listed in .env.example, and its cross-references hold: each depends_on target exists and, when waited on until
healthy, has a health check. For the five-kinds spec it also carries RabbitMQ, Redis and MongoDB with health checks,
and each new service gets the environment the design gives it.

From level 3, docker-compose.prod.yml is an override of it: merged as `docker compose -f docker-compose.yml -f
docker-compose.prod.yml` does (`!reset`, `!override`, appended sequences), the result is valid too, names only
services of the base file, sets limits, reservations, restart policies and replicas, publishes no data port, mounts
no host path and refuses to start without the passwords.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from compose_check import (
    InterpolationError,
    cross_reference_errors,
    interpolate_string,
    load_compose_file,
    read_env_file,
    validate_compose,
    variables_in,
)
from generated_projects import LEVELS, GeneratedProject, render_project
from harness import Amgen, path_from_env

FIVE_KINDS_SPEC = Path(__file__).resolve().parents[2] / "examples" / "clinic-reminders" / "amgen.yaml"
CASES = [("clinic", level) for level in LEVELS] + [("five_kinds", level) for level in LEVELS]
FIVE_KINDS_CASES = [case for case in CASES if case[0] == "five_kinds"]


def case_id(case: tuple[str, int]) -> str:
    return f"{case[0]}-level{case[1]}"


def spec_for(case: str) -> Path:
    return FIVE_KINDS_SPEC if case == "five_kinds" else path_from_env("AMGEN_E2E_SPEC", "examples/clinic/amgen.yaml")


@pytest.fixture(scope="module", params=CASES, ids=case_id)
def rendered(
    request: pytest.FixtureRequest, amgen: Amgen, tmp_path_factory: pytest.TempPathFactory
) -> tuple[str, GeneratedProject]:
    case, level = request.param
    spec = spec_for(case)
    name = str(yaml.safe_load(spec.read_text())["project"]["name"])
    return case, render_project(amgen, spec, name, level, tmp_path_factory, f"compose-{case}")


def compose_document(project: GeneratedProject, env: dict[str, str]) -> dict[str, Any]:
    try:
        return validate_compose(project.path, env)
    except (ValueError, InterpolationError) as error:
        pytest.fail(f"{project.path / 'docker-compose.yml'} is not a valid Compose file: {error}", pytrace=False)


def test_compose_file_is_valid_with_defaults_and_with_env_example(rendered: tuple[str, GeneratedProject]) -> None:
    _, project = rendered
    # Without .env (the `${VAR:-default}` defaults) and after `cp .env.example .env` (Compose reads .env for
    # interpolation): both must be valid.
    without_env = compose_document(project, {})
    with_env = compose_document(project, read_env_file(project.path / ".env.example"))
    assert sorted(without_env["services"]) == sorted(with_env["services"])
    assert cross_reference_errors(project.path, without_env) == []


def test_every_variable_the_compose_file_reads_is_in_env_example(rendered: tuple[str, GeneratedProject]) -> None:
    _, project = rendered
    used = variables_in((project.path / "docker-compose.yml").read_text())
    listed = set(read_env_file(project.path / ".env.example"))
    assert sorted(used - listed) == []


def test_every_service_is_in_the_compose_file(rendered: tuple[str, GeneratedProject]) -> None:
    _, project = rendered
    document = compose_document(project, {})
    assert set(project.services) <= set(document["services"])
    for service in project.services:
        assert document["services"][service]["build"]["dockerfile"] == f"services/{service}/Dockerfile"


def test_infrastructure_matches_the_spec(rendered: tuple[str, GeneratedProject]) -> None:
    case, project = rendered
    services = compose_document(project, {})["services"]
    infrastructure = {"rabbitmq": "rabbitmq:3.13-management", "redis": "redis:7-alpine", "mongo": "mongo:7.0.9"}
    if case == "clinic":
        assert not set(infrastructure) & set(services), "a project without events or mongo entities needs none"
        return
    for name, image in infrastructure.items():
        assert services[name]["image"] == image
        assert services[name]["healthcheck"]["test"][0] in {"CMD", "CMD-SHELL"}


@pytest.mark.parametrize("rendered", FIVE_KINDS_CASES, ids=case_id, indirect=True)
def test_five_kinds_services_get_their_environment_and_dependencies(rendered: tuple[str, GeneratedProject]) -> None:
    _, project = rendered
    services = compose_document(project, {})["services"]
    api, worker, bot, mongo = (
        services["healthcare_clinic_api"],
        services["healthcare_reminders_worker"],
        services["healthcare_notifications_bot"],
        services["healthcare_records_data_mongo"],
    )
    broker = "amqp://guest:guest@rabbitmq:5672/"
    assert api["environment"]["RABBITMQ_URL"] == broker
    assert api["environment"]["HEALTHCARE_RECORDS_DATA_MONGO_URL"] == "http://healthcare_records_data_mongo:8000"
    assert worker["environment"]["RABBITMQ_URL"] == broker
    assert worker["environment"]["REDIS_URL"] == "redis://redis:6379/2"
    assert worker["environment"]["HEALTHCARE_CLINIC_API_URL"] == "http://healthcare_clinic_api:8000"
    assert bot["environment"]["REDIS_URL"] == "redis://redis:6379/1"
    assert bot["environment"]["HEALTHCARE_CLINIC_API_URL"] == "http://healthcare_clinic_api:8000"
    assert {"TELEGRAM_BOT_TOKEN", "BOT_WEBHOOK_URL"} <= set(bot["environment"])
    assert mongo["environment"]["MONGODB_URL"] == "mongodb://mongo:27017"
    assert mongo["environment"]["MONGODB_DATABASE"] == "healthcare_records_data_mongo"
    for name, service, needs in [
        ("worker", worker, {"rabbitmq", "redis", "healthcare_clinic_api"}),
        ("bot", bot, {"rabbitmq", "redis", "healthcare_clinic_api"}),
        ("data_mongo", mongo, {"mongo"}),
    ]:
        assert needs <= set(service["depends_on"]), name
        for infra in needs & {"rabbitmq", "redis", "mongo"}:
            assert service["depends_on"][infra]["condition"] == "service_healthy", (name, infra)


# The checker itself: a validator that accepts everything proves nothing.
VALID = """\
name: demo
services:
  db:
    image: postgres:16
    ports: ["${DB_PORT:-5432}:5432"]
    healthcheck: {test: ["CMD-SHELL", "pg_isready -U $${POSTGRES_USER}"], interval: 5s}
  app:
    image: python:3.12-slim
    env_file: [{path: .env, required: false}]
    depends_on: {db: {condition: service_healthy}}
"""


def write_project(tmp_path: Path, compose: str) -> Path:
    (tmp_path / "docker-compose.yml").write_text(compose)
    return tmp_path


def test_checker_accepts_a_valid_file(tmp_path: Path) -> None:
    document = validate_compose(write_project(tmp_path, VALID), {})
    assert document["services"]["db"]["ports"] == ["5432:5432"]
    assert document["services"]["db"]["healthcheck"]["test"][1] == "pg_isready -U ${POSTGRES_USER}"
    assert cross_reference_errors(tmp_path, document) == []


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (("    ports:", "    portz:"), "portz"),
        (("condition: service_healthy", "condition: service_hearty"), "service_hearty"),
        (("interval: 5s", "interval: [5]"), "duration"),
    ],
    ids=["unknown-key", "bad-condition", "bad-type"],
)
def test_checker_rejects_schema_errors(tmp_path: Path, change: tuple[str, str], expected: str) -> None:
    broken = VALID.replace(*change)
    assert broken != VALID
    with pytest.raises(ValueError, match=expected):
        validate_compose(write_project(tmp_path, broken), {})


def test_checker_reports_dangling_and_unhealthy_dependencies(tmp_path: Path) -> None:
    broken = VALID.replace("depends_on: {db:", "depends_on: {cache: {condition: service_started}, db:").replace(
        '    healthcheck: {test: ["CMD-SHELL", "pg_isready -U $${POSTGRES_USER}"], interval: 5s}\n', ""
    )
    document = validate_compose(write_project(tmp_path, broken), {})
    assert cross_reference_errors(tmp_path, document) == [
        "app: depends on undefined service cache",
        "app: waits for db to be healthy, but db has no health check",
    ]


@pytest.mark.parametrize(
    ("text", "env", "expected"),
    [
        ("${A:-x}", {}, "x"),
        ("${A:-x}", {"A": ""}, "x"),
        ("${A-x}", {"A": ""}, ""),
        ("${A:-x}", {"A": "y"}, "y"),
        ("$A/${B}", {"A": "1", "B": "2"}, "1/2"),
        ("$${A}", {"A": "1"}, "${A}"),
        ("${A:+set}", {"A": "1"}, "set"),
        ("${A:+set}", {}, ""),
    ],
)
def test_interpolation_follows_compose(text: str, env: dict[str, str], expected: str) -> None:
    assert interpolate_string(text, env) == expected


def test_interpolation_of_a_required_missing_variable_fails() -> None:
    with pytest.raises(InterpolationError, match="TOKEN"):
        interpolate_string("${TOKEN:?set TOKEN in .env}", {})


# --- docker-compose.prod.yml (feature compose_prod, level 3 and above): an override of docker-compose.yml.
PROD_FILES = ("docker-compose.yml", "docker-compose.prod.yml")
PROD_CASES = [("clinic", 3), ("five_kinds", 3)]
DATA_STORES = {"postgres", "rabbitmq", "redis", "mongo"}
SECRETS = {"POSTGRES_PASSWORD", "RABBITMQ_PASSWORD", "GRAFANA_ADMIN_PASSWORD"}


@pytest.fixture(scope="module", params=PROD_CASES, ids=case_id)
def prod(request: pytest.FixtureRequest, amgen: Amgen, tmp_path_factory: pytest.TempPathFactory) -> GeneratedProject:
    case, level = request.param
    spec = spec_for(case)
    name = str(yaml.safe_load(spec.read_text())["project"]["name"])
    return render_project(amgen, spec, name, level, tmp_path_factory, f"compose-prod-{case}")


def prod_document(project: GeneratedProject) -> dict[str, Any]:
    try:
        return validate_compose(project.path, read_env_file(project.path / ".env.example"), PROD_FILES)
    except (ValueError, InterpolationError) as error:
        pytest.fail(f"docker-compose.prod.yml over docker-compose.yml is not valid: {error}", pytrace=False)


def test_levels_below_3_have_no_production_override(rendered: tuple[str, GeneratedProject]) -> None:
    _, project = rendered
    assert (project.path / "docker-compose.prod.yml").is_file() == (project.level >= 3)
    assert ("up-prod:" in (project.path / "Makefile").read_text()) == (project.level >= 3)


def test_production_override_merges_into_a_valid_file(prod: GeneratedProject) -> None:
    merged = prod_document(prod)
    assert cross_reference_errors(prod.path, merged) == []
    base = compose_document(prod, read_env_file(prod.path / ".env.example"))
    assert set(merged["services"]) == set(base["services"])


def test_production_override_names_only_services_of_the_base_file(prod: GeneratedProject) -> None:
    override = load_compose_file(prod.path / "docker-compose.prod.yml", read_env_file(prod.path / ".env.example"))
    base = compose_document(prod, {})
    assert set(override["services"]) <= set(base["services"])
    # It covers every service: none keeps the development settings in production.
    assert set(override["services"]) == set(base["services"])


def test_production_passwords_have_no_defaults(prod: GeneratedProject) -> None:
    text = (prod.path / "docker-compose.prod.yml").read_text()
    assert variables_in(text) <= set(read_env_file(prod.path / ".env.example"))
    for secret in SECRETS & variables_in(text):
        assert f"${{{secret}:?" in text, f"{secret} keeps a default in production"
    with pytest.raises(InterpolationError, match="POSTGRES_PASSWORD"):
        validate_compose(prod.path, {}, PROD_FILES)


def test_production_limits_restarts_replicas_and_exposure(prod: GeneratedProject) -> None:
    services = prod_document(prod)["services"]
    built = {name for name, service in services.items() if "build" in service}
    assert set(prod.services) == built
    for name, service in services.items():
        assert service["restart"] == "unless-stopped", name
        resources = service["deploy"]["resources"]
        assert resources["limits"]["cpus"] and resources["limits"]["memory"], name
        assert resources["reservations"]["cpus"] and resources["reservations"]["memory"], name
        # Named volumes only: no bind mount of the host's files into any container.
        for mount in service.get("volumes", []):
            source = mount.split(":", 1)[0] if isinstance(mount, str) else mount.get("source", "")
            assert not source.startswith((".", "/", "~")), f"{name} bind-mounts {source}"
        if name in DATA_STORES:
            assert "ports" not in service, f"{name} publishes a data port"
    for name in built:
        assert services[name]["read_only"] is True, name
        assert "/tmp" in services[name]["tmpfs"], name
        if name.endswith("_api"):
            assert services[name]["deploy"]["replicas"] >= 2, "the business API is stateless"
            assert "ports" not in services[name], "replicas of the API are reached through the gateway"
        if name.endswith(("_data_postgres", "_data_mongo", "_worker")):
            assert "ports" not in services[name], f"{name} is published on the host"
    published = {name for name, service in services.items() if service.get("ports")}
    assert published <= {"gateway", "prometheus", "grafana"} | {n for n in built if n.endswith("_bot")}
    for name in {"prometheus", "grafana"} & published:
        assert all(str(port).startswith("127.0.0.1:") for port in services[name]["ports"]), name


def test_production_configuration_files_are_configs_and_the_key_a_secret(prod: GeneratedProject) -> None:
    document = prod_document(prod)
    gateway = document["services"]["gateway"]
    assert {c["target"] for c in gateway["configs"]} >= {"/etc/nginx/nginx.conf", "/etc/nginx/upstreams.conf"}
    assert [s["target"] for s in gateway["secrets"]] == ["/etc/nginx/certs/server.key"]
    for section in ("configs", "secrets"):
        for name, entry in document.get(section, {}).items():
            path = prod.path / entry["file"]
            # The certificate and key are the operator's (or `make certs`' for a trial): everything else is rendered.
            if not entry["file"].startswith("./gateway/certs/"):
                assert path.is_file(), f"{section}.{name}: no {entry['file']}"
    for service in document["services"].values():
        for reference in service.get("configs", []):
            assert reference["source"] in document["configs"]
        for reference in service.get("secrets", []):
            assert reference["source"] in document["secrets"]


def test_merge_follows_compose_reset_override_and_append(tmp_path: Path) -> None:
    (tmp_path / "docker-compose.yml").write_text(VALID)
    (tmp_path / "docker-compose.prod.yml").write_text(
        "services:\n"
        "  db:\n    ports: !reset []\n    healthcheck: {test: [CMD, \"true\"]}\n"
        "  app:\n    env_file: !override [{path: prod.env, required: false}]\n    tmpfs: [/tmp]\n"
    )
    merged = validate_compose(tmp_path, {}, ("docker-compose.yml", "docker-compose.prod.yml"))
    assert "ports" not in merged["services"]["db"]
    assert merged["services"]["db"]["healthcheck"] == {"test": ["CMD", "true"], "interval": "5s"}
    assert merged["services"]["app"]["env_file"] == [{"path": "prod.env", "required": False}]
    assert merged["services"]["app"]["tmpfs"] == ["/tmp"]
