"""The notification text of every consumed event."""

import json

import pytest

from src.bot.formatting import display_value
from src.infrastructure.event_consumer import BINDINGS, EventBinding
from src.notifications import messages
from src.notifications.messages import event_title
from shared.events.appointment_booked import (
    AppointmentBookedEvent,
)
from shared.events.reminder_due import (
    ReminderDueEvent,
)
from tests.events import SAMPLES
from tests.events import appointment_booked_json
from tests.events import reminder_due_json


def test_appointment_booked_message() -> None:
    event = AppointmentBookedEvent.model_validate(
        appointment_booked_json(),
    )

    lines = messages.appointment_booked_message(event).splitlines()

    assert lines[0] == event_title("AppointmentBooked")
    assert lines[1] == f"appointment id: {event.payload.id}"
    value = display_value(event.payload.starts_at)
    assert f"starts at: {value}" in lines
    value = display_value(event.payload.duration_minutes)
    assert f"duration minutes: {value}" in lines
    value = display_value(event.payload.status)
    assert f"status: {value}" in lines


def test_reminder_due_message() -> None:
    event = ReminderDueEvent.model_validate(
        reminder_due_json(),
    )

    lines = messages.reminder_due_message(event).splitlines()

    assert lines[0] == event_title("ReminderDue")
    assert lines[1] == f"reminder id: {event.payload.id}"
    value = display_value(event.payload.remind_at)
    assert f"remind at: {value}" in lines
    value = display_value(event.payload.status)
    assert f"status: {value}" in lines


@pytest.mark.parametrize(
    ("event_name", "title"),
    [("AppointmentBooked", "Appointment booked"), ("PaymentReceived", "Payment received"), ("Shipped", "Shipped")],
)
def test_event_names_become_titles(event_name: str, title: str) -> None:
    assert event_title(event_name) == title


@pytest.mark.parametrize("binding", BINDINGS, ids=[binding.subscription.event_snake for binding in BINDINGS])
def test_every_binding_turns_its_event_into_a_notification(binding: EventBinding) -> None:
    body = json.dumps(SAMPLES[binding.subscription.event_snake](1)).encode()

    notification = binding.to_notification(body)

    assert notification.request_id == "req_test"
    assert notification.text


@pytest.mark.parametrize("binding", BINDINGS, ids=[binding.subscription.event_snake for binding in BINDINGS])
def test_a_malformed_event_is_refused(binding: EventBinding) -> None:
    with pytest.raises(ValueError, match="validation error"):
        binding.to_notification(b'{"event_name": "Other"}')
