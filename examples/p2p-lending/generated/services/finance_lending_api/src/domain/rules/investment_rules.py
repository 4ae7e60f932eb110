"""Business rules of the investment entity, checked by the use cases before every write.

This module is yours: amgen writes it once and never overwrites it; its tests are
``tests/unit/rules/test_investment_rules.py``, yours too. ``check_create`` runs before one investment is created,
``check_update`` before one is changed and ``check_delete`` before one is deleted; each runs the rules listed in
``CREATE_RULES``, ``UPDATE_RULES`` or ``DELETE_RULES`` in order. A rule reads through ``context``, writes nothing, and
refuses the change by raising ``BusinessRuleViolationError`` (409) or ``ValidationFailedError`` (422).

Policy (FR-004): lenders invest only in approved loan applications, only with their KYC approved and only what their
available balance covers, and never more than is still open on the loan (its amount minus what is invested already).
Investments are not changed or withdrawn once made: money has moved.
"""

# Implements: FR-004
from collections.abc import Awaitable, Callable
from decimal import Decimal
from uuid import UUID

from shared.contracts.investment import InvestmentCreate, InvestmentFilter, InvestmentUpdate
from shared.contracts.lender import LenderKycStatus
from shared.contracts.loan_application import LoanApplicationStatus
from shared.contracts.pagination import MAX_PAGE_LIMIT
from src.domain.errors import BusinessRuleViolationError
from src.domain.rules import RuleContext

CreateRule = Callable[[InvestmentCreate, RuleContext], Awaitable[None]]
"""A rule checked before one investment is created: the values to store and the context."""
UpdateRule = Callable[[UUID, InvestmentUpdate, RuleContext], Awaitable[None]]
"""A rule checked before one investment is changed: its id, the fields to change and the context."""
DeleteRule = Callable[[UUID, RuleContext], Awaitable[None]]
"""A rule checked before one investment is deleted: its id and the context."""


async def invested_so_far(loan_application_id: UUID, context: RuleContext) -> Decimal:
    """The sum of the investments in one loan application, every page read."""
    filters = InvestmentFilter(loan_application_id=loan_application_id)
    total = Decimal(0)
    offset = 0
    while True:
        page = await context.investment.list_investments(
            filters, sort="created_at", limit=MAX_PAGE_LIMIT, offset=offset
        )
        total += sum((investment.amount for investment in page.items), Decimal(0))
        if not page.has_next:
            return total
        offset += len(page.items)


async def lender_can_invest(data: InvestmentCreate, context: RuleContext) -> None:
    """The lender's KYC is approved and their available balance covers the amount."""
    lender = await context.lender.get_lender(data.lender_id)
    if lender.kyc_status is not LenderKycStatus.APPROVED:
        raise BusinessRuleViolationError(
            f"The lender's KYC is {lender.kyc_status.value}; only approved lenders invest."
        )
    if lender.available_balance < data.amount:
        raise BusinessRuleViolationError(
            f"The lender's available balance ({lender.available_balance}) does not cover {data.amount}."
        )


async def loan_is_open_for_the_amount(data: InvestmentCreate, context: RuleContext) -> None:
    """The loan application is approved and at least ``data.amount`` of it is still open."""
    loan = await context.loan_application.get_loan_application(data.loan_application_id)
    if loan.status is not LoanApplicationStatus.APPROVED:
        raise BusinessRuleViolationError(
            f"The loan application is {loan.status.value}; only approved applications take investments."
        )
    still_open = loan.amount - await invested_so_far(loan.id, context)
    if data.amount > still_open:
        raise BusinessRuleViolationError(f"Only {still_open} of the loan is still open; {data.amount} is too much.")


async def investments_are_final(investment_id: UUID, data: InvestmentUpdate, context: RuleContext) -> None:
    """An investment is never changed once made."""
    raise BusinessRuleViolationError("An investment cannot be changed once made.")


async def investments_are_kept(investment_id: UUID, context: RuleContext) -> None:
    """An investment is never deleted once made."""
    raise BusinessRuleViolationError("An investment cannot be withdrawn once made.")


CREATE_RULES: tuple[CreateRule, ...] = (lender_can_invest, loan_is_open_for_the_amount)
"""The rules of a new investment, in the order they run."""
UPDATE_RULES: tuple[UpdateRule, ...] = (investments_are_final,)
"""The rules of a change to one investment."""
DELETE_RULES: tuple[DeleteRule, ...] = (investments_are_kept,)
"""The rules of the deletion of one investment."""


async def check_create(data: InvestmentCreate, context: RuleContext) -> None:
    """Accept the new investment ``data`` or raise: every rule of ``CREATE_RULES``, in order."""
    for rule in CREATE_RULES:
        await rule(data, context)


async def check_update(
    investment_id: UUID,
    data: InvestmentUpdate,
    context: RuleContext,
) -> None:
    """Accept the change ``data`` (the fields it sets) to one investment or raise: every rule of ``UPDATE_RULES``."""
    for rule in UPDATE_RULES:
        await rule(investment_id, data, context)


async def check_delete(investment_id: UUID, context: RuleContext) -> None:
    """Accept the deletion of one investment or raise: every rule of ``DELETE_RULES``, in order."""
    for rule in DELETE_RULES:
        await rule(investment_id, context)
