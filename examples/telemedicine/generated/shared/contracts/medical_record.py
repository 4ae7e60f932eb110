"""Contracts of the medical record entity: the schemas both services exchange over HTTP."""

# Implements: FR-004
from datetime import datetime
from uuid import UUID

from pydantic import Field

from shared.contracts.base import ContractModel


class MedicalRecordCreate(ContractModel):
    """Payload that creates one medical record."""

    # fmt: off
    summary: str = Field(max_length=10000)
    diagnosis_code: str | None = Field(default=None, max_length=16)
    recorded_at: datetime
    patient_id: UUID
    # fmt: on


class MedicalRecordUpdate(ContractModel):
    """Partial update of one medical record: only the fields that are sent change."""

    # fmt: off
    summary: str | None = Field(default=None, max_length=10000)
    diagnosis_code: str | None = Field(default=None, max_length=16)
    recorded_at: datetime | None = None
    patient_id: UUID | None = None
    # fmt: on


class MedicalRecordPublic(ContractModel):
    """One medical record as the API returns it."""

    id: UUID = Field(description="Unique identifier of the medical record.")
    summary: str
    diagnosis_code: str | None
    recorded_at: datetime
    patient_id: UUID
    created_at: datetime
    updated_at: datetime


class MedicalRecordFilter(ContractModel):
    """Equality filters accepted when listing medical records; unset filters are ignored."""

    # fmt: off
    diagnosis_code: str | None = None
    patient_id: UUID | None = None
    # fmt: on


MEDICAL_RECORD_SORT_KEYS: frozenset[str] = frozenset(
    {
        "created_at",
        "diagnosis_code",
        "recorded_at",
    }
)
"""Keys accepted by the ``sort`` parameter of the list endpoint (prefix ``-`` for descending order)."""
