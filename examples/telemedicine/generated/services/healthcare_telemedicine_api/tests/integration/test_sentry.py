"""Sentry: the application factory starts it only when ``SENTRY_DSN`` is set, with the FastAPI integration, this
service's name, environment and release; an error reported during a request carries the request id."""

from collections.abc import AsyncIterator, Iterator

import httpx
import pytest
import sentry_sdk
from fastapi import FastAPI
from sentry_sdk.envelope import Envelope
from sentry_sdk.integrations.fastapi import FastApiIntegration
from sentry_sdk.transport import Transport
from sentry_sdk.types import Event

from shared.utils.request_id import REQUEST_ID_HEADER
from src.core.config import SERVICE_NAME, SERVICE_VERSION, Settings
from src.main import create_app

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


@pytest.fixture
def transport() -> Iterator[RecordingTransport]:
    recorder = RecordingTransport()
    yield recorder
    recorder.kill()


@pytest.fixture
async def sentry_app(data_http_clients: dict[str, httpx.AsyncClient]) -> AsyncIterator[FastAPI]:
    """This service built with ``SENTRY_DSN`` set, its lifespan running."""
    application = create_app(Settings(sentry_dsn=DSN, sentry_environment="staging"), http_clients=data_http_clients)
    async with application.router.lifespan_context(application):
        yield application


async def _failing_endpoint() -> None:
    raise RuntimeError("sentry test failure")


def test_without_a_dsn_sentry_is_not_started(data_http_clients: dict[str, httpx.AsyncClient]) -> None:
    create_app(Settings(sentry_dsn=None), http_clients=data_http_clients)

    assert not sentry_sdk.is_initialized()
    assert not sentry_sdk.get_client().is_active()


async def test_with_a_dsn_sentry_reports_errors_with_the_request_id(
    sentry_app: FastAPI, transport: RecordingTransport
) -> None:
    client = sentry_sdk.get_client()
    assert sentry_sdk.is_initialized()
    assert client.options["dsn"] == DSN
    assert client.options["environment"] == "staging"
    assert client.options["release"] == f"{SERVICE_NAME}@{SERVICE_VERSION}"
    assert client.options["traces_sample_rate"] == 0.0
    assert client.get_integration(FastApiIntegration) is not None
    assert client.transport is not None
    client.transport.kill()
    client.transport = transport
    sentry_app.add_api_route("/sentry-boom", _failing_endpoint)

    async with httpx.AsyncClient(
        transport=httpx.ASGITransport(app=sentry_app),
        base_url="http://healthcare-telemedicine-api",
    ) as http_client:
        response = await http_client.get("/sentry-boom", headers={REQUEST_ID_HEADER: "req-sentry-1"})

    assert response.status_code == 500
    events = transport.events()
    assert events, "the unhandled error was not reported"
    for event in events:
        assert event.get("tags", {}).get("request_id") == "req-sentry-1"
        assert event.get("tags", {}).get("service") == SERVICE_NAME
        assert event.get("release") == f"{SERVICE_NAME}@{SERVICE_VERSION}"
