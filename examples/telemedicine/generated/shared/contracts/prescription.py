"""Contracts of the prescription entity: the schemas both services exchange over HTTP."""

# Implements: FR-005
from datetime import date, datetime
from uuid import UUID

from pydantic import Field

from shared.contracts.base import ContractModel


class PrescriptionCreate(ContractModel):
    """Payload that creates one prescription."""

    # fmt: off
    medication: str = Field(max_length=200)
    dosage: str = Field(max_length=200)
    instructions: str | None = Field(default=None, max_length=2000)
    valid_until: date
    medical_record_id: UUID
    # fmt: on


class PrescriptionUpdate(ContractModel):
    """Partial update of one prescription: only the fields that are sent change."""

    # fmt: off
    medication: str | None = Field(default=None, max_length=200)
    dosage: str | None = Field(default=None, max_length=200)
    instructions: str | None = Field(default=None, max_length=2000)
    valid_until: date | None = None
    medical_record_id: UUID | None = None
    # fmt: on


class PrescriptionPublic(ContractModel):
    """One prescription as the API returns it."""

    id: UUID = Field(description="Unique identifier of the prescription.")
    medication: str
    dosage: str
    instructions: str | None
    valid_until: date
    medical_record_id: UUID
    created_at: datetime
    updated_at: datetime


class PrescriptionFilter(ContractModel):
    """Equality filters accepted when listing prescriptions; unset filters are ignored."""

    # fmt: off
    medication: str | None = None
    dosage: str | None = None
    valid_until: date | None = None
    medical_record_id: UUID | None = None
    # fmt: on


PRESCRIPTION_SORT_KEYS: frozenset[str] = frozenset(
    {
        "created_at",
        "medication",
        "dosage",
        "valid_until",
    }
)
"""Keys accepted by the ``sort`` parameter of the list endpoint (prefix ``-`` for descending order)."""
