"""The text sent to subscribed chats for each event the bot consumes."""

import re

from shared.events.appointment_booked import (
    AppointmentBookedEvent,
)
from shared.events.reminder_due import (
    ReminderDueEvent,
)
from src.bot.formatting import display_value


def event_title(event_name: str) -> str:
    """``AppointmentBooked`` → ``Appointment booked``."""
    return " ".join(re.findall(r"[A-Z]+[a-z0-9]*|[a-z0-9]+", event_name)).capitalize()


def appointment_booked_message(
    event: AppointmentBookedEvent,
) -> str:
    """Notification of AppointmentBooked."""
    payload = event.payload
    lines = [
        event_title("AppointmentBooked"),
        f"appointment id: {display_value(payload.id)}",
        f"starts at: {display_value(payload.starts_at)}",
        f"duration minutes: {display_value(payload.duration_minutes)}",
        f"status: {display_value(payload.status)}",
    ]
    return "\n".join(lines)


def reminder_due_message(
    event: ReminderDueEvent,
) -> str:
    """Notification of ReminderDue."""
    payload = event.payload
    lines = [
        event_title("ReminderDue"),
        f"reminder id: {display_value(payload.id)}",
        f"remind at: {display_value(payload.remind_at)}",
        f"status: {display_value(payload.status)}",
    ]
    return "\n".join(lines)
