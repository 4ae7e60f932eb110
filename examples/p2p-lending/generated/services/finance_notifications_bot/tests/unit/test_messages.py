"""The notification text of every consumed event."""

import json

import pytest

from src.bot.formatting import display_value
from src.infrastructure.event_consumer import BINDINGS, EventBinding
from src.notifications import messages
from src.notifications.messages import event_title
from shared.events.loan_application_submitted import (
    LoanApplicationSubmittedEvent,
)
from shared.events.borrower_registered import (
    BorrowerRegisteredEvent,
)
from tests.events import SAMPLES
from tests.events import loan_application_submitted_json
from tests.events import borrower_registered_json


def test_loan_application_submitted_message() -> None:
    event = LoanApplicationSubmittedEvent.model_validate(
        loan_application_submitted_json(),
    )

    lines = messages.loan_application_submitted_message(event).splitlines()

    assert lines[0] == event_title("LoanApplicationSubmitted")
    assert lines[1] == f"loan application id: {event.payload.id}"
    value = display_value(event.payload.amount)
    assert f"amount: {value}" in lines
    value = display_value(event.payload.term_months)
    assert f"term months: {value}" in lines
    value = display_value(event.payload.status)
    assert f"status: {value}" in lines


def test_borrower_registered_message() -> None:
    event = BorrowerRegisteredEvent.model_validate(
        borrower_registered_json(),
    )

    lines = messages.borrower_registered_message(event).splitlines()

    assert lines[0] == event_title("BorrowerRegistered")
    assert lines[1] == f"borrower id: {event.payload.id}"
    value = display_value(event.payload.kyc_status)
    assert f"kyc status: {value}" in lines


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
