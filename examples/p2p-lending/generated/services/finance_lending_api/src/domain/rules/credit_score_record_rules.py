"""Business rules of the credit score record entity, checked by the use cases before every write.

This module is yours: amgen writes it once and never overwrites it; its tests are
``tests/unit/rules/test_credit_score_record_rules.py``, yours too. ``check_create`` runs before one credit score record is
created, ``check_update`` before one is changed and ``check_delete`` before one is deleted; each runs the rules listed
in ``CREATE_RULES``, ``UPDATE_RULES`` or ``DELETE_RULES`` in order. A rule is an async function taking the same
arguments as its check. It reads through ``context`` (e.g.
``await context.credit_score_record.list_credit_score_records(filters, sort="created_at", limit=1, offset=0)``), writes nothing,
and refuses the change by raising ``BusinessRuleViolationError`` (409: the stored data forbids it) or
``ValidationFailedError`` (422: the values can never be accepted), both from ``src.domain.errors``.

Default policy: no rule beyond the spec's field constraints (types, required fields, unique fields, bounds, lengths,
allowed values, parents that must exist), which the contracts and the data service enforce already. The rule lists
are empty, so every check accepts the change and reads nothing.
"""

# Implements: FR-006
from collections.abc import Awaitable, Callable
from uuid import UUID

from shared.contracts.credit_score_record import (
    CreditScoreRecordCreate,
    CreditScoreRecordUpdate,
)
from src.domain.rules import RuleContext

CreateRule = Callable[[CreditScoreRecordCreate, RuleContext], Awaitable[None]]
"""A rule checked before one credit score record is created: the values to store and the context."""
UpdateRule = Callable[[UUID, CreditScoreRecordUpdate, RuleContext], Awaitable[None]]
"""A rule checked before one credit score record is changed: its id, the fields to change and the context."""
DeleteRule = Callable[[UUID, RuleContext], Awaitable[None]]
"""A rule checked before one credit score record is deleted: its id and the context."""

CREATE_RULES: tuple[CreateRule, ...] = ()
"""The rules of a new credit score record, in the order they run (the default policy has none)."""
UPDATE_RULES: tuple[UpdateRule, ...] = ()
"""The rules of a change to one credit score record, in the order they run (the default policy has none)."""
DELETE_RULES: tuple[DeleteRule, ...] = ()
"""The rules of the deletion of one credit score record, in the order they run (the default policy has none)."""


async def check_create(data: CreditScoreRecordCreate, context: RuleContext) -> None:
    """Accept the new credit score record ``data`` or raise: every rule of ``CREATE_RULES``, in order."""
    for rule in CREATE_RULES:
        await rule(data, context)


async def check_update(
    credit_score_record_id: UUID,
    data: CreditScoreRecordUpdate,
    context: RuleContext,
) -> None:
    """Accept the change ``data`` (the fields it sets) to one credit score record or raise: every rule of ``UPDATE_RULES``.

    The stored credit score record is ``await context.credit_score_record.get_credit_score_record(credit_score_record_id)`` when a rule needs it.
    """
    for rule in UPDATE_RULES:
        await rule(credit_score_record_id, data, context)


async def check_delete(credit_score_record_id: UUID, context: RuleContext) -> None:
    """Accept the deletion of one credit score record or raise: every rule of ``DELETE_RULES``, in order."""
    for rule in DELETE_RULES:
        await rule(credit_score_record_id, context)
