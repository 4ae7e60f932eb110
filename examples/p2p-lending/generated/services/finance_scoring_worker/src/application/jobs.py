"""The jobs of finance_scoring_worker: one message handler per event job, one runner per scheduled job.

Each calls the business rule of its job (``src/application/rules/<job>.py``) and logs its outcome.
"""

import logging
from functools import partial

from pydantic import ValidationError

from shared.events.loan_application_submitted import (
    LoanApplicationSubmittedEvent,
)
from shared.events.repayment_received import (
    RepaymentReceivedEvent,
)
from shared.messaging.topology import Subscription
from src.application.rules.score_application import (
    score_application,
)
from src.application.rules.rescore_after_repayment import (
    rescore_after_repayment,
)
from src.application.rules.flag_late_repayments import (
    flag_late_repayments,
)
from src.core.config import SERVICE_NAME, Settings
from src.domain.errors import InvalidMessageError
from src.domain.outcome import JobOutcome
from src.infrastructure.business_api import BusinessApi
from src.infrastructure.consumer import EventRoute
from src.infrastructure.scheduler import ScheduledJob

logger = logging.getLogger(__name__)


async def handle_score_application(api: BusinessApi, body: bytes) -> JobOutcome:
    """Score the borrower of a new loan application from repayment history, debt ratio and account age: parse the LoanApplicationSubmitted event, run the rule, log the outcome."""
    try:
        event = LoanApplicationSubmittedEvent.model_validate_json(body)
    except ValidationError as error:
        count = error.error_count()
        raise InvalidMessageError(
            f"Not a valid LoanApplicationSubmitted event ({count} errors).",
        ) from error
    outcome = await score_application(event, api)
    logger.info("job_completed", extra={**outcome.as_log(), "event_id": str(event.event_id)})
    return outcome


async def handle_rescore_after_repayment(api: BusinessApi, body: bytes) -> JobOutcome:
    """Recompute the borrower's credit score after a repayment: parse the RepaymentReceived event, run the rule, log the outcome."""
    try:
        event = RepaymentReceivedEvent.model_validate_json(body)
    except ValidationError as error:
        count = error.error_count()
        raise InvalidMessageError(
            f"Not a valid RepaymentReceived event ({count} errors).",
        ) from error
    outcome = await rescore_after_repayment(event, api)
    logger.info("job_completed", extra={**outcome.as_log(), "event_id": str(event.event_id)})
    return outcome


async def run_flag_late_repayments(api: BusinessApi) -> JobOutcome:
    """Mark scheduled repayments past their due date as late: one scheduled run of the rule, its outcome logged."""
    outcome = await flag_late_repayments(api)
    logger.info("job_completed", extra=outcome.as_log())
    return outcome


def event_routes(api: BusinessApi) -> list[EventRoute]:
    """The event jobs, each bound to the queue of its event for this service."""
    return [
        EventRoute(
            job="score_application",
            subscription=Subscription(
                SERVICE_NAME,
                "loan_application_submitted",
                LoanApplicationSubmittedEvent.ROUTING_KEY,
            ),
            handle=partial(handle_score_application, api),
        ),
        EventRoute(
            job="rescore_after_repayment",
            subscription=Subscription(
                SERVICE_NAME,
                "repayment_received",
                RepaymentReceivedEvent.ROUTING_KEY,
            ),
            handle=partial(handle_rescore_after_repayment, api),
        ),
    ]


def scheduled_jobs(api: BusinessApi, settings: Settings) -> list[ScheduledJob]:
    """The scheduled jobs with their periods."""
    return [
        ScheduledJob(
            name="flag_late_repayments",
            every_seconds=settings.flag_late_repayments_every_seconds,
            run=partial(run_flag_late_repayments, api),
        ),
    ]
