"""The business rules of the availability slot entity run before every write: they read through their context, and a
refusal is a problem response with no write reaching the data service.

The rule hooks are replaced by doubles here, so these tests hold whatever the rules decide; the rules themselves are
tested in ``tests/unit/rules/test_availability_slot_rules.py``.
"""

# Implements: FR-002
from typing import Any
from uuid import UUID

import httpx
import pytest

from shared.contracts.availability_slot import (
    AvailabilitySlotCreate,
    AvailabilitySlotFilter,
    AvailabilitySlotUpdate,
)
from src.domain.errors import BusinessRuleViolationError, ValidationFailedError
from src.domain.rules import RuleContext, availability_slot_rules
from src.infrastructure.http_clients.availability_slot_client import URL as DATA_URL
from tests.helpers import (
    assert_problem,
    build_availability_slot_payload,
    create_availability_slot,
)

URL = "/api/v1/availability-slots"
WRITE_METHODS = frozenset({"POST", "PUT", "PATCH", "DELETE"})


def data_calls(requests: list[httpx.Request]) -> list[str]:
    """``METHOD path`` of every request sent to a data service."""
    return [f"{request.method} {request.url.path}" for request in requests]


def data_writes(requests: list[httpx.Request]) -> list[str]:
    """``METHOD path`` of the writes among the requests sent to a data service."""
    return [f"{request.method} {request.url.path}" for request in requests if request.method in WRITE_METHODS]


class RuleHookDouble:
    """Stands in for a rule hook: records its arguments, then raises ``error`` (or accepts the change when None)."""

    def __init__(self, error: Exception | None = None) -> None:
        self.calls: list[tuple[Any, ...]] = []
        self.error = error

    async def __call__(self, *args: Any) -> None:
        self.calls.append(args)
        if self.error is not None:
            raise self.error


async def test_create_rules_read_through_their_context_before_the_write(
    client: httpx.AsyncClient,
    data_requests: list[httpx.Request],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    seen: list[AvailabilitySlotCreate] = []

    async def reading_rule(data: AvailabilitySlotCreate, context: RuleContext) -> None:
        await context.availability_slot.list_availability_slots(
            AvailabilitySlotFilter(),
            sort="created_at",
            limit=1,
            offset=0,
        )
        seen.append(data)

    monkeypatch.setattr(availability_slot_rules, "check_create", reading_rule)
    payload = await build_availability_slot_payload(client)
    data_requests.clear()

    response = await client.post(URL, json=payload)

    assert response.status_code == 201, response.text
    assert seen == [AvailabilitySlotCreate.model_validate(payload)]
    assert data_calls(data_requests) == [f"GET {DATA_URL}", f"POST {DATA_URL}"]


async def test_create_refused_by_a_rule_is_a_409_and_writes_nothing(
    client: httpx.AsyncClient,
    data_requests: list[httpx.Request],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    hook = RuleHookDouble(BusinessRuleViolationError("Refused by a rule double."))
    monkeypatch.setattr(availability_slot_rules, "check_create", hook)
    payload = await build_availability_slot_payload(client)
    data_requests.clear()

    response = await client.post(URL, json=payload)

    body = assert_problem(response, 409)
    assert body["detail"] == "Refused by a rule double."
    assert data_writes(data_requests) == []
    [(data, context)] = hook.calls
    assert data == AvailabilitySlotCreate.model_validate(payload)
    assert isinstance(context, RuleContext)


async def test_update_refused_by_a_rule_is_a_422_and_changes_nothing(
    client: httpx.AsyncClient,
    data_requests: list[httpx.Request],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    errors = [
        {
            "loc": ["body", "starts_at"],
            "msg": "Not allowed by a rule double.",
            "type": "rule",
        },
    ]
    hook = RuleHookDouble(ValidationFailedError("Refused by a rule double.", errors))
    monkeypatch.setattr(availability_slot_rules, "check_update", hook)
    created = await create_availability_slot(client)
    change = {"starts_at": "2031-02-03T11:30:00+00:00"}
    data_requests.clear()

    response = await client.patch(f"{URL}/{created['id']}", json=change)

    body = assert_problem(response, 422)
    assert body["errors"] == errors
    assert data_writes(data_requests) == []
    [(entity_id, data, context)] = hook.calls
    assert entity_id == UUID(created["id"])
    assert data == AvailabilitySlotUpdate.model_validate(change)
    assert isinstance(context, RuleContext)
    assert (await client.get(f"{URL}/{created['id']}")).json() == created


async def test_delete_refused_by_a_rule_is_a_409_and_keeps_the_entity(
    client: httpx.AsyncClient,
    data_requests: list[httpx.Request],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    hook = RuleHookDouble(BusinessRuleViolationError("Refused by a rule double."))
    monkeypatch.setattr(availability_slot_rules, "check_delete", hook)
    created = await create_availability_slot(client)
    data_requests.clear()

    response = await client.delete(f"{URL}/{created['id']}")

    assert_problem(response, 409)
    assert data_writes(data_requests) == []
    [(entity_id, context)] = hook.calls
    assert entity_id == UUID(created["id"])
    assert isinstance(context, RuleContext)
    assert (await client.get(f"{URL}/{created['id']}")).json() == created
