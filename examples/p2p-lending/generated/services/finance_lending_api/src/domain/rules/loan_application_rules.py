"""Business rules of the loan application entity, checked by the use cases before every write.

This module is yours: amgen writes it once and never overwrites it; its tests are
``tests/unit/rules/test_loan_application_rules.py``, yours too. ``check_create`` runs before one loan application is
created, ``check_update`` before one is changed and ``check_delete`` before one is deleted; each runs the rules listed
in ``CREATE_RULES``, ``UPDATE_RULES`` or ``DELETE_RULES`` in order. A rule is an async function taking the same
arguments as its check. It reads through ``context``, writes nothing, and refuses the change by raising
``BusinessRuleViolationError`` (409: the stored data forbids it) or ``ValidationFailedError`` (422: the values can
never be accepted), both from ``src.domain.errors``.

Policy (FR-003): the amount (€100–€50 000) and the term (1–60 months) are field constraints of the spec, enforced by
the contracts. The rules add what depends on stored data: the borrower's KYC must be approved, and a borrower may
have at most ``MAX_ACTIVE_LOANS`` active loans — a new application is refused when that many are active, and so is
activating one more. A loan that has money invested in it cannot be deleted.
"""

# Implements: FR-003
from collections.abc import Awaitable, Callable
from uuid import UUID

from shared.contracts.borrower import BorrowerKycStatus
from shared.contracts.investment import InvestmentFilter
from shared.contracts.loan_application import (
    LoanApplicationCreate,
    LoanApplicationFilter,
    LoanApplicationStatus,
    LoanApplicationUpdate,
)
from src.domain.errors import BusinessRuleViolationError
from src.domain.rules import RuleContext

CreateRule = Callable[[LoanApplicationCreate, RuleContext], Awaitable[None]]
"""A rule checked before one loan application is created: the values to store and the context."""
UpdateRule = Callable[[UUID, LoanApplicationUpdate, RuleContext], Awaitable[None]]
"""A rule checked before one loan application is changed: its id, the fields to change and the context."""
DeleteRule = Callable[[UUID, RuleContext], Awaitable[None]]
"""A rule checked before one loan application is deleted: its id and the context."""

MAX_ACTIVE_LOANS = 3
"""The most active loans one borrower may have at a time."""


async def _active_loans(borrower_id: UUID, context: RuleContext) -> int:
    filters = LoanApplicationFilter(borrower_id=borrower_id, status=LoanApplicationStatus.ACTIVE)
    page = await context.loan_application.list_loan_applications(filters, sort="created_at", limit=1, offset=0)
    return page.total


async def borrower_passed_kyc(data: LoanApplicationCreate, context: RuleContext) -> None:
    """Only a borrower whose KYC is approved may apply."""
    borrower = await context.borrower.get_borrower(data.borrower_id)
    if borrower.kyc_status is not BorrowerKycStatus.APPROVED:
        raise BusinessRuleViolationError(
            f"The borrower's KYC is {borrower.kyc_status.value}; only approved borrowers may apply for a loan."
        )


async def borrower_has_room_for_a_loan(data: LoanApplicationCreate, context: RuleContext) -> None:
    """A borrower with ``MAX_ACTIVE_LOANS`` active loans may not apply for another."""
    active = await _active_loans(data.borrower_id, context)
    if active >= MAX_ACTIVE_LOANS:
        raise BusinessRuleViolationError(
            f"The borrower has {active} active loans; at most {MAX_ACTIVE_LOANS} are allowed."
        )


async def activation_keeps_the_limit(application_id: UUID, data: LoanApplicationUpdate, context: RuleContext) -> None:
    """Activating a loan must not give its borrower more than ``MAX_ACTIVE_LOANS`` active loans."""
    if data.status is not LoanApplicationStatus.ACTIVE:
        return
    stored = await context.loan_application.get_loan_application(application_id)
    if stored.status is LoanApplicationStatus.ACTIVE:
        return
    borrower_id = data.borrower_id if data.borrower_id is not None else stored.borrower_id
    active = await _active_loans(borrower_id, context)
    if active >= MAX_ACTIVE_LOANS:
        raise BusinessRuleViolationError(
            f"The borrower has {active} active loans already; at most {MAX_ACTIVE_LOANS} are allowed."
        )


async def nothing_invested(application_id: UUID, context: RuleContext) -> None:
    """A loan application with investments is kept: the money must be accounted for."""
    filters = InvestmentFilter(loan_application_id=application_id)
    page = await context.investment.list_investments(filters, sort="created_at", limit=1, offset=0)
    if page.total:
        raise BusinessRuleViolationError(f"The loan application has {page.total} investments; it cannot be deleted.")


CREATE_RULES: tuple[CreateRule, ...] = (borrower_passed_kyc, borrower_has_room_for_a_loan)
"""The rules of a new loan application, in the order they run."""
UPDATE_RULES: tuple[UpdateRule, ...] = (activation_keeps_the_limit,)
"""The rules of a change to one loan application, in the order they run."""
DELETE_RULES: tuple[DeleteRule, ...] = (nothing_invested,)
"""The rules of the deletion of one loan application, in the order they run."""


async def check_create(data: LoanApplicationCreate, context: RuleContext) -> None:
    """Accept the new loan application ``data`` or raise: every rule of ``CREATE_RULES``, in order."""
    for rule in CREATE_RULES:
        await rule(data, context)


async def check_update(
    loan_application_id: UUID,
    data: LoanApplicationUpdate,
    context: RuleContext,
) -> None:
    """Accept the change ``data`` (the fields it sets) to one loan application or raise: every rule of
    ``UPDATE_RULES``.
    """
    for rule in UPDATE_RULES:
        await rule(loan_application_id, data, context)


async def check_delete(loan_application_id: UUID, context: RuleContext) -> None:
    """Accept the deletion of one loan application or raise: every rule of ``DELETE_RULES``, in order."""
    for rule in DELETE_RULES:
        await rule(loan_application_id, context)
