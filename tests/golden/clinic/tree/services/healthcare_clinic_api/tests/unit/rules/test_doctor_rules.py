"""The business rules of the doctor entity (``src/domain/rules/doctor_rules.py``), on the real data
services.

This file is yours, like the rules: amgen writes it once and never overwrites it. Change it with the rules. Here the
rule hooks are the real ones (amgen's own tests replace them with doubles). It tests the default policy: no rule
beyond the spec's field constraints, so every check accepts the change and reads nothing; and the checks run the
listed rules in order, stopping at the first refusal.
"""

# Implements: FR-002
from uuid import UUID, uuid4

import httpx
import pytest

from shared.contracts.doctor import (
    DoctorCreate,
    DoctorUpdate,
)
from src.domain.errors import BusinessRuleViolationError
from src.domain.rules import RuleContext, doctor_rules
from src.infrastructure.http_clients.doctor_client import DATA_SERVICE_NAME
from tests.helpers import build_doctor_payload


@pytest.fixture
def context(data_http_clients: dict[str, httpx.AsyncClient]) -> RuleContext:
    return RuleContext.from_http_clients(data_http_clients)


@pytest.fixture
async def valid_create(data_http_clients: dict[str, httpx.AsyncClient]) -> DoctorCreate:
    """Valid values of a new doctor; its parents exist in the data service."""
    payload = await build_doctor_payload(data_http_clients[DATA_SERVICE_NAME])
    return DoctorCreate.model_validate(payload)


def test_default_rules_list_nothing() -> None:
    assert doctor_rules.CREATE_RULES == ()
    assert doctor_rules.UPDATE_RULES == ()
    assert doctor_rules.DELETE_RULES == ()


async def test_default_create_accepts_valid_values_and_reads_nothing(
    valid_create: DoctorCreate,
    context: RuleContext,
    data_requests: list[httpx.Request],
) -> None:
    data_requests.clear()

    await doctor_rules.check_create(valid_create, context)

    assert data_requests == []


async def test_default_update_and_delete_accept_and_read_nothing(
    context: RuleContext,
    data_requests: list[httpx.Request],
) -> None:
    change = DoctorUpdate.model_validate(
        {"full_name": "updated"},
    )

    await doctor_rules.check_update(uuid4(), change, context)
    await doctor_rules.check_delete(uuid4(), context)

    assert data_requests == []


async def test_checks_run_the_listed_rules_in_order_until_one_refuses(
    valid_create: DoctorCreate,
    context: RuleContext,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    ran: list[str] = []

    async def accepts(data: DoctorCreate, rule_context: RuleContext) -> None:
        ran.append("accepts")

    async def refuses(data: DoctorCreate, rule_context: RuleContext) -> None:
        ran.append("refuses")
        raise BusinessRuleViolationError("Refused.")

    async def never_runs(data: DoctorCreate, rule_context: RuleContext) -> None:
        ran.append("never_runs")

    monkeypatch.setattr(doctor_rules, "CREATE_RULES", (accepts, refuses, never_runs))

    with pytest.raises(BusinessRuleViolationError, match="Refused"):
        await doctor_rules.check_create(valid_create, context)
    assert ran == ["accepts", "refuses"]


async def test_update_and_delete_rules_get_the_id(context: RuleContext, monkeypatch: pytest.MonkeyPatch) -> None:
    seen: list[UUID] = []
    entity_id = uuid4()

    async def update_rule(
        rule_id: UUID,
        data: DoctorUpdate,
        rule_context: RuleContext,
    ) -> None:
        seen.append(rule_id)

    async def delete_rule(rule_id: UUID, rule_context: RuleContext) -> None:
        seen.append(rule_id)

    monkeypatch.setattr(doctor_rules, "UPDATE_RULES", (update_rule,))
    monkeypatch.setattr(doctor_rules, "DELETE_RULES", (delete_rule,))

    await doctor_rules.check_update(
        entity_id,
        DoctorUpdate(),
        context,
    )
    await doctor_rules.check_delete(entity_id, context)

    assert seen == [entity_id, entity_id]
