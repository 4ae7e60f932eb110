"""The business rules of the investment entity (``src/domain/rules/investment_rules.py``), on the real data
services: approved lenders with the balance, approved loans, never more than is still open (FR-004).

This file is yours, like the rules: amgen writes it once and never overwrites it.
"""

# Implements: FR-004
from decimal import Decimal
from typing import Any
from uuid import UUID, uuid4

import httpx
import pytest

from shared.contracts.investment import InvestmentCreate, InvestmentUpdate
from src.domain.errors import BusinessRuleViolationError
from src.domain.rules import RuleContext, investment_rules
from src.infrastructure.http_clients.investment_client import DATA_SERVICE_NAME
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


async def lender(client: httpx.AsyncClient, balance: str = "10000.00", kyc_status: str = "approved") -> dict[str, Any]:
    payload = await build_lender_payload(client)
    return await post(client, "/api/v1/lenders", {**payload, "kyc_status": kyc_status, "available_balance": balance})


async def loan(client: httpx.AsyncClient, amount: str = "1000.00", status: str = "approved") -> dict[str, Any]:
    borrower = await post(client, "/api/v1/borrowers", await build_borrower_payload(client))
    return await post(
        client,
        "/api/v1/loan-applications",
        {"amount": amount, "term_months": 12, "purpose": "Stock", "status": status, "borrower_id": borrower["id"]},
    )


def investing(lender_id: str, loan_id: str, amount: str) -> InvestmentCreate:
    return InvestmentCreate(amount=Decimal(amount), lender_id=UUID(lender_id), loan_application_id=UUID(loan_id))


async def test_an_approved_lender_invests_up_to_what_is_open(
    data_client: httpx.AsyncClient, context: RuleContext
) -> None:
    investor = await lender(data_client)
    open_loan = await loan(data_client, amount="1000.00")
    await post(
        data_client,
        "/api/v1/investments",
        {"amount": "600.00", "lender_id": investor["id"], "loan_application_id": open_loan["id"]},
    )

    await investment_rules.check_create(investing(investor["id"], open_loan["id"], "400.00"), context)
    with pytest.raises(BusinessRuleViolationError, match=r"Only 400\.00 of the loan is still open"):
        await investment_rules.check_create(investing(investor["id"], open_loan["id"], "400.01"), context)


async def test_every_page_of_investments_is_summed(
    data_client: httpx.AsyncClient, context: RuleContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(investment_rules, "MAX_PAGE_LIMIT", 2)
    investor = await lender(data_client)
    open_loan = await loan(data_client, amount="500.00")
    for _ in range(5):
        await post(
            data_client,
            "/api/v1/investments",
            {"amount": "100.00", "lender_id": investor["id"], "loan_application_id": open_loan["id"]},
        )

    assert await investment_rules.invested_so_far(UUID(open_loan["id"]), context) == Decimal("500.00")
    with pytest.raises(BusinessRuleViolationError, match=r"Only 0\.00"):
        await investment_rules.check_create(investing(investor["id"], open_loan["id"], "10.00"), context)


@pytest.mark.parametrize("status", ["pending", "rejected", "active", "completed", "defaulted"])
async def test_only_approved_loans_take_investments(
    data_client: httpx.AsyncClient, context: RuleContext, status: str
) -> None:
    investor = await lender(data_client)
    closed = await loan(data_client, status=status)

    with pytest.raises(BusinessRuleViolationError, match=f"is {status}"):
        await investment_rules.check_create(investing(investor["id"], closed["id"], "50.00"), context)


async def test_the_lender_needs_approved_kyc_and_the_balance(
    data_client: httpx.AsyncClient, context: RuleContext
) -> None:
    open_loan = await loan(data_client)
    unverified = await lender(data_client, kyc_status="pending")
    poor = await lender(data_client, balance="49.99")

    with pytest.raises(BusinessRuleViolationError, match="KYC is pending"):
        await investment_rules.check_create(investing(unverified["id"], open_loan["id"], "50.00"), context)
    with pytest.raises(BusinessRuleViolationError, match=r"does not cover 50\.00"):
        await investment_rules.check_create(investing(poor["id"], open_loan["id"], "50.00"), context)


async def test_investments_are_never_changed_or_withdrawn(context: RuleContext) -> None:
    with pytest.raises(BusinessRuleViolationError, match="cannot be changed"):
        await investment_rules.check_update(uuid4(), InvestmentUpdate(amount=Decimal("20")), context)
    with pytest.raises(BusinessRuleViolationError, match="cannot be withdrawn"):
        await investment_rules.check_delete(uuid4(), context)
