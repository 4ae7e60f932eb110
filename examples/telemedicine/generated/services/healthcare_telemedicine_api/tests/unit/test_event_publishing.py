"""Events are published after a successful write, carry the request id, and a failed publish is a 503."""

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

import httpx
import pytest

from shared.messaging.publisher import AnyEvent, EventPublisher, LoggingEventPublisher
from shared.utils.request_id import REQUEST_ID_HEADER
from shared.events.appointment_booked import (
    AppointmentBookedEvent,
)
from shared.events.reminder_due import (
    ReminderDueEvent,
)
from src.core.config import Settings
from src.main import create_app
from tests.events_support import (
    FailingPublisher,
    RecordingPublisher,
    write_appointment_booked,
    write_reminder_due,
)
from tests.helpers import assert_problem


@asynccontextmanager
async def api_with(
    publisher: EventPublisher,
    data_http_clients: dict[str, httpx.AsyncClient],
) -> AsyncIterator[httpx.AsyncClient]:
    """This service with ``publisher`` injected, called in-process."""
    app = create_app(Settings(), http_clients=data_http_clients, event_publisher=publisher)
    async with app.router.lifespan_context(app):
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(
            transport=transport,
            base_url="http://healthcare-telemedicine-api",
        ) as http_client:
            yield http_client


def only(events: list[AnyEvent], event_type: type[AnyEvent]) -> list[AnyEvent]:
    """The events of one type."""
    return [event for event in events if isinstance(event, event_type)]


async def test_without_broker_url_events_are_logged_not_sent(
    monkeypatch: pytest.MonkeyPatch,
    data_http_clients: dict[str, httpx.AsyncClient],
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.delenv("RABBITMQ_URL", raising=False)
    app = create_app(Settings(), http_clients=data_http_clients)

    async with app.router.lifespan_context(app):
        assert isinstance(app.state.event_publisher, LoggingEventPublisher)

    assert "events_not_published" in capsys.readouterr().out


async def test_appointment_booked_is_published_after_the_created_write(
    data_http_clients: dict[str, httpx.AsyncClient],
) -> None:
    publisher = RecordingPublisher()
    async with api_with(publisher, data_http_clients) as client:
        response, entity_id, _ = await write_appointment_booked(
            client,
            data_http_clients,
        )

    assert response.is_success, response.text
    published = only(publisher.events, AppointmentBookedEvent)
    assert len(published) == 1
    event = published[0]
    assert isinstance(event, AppointmentBookedEvent)
    assert event.payload.id == entity_id
    assert event.event_name == "AppointmentBooked"
    assert event.schema_version == 1
    assert event.PRIORITY == 0


async def test_appointment_booked_carries_the_request_id(
    data_http_clients: dict[str, httpx.AsyncClient],
) -> None:
    publisher = RecordingPublisher()
    async with api_with(publisher, data_http_clients) as client:
        response, _, _ = await write_appointment_booked(
            client,
            data_http_clients,
            {REQUEST_ID_HEADER: "req_appointment_booked"},
        )

    assert response.is_success, response.text
    published = only(publisher.events, AppointmentBookedEvent)
    assert [event.request_id for event in published] == ["req_appointment_booked"]


async def test_appointment_booked_not_confirmed_is_a_503_and_the_change_is_kept(
    data_http_clients: dict[str, httpx.AsyncClient],
) -> None:
    publisher = FailingPublisher()
    async with api_with(publisher, data_http_clients) as client:
        response, _, _ = await write_appointment_booked(
            client,
            data_http_clients,
        )
        body = assert_problem(response, 503)
        listed = await client.get("/api/v1/appointments")

    assert "AppointmentBooked" in body["detail"]
    assert publisher.attempts == 1
    assert listed.json()["total"] == 1


async def test_reminder_due_is_published_after_the_updated_write(
    data_http_clients: dict[str, httpx.AsyncClient],
) -> None:
    publisher = RecordingPublisher()
    async with api_with(publisher, data_http_clients) as client:
        response, entity_id, _ = await write_reminder_due(
            client,
            data_http_clients,
        )

    assert response.is_success, response.text
    published = only(publisher.events, ReminderDueEvent)
    assert len(published) == 1
    event = published[0]
    assert isinstance(event, ReminderDueEvent)
    assert event.payload.id == entity_id
    assert event.event_name == "ReminderDue"
    assert event.schema_version == 1
    assert event.PRIORITY == 0


async def test_reminder_due_carries_the_request_id(
    data_http_clients: dict[str, httpx.AsyncClient],
) -> None:
    publisher = RecordingPublisher()
    async with api_with(publisher, data_http_clients) as client:
        response, _, _ = await write_reminder_due(
            client,
            data_http_clients,
            {REQUEST_ID_HEADER: "req_reminder_due"},
        )

    assert response.is_success, response.text
    published = only(publisher.events, ReminderDueEvent)
    assert [event.request_id for event in published] == ["req_reminder_due"]


async def test_reminder_due_not_confirmed_is_a_503_and_the_change_is_kept(
    data_http_clients: dict[str, httpx.AsyncClient],
) -> None:
    publisher = FailingPublisher()
    async with api_with(publisher, data_http_clients) as client:
        response, entity_id, before = await write_reminder_due(
            client,
            data_http_clients,
        )
        body = assert_problem(response, 503)
        listed = await client.get("/api/v1/reminders")

    assert "ReminderDue" in body["detail"]
    assert publisher.attempts == 1
    stored = {str(item["id"]): item for item in listed.json()["items"]}
    assert stored[str(entity_id)]["remind_at"] != before["remind_at"]


async def test_unreachable_broker_is_retried_then_a_503(
    data_http_clients: dict[str, httpx.AsyncClient],
) -> None:
    settings = Settings(
        rabbitmq_url="amqp://guest:guest@127.0.0.1:9/",
        event_publish_attempts=2,
        event_publish_backoff_seconds=0.01,
        event_publish_timeout_seconds=1.0,
    )
    app = create_app(settings, http_clients=data_http_clients)
    async with app.router.lifespan_context(app):
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(
            transport=transport,
            base_url="http://healthcare-telemedicine-api",
        ) as client:
            response, _, _ = await write_appointment_booked(
                client,
                data_http_clients,
            )
            assert_problem(response, 503)
            response, _, _ = await write_reminder_due(
                client,
                data_http_clients,
            )
            assert_problem(response, 503)


async def test_unreachable_broker_makes_the_service_not_ready(
    data_http_clients: dict[str, httpx.AsyncClient],
) -> None:
    settings = Settings(rabbitmq_url="amqp://guest:guest@127.0.0.1:9/", event_publish_timeout_seconds=1.0)
    app = create_app(settings, http_clients=data_http_clients)
    async with app.router.lifespan_context(app):
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(
            transport=transport,
            base_url="http://healthcare-telemedicine-api",
        ) as client:
            response = await client.get("/ready")

    body = assert_problem(response, 503)
    assert "RabbitMQ" in body["detail"]


async def test_without_broker_url_the_service_is_ready(
    monkeypatch: pytest.MonkeyPatch,
    data_http_clients: dict[str, httpx.AsyncClient],
) -> None:
    monkeypatch.delenv("RABBITMQ_URL", raising=False)
    app = create_app(Settings(), http_clients=data_http_clients)
    async with app.router.lifespan_context(app):
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(
            transport=transport,
            base_url="http://healthcare-telemedicine-api",
        ) as client:
            response = await client.get("/ready")

    assert response.status_code == 200
    assert response.json() == {"status": "ready"}
