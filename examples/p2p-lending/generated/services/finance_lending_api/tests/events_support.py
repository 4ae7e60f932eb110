"""Test support for event publishing: publishers that record or fail, and the write behind each event.

Each ``write_<event>`` prepares what the write needs through the data service directly (so no other event is
published on the way) and then performs the write that publishes the event through this service.
"""

from typing import Any
from uuid import UUID

import httpx

from shared.messaging.publisher import AnyEvent, EventPublishError
from src.infrastructure.http_clients.borrower_client import (
    DATA_SERVICE_NAME as BORROWER_DATA_SERVICE,
)
from src.infrastructure.http_clients.loan_application_client import (
    DATA_SERVICE_NAME as LOAN_APPLICATION_DATA_SERVICE,
)
from src.infrastructure.http_clients.repayment_client import (
    DATA_SERVICE_NAME as REPAYMENT_DATA_SERVICE,
)
from tests.helpers import (
    build_borrower_payload,
    build_loan_application_payload,
    build_repayment_payload,
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


async def _stored_borrower(data_client: httpx.AsyncClient) -> dict[str, Any]:
    """One borrower (and its parents) stored through the data service, which publishes nothing."""
    payload = await build_borrower_payload(data_client)
    created = await data_client.post("/api/v1/borrowers", json=payload)
    assert created.status_code == 201, created.text
    stored: dict[str, Any] = created.json()
    return stored


async def _stored_loan_application(data_client: httpx.AsyncClient) -> dict[str, Any]:
    """One loan application (and its parents) stored through the data service, which publishes nothing."""
    payload = await build_loan_application_payload(data_client)
    created = await data_client.post("/api/v1/loan-applications", json=payload)
    assert created.status_code == 201, created.text
    stored: dict[str, Any] = created.json()
    return stored


async def _stored_repayment(data_client: httpx.AsyncClient) -> dict[str, Any]:
    """One repayment (and its parents) stored through the data service, which publishes nothing."""
    payload = await build_repayment_payload(data_client)
    created = await data_client.post("/api/v1/repayments", json=payload)
    assert created.status_code == 201, created.text
    stored: dict[str, Any] = created.json()
    return stored


async def write_borrower_registered(
    client: httpx.AsyncClient,
    data_clients: dict[str, httpx.AsyncClient],
    headers: dict[str, str] | None = None,
) -> tuple[httpx.Response, UUID | None, dict[str, Any]]:
    """The created write of one borrower that publishes BorrowerRegistered.

    Returns the response, the borrower id (when known) and its stored JSON before the write (``{}`` if new).
    """
    data_client = data_clients[BORROWER_DATA_SERVICE]
    payload: dict[str, Any] = await build_borrower_payload(data_client)
    response = await client.post("/api/v1/borrowers", json=payload, headers=headers)
    return response, UUID(response.json()["id"]) if response.status_code == 201 else None, {}


async def write_loan_application_submitted(
    client: httpx.AsyncClient,
    data_clients: dict[str, httpx.AsyncClient],
    headers: dict[str, str] | None = None,
) -> tuple[httpx.Response, UUID | None, dict[str, Any]]:
    """The created write of one loan application that publishes LoanApplicationSubmitted.

    Returns the response, the loan application id (when known) and its stored JSON before the write (``{}`` if new).
    """
    data_client = data_clients[LOAN_APPLICATION_DATA_SERVICE]
    payload: dict[str, Any] = await build_loan_application_payload(data_client)
    response = await client.post("/api/v1/loan-applications", json=payload, headers=headers)
    return response, UUID(response.json()["id"]) if response.status_code == 201 else None, {}


async def write_repayment_received(
    client: httpx.AsyncClient,
    data_clients: dict[str, httpx.AsyncClient],
    headers: dict[str, str] | None = None,
) -> tuple[httpx.Response, UUID | None, dict[str, Any]]:
    """The updated write of one repayment that publishes RepaymentReceived.

    Returns the response, the repayment id (when known) and its stored JSON before the write (``{}`` if new).
    """
    data_client = data_clients[REPAYMENT_DATA_SERVICE]
    existing = await _stored_repayment(data_client)
    change = {"amount": "13.75"}
    response = await client.patch(f"/api/v1/repayments/{existing['id']}", json=change, headers=headers)
    return response, UUID(existing["id"]), existing
