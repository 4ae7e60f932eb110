"""Events reach the consumers' queues on a real RabbitMQ (``RABBITMQ_URL``; skipped only when it is unset)."""

import os
from collections.abc import AsyncIterator
from uuid import uuid4

import aio_pika
import httpx
import pytest
from opentelemetry.sdk.trace import TracerProvider
from opentelemetry.sdk.trace.export.in_memory_span_exporter import InMemorySpanExporter
from opentelemetry.trace import SpanKind, format_span_id, format_trace_id

from shared.events.borrower_registered import (
    BorrowerRegisteredEvent,
)
from shared.events.loan_application_submitted import (
    LoanApplicationSubmittedEvent,
)
from shared.events.repayment_received import (
    RepaymentReceivedEvent,
)
from shared.messaging.publisher import EVENT_NAME_HEADER, REQUEST_ID_HEADER
from shared.messaging.topology import SUBSCRIPTIONS, Topology, declare_consumer_queue
from src.core.config import Settings
from src.main import create_app
from tests.helpers import AUTH_HEADERS
from tests.events_support import (
    write_borrower_registered,
    write_loan_application_submitted,
    write_repayment_received,
)

RABBITMQ_URL = os.environ.get("RABBITMQ_URL", "")

pytestmark = pytest.mark.skipif(not RABBITMQ_URL, reason="RABBITMQ_URL is not set")


@pytest.fixture
def topology() -> Topology:
    """A namespace of its own, so parallel runs never share a queue."""
    return Topology(f"test-{uuid4().hex[:12]}")


@pytest.fixture
async def broker_client(
    topology: Topology,
    data_http_clients: dict[str, httpx.AsyncClient],
    tracer_provider: TracerProvider,
) -> AsyncIterator[httpx.AsyncClient]:
    """This service publishing to the real broker in ``topology``'s namespace."""
    app = create_app(
        Settings(rabbitmq_url=RABBITMQ_URL, events_namespace=topology.namespace),
        http_clients=data_http_clients,
        tracer_provider=tracer_provider,
    )
    async with app.router.lifespan_context(app):
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(
            transport=transport,
            base_url="http://finance-lending-api",
            headers=AUTH_HEADERS,
        ) as http_client:
            yield http_client


@pytest.fixture
async def channel() -> AsyncIterator[aio_pika.abc.AbstractChannel]:
    """A channel of the test's own to read the queues."""
    connection = await aio_pika.connect_robust(RABBITMQ_URL)
    async with connection:
        yield await connection.channel()


async def test_borrower_registered_lands_in_every_consumer_queue(
    broker_client: httpx.AsyncClient,
    data_http_clients: dict[str, httpx.AsyncClient],
    channel: aio_pika.abc.AbstractChannel,
    topology: Topology,
    span_exporter: InMemorySpanExporter,
) -> None:
    response, entity_id, _ = await write_borrower_registered(
        broker_client,
        data_http_clients,
        {"X-Request-ID": "req_broker_borrower_registered"},
    )
    assert response.is_success, response.text
    # The request's server span is current when the event is published: the message continues its trace.
    (request_span,) = [
        span for span in span_exporter.get_finished_spans() if span.kind is SpanKind.SERVER and span.parent is None
    ]
    context = request_span.context
    traceparent = f"00-{format_trace_id(context.trace_id)}-{format_span_id(context.span_id)}-{context.trace_flags:02x}"

    event_snake = "borrower_registered"
    subscriptions = [subscription for subscription in SUBSCRIPTIONS if subscription.event_snake == event_snake]
    assert subscriptions
    for subscription in subscriptions:
        queue = await declare_consumer_queue(channel, topology, subscription)
        message = await queue.get(timeout=5, fail=True)
        await message.ack()
        event = BorrowerRegisteredEvent.model_validate_json(message.body)
        assert event.payload.id == entity_id
        assert message.message_id == str(event.event_id)
        assert message.priority == 0
        assert message.content_type == "application/json"
        assert message.headers[EVENT_NAME_HEADER] == "BorrowerRegistered"
        assert message.headers["traceparent"] == traceparent
        assert message.headers[REQUEST_ID_HEADER] == "req_broker_borrower_registered"
        assert event.request_id == "req_broker_borrower_registered"


