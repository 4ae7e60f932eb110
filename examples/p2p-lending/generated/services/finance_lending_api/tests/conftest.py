"""Fixtures: the real data services in-process on a fresh database, and this service wired to them."""

import os
import logging
from collections.abc import AsyncIterator, Iterator
from contextlib import AsyncExitStack
from pathlib import Path
from types import ModuleType

import httpx
import pytest
from fastapi import FastAPI
from opentelemetry.sdk.trace import TracerProvider
from opentelemetry.sdk.trace.export import SimpleSpanProcessor
from opentelemetry.sdk.trace.export.in_memory_span_exporter import InMemorySpanExporter

from src.core.config import Settings
from src.domain.rules import borrower_rules
from src.domain.rules import lender_rules
from src.domain.rules import loan_application_rules
from src.domain.rules import investment_rules
from src.domain.rules import repayment_rules
from src.domain.rules import credit_score_record_rules
from src.domain.rules import audit_log_entry_rules
from src.main import create_app
from tests.data_services import DataService, load_data_service
from tests.helpers import AUTH_HEADERS
from tests.security_support import Accounts

DATA_SERVICES: list[DataService] = [
    load_data_service("finance_lending_data_postgres"),
    load_data_service("finance_audit_data_mongo"),
]


RULE_MODULES: list[ModuleType] = [
    borrower_rules,
    lender_rules,
    loan_application_rules,
    investment_rules,
    repayment_rules,
    credit_score_record_rules,
    audit_log_entry_rules,
]
"""The business rule modules of ``src/domain/rules``, one per entity."""
RULE_HOOKS = ("check_create", "check_update", "check_delete")
RULES_TESTS_DIR = Path(__file__).resolve().parent / "unit" / "rules"


async def accept_every_change(*_: object) -> None:
    """A rule hook that accepts every change and reads nothing."""


@pytest.fixture(autouse=True)
def _rules_accept_every_change(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> None:
    """amgen's tests check the plumbing, never what a business rule decides: in them every rule hook accepts every
    change. The tests under ``tests/unit/rules`` (yours, like the rules) run the real rules.
    """
    if RULES_TESTS_DIR in Path(request.node.path).resolve().parents:
        return
    for module in RULE_MODULES:
        for hook in RULE_HOOKS:
            monkeypatch.setattr(module, hook, accept_every_change)


@pytest.fixture
def data_requests() -> list[httpx.Request]:
    """Every request this service sent to a data service during the test."""
    return []


@pytest.fixture
async def data_http_clients(
    tmp_path: Path,
    data_requests: list[httpx.Request],
) -> AsyncIterator[dict[str, httpx.AsyncClient]]:
    """A client per data service, calling its real app in-process on an empty database (see ``data_services``)."""

    async def record(request: httpx.Request) -> None:
        data_requests.append(request)

    async with AsyncExitStack() as stack:
        clients: dict[str, httpx.AsyncClient] = {}
        for service in DATA_SERVICES:
            data_app = await stack.enter_async_context(service.serve(tmp_path))
            clients[service.name] = await stack.enter_async_context(
                httpx.AsyncClient(
                    transport=httpx.ASGITransport(app=data_app),
                    base_url=f"http://{service.name}",
                    event_hooks={"request": [record]},
                ),
            )
        yield clients


@pytest.fixture
async def app(data_http_clients: dict[str, httpx.AsyncClient]) -> AsyncIterator[FastAPI]:
    """This service, with its lifespan running and the in-process data services injected."""
    application = create_app(Settings(), http_clients=data_http_clients)
    async with application.router.lifespan_context(application):
        yield application


@pytest.fixture
async def client(app: FastAPI) -> AsyncIterator[httpx.AsyncClient]:
    """HTTP client calling this service in-process."""
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(
        transport=transport,
        base_url="http://finance-lending-api",
        headers=AUTH_HEADERS,
    ) as http_client:
        yield http_client


@pytest.fixture
async def accounts(app: FastAPI, caplog: pytest.LogCaptureFixture) -> AsyncIterator[Accounts]:
    """Accounts of the test in the Redis of ``REDIS_URL`` (removed afterwards); audit records are captured."""
    caplog.set_level(logging.INFO, logger="audit")
    registry = Accounts(app.state.security, [])
    try:
        yield registry
    finally:
        await registry.remove_all()


@pytest.fixture
def span_exporter() -> InMemorySpanExporter:
    """Keeps the spans of ``tracer_provider`` in memory: tracing tests export nothing over the network."""
    return InMemorySpanExporter()


@pytest.fixture
def tracer_provider(span_exporter: InMemorySpanExporter) -> Iterator[TracerProvider]:
    """A provider handing every finished span to ``span_exporter`` at once."""
    provider = TracerProvider()
    provider.add_span_processor(SimpleSpanProcessor(span_exporter))
    yield provider
    provider.shutdown()


def _refuse_connection(request: httpx.Request) -> httpx.Response:
    raise httpx.ConnectError("Connection refused", request=request)


@pytest.fixture
async def unreachable_client() -> AsyncIterator[httpx.AsyncClient]:
    """HTTP client calling this service while no data service can be reached."""
    async with AsyncExitStack() as stack:
        down = {
            service.name: await stack.enter_async_context(
                httpx.AsyncClient(transport=httpx.MockTransport(_refuse_connection), base_url=f"http://{service.name}"),
            )
            for service in DATA_SERVICES
        }
        application = create_app(Settings(), http_clients=down)
        await stack.enter_async_context(application.router.lifespan_context(application))
        transport = httpx.ASGITransport(app=application)
        yield await stack.enter_async_context(
            httpx.AsyncClient(transport=transport, base_url="http://test", headers=AUTH_HEADERS),
        )


_TEST_EVENTS_NAMESPACE = f"test-{os.getpid()}-{os.urandom(4).hex()}"


@pytest.fixture(autouse=True)
def _events_namespace(monkeypatch: pytest.MonkeyPatch) -> None:
    """When ``RABBITMQ_URL`` is set, the service publishes to a namespace of this test run (queues expire)."""
    monkeypatch.setenv("EVENTS_NAMESPACE", os.environ.get("EVENTS_NAMESPACE") or _TEST_EVENTS_NAMESPACE)
