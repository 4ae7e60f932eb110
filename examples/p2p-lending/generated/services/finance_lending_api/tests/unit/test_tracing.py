"""Tracing set-up of the shared module: when it is on, the resource naming the service, trace ids in the log
records and the trace context carried by AMQP message headers.
"""

import io
import json
import logging

import pytest
from opentelemetry.sdk.trace import TracerProvider
from opentelemetry.sdk.trace.export.in_memory_span_exporter import InMemorySpanExporter
from opentelemetry.trace import SpanKind, format_span_id, format_trace_id
from opentelemetry.util.http import parse_excluded_urls

from shared.observability.tracing import (
    EXCLUDED_URLS,
    configure_tracing,
    consume_span,
    get_tracer,
    inject_trace_context,
    otlp_traces_endpoint,
    publish_span,
    tracing_enabled,
)
from shared.utils.logger import build_handler
from src.core.config import SERVICE_NAME, SERVICE_VERSION

ENDPOINT = "http://jaeger:4318"


@pytest.mark.parametrize(
    ("environ", "enabled"),
    [
        ({}, False),
        ({"OTEL_EXPORTER_OTLP_ENDPOINT": ""}, False),
        ({"OTEL_EXPORTER_OTLP_ENDPOINT": ENDPOINT}, True),
        ({"OTEL_EXPORTER_OTLP_ENDPOINT": ENDPOINT, "OTEL_SDK_DISABLED": "false"}, True),
        ({"OTEL_EXPORTER_OTLP_ENDPOINT": ENDPOINT, "OTEL_SDK_DISABLED": "true"}, False),
        ({"OTEL_EXPORTER_OTLP_ENDPOINT": ENDPOINT, "OTEL_SDK_DISABLED": " TRUE "}, False),
    ],
)
def test_tracing_needs_an_endpoint_and_the_sdk_not_disabled(environ: dict[str, str], enabled: bool) -> None:
    assert tracing_enabled(environ) is enabled
    if not enabled:
        assert configure_tracing(SERVICE_NAME, SERVICE_VERSION, environ, set_global=False) is None


def test_enabled_tracing_names_the_service_in_its_resource() -> None:
    provider = configure_tracing(
        SERVICE_NAME, SERVICE_VERSION, {"OTEL_EXPORTER_OTLP_ENDPOINT": ENDPOINT}, set_global=False
    )

    assert provider is not None
    try:
        assert provider.resource.attributes["service.name"] == SERVICE_NAME
        assert provider.resource.attributes["service.version"] == SERVICE_VERSION
    finally:
        provider.shutdown()


@pytest.mark.parametrize("base", ["http://jaeger:4318", "http://jaeger:4318/"])
def test_spans_go_to_the_otlp_traces_path(base: str) -> None:
    assert otlp_traces_endpoint(base) == "http://jaeger:4318/v1/traces"


@pytest.mark.parametrize(
    ("url", "excluded"),
    [
        ("http://finance-lending-api:8000/health", True),
        ("http://finance-lending-api:8000/ready", True),
        ("https://api.example.com/metrics?x=1", True),
        ("http://finance-lending-api:8000/api/v1/things", False),
        ("http://healthcheck.example.com/api/v1/ready-items", False),
        ("http://finance-lending-api:8000/api/v1/health", False),
    ],
)
def test_only_the_probes_and_metrics_are_left_untraced(url: str, excluded: bool) -> None:
    assert parse_excluded_urls(EXCLUDED_URLS).url_disabled(url) is excluded


def test_log_records_carry_the_current_trace_and_span_ids(tracer_provider: TracerProvider) -> None:
    stream = io.StringIO()
    test_logger = logging.getLogger("tests.tracing")
    test_logger.addHandler(build_handler(SERVICE_NAME, stream))
    test_logger.setLevel(logging.INFO)
    try:
        with get_tracer(tracer_provider).start_as_current_span("work") as span:
            test_logger.info("inside")
        test_logger.info("outside")
    finally:
        test_logger.handlers.clear()

    inside, outside = (json.loads(line) for line in stream.getvalue().splitlines())
    assert inside["trace_id"] == format_trace_id(span.get_span_context().trace_id)
    assert inside["span_id"] == format_span_id(span.get_span_context().span_id)
    assert (outside["trace_id"], outside["span_id"]) == ("-", "-")


def test_message_headers_carry_the_trace_to_the_consumer_span(
    tracer_provider: TracerProvider, span_exporter: InMemorySpanExporter
) -> None:
    tracer = get_tracer(tracer_provider)
    headers: dict[str, object] = {"x-event-name": "thing.created"}
    with publish_span(tracer, "events", "thing.created") as producer:
        inject_trace_context(headers)

    with consume_span(tracer, "reminders.thing_created", headers, "message-1") as consumer:
        pass

    producer_context = producer.get_span_context()
    traceparent = str(headers["traceparent"])
    assert traceparent.startswith(
        f"00-{format_trace_id(producer_context.trace_id)}-{format_span_id(producer_context.span_id)}-"
    )
    (finished,) = [span for span in span_exporter.get_finished_spans() if span.kind is SpanKind.CONSUMER]
    assert finished.context.span_id == consumer.get_span_context().span_id
    assert finished.context.trace_id == producer_context.trace_id
    assert finished.parent is not None
    assert finished.parent.span_id == producer_context.span_id
    assert finished.attributes is not None
    assert finished.attributes["messaging.message.id"] == "message-1"


def test_a_message_without_trace_context_starts_a_new_trace(
    tracer_provider: TracerProvider, span_exporter: InMemorySpanExporter
) -> None:
    with consume_span(get_tracer(tracer_provider), "reminders.thing_created", {"x-attempt": 1}):
        pass

    (span,) = span_exporter.get_finished_spans()
    assert span.parent is None
    assert span.kind is SpanKind.CONSUMER
