"""Tracing across services: a request to this service is one trace with its calls to the data services — the
server span here, a client span per call, and the data service's server span as the child of that client span
(``traceparent`` travels with the request). Spans are kept in memory; nothing is exported.
"""

import asyncio
import contextvars
from collections.abc import AsyncIterator
from contextlib import AsyncExitStack
from pathlib import Path

import httpx
import pytest
from fastapi import FastAPI
from opentelemetry.sdk.trace import ReadableSpan, TracerProvider
from opentelemetry.sdk.trace.export.in_memory_span_exporter import InMemorySpanExporter
from opentelemetry.trace import SpanKind

from shared.observability.tracing import instrument_app
from src.core.config import Settings
from src import main
from tests.conftest import DATA_SERVICES
from tests.helpers import AUTH_HEADERS

ENTITY_ROUTES = [
    (
        "finance_lending_data_postgres",
        "/api/v1/borrowers",
    ),
    (
        "finance_lending_data_postgres",
        "/api/v1/lenders",
    ),
    (
        "finance_lending_data_postgres",
        "/api/v1/loan-applications",
    ),
    (
        "finance_lending_data_postgres",
        "/api/v1/investments",
    ),
    (
        "finance_lending_data_postgres",
        "/api/v1/repayments",
    ),
    (
        "finance_audit_data_mongo",
        "/api/v1/credit-score-records",
    ),
    (
        "finance_audit_data_mongo",
        "/api/v1/audit-log-entries",
    ),
]


class OtherProcessTransport(httpx.AsyncBaseTransport):
    """Calls an in-process app in a context of its own, as if it ran in another process: only the request's headers
    (``traceparent``) link its spans to the caller's.
    """

    def __init__(self, app: FastAPI) -> None:
        self._transport = httpx.ASGITransport(app=app)

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        call = self._transport.handle_async_request(request)
        return await asyncio.create_task(call, context=contextvars.Context())


def is_child(span: ReadableSpan, parent: ReadableSpan) -> bool:
    return span.parent is not None and span.parent.span_id == parent.context.span_id


@pytest.fixture
async def traced_client(tmp_path: Path, tracer_provider: TracerProvider) -> AsyncIterator[httpx.AsyncClient]:
    """This service and its real data services in-process, all traced into ``tracer_provider``."""
    async with AsyncExitStack() as stack:
        data_clients: dict[str, httpx.AsyncClient] = {}
        for service in DATA_SERVICES:
            data_app = await stack.enter_async_context(service.serve(tmp_path))
            instrument_app(data_app, tracer_provider)
            data_clients[service.name] = await stack.enter_async_context(
                httpx.AsyncClient(transport=OtherProcessTransport(data_app), base_url=f"http://{service.name}"),
            )
        application = main.create_app(Settings(), http_clients=data_clients, tracer_provider=tracer_provider)
        await stack.enter_async_context(application.router.lifespan_context(application))
        transport = OtherProcessTransport(application)
        base_url = "http://finance-lending-api"
        client = httpx.AsyncClient(
            transport=transport,
            base_url=base_url,
            headers=AUTH_HEADERS,
        )
        yield await stack.enter_async_context(client)


async def test_a_request_is_one_trace_through_the_data_service(
    traced_client: httpx.AsyncClient, span_exporter: InMemorySpanExporter
) -> None:
    for data_service, path in ENTITY_ROUTES:
        span_exporter.clear()

        response = await traced_client.get(path)

        assert response.status_code == 200, response.text
        spans = span_exporter.get_finished_spans()
        (root,) = [span for span in spans if span.parent is None]
        assert root.kind is SpanKind.SERVER
        assert root.name == f"GET {path}"
        calls = [span for span in spans if span.kind is SpanKind.CLIENT]
        assert calls, f"no client span for the call to {data_service}"
        for call in calls:
            assert call.context.trace_id == root.context.trace_id
            (served,) = [span for span in spans if span.kind is SpanKind.SERVER and is_child(span, call)]
            assert served.name == f"GET {path}"
        assert {span.context.trace_id for span in spans} == {root.context.trace_id}


async def test_the_configured_provider_is_used_and_shut_down_with_the_service(
    data_http_clients: dict[str, httpx.AsyncClient],
    tracer_provider: TracerProvider,
    span_exporter: InMemorySpanExporter,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    shutdowns: list[bool] = []
    monkeypatch.setattr(main, "configure_tracing", lambda name, version: tracer_provider)
    monkeypatch.setattr(tracer_provider, "shutdown", lambda: shutdowns.append(True))
    application = main.create_app(Settings(), http_clients=data_http_clients)

    async with application.router.lifespan_context(application):
        transport = httpx.ASGITransport(app=application)
        async with httpx.AsyncClient(
            transport=transport,
            base_url="http://test",
            headers=AUTH_HEADERS,
        ) as http_client:
            response = await http_client.get(ENTITY_ROUTES[0][1])
        assert shutdowns == []

    assert response.status_code == 200, response.text
    assert [span.kind for span in span_exporter.get_finished_spans() if span.parent is None] == [SpanKind.SERVER]
    assert shutdowns == [True]


async def test_probes_are_not_traced(traced_client: httpx.AsyncClient, span_exporter: InMemorySpanExporter) -> None:
    span_exporter.clear()

    await traced_client.get("/health")

    assert span_exporter.get_finished_spans() == ()
