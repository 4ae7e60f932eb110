"""Test data: a valid payload per entity, and helpers creating entities through the API (parents first)."""

from itertools import count
from typing import Any

import httpx

from shared.contracts.borrower import (
    BorrowerCreate,
)
from shared.contracts.lender import (
    LenderCreate,
)
from shared.contracts.loan_application import (
    LoanApplicationCreate,
)
from shared.contracts.investment import (
    InvestmentCreate,
)
from shared.contracts.repayment import (
    RepaymentCreate,
)
from src.infrastructure.models.borrower import (
    Borrower,
)
from src.infrastructure.models.lender import (
    Lender,
)
from src.infrastructure.models.loan_application import (
    LoanApplication,
)
from src.infrastructure.models.investment import (
    Investment,
)
from src.infrastructure.models.repayment import (
    Repayment,
)
from src.infrastructure.unit_of_work import UnitOfWork

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
    """Create one borrower (and its parents) through the API; return its JSON."""
    payload = await build_borrower_payload(client)
    response = await client.post("/api/v1/borrowers", json=payload)
    assert response.status_code == 201, response.text
    created: dict[str, Any] = response.json()
    return created


async def store_borrower(
    unit_of_work: UnitOfWork,
) -> Borrower:
    """Store one borrower (and its parents) through the repositories, without committing."""
    values = borrower_values(next_number())
    payload = BorrowerCreate.model_validate(values)
    return await unit_of_work.borrowers.create(payload.model_dump())


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
    """Create one lender (and its parents) through the API; return its JSON."""
    payload = await build_lender_payload(client)
    response = await client.post("/api/v1/lenders", json=payload)
    assert response.status_code == 201, response.text
    created: dict[str, Any] = response.json()
    return created


async def store_lender(
    unit_of_work: UnitOfWork,
) -> Lender:
    """Store one lender (and its parents) through the repositories, without committing."""
    values = lender_values(next_number())
    payload = LenderCreate.model_validate(values)
    return await unit_of_work.lenders.create(payload.model_dump())


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
    """Create one loan application (and its parents) through the API; return its JSON."""
    payload = await build_loan_application_payload(client)
    response = await client.post("/api/v1/loan-applications", json=payload)
    assert response.status_code == 201, response.text
    created: dict[str, Any] = response.json()
    return created


async def store_loan_application(
    unit_of_work: UnitOfWork,
) -> LoanApplication:
    """Store one loan application (and its parents) through the repositories, without committing."""
    values = loan_application_values(next_number())
    parent_id = (await store_borrower(unit_of_work)).id
    values["borrower_id"] = parent_id
    payload = LoanApplicationCreate.model_validate(values)
    return await unit_of_work.loan_applications.create(payload.model_dump())


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
    """Create one investment (and its parents) through the API; return its JSON."""
    payload = await build_investment_payload(client)
    response = await client.post("/api/v1/investments", json=payload)
    assert response.status_code == 201, response.text
    created: dict[str, Any] = response.json()
    return created


async def store_investment(
    unit_of_work: UnitOfWork,
) -> Investment:
    """Store one investment (and its parents) through the repositories, without committing."""
    values = investment_values(next_number())
    parent_id = (await store_lender(unit_of_work)).id
    values["lender_id"] = parent_id
    parent_id = (await store_loan_application(unit_of_work)).id
    values["loan_application_id"] = parent_id
    payload = InvestmentCreate.model_validate(values)
    return await unit_of_work.investments.create(payload.model_dump())


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
    """Create one repayment (and its parents) through the API; return its JSON."""
    payload = await build_repayment_payload(client)
    response = await client.post("/api/v1/repayments", json=payload)
    assert response.status_code == 201, response.text
    created: dict[str, Any] = response.json()
    return created


async def store_repayment(
    unit_of_work: UnitOfWork,
) -> Repayment:
    """Store one repayment (and its parents) through the repositories, without committing."""
    values = repayment_values(next_number())
    parent_id = (await store_loan_application(unit_of_work)).id
    values["loan_application_id"] = parent_id
    payload = RepaymentCreate.model_validate(values)
    return await unit_of_work.repayments.create(payload.model_dump())
