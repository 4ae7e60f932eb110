"""Contracts of the borrower entity: the schemas both services exchange over HTTP."""

# Implements: FR-001
from datetime import datetime
from decimal import Decimal
from enum import StrEnum
from uuid import UUID

from pydantic import EmailStr, Field

from shared.contracts.base import ContractModel


class BorrowerKycStatus(StrEnum):
    """Allowed values of the borrower kyc status."""

    PENDING = "pending"
    APPROVED = "approved"
    REJECTED = "rejected"


class BorrowerCreate(ContractModel):
    """Payload that creates one borrower."""

    # fmt: off
    full_name: str = Field(max_length=200)
    email: EmailStr
    kyc_status: BorrowerKycStatus = BorrowerKycStatus.PENDING
    annual_income: Decimal = Field(ge=0, max_digits=12, decimal_places=2)
    credit_score: int | None = Field(default=None, ge=300, le=850)
    # fmt: on


class BorrowerUpdate(ContractModel):
    """Partial update of one borrower: only the fields that are sent change."""

    # fmt: off
    full_name: str | None = Field(default=None, max_length=200)
    email: EmailStr | None = None
    kyc_status: BorrowerKycStatus | None = None
    annual_income: Decimal | None = Field(default=None, ge=0, max_digits=12, decimal_places=2)
    credit_score: int | None = Field(default=None, ge=300, le=850)
    # fmt: on


class BorrowerPublic(ContractModel):
    """One borrower as the API returns it."""

    id: UUID = Field(description="Unique identifier of the borrower.")
    full_name: str
    email: EmailStr
    kyc_status: BorrowerKycStatus
    annual_income: Decimal
    credit_score: int | None
    created_at: datetime
    updated_at: datetime


class BorrowerFilter(ContractModel):
    """Equality filters accepted when listing borrowers; unset filters are ignored."""

    # fmt: off
    full_name: str | None = None
    email: EmailStr | None = None
    kyc_status: BorrowerKycStatus | None = None
    credit_score: int | None = None
    # fmt: on


BORROWER_SORT_KEYS: frozenset[str] = frozenset(
    {
        "created_at",
        "full_name",
        "email",
        "kyc_status",
        "annual_income",
        "credit_score",
    }
)
"""Keys accepted by the ``sort`` parameter of the list endpoint (prefix ``-`` for descending order)."""
