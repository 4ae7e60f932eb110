"""The text sent to subscribed chats for each event the bot consumes."""

import re

from shared.events.loan_application_submitted import (
    LoanApplicationSubmittedEvent,
)
from shared.events.borrower_registered import (
    BorrowerRegisteredEvent,
)
from src.bot.formatting import display_value


def event_title(event_name: str) -> str:
    """``AppointmentBooked`` → ``Appointment booked``."""
    return " ".join(re.findall(r"[A-Z]+[a-z0-9]*|[a-z0-9]+", event_name)).capitalize()


def loan_application_submitted_message(
    event: LoanApplicationSubmittedEvent,
) -> str:
    """Notification of LoanApplicationSubmitted."""
    payload = event.payload
    lines = [
        event_title("LoanApplicationSubmitted"),
        f"loan application id: {display_value(payload.id)}",
        f"amount: {display_value(payload.amount)}",
        f"term months: {display_value(payload.term_months)}",
        f"status: {display_value(payload.status)}",
    ]
    return "\n".join(lines)


def borrower_registered_message(
    event: BorrowerRegisteredEvent,
) -> str:
    """Notification of BorrowerRegistered."""
    payload = event.payload
    lines = [
        event_title("BorrowerRegistered"),
        f"borrower id: {display_value(payload.id)}",
        f"kyc status: {display_value(payload.kyc_status)}",
    ]
    return "\n".join(lines)
