"""Events reach the consumers' queues on a real RabbitMQ (``RABBITMQ_URL``; skipped only when it is unset)."""

import os
from collections.abc import AsyncIterator
from uuid import uuid4

import aio_pika
import httpx
import pytest

from shared.events.appointment_booked import (
    AppointmentBookedEvent,
)
from shared.events.reminder_due import (
    ReminderDueEvent,
)
from shared.messaging.publisher import EVENT_NAME_HEADER, REQUEST_ID_HEADER
from shared.messaging.topology import SUBSCRIPTIONS, Topology, declare_consumer_queue
from src.core.config import Settings
from src.main import create_app
from tests.events_support import (
    write_appointment_booked,
    write_reminder_due,
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
) -> AsyncIterator[httpx.AsyncClient]:
    """This service publishing to the real broker in ``topology``'s namespace."""
    app = create_app(
        Settings(rabbitmq_url=RABBITMQ_URL, events_namespace=topology.namespace),
        http_clients=data_http_clients,
    )
    async with app.router.lifespan_context(app):
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(
            transport=transport,
            base_url="http://healthcare-telemedicine-api",
        ) as http_client:
            yield http_client


@pytest.fixture
async def channel() -> AsyncIterator[aio_pika.abc.AbstractChannel]:
    """A channel of the test's own to read the queues."""
    connection = await aio_pika.connect_robust(RABBITMQ_URL)
    async with connection:
        yield await connection.channel()


async def test_appointment_booked_lands_in_every_consumer_queue(
    broker_client: httpx.AsyncClient,
    data_http_clients: dict[str, httpx.AsyncClient],
    channel: aio_pika.abc.AbstractChannel,
    topology: Topology,
) -> None:
    response, entity_id, _ = await write_appointment_booked(
        broker_client,
        data_http_clients,
        {"X-Request-ID": "req_broker_appointment_booked"},
    )
    assert response.is_success, response.text

    event_snake = "appointment_booked"
    subscriptions = [subscription for subscription in SUBSCRIPTIONS if subscription.event_snake == event_snake]
    assert subscriptions
    for subscription in subscriptions:
        queue = await declare_consumer_queue(channel, topology, subscription)
        message = await queue.get(timeout=5, fail=True)
        await message.ack()
        event = AppointmentBookedEvent.model_validate_json(message.body)
        assert event.payload.id == entity_id
        assert message.message_id == str(event.event_id)
        assert message.priority == 0
        assert message.content_type == "application/json"
        assert message.headers[EVENT_NAME_HEADER] == "AppointmentBooked"
        assert message.headers[REQUEST_ID_HEADER] == "req_broker_appointment_booked"
        assert event.request_id == "req_broker_appointment_booked"


async def test_reminder_due_lands_in_every_consumer_queue(
    broker_client: httpx.AsyncClient,
    data_http_clients: dict[str, httpx.AsyncClient],
    channel: aio_pika.abc.AbstractChannel,
    topology: Topology,
) -> None:
    response, entity_id, _ = await write_reminder_due(
        broker_client,
        data_http_clients,
        {"X-Request-ID": "req_broker_reminder_due"},
    )
    assert response.is_success, response.text

    event_snake = "reminder_due"
    subscriptions = [subscription for subscription in SUBSCRIPTIONS if subscription.event_snake == event_snake]
    assert subscriptions
    for subscription in subscriptions:
        queue = await declare_consumer_queue(channel, topology, subscription)
        message = await queue.get(timeout=5, fail=True)
        await message.ack()
        event = ReminderDueEvent.model_validate_json(message.body)
        assert event.payload.id == entity_id
        assert message.message_id == str(event.event_id)
        assert message.priority == 0
        assert message.content_type == "application/json"
        assert message.headers[EVENT_NAME_HEADER] == "ReminderDue"
        assert message.headers[REQUEST_ID_HEADER] == "req_broker_reminder_due"
        assert event.request_id == "req_broker_reminder_due"
