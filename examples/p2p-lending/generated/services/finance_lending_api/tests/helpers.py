"""Test data: a valid payload per entity, and helpers creating entities over HTTP (parents first).

The helpers work against this service and against a data service alike: both serve ``/api/v1``.
"""

from itertools import count
from typing import Any

import httpx

from shared.security.api_keys import API_KEY_HEADER
from tests import TEST_API_KEY

PROBLEM_JSON = "application/problem+json"

_sequence = count(1)

AUTH_HEADERS = {API_KEY_HEADER: TEST_API_KEY}
"""The credentials every test client of this service sends."""


def next_number() -> int:
    """A number never returned before in this test run, to make unique values."""
    return next(_sequence)


def assert_problem(response: httpx.Response, status: int) -> dict[str, Any]:
    """Check that ``response`` is an RFC 9457 problem with ``status``; return its body."""
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith(PROBLEM_JSON)
    body: dict[str, Any] = response.json()
    assert body["status"] == status
    assert body["title"]
    assert body["type"] == "about:blank"
    return body


def borrower_values(n: int) -> dict[str, Any]:
    """Field values of a valid borrower, made unique by ``n`` where the schema requires it."""
    return {
        "full_name": "full name",
        "email": f"user{n}@example.com",
        "kyc_status": "pending",
        "annual_income": "12.50",
        "credit_score": 300,
    }


async def build_borrower_payload(client: httpx.AsyncClient) -> dict[str, Any]:
    """A valid create payload for one borrower; its parents are created first."""
    payload = borrower_values(next_number())
    return payload


async def create_borrower(client: httpx.AsyncClient) -> dict[str, Any]:
    """Create one borrower (and its parents) over HTTP; return its JSON."""
    payload = await build_borrower_payload(client)
    response = await client.post("/api/v1/borrowers", json=payload)
    assert response.status_code == 201, response.text
    created: dict[str, Any] = response.json()
    return created


def lender_values(n: int) -> dict[str, Any]:
    """Field values of a valid lender, made unique by ``n`` where the schema requires it."""
    return {
        "full_name": "full name",
        "email": f"user{n}@example.com",
        "kyc_status": "pending",
        "available_balance": "12.50",
    }


async def build_lender_payload(client: httpx.AsyncClient) -> dict[str, Any]:
    """A valid create payload for one lender; its parents are created first."""
    payload = lender_values(next_number())
    return payload


async def create_lender(client: httpx.AsyncClient) -> dict[str, Any]:
    """Create one lender (and its parents) over HTTP; return its JSON."""
    payload = await build_lender_payload(client)
    response = await client.post("/api/v1/lenders", json=payload)
    assert response.status_code == 201, response.text
    created: dict[str, Any] = response.json()
    return created


def loan_application_values(n: int) -> dict[str, Any]:
    """Field values of a valid loan application, made unique by ``n`` where the schema requires it."""
    return {
        "amount": "100.00",
        "term_months": 10,
        "interest_rate": "12.50",
        "purpose": "purpose",
        "status": "pending",
    }


async def build_loan_application_payload(client: httpx.AsyncClient) -> dict[str, Any]:
    """A valid create payload for one loan application; its parents are created first."""
    payload = loan_application_values(next_number())
    parent = await create_borrower(client)
    payload["borrower_id"] = parent["id"]
    return payload


async def create_loan_application(client: httpx.AsyncClient) -> dict[str, Any]:
    """Create one loan application (and its parents) over HTTP; return its JSON."""
    payload = await build_loan_application_payload(client)
    response = await client.post("/api/v1/loan-applications", json=payload)
    assert response.status_code == 201, response.text
    created: dict[str, Any] = response.json()
    return created


def investment_values(n: int) -> dict[str, Any]:
    """Field values of a valid investment, made unique by ``n`` where the schema requires it."""
    return {
        "amount": "12.50",
    }


async def build_investment_payload(client: httpx.AsyncClient) -> dict[str, Any]:
    """A valid create payload for one investment; its parents are created first."""
    payload = investment_values(next_number())
    parent = await create_lender(client)
    payload["lender_id"] = parent["id"]
    parent = await create_loan_application(client)
    payload["loan_application_id"] = parent["id"]
    return payload


async def create_investment(client: httpx.AsyncClient) -> dict[str, Any]:
    """Create one investment (and its parents) over HTTP; return its JSON."""
    payload = await build_investment_payload(client)
    response = await client.post("/api/v1/investments", json=payload)
    assert response.status_code == 201, response.text
    created: dict[str, Any] = response.json()
    return created


def repayment_values(n: int) -> dict[str, Any]:
    """Field values of a valid repayment, made unique by ``n`` where the schema requires it."""
    return {
        "amount": "12.50",
        "due_date": "2030-01-02",
        "paid_at": "2030-01-02T10:00:00+00:00",
        "status": "scheduled",
    }


async def build_repayment_payload(client: httpx.AsyncClient) -> dict[str, Any]:
    """A valid create payload for one repayment; its parents are created first."""
    payload = repayment_values(next_number())
    parent = await create_loan_application(client)
    payload["loan_application_id"] = parent["id"]
    return payload


async def create_repayment(client: httpx.AsyncClient) -> dict[str, Any]:
    """Create one repayment (and its parents) over HTTP; return its JSON."""
    payload = await build_repayment_payload(client)
    response = await client.post("/api/v1/repayments", json=payload)
    assert response.status_code == 201, response.text
    created: dict[str, Any] = response.json()
    return created


def credit_score_record_values(n: int) -> dict[str, Any]:
    """Field values of a valid credit score record, made unique by ``n`` where the schema requires it."""
    return {
        "borrower_ref": f"00000000-0000-4000-8000-{n:012d}",
        "score": 300,
        "factors": {"key": f"value-{n}"},
    }


async def build_credit_score_record_payload(client: httpx.AsyncClient) -> dict[str, Any]:
    """A valid create payload for one credit score record; its parents are created first."""
    payload = credit_score_record_values(next_number())
    return payload


async def create_credit_score_record(client: httpx.AsyncClient) -> dict[str, Any]:
    """Create one credit score record (and its parents) over HTTP; return its JSON."""
    payload = await build_credit_score_record_payload(client)
    response = await client.post("/api/v1/credit-score-records", json=payload)
    assert response.status_code == 201, response.text
    created: dict[str, Any] = response.json()
    return created


def audit_log_entry_values(n: int) -> dict[str, Any]:
    """Field values of a valid audit log entry, made unique by ``n`` where the schema requires it."""
    return {
        "actor": "actor",
        "action": "action",
        "subject_ref": f"00000000-0000-4000-8000-{n:012d}",
        "details": {"key": f"value-{n}"},
    }


async def build_audit_log_entry_payload(client: httpx.AsyncClient) -> dict[str, Any]:
    """A valid create payload for one audit log entry; its parents are created first."""
    payload = audit_log_entry_values(next_number())
    return payload


async def create_audit_log_entry(client: httpx.AsyncClient) -> dict[str, Any]:
    """Create one audit log entry (and its parents) over HTTP; return its JSON."""
    payload = await build_audit_log_entry_payload(client)
    response = await client.post("/api/v1/audit-log-entries", json=payload)
    assert response.status_code == 201, response.text
    created: dict[str, Any] = response.json()
    return created
