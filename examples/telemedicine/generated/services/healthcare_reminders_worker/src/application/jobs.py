"""The jobs of healthcare_reminders_worker: one message handler per event job, one runner per scheduled job.

Each calls the business rule of its job (``src/application/rules/<job>.py``) and logs its outcome.
"""

import logging
from functools import partial

from pydantic import ValidationError

from shared.events.appointment_booked import (
    AppointmentBookedEvent,
)
from shared.messaging.topology import Subscription
from src.application.rules.schedule_reminder import (
    schedule_reminder,
)
from src.application.rules.send_due_reminders import (
    send_due_reminders,
)
from src.core.config import SERVICE_NAME, Settings
from src.domain.errors import InvalidMessageError
from src.domain.outcome import JobOutcome
from src.infrastructure.business_api import BusinessApi
from src.infrastructure.consumer import EventRoute
from src.infrastructure.scheduler import ScheduledJob

logger = logging.getLogger(__name__)


async def handle_schedule_reminder(api: BusinessApi, body: bytes) -> JobOutcome:
    """Plan a reminder one day before a booked appointment: parse the AppointmentBooked event, run the rule, log the outcome."""
    try:
        event = AppointmentBookedEvent.model_validate_json(body)
    except ValidationError as error:
        count = error.error_count()
        raise InvalidMessageError(
            f"Not a valid AppointmentBooked event ({count} errors).",
        ) from error
    outcome = await schedule_reminder(event, api)
    logger.info("job_completed", extra={**outcome.as_log(), "event_id": str(event.event_id)})
    return outcome


async def run_send_due_reminders(api: BusinessApi) -> JobOutcome:
    """Mark the reminders whose time has come as due, so that the bot sends them: one scheduled run of the rule, its outcome logged."""
    outcome = await send_due_reminders(api)
    logger.info("job_completed", extra=outcome.as_log())
    return outcome


def event_routes(api: BusinessApi) -> list[EventRoute]:
    """The event jobs, each bound to the queue of its event for this service."""
    return [
        EventRoute(
            job="schedule_reminder",
            subscription=Subscription(
                SERVICE_NAME,
                "appointment_booked",
                AppointmentBookedEvent.ROUTING_KEY,
            ),
            handle=partial(handle_schedule_reminder, api),
        ),
    ]


def scheduled_jobs(api: BusinessApi, settings: Settings) -> list[ScheduledJob]:
    """The scheduled jobs with their periods."""
    return [
        ScheduledJob(
            name="send_due_reminders",
            every_seconds=settings.send_due_reminders_every_seconds,
            run=partial(run_send_due_reminders, api),
        ),
    ]
