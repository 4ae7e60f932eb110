"""Events as the business API publishes them: valid JSON for every event the bot consumes."""

from collections.abc import Callable
from typing import Any
from uuid import uuid4


def envelope(event_name: str, payload: dict[str, Any]) -> dict[str, Any]:
    """The JSON of one event."""
    return {
        "event_id": str(uuid4()),
        "event_name": event_name,
        "schema_version": 1,
        "occurred_at": "2030-01-02T10:00:00+00:00",
        "request_id": "req_test",
        "payload": payload,
    }


def appointment_booked_json(n: int = 1) -> dict[str, Any]:
    """A valid AppointmentBooked event."""
    payload: dict[str, Any] = {"id": str(uuid4())}
    payload["starts_at"] = "2030-01-02T10:00:00+00:00"
    payload["duration_minutes"] = 10
    payload["status"] = "booked"
    return envelope("AppointmentBooked", payload)


def reminder_due_json(n: int = 1) -> dict[str, Any]:
    """A valid ReminderDue event."""
    payload: dict[str, Any] = {"id": str(uuid4())}
    payload["remind_at"] = "2030-01-02T10:00:00+00:00"
    payload["status"] = "scheduled"
    return envelope("ReminderDue", payload)


SAMPLES: dict[str, Callable[[int], dict[str, Any]]] = {
    "appointment_booked": appointment_booked_json,
    "reminder_due": reminder_due_json,
}
"""A sample of every consumed event, by event (snake case)."""
