"""Contracts of the repayment entity: the schemas both services exchange over HTTP."""

# Implements: FR-005
from datetime import date, datetime
from decimal import Decimal
from enum import StrEnum
from uuid import UUID

from pydantic import Field

from shared.contracts.base import ContractModel


class RepaymentStatus(StrEnum):
    """Allowed values of the repayment status."""

    SCHEDULED = "scheduled"
    PAID = "paid"
    LATE = "late"


class RepaymentCreate(ContractModel):
    """Payload that creates one repayment."""

    # fmt: off
    amount: Decimal = Field(ge=0, max_digits=12, decimal_places=2)
    due_date: date
    paid_at: datetime | None = None
    status: RepaymentStatus = RepaymentStatus.SCHEDULED
    loan_application_id: UUID
    # fmt: on


class RepaymentUpdate(ContractModel):
    """Partial update of one repayment: only the fields that are sent change."""

    # fmt: off
    amount: Decimal | None = Field(default=None, ge=0, max_digits=12, decimal_places=2)
    due_date: date | None = None
    paid_at: datetime | None = None
    status: RepaymentStatus | None = None
    loan_application_id: UUID | None = None
    # fmt: on


class RepaymentPublic(ContractModel):
    """One repayment as the API returns it."""

    id: UUID = Field(description="Unique identifier of the repayment.")
    amount: Decimal
    due_date: date
    paid_at: datetime | None
    status: RepaymentStatus
    loan_application_id: UUID
    created_at: datetime
    updated_at: datetime


class RepaymentFilter(ContractModel):
    """Equality filters accepted when listing repayments; unset filters are ignored."""

    # fmt: off
    due_date: date | None = None
    status: RepaymentStatus | None = None
    loan_application_id: UUID | None = None
    # fmt: on


REPAYMENT_SORT_KEYS: frozenset[str] = frozenset(
    {
        "created_at",
        "amount",
        "due_date",
        "paid_at",
        "status",
    }
)
"""Keys accepted by the ``sort`` parameter of the list endpoint (prefix ``-`` for descending order)."""
