"""OpenTelemetry tracing: one ``TracerProvider`` per process exporting spans over OTLP (to Jaeger in compose).

``configure_tracing`` turns tracing on when ``OTEL_EXPORTER_OTLP_ENDPOINT`` is set and ``OTEL_SDK_DISABLED`` is not
``true``; otherwise it returns ``None`` and nothing is traced or exported. The helpers instrument FastAPI apps
(server spans), ``httpx`` clients (client spans; the ``traceparent`` header carries the trace to the next service)
and AMQP messages: the publisher injects the trace context into the message headers, the consumer extracts it and
handles the message in a span that is a child of the publisher's. Log records carry ``trace_id`` and ``span_id``
(:class:`TraceContextFilter`).
"""

import logging
import os
from collections.abc import Iterator, Mapping, MutableMapping
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

from opentelemetry import propagate, trace
from opentelemetry.exporter.otlp.proto.http.trace_exporter import OTLPSpanExporter
from opentelemetry.sdk.resources import SERVICE_NAME, SERVICE_VERSION, Resource
from opentelemetry.sdk.trace import TracerProvider
from opentelemetry.sdk.trace.export import BatchSpanProcessor, SpanExporter
from opentelemetry.trace import Span, SpanKind, Tracer

if TYPE_CHECKING:  # a worker has no FastAPI, a data service no httpx instrumentation: imported where used
    import httpx
    from fastapi import FastAPI

ENDPOINT_ENV = "OTEL_EXPORTER_OTLP_ENDPOINT"
DISABLED_ENV = "OTEL_SDK_DISABLED"
# Probes and scrapes would be most of the traces and tell nothing. The patterns are searched in the full URL: they
# match the path only, so a host named ``healthcare-api`` is still traced.
EXCLUDED_URLS = r"^[a-z]+://[^/]+/(health|ready|metrics)/?(\?.*)?$"
INSTRUMENTATION_NAME = "shared.observability"


def tracing_enabled(environ: Mapping[str, str] | None = None) -> bool:
    """Whether spans are exported: an OTLP endpoint is set and the SDK is not disabled."""
    env = os.environ if environ is None else environ
    return bool(env.get(ENDPOINT_ENV)) and env.get(DISABLED_ENV, "").strip().lower() != "true"


def build_tracer_provider(service_name: str, service_version: str, exporter: SpanExporter) -> TracerProvider:
    """A provider naming the service in its resource and sending spans to ``exporter`` in batches."""
    provider = TracerProvider(resource=Resource.create({SERVICE_NAME: service_name, SERVICE_VERSION: service_version}))
    provider.add_span_processor(BatchSpanProcessor(exporter))
    return provider


def otlp_traces_endpoint(base: str) -> str:
    """The OTLP/HTTP traces URL under ``base`` (``http://jaeger:4318`` gives ``http://jaeger:4318/v1/traces``)."""
    return f"{base.rstrip('/')}/v1/traces"


def configure_tracing(
    service_name: str,
    service_version: str,
    environ: Mapping[str, str] | None = None,
    *,
    set_global: bool = True,
) -> TracerProvider | None:
    """The process's provider exporting over OTLP/HTTP to ``OTEL_EXPORTER_OTLP_ENDPOINT``, made the global one
    (which the AMQP publisher and consumers use) unless ``set_global`` is false; ``None`` when tracing is off.
    The caller shuts it down on exit, which exports the last spans.
    """
    env = os.environ if environ is None else environ
    if not tracing_enabled(env):
        return None
    endpoint = otlp_traces_endpoint(env[ENDPOINT_ENV])
    provider = build_tracer_provider(service_name, service_version, OTLPSpanExporter(endpoint=endpoint))
    if set_global:
        trace.set_tracer_provider(provider)
    logging.getLogger(__name__).info("tracing_enabled", extra={"endpoint": endpoint})
    return provider


def instrument_app(app: "FastAPI", tracer_provider: TracerProvider) -> None:
    """Server spans for every request of ``app`` (the probes and ``/metrics`` excepted)."""
    from opentelemetry.instrumentation.fastapi import FastAPIInstrumentor

    FastAPIInstrumentor.instrument_app(app, tracer_provider=tracer_provider, excluded_urls=EXCLUDED_URLS)


def instrument_http_client(client: "httpx.AsyncClient", tracer_provider: TracerProvider) -> None:
    """Client spans for every request of ``client``, which sends ``traceparent`` to the called service."""
    from opentelemetry.instrumentation.httpx import HTTPXClientInstrumentor

    HTTPXClientInstrumentor.instrument_client(client, tracer_provider=tracer_provider)


def get_tracer(tracer_provider: TracerProvider | None = None) -> Tracer:
    """A tracer of ``tracer_provider``, or of the global provider (a no-op one until tracing is configured)."""
    return trace.get_tracer(INSTRUMENTATION_NAME, tracer_provider=tracer_provider)


def inject_trace_context(headers: MutableMapping[str, Any]) -> None:
    """Add the current trace context (``traceparent``, ``tracestate``) to AMQP message ``headers``."""
    carrier: dict[str, str] = {}
    propagate.inject(carrier)
    headers.update(carrier)


@contextmanager
def publish_span(tracer: Tracer, destination: str, routing_key: str) -> Iterator[Span]:
    """A producer span around publishing one message to ``destination`` (the exchange)."""
    with tracer.start_as_current_span(
        f"{destination} publish",
        kind=SpanKind.PRODUCER,
        attributes={
            "messaging.system": "rabbitmq",
            "messaging.operation": "publish",
            "messaging.destination.name": destination,
            "messaging.rabbitmq.destination.routing_key": routing_key,
        },
    ) as span:
        yield span


@contextmanager
def consume_span(
    tracer: Tracer,
    queue: str,
    headers: Mapping[str, Any] | None,
    message_id: str | None = None,
) -> Iterator[Span]:
    """A consumer span handling one message of ``queue``: a child of the span whose context ``headers`` carry."""
    carrier = {key: value for key, value in (headers or {}).items() if isinstance(value, str)}
    attributes = {"messaging.system": "rabbitmq", "messaging.operation": "process", "messaging.source.name": queue}
    if message_id:
        attributes["messaging.message.id"] = message_id
    with tracer.start_as_current_span(
        f"{queue} process",
        context=propagate.extract(carrier),
        kind=SpanKind.CONSUMER,
        attributes=attributes,
    ) as span:
        yield span


class TraceContextFilter(logging.Filter):
    """Adds ``trace_id`` and ``span_id`` of the current span (``-`` outside one) to every record."""

    def filter(self, record: logging.LogRecord) -> bool:
        context = trace.get_current_span().get_span_context()
        record.__dict__["trace_id"] = trace.format_trace_id(context.trace_id) if context.is_valid else "-"
        record.__dict__["span_id"] = trace.format_span_id(context.span_id) if context.is_valid else "-"
        return True
