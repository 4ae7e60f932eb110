"""Sentry: the worker's ``main()`` starts it only when ``SENTRY_DSN`` is set, with this service's name, environment and release, and
tags what it reports with the service and the current request id."""

import asyncio
from collections.abc import Iterator

import pytest
import sentry_sdk
from sentry_sdk.envelope import Envelope
from sentry_sdk.transport import Transport
from sentry_sdk.types import Event

from shared.utils.request_id import reset_request_id, set_request_id
from src.core.config import SERVICE_NAME, SERVICE_VERSION, Settings
from src import main as worker_main
from src.infrastructure.metrics import MessageMetrics

# A well-formed DSN on the loopback's discard port; the tests replace the transport, so nothing is ever sent.
DSN = "http://public@127.0.0.1:9/1"


class RecordingTransport(Transport):
    """Keeps the envelopes Sentry would send."""

    def __init__(self) -> None:
        super().__init__()
        self.envelopes: list[Envelope] = []

    def capture_envelope(self, envelope: Envelope) -> None:
        self.envelopes.append(envelope)

    def events(self) -> list[Event]:
        return [event for envelope in self.envelopes if (event := envelope.get_event()) is not None]


def close_sentry() -> None:
    """Close the process-wide Sentry client, if any, and leave none behind."""
    sentry_sdk.get_client().close(timeout=0)
    sentry_sdk.get_global_scope().set_client(None)


@pytest.fixture(autouse=True)
def _no_sentry_client() -> Iterator[None]:
    """``sentry_sdk.init`` sets a process-wide client: every test here starts and ends without one."""
    close_sentry()
    yield
    close_sentry()


async def _run_nothing(
    settings: Settings,
    stop: asyncio.Event,
    metrics: MessageMetrics | None = None,
    **options: object,
) -> None:
    """Stands in for the worker's run (whatever other options it takes, such as a tracer provider): these tests only
    look at what ``main()`` does before it."""


async def start(settings: Settings, monkeypatch: pytest.MonkeyPatch) -> None:
    """``main()`` with ``settings``, the worker itself (RabbitMQ, Redis, the business API) left out."""
    monkeypatch.setattr(worker_main, "run", _run_nothing)
    await worker_main.main(settings)


async def test_without_a_dsn_sentry_is_not_started(monkeypatch: pytest.MonkeyPatch) -> None:
    await start(Settings(sentry_dsn=None), monkeypatch)

    assert not sentry_sdk.is_initialized()
    assert not sentry_sdk.get_client().is_active()


async def test_with_a_dsn_sentry_reports_with_the_service_and_request_id(monkeypatch: pytest.MonkeyPatch) -> None:
    await start(Settings(sentry_dsn=DSN, sentry_environment="staging"), monkeypatch)

    client = sentry_sdk.get_client()
    assert sentry_sdk.is_initialized()
    assert client.options["dsn"] == DSN
    assert client.options["environment"] == "staging"
    assert client.options["release"] == f"{SERVICE_NAME}@{SERVICE_VERSION}"
    assert client.transport is not None
    client.transport.kill()
    transport = RecordingTransport()
    client.transport = transport
    token = set_request_id("req-sentry-1")
    try:
        sentry_sdk.capture_message("sentry test message")
    finally:
        reset_request_id(token)
    sentry_sdk.capture_message("outside any request")

    inside, outside = transport.events()
    assert inside.get("tags", {}) == {"service": SERVICE_NAME, "request_id": "req-sentry-1"}
    assert outside.get("tags", {}) == {"service": SERVICE_NAME}
    assert inside.get("release") == f"{SERVICE_NAME}@{SERVICE_VERSION}"
