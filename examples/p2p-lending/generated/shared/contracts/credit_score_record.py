"""Contracts of the credit score record entity: the schemas both services exchange over HTTP."""

# Implements: FR-006
from datetime import datetime
from typing import Any
from uuid import UUID

from pydantic import Field

from shared.contracts.base import ContractModel


class CreditScoreRecordCreate(ContractModel):
    """Payload that creates one credit score record."""

    # fmt: off
    borrower_ref: UUID
    score: int = Field(ge=300, le=850)
    factors: dict[str, Any]
    # fmt: on


class CreditScoreRecordUpdate(ContractModel):
    """Partial update of one credit score record: only the fields that are sent change."""

    # fmt: off
    borrower_ref: UUID | None = None
    score: int | None = Field(default=None, ge=300, le=850)
    factors: dict[str, Any] | None = None
    # fmt: on


class CreditScoreRecordPublic(ContractModel):
    """One credit score record as the API returns it."""

    id: UUID = Field(description="Unique identifier of the credit score record.")
    borrower_ref: UUID
    score: int
    factors: dict[str, Any]
    created_at: datetime
    updated_at: datetime


class CreditScoreRecordFilter(ContractModel):
    """Equality filters accepted when listing credit score records; unset filters are ignored."""

    # fmt: off
    borrower_ref: UUID | None = None
    score: int | None = None
    # fmt: on


CREDIT_SCORE_RECORD_SORT_KEYS: frozenset[str] = frozenset(
    {
        "created_at",
        "borrower_ref",
        "score",
    }
)
"""Keys accepted by the ``sort`` parameter of the list endpoint (prefix ``-`` for descending order)."""
