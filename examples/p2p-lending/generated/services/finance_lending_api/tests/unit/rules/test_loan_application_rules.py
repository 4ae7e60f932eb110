"""The business rules of the loan application entity (``src/domain/rules/loan_application_rules.py``), on the real
data services: KYC approved, at most 3 active loans, no deletion of a loan with investments (FR-003).

This file is yours, like the rules: amgen writes it once and never overwrites it.
"""

# Implements: FR-003
from decimal import Decimal
from typing import Any
from uuid import UUID

import httpx
import pytest
from pydantic import ValidationError

from shared.contracts.loan_application import LoanApplicationCreate, LoanApplicationStatus, LoanApplicationUpdate
from src.domain.errors import BusinessRuleViolationError
from src.domain.rules import RuleContext, loan_application_rules
from src.infrastructure.http_clients.loan_application_client import DATA_SERVICE_NAME
from tests.helpers import build_borrower_payload, build_lender_payload


@pytest.fixture
def context(data_http_clients: dict[str, httpx.AsyncClient]) -> RuleContext:
    return RuleContext.from_http_clients(data_http_clients)


@pytest.fixture
def data_client(data_http_clients: dict[str, httpx.AsyncClient]) -> httpx.AsyncClient:
    return data_http_clients[DATA_SERVICE_NAME]


async def post(client: httpx.AsyncClient, path: str, payload: dict[str, Any]) -> dict[str, Any]:
    response = await client.post(path, json=payload)
    assert response.status_code == 201, response.text
    created: dict[str, Any] = response.json()
    return created


async def borrower(client: httpx.AsyncClient, kyc_status: str = "approved") -> dict[str, Any]:
    payload = await build_borrower_payload(client)
    return await post(client, "/api/v1/borrowers", {**payload, "kyc_status": kyc_status})


async def loan(client: httpx.AsyncClient, borrower_id: str, status: str = "pending") -> dict[str, Any]:
    return await post(
        client,
        "/api/v1/loan-applications",
        {"amount": "5000.00", "term_months": 24, "purpose": "A new roof", "status": status, "borrower_id": borrower_id},
    )


def application(borrower_id: str, amount: str = "2500.00", months: int = 12) -> LoanApplicationCreate:
    return LoanApplicationCreate(
        amount=Decimal(amount), term_months=months, purpose="Solar panels", borrower_id=UUID(borrower_id)
    )


def test_the_rules_are_listed() -> None:
    create_rules = (loan_application_rules.borrower_passed_kyc, loan_application_rules.borrower_has_room_for_a_loan)
    assert create_rules == loan_application_rules.CREATE_RULES
    assert (loan_application_rules.activation_keeps_the_limit,) == loan_application_rules.UPDATE_RULES
    assert (loan_application_rules.nothing_invested,) == loan_application_rules.DELETE_RULES


@pytest.mark.parametrize(("amount", "months"), [("99.99", 12), ("50000.01", 12), ("100", 0), ("100", 61)])
def test_amounts_and_terms_outside_the_bounds_never_reach_the_rules(amount: str, months: int) -> None:
    with pytest.raises(ValidationError):
        application("00000000-0000-4000-8000-000000000000", amount, months)


@pytest.mark.parametrize(("amount", "months"), [("100", 1), ("50000", 60)])
async def test_the_bounds_themselves_are_accepted(
    data_client: httpx.AsyncClient, context: RuleContext, amount: str, months: int
) -> None:
    approved = await borrower(data_client)

    await loan_application_rules.check_create(application(approved["id"], amount, months), context)


@pytest.mark.parametrize("kyc_status", ["pending", "rejected"])
async def test_a_borrower_without_approved_kyc_may_not_apply(
    data_client: httpx.AsyncClient, context: RuleContext, kyc_status: str
) -> None:
    unverified = await borrower(data_client, kyc_status)

    with pytest.raises(BusinessRuleViolationError, match=f"KYC is {kyc_status}"):
        await loan_application_rules.check_create(application(unverified["id"]), context)


async def test_a_fourth_active_loan_is_refused_but_other_statuses_do_not_count(
    data_client: httpx.AsyncClient, context: RuleContext
) -> None:
    approved = await borrower(data_client)
    for _ in range(2):
        await loan(data_client, approved["id"], status="active")
    await loan(data_client, approved["id"], status="completed")
    await loan(data_client, approved["id"], status="pending")

    await loan_application_rules.check_create(application(approved["id"]), context)

    await loan(data_client, approved["id"], status="active")
    with pytest.raises(BusinessRuleViolationError, match="3 active loans"):
        await loan_application_rules.check_create(application(approved["id"]), context)


async def test_activating_a_loan_keeps_the_limit(data_client: httpx.AsyncClient, context: RuleContext) -> None:
    approved = await borrower(data_client)
    pending = await loan(data_client, approved["id"], status="approved")
    activate = LoanApplicationUpdate(status=LoanApplicationStatus.ACTIVE)

    await loan_application_rules.check_update(UUID(pending["id"]), activate, context)

    active = [await loan(data_client, approved["id"], status="active") for _ in range(3)]
    with pytest.raises(BusinessRuleViolationError, match="3 active loans"):
        await loan_application_rules.check_update(UUID(pending["id"]), activate, context)
    # An active loan that stays active, and other changes, are not limited.
    await loan_application_rules.check_update(UUID(active[0]["id"]), activate, context)
    await loan_application_rules.check_update(
        UUID(pending["id"]), LoanApplicationUpdate(purpose="Solar panels and a battery"), context
    )


async def test_a_loan_with_investments_cannot_be_deleted(data_client: httpx.AsyncClient, context: RuleContext) -> None:
    approved = await borrower(data_client)
    funded = await loan(data_client, approved["id"], status="approved")
    empty = await loan(data_client, approved["id"])
    lender = await post(data_client, "/api/v1/lenders", await build_lender_payload(data_client))
    await post(
        data_client,
        "/api/v1/investments",
        {"amount": "100.00", "lender_id": lender["id"], "loan_application_id": funded["id"]},
    )

    with pytest.raises(BusinessRuleViolationError, match="1 investments"):
        await loan_application_rules.check_delete(UUID(funded["id"]), context)
    await loan_application_rules.check_delete(UUID(empty["id"]), context)
