"""Tracing through RabbitMQ on the real broker: the business API's publisher puts ``traceparent`` in the message
headers, the consumer handles the message in a span that is a child of the publisher's, and the job's call to the
business API continues the same trace. Spans are kept in memory; nothing is exported.
"""

from collections.abc import AsyncIterator, Iterator

import pytest
from aio_pika.abc import AbstractRobustConnection
from opentelemetry.sdk.trace import ReadableSpan, TracerProvider
from opentelemetry.sdk.trace.export import SimpleSpanProcessor
from opentelemetry.sdk.trace.export.in_memory_span_exporter import InMemorySpanExporter
from opentelemetry.trace import SpanKind, format_trace_id

from shared.messaging.idempotency import RedisIdempotencyStore
from shared.messaging.publisher import RabbitMqEventPublisher
from shared.messaging.topology import Topology
from shared.observability.tracing import get_tracer, instrument_http_client
from src.application.jobs import event_routes
from src.infrastructure.business_api import BusinessApi
from src.infrastructure.consumer import EventConsumer, RetryPolicy
from src.infrastructure.metrics import PROCESSED, MessageMetrics
from tests.conftest import RABBITMQ_URL, eventually, needs_servers
from tests.fakes import (
    RULE_DOUBLE_URL,
    FakeBusinessApi,
    sample_loan_application_submitted,
    sample_repayment_received,
)

pytestmark = needs_servers


@pytest.fixture
def span_exporter() -> InMemorySpanExporter:
    return InMemorySpanExporter()


@pytest.fixture
def tracer_provider(span_exporter: InMemorySpanExporter) -> Iterator[TracerProvider]:
    provider = TracerProvider()
    provider.add_span_processor(SimpleSpanProcessor(span_exporter))
    yield provider
    provider.shutdown()


@pytest.fixture
async def traced_api(fake_api: FakeBusinessApi, tracer_provider: TracerProvider) -> AsyncIterator[BusinessApi]:
    """The business API client, traced as ``main`` traces it, answered by the fake."""
    async with fake_api.client() as http_client:
        instrument_http_client(http_client, tracer_provider)
        yield BusinessApi(http_client)


@pytest.fixture
async def traced_publisher(
    topology: Topology, tracer_provider: TracerProvider
) -> AsyncIterator[RabbitMqEventPublisher]:
    """The business API's publisher in the test's namespace, traced into ``tracer_provider``."""
    publisher = RabbitMqEventPublisher(RABBITMQ_URL, topology, tracer=get_tracer(tracer_provider))
    await publisher.connect()
    try:
        yield publisher
    finally:
        await publisher.close()


@pytest.fixture
async def traced_consumer(
    connection: AbstractRobustConnection,
    topology: Topology,
    store: RedisIdempotencyStore,
    metrics: MessageMetrics,
    traced_api: BusinessApi,
    tracer_provider: TracerProvider,
) -> AsyncIterator[EventConsumer]:
    """This service's consumer of every event job, traced into ``tracer_provider``."""
    consumer = EventConsumer(
        await connection.channel(publisher_confirms=True),
        topology,
        store,
        event_routes(traced_api),
        prefetch_count=10,
        retry=RetryPolicy(max_retries=1, delay_seconds=0.05, max_delay_seconds=0.1),
        metrics=metrics,
        tracer=get_tracer(tracer_provider),
    )
    await consumer.start()
    yield consumer
    await consumer.stop(grace_seconds=5)


def only(spans: tuple[ReadableSpan, ...], kind: SpanKind) -> ReadableSpan:
    [span] = [span for span in spans if span.kind is kind]
    return span


async def test_score_application_message_continues_the_publishers_trace(
    traced_consumer: EventConsumer,
    traced_publisher: RabbitMqEventPublisher,
    fake_api: FakeBusinessApi,
    metrics: MessageMetrics,
    topology: Topology,
    span_exporter: InMemorySpanExporter,
) -> None:
    queue = topology.name(
        "finance_scoring_worker.loan_application_submitted",
    )
    event = sample_loan_application_submitted()

    await traced_publisher.publish(event)

    async def processed() -> bool:
        return metrics.counts[(queue, PROCESSED)] == 1

    await eventually(processed)
    spans = span_exporter.get_finished_spans()
    producer = only(spans, SpanKind.PRODUCER)
    consumer = only(spans, SpanKind.CONSUMER)
    assert consumer.name == f"{queue} process"
    assert consumer.parent is not None
    assert consumer.parent.span_id == producer.context.span_id
    assert consumer.context.trace_id == producer.context.trace_id
    call = only(spans, SpanKind.CLIENT)
    assert call.parent is not None
    assert call.parent.span_id == consumer.context.span_id
    [request] = fake_api.requests
    assert request.url.path == RULE_DOUBLE_URL
    assert request.headers["traceparent"].split("-")[1] == format_trace_id(producer.context.trace_id)


async def test_rescore_after_repayment_message_continues_the_publishers_trace(
    traced_consumer: EventConsumer,
    traced_publisher: RabbitMqEventPublisher,
    fake_api: FakeBusinessApi,
    metrics: MessageMetrics,
    topology: Topology,
    span_exporter: InMemorySpanExporter,
) -> None:
    queue = topology.name(
        "finance_scoring_worker.repayment_received",
    )
    event = sample_repayment_received()

    await traced_publisher.publish(event)

    async def processed() -> bool:
        return metrics.counts[(queue, PROCESSED)] == 1

    await eventually(processed)
    spans = span_exporter.get_finished_spans()
    producer = only(spans, SpanKind.PRODUCER)
    consumer = only(spans, SpanKind.CONSUMER)
    assert consumer.name == f"{queue} process"
    assert consumer.parent is not None
    assert consumer.parent.span_id == producer.context.span_id
    assert consumer.context.trace_id == producer.context.trace_id
    call = only(spans, SpanKind.CLIENT)
    assert call.parent is not None
    assert call.parent.span_id == consumer.context.span_id
    [request] = fake_api.requests
    assert request.url.path == RULE_DOUBLE_URL
    assert request.headers["traceparent"].split("-")[1] == format_trace_id(producer.context.trace_id)
