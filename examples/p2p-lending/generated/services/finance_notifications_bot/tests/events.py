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


def loan_application_submitted_json(n: int = 1) -> dict[str, Any]:
    """A valid LoanApplicationSubmitted event."""
    payload: dict[str, Any] = {"id": str(uuid4())}
    payload["amount"] = "100.00"
    payload["term_months"] = 10
    payload["status"] = "pending"
    return envelope("LoanApplicationSubmitted", payload)


def borrower_registered_json(n: int = 1) -> dict[str, Any]:
    """A valid BorrowerRegistered event."""
    payload: dict[str, Any] = {"id": str(uuid4())}
    payload["kyc_status"] = "pending"
    return envelope("BorrowerRegistered", payload)


SAMPLES: dict[str, Callable[[int], dict[str, Any]]] = {
    "loan_application_submitted": loan_application_submitted_json,
    "borrower_registered": borrower_registered_json,
}
"""A sample of every consumed event, by event (snake case)."""
