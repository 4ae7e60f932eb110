"""The business rules of the patient entity (``src/domain/rules/patient_rules.py``), on the real data
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

from shared.contracts.patient import (
    PatientCreate,
    PatientUpdate,
)
from src.domain.errors import BusinessRuleViolationError
from src.domain.rules import RuleContext, patient_rules
from src.infrastructure.http_clients.patient_client import DATA_SERVICE_NAME
from tests.helpers import build_patient_payload


@pytest.fixture
def context(data_http_clients: dict[str, httpx.AsyncClient]) -> RuleContext:
    return RuleContext.from_http_clients(data_http_clients)


@pytest.fixture
async def valid_create(data_http_clients: dict[str, httpx.AsyncClient]) -> PatientCreate:
    """Valid values of a new patient; its parents exist in the data service."""
    payload = await build_patient_payload(data_http_clients[DATA_SERVICE_NAME])
    return PatientCreate.model_validate(payload)


def test_default_rules_list_nothing() -> None:
    assert patient_rules.CREATE_RULES == ()
    assert patient_rules.UPDATE_RULES == ()
    assert patient_rules.DELETE_RULES == ()


async def test_default_create_accepts_valid_values_and_reads_nothing(
    valid_create: PatientCreate,
    context: RuleContext,
    data_requests: list[httpx.Request],
) -> None:
    data_requests.clear()

    await patient_rules.check_create(valid_create, context)

    assert data_requests == []


async def test_default_update_and_delete_accept_and_read_nothing(
    context: RuleContext,
    data_requests: list[httpx.Request],
) -> None:
    change = PatientUpdate.model_validate(
        {"full_name": "updated"},
    )

    await patient_rules.check_update(uuid4(), change, context)
    await patient_rules.check_delete(uuid4(), context)

    assert data_requests == []


async def test_checks_run_the_listed_rules_in_order_until_one_refuses(
    valid_create: PatientCreate,
    context: RuleContext,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    ran: list[str] = []

    async def accepts(data: PatientCreate, rule_context: RuleContext) -> None:
        ran.append("accepts")

    async def refuses(data: PatientCreate, rule_context: RuleContext) -> None:
        ran.append("refuses")
        raise BusinessRuleViolationError("Refused.")

    async def never_runs(data: PatientCreate, rule_context: RuleContext) -> None:
        ran.append("never_runs")

    monkeypatch.setattr(patient_rules, "CREATE_RULES", (accepts, refuses, never_runs))

    with pytest.raises(BusinessRuleViolationError, match="Refused"):
        await patient_rules.check_create(valid_create, context)
    assert ran == ["accepts", "refuses"]


async def test_update_and_delete_rules_get_the_id(context: RuleContext, monkeypatch: pytest.MonkeyPatch) -> None:
    seen: list[UUID] = []
    entity_id = uuid4()

    async def update_rule(
        rule_id: UUID,
        data: PatientUpdate,
        rule_context: RuleContext,
    ) -> None:
        seen.append(rule_id)

    async def delete_rule(rule_id: UUID, rule_context: RuleContext) -> None:
        seen.append(rule_id)

    monkeypatch.setattr(patient_rules, "UPDATE_RULES", (update_rule,))
    monkeypatch.setattr(patient_rules, "DELETE_RULES", (delete_rule,))

    await patient_rules.check_update(
        entity_id,
        PatientUpdate(),
        context,
    )
    await patient_rules.check_delete(entity_id, context)

    assert seen == [entity_id, entity_id]
