"""Test data: a valid payload per entity, and helpers creating entities through the API or the repositories."""

from itertools import count
from typing import Any

import httpx

from shared.contracts.credit_score_record import (
    CreditScoreRecordCreate,
    CreditScoreRecordPublic,
)
from shared.contracts.audit_log_entry import (
    AuditLogEntryCreate,
    AuditLogEntryPublic,
)
from src.infrastructure.repositories.registry import Repositories

PROBLEM_JSON = "application/problem+json"

_sequence = count(1)


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


def credit_score_record_values(n: int) -> dict[str, Any]:
    """Field values of a valid credit score record, made unique by ``n`` where the schema requires it."""
    return {
        "borrower_ref": f"00000000-0000-4000-8000-{n:012d}",
        "score": 300,
        "factors": {"key": f"value-{n}"},
    }


async def build_credit_score_record_payload(client: httpx.AsyncClient) -> dict[str, Any]:
    """A valid create payload for one credit score record."""
    return credit_score_record_values(next_number())


async def create_credit_score_record(client: httpx.AsyncClient) -> dict[str, Any]:
    """Create one credit score record through the API; return its JSON."""
    payload = await build_credit_score_record_payload(client)
    response = await client.post("/api/v1/credit-score-records", json=payload)
    assert response.status_code == 201, response.text
    created: dict[str, Any] = response.json()
    return created


async def store_credit_score_record(
    repositories: Repositories,
) -> CreditScoreRecordPublic:
    """Store one credit score record through its repository."""
    payload = CreditScoreRecordCreate.model_validate(
        credit_score_record_values(next_number()),
    )
    return await repositories.credit_score_records.create(payload.model_dump())


def audit_log_entry_values(n: int) -> dict[str, Any]:
    """Field values of a valid audit log entry, made unique by ``n`` where the schema requires it."""
    return {
        "actor": "actor",
        "action": "action",
        "subject_ref": f"00000000-0000-4000-8000-{n:012d}",
        "details": {"key": f"value-{n}"},
    }


async def build_audit_log_entry_payload(client: httpx.AsyncClient) -> dict[str, Any]:
    """A valid create payload for one audit log entry."""
    return audit_log_entry_values(next_number())


async def create_audit_log_entry(client: httpx.AsyncClient) -> dict[str, Any]:
    """Create one audit log entry through the API; return its JSON."""
    payload = await build_audit_log_entry_payload(client)
    response = await client.post("/api/v1/audit-log-entries", json=payload)
    assert response.status_code == 201, response.text
    created: dict[str, Any] = response.json()
    return created


async def store_audit_log_entry(
    repositories: Repositories,
) -> AuditLogEntryPublic:
    """Store one audit log entry through its repository."""
    payload = AuditLogEntryCreate.model_validate(
        audit_log_entry_values(next_number()),
    )
    return await repositories.audit_log_entries.create(payload.model_dump())