async def test_loan_application_submitted_lands_in_every_consumer_queue(
    broker_client: httpx.AsyncClient,
    data_http_clients: dict[str, httpx.AsyncClient],
    channel: aio_pika.abc.AbstractChannel,
    topology: Topology,
    span_exporter: InMemorySpanExporter,
) -> None:
    response, entity_id, _ = await write_loan_application_submitted(
        broker_client,
        data_http_clients,
        {"X-Request-ID": "req_broker_loan_application_submitted"},
    )
    assert response.is_success, response.text
    # The request's server span is current when the event is published: the message continues its trace.
    (request_span,) = [
        span for span in span_exporter.get_finished_spans() if span.kind is SpanKind.SERVER and span.parent is None
    ]
    context = request_span.context
    traceparent = f"00-{format_trace_id(context.trace_id)}-{format_span_id(context.span_id)}-{context.trace_flags:02x}"

    event_snake = "loan_application_submitted"
    subscriptions = [subscription for subscription in SUBSCRIPTIONS if subscription.event_snake == event_snake]
    assert subscriptions
    for subscription in subscriptions:
        queue = await declare_consumer_queue(channel, topology, subscription)
        message = await queue.get(timeout=5, fail=True)
        await message.ack()
        event = LoanApplicationSubmittedEvent.model_validate_json(message.body)
        assert event.payload.id == entity_id
        assert message.message_id == str(event.event_id)
        assert message.priority == 5
        assert message.content_type == "application/json"
        assert message.headers[EVENT_NAME_HEADER] == "LoanApplicationSubmitted"
        assert message.headers["traceparent"] == traceparent
        assert message.headers[REQUEST_ID_HEADER] == "req_broker_loan_application_submitted"
        assert event.request_id == "req_broker_loan_application_submitted"


async def test_repayment_received_lands_in_every_consumer_queue(
    broker_client: httpx.AsyncClient,
    data_http_clients: dict[str, httpx.AsyncClient],
    channel: aio_pika.abc.AbstractChannel,
    topology: Topology,
    span_exporter: InMemorySpanExporter,
) -> None:
    response, entity_id, _ = await write_repayment_received(
        broker_client,
        data_http_clients,
        {"X-Request-ID": "req_broker_repayment_received"},
    )
    assert response.is_success, response.text
    # The request's server span is current when the event is published: the message continues its trace.
    (request_span,) = [
        span for span in span_exporter.get_finished_spans() if span.kind is SpanKind.SERVER and span.parent is None
    ]
    context = request_span.context
    traceparent = f"00-{format_trace_id(context.trace_id)}-{format_span_id(context.span_id)}-{context.trace_flags:02x}"

    event_snake = "repayment_received"
    subscriptions = [subscription for subscription in SUBSCRIPTIONS if subscription.event_snake == event_snake]
    assert subscriptions
    for subscription in subscriptions:
        queue = await declare_consumer_queue(channel, topology, subscription)
        message = await queue.get(timeout=5, fail=True)
        await message.ack()
        event = RepaymentReceivedEvent.model_validate_json(message.body)
        assert event.payload.id == entity_id
        assert message.message_id == str(event.event_id)
        assert message.priority == 0
        assert message.content_type == "application/json"
        assert message.headers[EVENT_NAME_HEADER] == "RepaymentReceived"
        assert message.headers["traceparent"] == traceparent
        assert message.headers[REQUEST_ID_HEADER] == "req_broker_repayment_received"
        assert event.request_id == "req_broker_repayment_received"
