"""Contracts of the lender entity: the schemas both services exchange over HTTP."""

# Implements: FR-002
from datetime import datetime
from decimal import Decimal
from enum import StrEnum
from uuid import UUID

from pydantic import EmailStr, Field

from shared.contracts.base import ContractModel


class LenderKycStatus(StrEnum):
    """Allowed values of the lender kyc status."""

    PENDING = "pending"
    APPROVED = "approved"
    REJECTED = "rejected"


class LenderCreate(ContractModel):
    """Payload that creates one lender."""

    # fmt: off
    full_name: str = Field(max_length=200)
    email: EmailStr
    kyc_status: LenderKycStatus = LenderKycStatus.PENDING
    available_balance: Decimal = Field(default=Decimal("0"), ge=0, max_digits=12, decimal_places=2)
    # fmt: on


class LenderUpdate(ContractModel):
    """Partial update of one lender: only the fields that are sent change."""

    # fmt: off
    full_name: str | None = Field(default=None, max_length=200)
    email: EmailStr | None = None
    kyc_status: LenderKycStatus | None = None
    available_balance: Decimal | None = Field(default=None, ge=0, max_digits=12, decimal_places=2)
    # fmt: on


class LenderPublic(ContractModel):
    """One lender as the API returns it."""

    id: UUID = Field(description="Unique identifier of the lender.")
    full_name: str
    email: EmailStr
    kyc_status: LenderKycStatus
    available_balance: Decimal
    created_at: datetime
    updated_at: datetime


class LenderFilter(ContractModel):
    """Equality filters accepted when listing lenders; unset filters are ignored."""

    # fmt: off
    full_name: str | None = None
    email: EmailStr | None = None
    kyc_status: LenderKycStatus | None = None
    # fmt: on


LENDER_SORT_KEYS: frozenset[str] = frozenset(
    {
        "created_at",
        "full_name",
        "email",
        "kyc_status",
        "available_balance",
    }
)
"""Keys accepted by the ``sort`` parameter of the list endpoint (prefix ``-`` for descending order)."""
