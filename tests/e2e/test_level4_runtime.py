"""Level 4's runtime resilience and tracing, as rendered for the five-kinds spec: the shared tracing and circuit
breaker modules, the Jaeger service of docker-compose.yml (checked by the compose-spec parser and models, with and
without `.env`) with every service pointed at it, the OpenTelemetry dependencies of every service and the breaker
settings of the business API; level 3 renders none of it. The generated services' own tests (run by `make check`)
prove the behaviour: spans across HTTP and AMQP, the breaker's states.
"""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

import pytest
import yaml

from compose_check import cross_reference_errors, read_env_file, validate_compose, variables_in
from generated_projects import GeneratedProject, render_project
from harness import Amgen

FIVE_KINDS_SPEC = Path(__file__).resolve().parents[2] / "examples" / "clinic-reminders" / "amgen.yaml"
SHARED_FILES = [
    "shared/observability/__init__.py",
    "shared/observability/tracing.py",
    "shared/resilience/__init__.py",
    "shared/resilience/circuit_breaker.py",
]
API = "healthcare_clinic_api"
OTLP_ENDPOINT = "http://jaeger:4318"


def render(amgen: Amgen, level: int, tmp_path_factory: pytest.TempPathFactory) -> GeneratedProject:
    name = str(yaml.safe_load(FIVE_KINDS_SPEC.read_text())["project"]["name"])
    return render_project(amgen, FIVE_KINDS_SPEC, name, level, tmp_path_factory, "runtime")


@pytest.fixture(scope="module")
def level4(amgen: Amgen, tmp_path_factory: pytest.TempPathFactory) -> GeneratedProject:
    return render(amgen, 4, tmp_path_factory)


@pytest.fixture(scope="module")
def level3(amgen: Amgen, tmp_path_factory: pytest.TempPathFactory) -> GeneratedProject:
    return render(amgen, 3, tmp_path_factory)


def compose(project: GeneratedProject, env: dict[str, str] | None = None) -> dict[str, Any]:
    try:
        return validate_compose(project.path, env or {})
    except ValueError as error:
        pytest.fail(f"{project.path / 'docker-compose.yml'} is not a valid Compose file: {error}", pytrace=False)


def dependencies(project: GeneratedProject, service: str) -> list[str]:
    pyproject = tomllib.loads((project.path / "services" / service / "pyproject.toml").read_text())
    return [str(requirement) for requirement in pyproject["project"]["dependencies"]]


def test_level_4_renders_the_shared_tracing_and_breaker_modules(level4: GeneratedProject) -> None:
    assert [path for path in SHARED_FILES if not (level4.path / path).is_file()] == []


def test_jaeger_receives_otlp_and_every_service_sends_there(level4: GeneratedProject) -> None:
    document = compose(level4)
    with_env = compose(level4, read_env_file(level4.path / ".env.example"))
    assert cross_reference_errors(level4.path, document) == []
    jaeger = document["services"]["jaeger"]
    assert jaeger["image"].startswith("jaegertracing/all-in-one:")
    assert jaeger["environment"]["COLLECTOR_OTLP_ENABLED"] == "true"
    assert jaeger["healthcheck"]["test"][0] in {"CMD", "CMD-SHELL"}
    assert any(str(port).endswith(":4318") for port in jaeger["ports"])
    assert any(str(port).endswith(":16686") for port in jaeger["ports"])
    assert len(level4.services) == 5
    for service in level4.services:
        assert document["services"][service]["environment"]["OTEL_EXPORTER_OTLP_ENDPOINT"] == OTLP_ENDPOINT, service
        # `.env` sets the variable empty for `make run-*`: compose still points the containers at Jaeger.
        assert with_env["services"][service]["environment"]["OTEL_EXPORTER_OTLP_ENDPOINT"] == OTLP_ENDPOINT, service


def test_every_variable_the_level_4_compose_file_reads_is_in_env_example(level4: GeneratedProject) -> None:
    used = variables_in((level4.path / "docker-compose.yml").read_text())
    listed = read_env_file(level4.path / ".env.example")
    assert sorted(used - set(listed)) == []
    assert {"OTEL_EXPORTER_OTLP_ENDPOINT", "OTEL_SDK_DISABLED", "JAEGER_UI_PORT"} <= set(listed)
    assert listed["CIRCUIT_BREAKER_FAILURE_THRESHOLD"] == "5"
    assert listed["CIRCUIT_BREAKER_RESET_TIMEOUT_SECONDS"] == "30"


def test_every_service_depends_on_the_opentelemetry_sdk_and_exporter(level4: GeneratedProject) -> None:
    for service in level4.services:
        names = " ".join(dependencies(level4, service))
        for package in ("opentelemetry-api", "opentelemetry-sdk", "opentelemetry-exporter-otlp-proto-http"):
            assert package in names, (service, package)
    api = " ".join(dependencies(level4, API))
    assert "opentelemetry-instrumentation-fastapi" in api
    assert "opentelemetry-instrumentation-httpx" in api


def test_level_3_renders_no_tracing_and_no_breaker(level3: GeneratedProject) -> None:
    assert [path for path in SHARED_FILES if (level3.path / path).exists()] == []
    document = compose(level3)
    assert "jaeger" not in document["services"]
    for service in level3.services:
        assert "OTEL_EXPORTER_OTLP_ENDPOINT" not in (document["services"][service].get("environment") or {})
        assert not [d for d in dependencies(level3, service) if d.startswith("opentelemetry")], service
    env_example = (level3.path / ".env.example").read_text()
    assert "OTEL_" not in env_example
    assert "CIRCUIT_BREAKER" not in env_example
    api_sources = "\n".join(path.read_text() for path in (level3.path / "services" / API / "src").rglob("*.py"))
    assert "circuit" not in api_sources.lower()
    assert "opentelemetry" not in api_sources
