"""Contracts of the investment entity: the schemas both services exchange over HTTP."""

# Implements: FR-004
from datetime import datetime
from decimal import Decimal
from uuid import UUID

from pydantic import Field

from shared.contracts.base import ContractModel


class InvestmentCreate(ContractModel):
    """Payload that creates one investment."""

    # fmt: off
    amount: Decimal = Field(ge=10, le=50000, max_digits=12, decimal_places=2)
    lender_id: UUID
    loan_application_id: UUID
    # fmt: on


class InvestmentUpdate(ContractModel):
    """Partial update of one investment: only the fields that are sent change."""

    # fmt: off
    amount: Decimal | None = Field(default=None, ge=10, le=50000, max_digits=12, decimal_places=2)
    lender_id: UUID | None = None
    loan_application_id: UUID | None = None
    # fmt: on


class InvestmentPublic(ContractModel):
    """One investment as the API returns it."""

    id: UUID = Field(description="Unique identifier of the investment.")
    amount: Decimal
    lender_id: UUID
    loan_application_id: UUID
    created_at: datetime
    updated_at: datetime


class InvestmentFilter(ContractModel):
    """Equality filters accepted when listing investments; unset filters are ignored."""

    # fmt: off
    lender_id: UUID | None = None
    loan_application_id: UUID | None = None
    # fmt: on


INVESTMENT_SORT_KEYS: frozenset[str] = frozenset(
    {
        "created_at",
        "amount",
    }
)
"""Keys accepted by the ``sort`` parameter of the list endpoint (prefix ``-`` for descending order)."""
