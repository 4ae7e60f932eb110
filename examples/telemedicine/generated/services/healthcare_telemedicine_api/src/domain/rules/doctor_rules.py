"""Business rules of the doctor entity, checked by the use cases before every write.

This module is yours: amgen writes it once and never overwrites it; its tests are
``tests/unit/rules/test_doctor_rules.py``, yours too. ``check_create`` runs before one doctor is
created, ``check_update`` before one is changed and ``check_delete`` before one is deleted; each runs the rules listed
in ``CREATE_RULES``, ``UPDATE_RULES`` or ``DELETE_RULES`` in order. A rule is an async function taking the same
arguments as its check. It reads through ``context`` (e.g.
``await context.doctor.list_doctors(filters, sort="created_at", limit=1, offset=0)``), writes nothing,
and refuses the change by raising ``BusinessRuleViolationError`` (409: the stored data forbids it) or
``ValidationFailedError`` (422: the values can never be accepted), both from ``src.domain.errors``.

Default policy: no rule beyond the spec's field constraints (types, required fields, unique fields, bounds, lengths,
allowed values, parents that must exist), which the contracts and the data service enforce already. The rule lists
are empty, so every check accepts the change and reads nothing.
"""

# Implements: FR-002
from collections.abc import Awaitable, Callable
from uuid import UUID

from shared.contracts.doctor import (
    DoctorCreate,
    DoctorUpdate,
)
from src.domain.rules import RuleContext

CreateRule = Callable[[DoctorCreate, RuleContext], Awaitable[None]]
"""A rule checked before one doctor is created: the values to store and the context."""
UpdateRule = Callable[[UUID, DoctorUpdate, RuleContext], Awaitable[None]]
"""A rule checked before one doctor is changed: its id, the fields to change and the context."""
DeleteRule = Callable[[UUID, RuleContext], Awaitable[None]]
"""A rule checked before one doctor is deleted: its id and the context."""

CREATE_RULES: tuple[CreateRule, ...] = ()
"""The rules of a new doctor, in the order they run (the default policy has none)."""
UPDATE_RULES: tuple[UpdateRule, ...] = ()
"""The rules of a change to one doctor, in the order they run (the default policy has none)."""
DELETE_RULES: tuple[DeleteRule, ...] = ()
"""The rules of the deletion of one doctor, in the order they run (the default policy has none)."""


async def check_create(data: DoctorCreate, context: RuleContext) -> None:
    """Accept the new doctor ``data`` or raise: every rule of ``CREATE_RULES``, in order."""
    for rule in CREATE_RULES:
        await rule(data, context)


async def check_update(
    doctor_id: UUID,
    data: DoctorUpdate,
    context: RuleContext,
) -> None:
    """Accept the change ``data`` (the fields it sets) to one doctor or raise: every rule of ``UPDATE_RULES``.

    The stored doctor is ``await context.doctor.get_doctor(doctor_id)`` when a rule needs it.
    """
    for rule in UPDATE_RULES:
        await rule(doctor_id, data, context)


async def check_delete(doctor_id: UUID, context: RuleContext) -> None:
    """Accept the deletion of one doctor or raise: every rule of ``DELETE_RULES``, in order."""
    for rule in DELETE_RULES:
        await rule(doctor_id, context)
