"""The docker-compose.yml amgen renders is a valid Compose file (the compose-spec package's strict parser and the
Specification's models, after Compose's own interpolation, with and without `.env`), every variable it reads is
listed in .env.example, and its cross-references hold: each depends_on target exists and, when waited on until
healthy, has a health check. For the five-kinds spec it also carries RabbitMQ, Redis and MongoDB with health checks,
and each new service gets the environment the design gives it.

From level 2 the project also has docker-compose.dev.yml (an override: every service it names exists in the base
file, and the base merged with it the way Compose merges `-f a -f b` is valid) and docker-compose.test.yml (the
servers the tests use plus a runner of `make check` pointed at them); level 1 has neither. No Docker engine is
needed: `docker compose config` is replaced by the same checks as for docker-compose.yml.

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
    merge_compose,
    read_env_file,
    validate_compose,
    validate_document,
    variables_in,
)
from generated_projects import LEVELS, GeneratedProject, render_project
from harness import Amgen, path_from_env

FIVE_KINDS_SPEC = Path(__file__).resolve().parents[2] / "examples" / "clinic-reminders" / "amgen.yaml"
# Level 4 is rendered here too (its make check runs on the p2p-lending example): it adds the `elk` profile
# (Elasticsearch, Kibana, Filebeat) and a persistent Redis for the business API's accounts and tokens.
COMPOSE_LEVELS = sorted({*LEVELS, 4})
CASES = [("clinic", level) for level in COMPOSE_LEVELS] + [("five_kinds", level) for level in COMPOSE_LEVELS]
FIVE_KINDS_CASES = [case for case in CASES if case[0] == "five_kinds"]
COMPOSE_DEV_SINCE = 2
DEV_FILES = ["docker-compose.dev.yml", "docker-compose.test.yml", "Dockerfile.test"]


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


def compose_document(
    project: GeneratedProject, env: dict[str, str], file_name: str = "docker-compose.yml"
) -> dict[str, Any]:
    try:
        return validate_compose(project.path, env, file_name)
    except (ValueError, InterpolationError) as error:
        pytest.fail(f"{project.path / file_name} is not a valid Compose file: {error}", pytrace=False)


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
    if case == "clinic" and project.level < 4:
        assert not set(infrastructure) & set(services), "a project without events or mongo entities needs none"
        return
    if case == "clinic":
        assert set(infrastructure) & set(services) == {"redis"}, "level 4 keeps accounts and tokens in Redis"
        infrastructure = {"redis": infrastructure["redis"]}
    for name, image in infrastructure.items():
        assert services[name]["image"] == image
        assert services[name]["healthcheck"]["test"][0] in {"CMD", "CMD-SHELL"}


def test_the_elk_profile_is_opt_in_and_only_at_level_4(rendered: tuple[str, GeneratedProject]) -> None:
    _, project = rendered
    services = compose_document(project, {})["services"]
    elk = {"elasticsearch", "kibana", "filebeat"}
    if project.level < 4:
        assert not elk & set(services)
        return
    assert elk <= set(services)
    # Only the three ELK services are in a profile: `docker compose up` starts everything else as before.
    assert {name for name, service in services.items() if "profiles" in service} == elk
    for name in elk:
        assert services[name]["profiles"] == ["elk"]
    assert services["elasticsearch"]["healthcheck"]["test"][0] == "CMD-SHELL"
    for name in ("kibana", "filebeat"):
        assert services[name]["depends_on"]["elasticsearch"]["condition"] == "service_healthy"
    # Published on the host's loopback only: Elasticsearch runs without security in this profile.
    for name in ("elasticsearch", "kibana"):
        assert services[name]["ports"] and all(
            str(port).startswith("127.0.0.1:") for port in services[name]["ports"]
        ), name


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


def test_the_business_api_gets_its_security_settings(rendered: tuple[str, GeneratedProject]) -> None:
    case, project = rendered
    document = compose_document(project, read_env_file(project.path / ".env.example"))
    services = document["services"]
    api = services["healthcare_clinic_api"]
    assert ("API_KEYS" in api["environment"]) is (project.level >= 3)
    if project.level < 4:
        assert "JWT_SECRET_KEY" not in read_env_file(project.path / ".env.example")
        return
    # Accounts live in Redis: it must persist them, and the API must wait for it.
    assert "JWT_SECRET_KEY" in read_env_file(project.path / ".env.example")
    assert api["environment"]["REDIS_URL"] == "redis://redis:6379/0"
    assert api["depends_on"]["redis"]["condition"] == "service_healthy"
    assert services["redis"]["command"] == ["redis-server", "--appendonly", "yes"]
    assert "redis_data" in document["volumes"]
    if case == "five_kinds":
        for worker_or_bot in ("healthcare_reminders_worker", "healthcare_notifications_bot"):
            assert "API_KEY" in services[worker_or_bot]["environment"]
def test_dev_and_test_compose_files_exist_from_level_2(rendered: tuple[str, GeneratedProject]) -> None:
    _, project = rendered
    present = [name for name in DEV_FILES if (project.path / name).is_file()]
    assert present == (DEV_FILES if project.level >= COMPOSE_DEV_SINCE else [])
    makefile = (project.path / "Makefile").read_text()
    assert ("up-dev:" in makefile and "test-docker:" in makefile) == (project.level >= COMPOSE_DEV_SINCE)


def test_dev_override_is_valid_alone_and_merged_over_the_base(rendered: tuple[str, GeneratedProject]) -> None:
    _, project = rendered
    if project.level < COMPOSE_DEV_SINCE:
        return
    for env in ({}, read_env_file(project.path / ".env.example")):
        base = compose_document(project, env)
        override = compose_document(project, env, "docker-compose.dev.yml")
        # An override adds to services of the base: a name of its own would be a new, incomplete service.
        assert sorted(set(override["services"]) - set(base["services"])) == []
        assert sorted(override["services"]) == sorted(project.services)
        merged = merge_compose(base, override)
        try:
            validate_document(merged)
        except ValueError as error:
            pytest.fail(f"docker-compose.yml merged with docker-compose.dev.yml is invalid: {error}", pytrace=False)
        assert cross_reference_errors(project.path, merged) == []
    assert variables_in((project.path / "docker-compose.dev.yml").read_text()) == set()
    for name in project.services:
        service = merged["services"][name]
        assert service["environment"]["LOG_LEVEL"] == "DEBUG"
        assert f"./services/{name}/src:/app/src:ro" in service["volumes"]
        assert "./shared:/app/shared:ro" in service["volumes"]
        assert service["build"]["dockerfile"] == f"services/{name}/Dockerfile", "the override keeps the base build"
        if name.endswith(("_api", "_data_postgres", "_data_mongo")):
            command = " ".join(service["command"])
            assert "uvicorn src.main:app" in command and "--reload" in command, name
        else:
            assert "command" not in service, f"{name} keeps its image's command"


def test_test_compose_file_runs_make_check_against_its_servers(rendered: tuple[str, GeneratedProject]) -> None:
    case, project = rendered
    if project.level < COMPOSE_DEV_SINCE:
        return
    document = compose_document(project, {}, "docker-compose.test.yml")
    assert cross_reference_errors(project.path, document) == []
    assert variables_in((project.path / "docker-compose.test.yml").read_text()) == set()
    services = document["services"]
    servers = {"postgres"} | ({"rabbitmq", "redis", "mongo"} if case == "five_kinds" else set())
    if project.level >= 4:
        servers.add("redis")  # the business API's accounts and tokens (levels.yaml: oauth2_jwt needs redis)
    assert set(services) == servers | {"tests"}
    runner = services["tests"]
    assert runner["build"]["dockerfile"] == "Dockerfile.test"
    assert 'CMD ["make", "check", "VENV=/opt/venv"]' in (project.path / "Dockerfile.test").read_text()
    assert {name: spec["condition"] for name, spec in runner["depends_on"].items()} == dict.fromkeys(
        servers, "service_healthy"
    )
    environment = runner["environment"]
    assert environment["TEST_DATABASE_URL"] == "postgresql+asyncpg://test:test@postgres:5432/test"
    if case == "five_kinds":
        assert environment["RABBITMQ_URL"] == "amqp://guest:guest@rabbitmq:5672/"
        assert environment["REDIS_URL"].startswith("redis://redis:6379/")
        assert environment["MONGODB_URL"] == "mongodb://mongo:27017"
    assert ("REDIS_URL" in environment) == ("redis" in servers)
    for name, service in services.items():
        assert "ports" not in service, f"{name}: the test stack publishes no host port"


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


def test_merge_follows_compose_merge_rules() -> None:
    base = yaml.safe_load(VALID)
    override = {
        "services": {
            "app": {
                "command": ["serve", "--reload"],
                "environment": {"LOG_LEVEL": "DEBUG"},
                "volumes": ["./src:/app/src:ro"],
                "ports": ["8001:8000"],
            },
            "db": {"volumes": ["./data:/var/lib/postgresql/data"], "healthcheck": {"test": ["CMD", "true"]}},
        }
    }
    base["services"]["app"].update({"command": ["serve"], "volumes": ["src:/app/src", "logs:/app/logs"]})
    base["services"]["db"]["volumes"] = ["db_data:/var/lib/postgresql/data"]
    merged = merge_compose(base, override)
    app, db = merged["services"]["app"], merged["services"]["db"]
    assert app["command"] == ["serve", "--reload"]
    assert app["volumes"] == ["logs:/app/logs", "./src:/app/src:ro"]
    assert app["environment"] == {"LOG_LEVEL": "DEBUG"}
    assert app["ports"] == ["8001:8000"]
    assert app["depends_on"] == {"db": {"condition": "service_healthy"}}
    assert db["volumes"] == ["./data:/var/lib/postgresql/data"]
    assert db["healthcheck"] == {"test": ["CMD", "true"], "interval": "5s"}
    assert db["ports"] == ["${DB_PORT:-5432}:5432"]


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
