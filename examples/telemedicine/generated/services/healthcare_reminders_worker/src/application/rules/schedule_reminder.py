"""Business rule of the schedule_reminder job: Plan a reminder one day before a booked appointment.

It runs once for every AppointmentBooked event (duplicates are filtered out before it runs).
This module is yours: amgen writes it once and never overwrites it; its tests are
``tests/unit/rules/test_schedule_reminder.py``, yours too (amgen's tests run a double instead of this rule). The default rule reads what the job declares it
calls (Appointment.get Reminder.create ), following the ids it learns on the way, and
reports what it found; it changes no data. Write the rule here. Raise ``RecoverableError`` (src.domain.errors) for a
temporary failure (the message is retried with backoff) and ``FatalError`` when retrying cannot help (dead letter).
"""

from shared.events.appointment_booked import (
    AppointmentBookedEvent,
)
from src.domain.outcome import JobOutcome
from src.infrastructure.business_api import BusinessApi

JOB_NAME = "schedule_reminder"
DESCRIPTION = "Plan a reminder one day before a booked appointment"  # fmt: skip


async def schedule_reminder(
    event: AppointmentBookedEvent,
    api: BusinessApi,
) -> JobOutcome:
    """Plan a reminder one day before a booked appointment: for one AppointmentBooked event."""
    outcome = JobOutcome(JOB_NAME)
    outcome.facts.remember("appointment", event.payload)
    appointment_id = outcome.facts.linked_id("appointment")
    if appointment_id is None:
        outcome.missing.append("appointment")
    else:
        outcome.facts.remember(
            "appointment",
            await api.appointment.get(appointment_id),
        )
        outcome.fetched.append("appointment")
    outcome.not_performed.append("reminder.create")
    return outcome
