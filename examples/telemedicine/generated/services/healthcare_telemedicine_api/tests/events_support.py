"""Test support for event publishing: publishers that record or fail, and the write behind each event.

Each ``write_<event>`` prepares what the write needs through the data service directly (so no other event is
published on the way) and then performs the write that publishes the event through this service.
"""

from typing import Any
from uuid import UUID

import httpx

from shared.messaging.publisher import AnyEvent, EventPublishError
from src.infrastructure.http_clients.appointment_client import (
    DATA_SERVICE_NAME as APPOINTMENT_DATA_SERVICE,
)
from src.infrastructure.http_clients.reminder_client import (
    DATA_SERVICE_NAME as REMINDER_DATA_SERVICE,
)
from tests.helpers import (
    build_appointment_payload,
    build_reminder_payload,
)


class RecordingPublisher:
    """Keeps every published event, in order."""

    def __init__(self) -> None:
        self.events: list[AnyEvent] = []

    async def publish(self, event: AnyEvent) -> None:
        self.events.append(event)


class FailingPublisher:
    """A broker that never confirms: every publish fails as the real publisher does after its retries."""

    def __init__(self) -> None:
        self.attempts = 0

    async def publish(self, event: AnyEvent) -> None:
        self.attempts += 1
        raise EventPublishError(f"{event.event_name} could not be published.")


async def _stored_appointment(data_client: httpx.AsyncClient) -> dict[str, Any]:
    """One appointment (and its parents) stored through the data service, which publishes nothing."""
    payload = await build_appointment_payload(data_client)
    created = await data_client.post("/api/v1/appointments", json=payload)
    assert created.status_code == 201, created.text
    stored: dict[str, Any] = created.json()
    return stored


async def _stored_reminder(data_client: httpx.AsyncClient) -> dict[str, Any]:
    """One reminder (and its parents) stored through the data service, which publishes nothing."""
    payload = await build_reminder_payload(data_client)
    created = await data_client.post("/api/v1/reminders", json=payload)
    assert created.status_code == 201, created.text
    stored: dict[str, Any] = created.json()
    return stored


async def write_appointment_booked(
    client: httpx.AsyncClient,
    data_clients: dict[str, httpx.AsyncClient],
    headers: dict[str, str] | None = None,
) -> tuple[httpx.Response, UUID | None, dict[str, Any]]:
    """The created write of one appointment that publishes AppointmentBooked.

    Returns the response, the appointment id (when known) and its stored JSON before the write (``{}`` if new).
    """
    data_client = data_clients[APPOINTMENT_DATA_SERVICE]
    payload: dict[str, Any] = await build_appointment_payload(data_client)
    response = await client.post("/api/v1/appointments", json=payload, headers=headers)
    return response, UUID(response.json()["id"]) if response.status_code == 201 else None, {}


async def write_reminder_due(
    client: httpx.AsyncClient,
    data_clients: dict[str, httpx.AsyncClient],
    headers: dict[str, str] | None = None,
) -> tuple[httpx.Response, UUID | None, dict[str, Any]]:
    """The updated write of one reminder that publishes ReminderDue.

    Returns the response, the reminder id (when known) and its stored JSON before the write (``{}`` if new).
    """
    data_client = data_clients[REMINDER_DATA_SERVICE]
    existing = await _stored_reminder(data_client)
    change = {"remind_at": "2031-02-03T11:30:00+00:00"}
    response = await client.patch(f"/api/v1/reminders/{existing['id']}", json=change, headers=headers)
    return response, UUID(existing["id"]), existing
