"""Tracing of this data service: a request carrying ``traceparent`` (the business API's client span) is served in a
child span of it; the provider ``configure_tracing`` builds from the environment is closed with the service.
Spans are kept in memory; nothing is exported.
"""

from collections.abc import AsyncIterator, Iterator
from contextlib import asynccontextmanager

import httpx
import pytest
from fastapi import FastAPI
from opentelemetry.sdk.trace import TracerProvider
from opentelemetry.sdk.trace.export import SimpleSpanProcessor
from opentelemetry.sdk.trace.export.in_memory_span_exporter import InMemorySpanExporter
from opentelemetry.trace import SpanKind, format_span_id, format_trace_id

from src import main
from src.core.config import Settings
from src.infrastructure.mongo import MongoClient

ENTITY_PATHS = [
    "/api/v1/credit-score-records",
    "/api/v1/audit-log-entries",
]
CALLER_TRACE_ID = 0x4BF92F3577B34DA6A3CE929D0E0E4736
CALLER_SPAN_ID = 0x00F067AA0BA902B7
BASE_URL = "http://finance-audit-data-mongo"
TRACEPARENT = f"00-{format_trace_id(CALLER_TRACE_ID)}-{format_span_id(CALLER_SPAN_ID)}-01"


@pytest.fixture
def span_exporter() -> InMemorySpanExporter:
    return InMemorySpanExporter()


@pytest.fixture
def tracer_provider(span_exporter: InMemorySpanExporter) -> Iterator[TracerProvider]:
    provider = TracerProvider()
    provider.add_span_processor(SimpleSpanProcessor(span_exporter))
    yield provider
    provider.shutdown()


@asynccontextmanager
async def serving(application: FastAPI) -> AsyncIterator[httpx.AsyncClient]:
    """A client of ``application`` while its lifespan runs."""
    async with application.router.lifespan_context(application):
        transport = httpx.ASGITransport(app=application)
        async with httpx.AsyncClient(transport=transport, base_url=BASE_URL) as http_client:
            yield http_client


@pytest.fixture
async def traced_client(
    settings: Settings,
    mongo_client: MongoClient,
    tracer_provider: TracerProvider,
) -> AsyncIterator[httpx.AsyncClient]:
    async with serving(main.create_app(settings, client=mongo_client, tracer_provider=tracer_provider)) as http_client:
        yield http_client


async def test_a_request_continues_the_callers_trace(
    traced_client: httpx.AsyncClient, span_exporter: InMemorySpanExporter
) -> None:
    for path in ENTITY_PATHS:
        span_exporter.clear()

        response = await traced_client.get(path, headers={"traceparent": TRACEPARENT})

        assert response.status_code == 200, response.text
        [server] = [span for span in span_exporter.get_finished_spans() if span.kind is SpanKind.SERVER]
        assert server.name == f"GET {path}"
        assert server.context.trace_id == CALLER_TRACE_ID
        assert server.parent is not None
        assert server.parent.span_id == CALLER_SPAN_ID


async def test_probes_are_not_traced(traced_client: httpx.AsyncClient, span_exporter: InMemorySpanExporter) -> None:
    await traced_client.get("/health")

    assert span_exporter.get_finished_spans() == ()


async def test_the_configured_provider_is_used_and_shut_down_with_the_service(
    settings: Settings,
    mongo_client: MongoClient,
    tracer_provider: TracerProvider,
    span_exporter: InMemorySpanExporter,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    shutdowns: list[bool] = []
    monkeypatch.setattr(main, "configure_tracing", lambda name, version: tracer_provider)
    monkeypatch.setattr(tracer_provider, "shutdown", lambda: shutdowns.append(True))

    async with serving(main.create_app(settings, client=mongo_client)) as http_client:
        await http_client.get(ENTITY_PATHS[0])
        assert shutdowns == []

    assert [span.name for span in span_exporter.get_finished_spans() if span.kind is SpanKind.SERVER] == [
        f"GET {ENTITY_PATHS[0]}"
    ]
    assert shutdowns == [True]
