"""Contracts of the loan application entity: the schemas both services exchange over HTTP."""

# Implements: FR-003
from datetime import datetime
from decimal import Decimal
from enum import StrEnum
from uuid import UUID

from pydantic import Field

from shared.contracts.base import ContractModel


class LoanApplicationStatus(StrEnum):
    """Allowed values of the loan application status."""

    PENDING = "pending"
    APPROVED = "approved"
    REJECTED = "rejected"
    ACTIVE = "active"
    COMPLETED = "completed"
    DEFAULTED = "defaulted"


class LoanApplicationCreate(ContractModel):
    """Payload that creates one loan application."""

    # fmt: off
    amount: Decimal = Field(ge=100, le=50000, max_digits=12, decimal_places=2)
    term_months: int = Field(ge=1, le=60)
    interest_rate: Decimal = Field(default=Decimal("5"), ge=0, le=100, max_digits=12, decimal_places=2)
    purpose: str = Field(max_length=2000)
    status: LoanApplicationStatus = LoanApplicationStatus.PENDING
    borrower_id: UUID
    # fmt: on


class LoanApplicationUpdate(ContractModel):
    """Partial update of one loan application: only the fields that are sent change."""

    # fmt: off
    amount: Decimal | None = Field(default=None, ge=100, le=50000, max_digits=12, decimal_places=2)
    term_months: int | None = Field(default=None, ge=1, le=60)
    interest_rate: Decimal | None = Field(default=None, ge=0, le=100, max_digits=12, decimal_places=2)
    purpose: str | None = Field(default=None, max_length=2000)
    status: LoanApplicationStatus | None = None
    borrower_id: UUID | None = None
    # fmt: on


class LoanApplicationPublic(ContractModel):
    """One loan application as the API returns it."""

    id: UUID = Field(description="Unique identifier of the loan application.")
    amount: Decimal
    term_months: int
    interest_rate: Decimal
    purpose: str
    status: LoanApplicationStatus
    borrower_id: UUID
    created_at: datetime
    updated_at: datetime


class LoanApplicationFilter(ContractModel):
    """Equality filters accepted when listing loan applications; unset filters are ignored."""

    # fmt: off
    term_months: int | None = None
    status: LoanApplicationStatus | None = None
    borrower_id: UUID | None = None
    # fmt: on


LOAN_APPLICATION_SORT_KEYS: frozenset[str] = frozenset(
    {
        "created_at",
        "amount",
        "term_months",
        "interest_rate",
        "status",
    }
)
"""Keys accepted by the ``sort`` parameter of the list endpoint (prefix ``-`` for descending order)."""
