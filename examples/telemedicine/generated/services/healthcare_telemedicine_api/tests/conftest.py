"""Fixtures: the real data services in-process on a fresh database, and this service wired to them."""

import os
from collections.abc import AsyncIterator
from contextlib import AsyncExitStack
from pathlib import Path
from types import ModuleType

import httpx
import pytest
from fastapi import FastAPI

from src.core.config import Settings
from src.domain.rules import patient_rules
from src.domain.rules import doctor_rules
from src.domain.rules import availability_slot_rules
from src.domain.rules import appointment_rules
from src.domain.rules import medical_record_rules
from src.domain.rules import prescription_rules
from src.domain.rules import reminder_rules
from src.main import create_app
from tests.data_services import DataService, load_data_service

DATA_SERVICES: list[DataService] = [
    load_data_service("healthcare_telemedicine_data_postgres"),
]


RULE_MODULES: list[ModuleType] = [
    patient_rules,
    doctor_rules,
    availability_slot_rules,
    appointment_rules,
    medical_record_rules,
    prescription_rules,
    reminder_rules,
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
        base_url="http://healthcare-telemedicine-api",
    ) as http_client:
        yield http_client


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
        yield await stack.enter_async_context(httpx.AsyncClient(transport=transport, base_url="http://test"))


_TEST_EVENTS_NAMESPACE = f"test-{os.getpid()}-{os.urandom(4).hex()}"


@pytest.fixture(autouse=True)
def _events_namespace(monkeypatch: pytest.MonkeyPatch) -> None:
    """When ``RABBITMQ_URL`` is set, the service publishes to a namespace of this test run (queues expire)."""
    monkeypatch.setenv("EVENTS_NAMESPACE", os.environ.get("EVENTS_NAMESPACE") or _TEST_EVENTS_NAMESPACE)
