"""The business rules of the borrower entity (``src/domain/rules/borrower_rules.py``), on the real data
services.

This file is yours, like the rules: amgen writes it once and never overwrites it. Change it with the rules. Here the
rule hooks are the real ones (amgen's own tests replace them with doubles). It tests the default policy: no rule
beyond the spec's field constraints, so every check accepts the change and reads nothing; and the checks run the
listed rules in order, stopping at the first refusal.
"""

# Implements: FR-001
from uuid import UUID, uuid4

import httpx
import pytest

from shared.contracts.borrower import (
    BorrowerCreate,
    BorrowerUpdate,
)
from src.domain.errors import BusinessRuleViolationError
from src.domain.rules import RuleContext, borrower_rules
from src.infrastructure.http_clients.borrower_client import DATA_SERVICE_NAME
from tests.helpers import build_borrower_payload


@pytest.fixture
def context(data_http_clients: dict[str, httpx.AsyncClient]) -> RuleContext:
    return RuleContext.from_http_clients(data_http_clients)


@pytest.fixture
async def valid_create(data_http_clients: dict[str, httpx.AsyncClient]) -> BorrowerCreate:
    """Valid values of a new borrower; its parents exist in the data service."""
    payload = await build_borrower_payload(data_http_clients[DATA_SERVICE_NAME])
    return BorrowerCreate.model_validate(payload)


def test_default_rules_list_nothing() -> None:
    assert borrower_rules.CREATE_RULES == ()
    assert borrower_rules.UPDATE_RULES == ()
    assert borrower_rules.DELETE_RULES == ()


async def test_default_create_accepts_valid_values_and_reads_nothing(
    valid_create: BorrowerCreate,
    context: RuleContext,
    data_requests: list[httpx.Request],
) -> None:
    data_requests.clear()

    await borrower_rules.check_create(valid_create, context)

    assert data_requests == []


async def test_default_update_and_delete_accept_and_read_nothing(
    context: RuleContext,
    data_requests: list[httpx.Request],
) -> None:
    change = BorrowerUpdate.model_validate(
        {"full_name": "updated"},
    )

    await borrower_rules.check_update(uuid4(), change, context)
    await borrower_rules.check_delete(uuid4(), context)

    assert data_requests == []


async def test_checks_run_the_listed_rules_in_order_until_one_refuses(
    valid_create: BorrowerCreate,
    context: RuleContext,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    ran: list[str] = []

    async def accepts(data: BorrowerCreate, rule_context: RuleContext) -> None:
        ran.append("accepts")

    async def refuses(data: BorrowerCreate, rule_context: RuleContext) -> None:
        ran.append("refuses")
        raise BusinessRuleViolationError("Refused.")

    async def never_runs(data: BorrowerCreate, rule_context: RuleContext) -> None:
        ran.append("never_runs")

    monkeypatch.setattr(borrower_rules, "CREATE_RULES", (accepts, refuses, never_runs))

    with pytest.raises(BusinessRuleViolationError, match="Refused"):
        await borrower_rules.check_create(valid_create, context)
    assert ran == ["accepts", "refuses"]


async def test_update_and_delete_rules_get_the_id(context: RuleContext, monkeypatch: pytest.MonkeyPatch) -> None:
    seen: list[UUID] = []
    entity_id = uuid4()

    async def update_rule(
        rule_id: UUID,
        data: BorrowerUpdate,
        rule_context: RuleContext,
    ) -> None:
        seen.append(rule_id)

    async def delete_rule(rule_id: UUID, rule_context: RuleContext) -> None:
        seen.append(rule_id)

    monkeypatch.setattr(borrower_rules, "UPDATE_RULES", (update_rule,))
    monkeypatch.setattr(borrower_rules, "DELETE_RULES", (delete_rule,))

    await borrower_rules.check_update(
        entity_id,
        BorrowerUpdate(),
        context,
    )
    await borrower_rules.check_delete(entity_id, context)

    assert seen == [entity_id, entity_id]
