"""Contracts of the doctor entity: the schemas both services exchange over HTTP."""

# Implements: FR-002
from datetime import datetime
from uuid import UUID

from pydantic import Field

from shared.contracts.base import ContractModel


class DoctorCreate(ContractModel):
    """Payload that creates one doctor."""

    # fmt: off
    full_name: str = Field(max_length=200)
    specialty: str = Field(max_length=100)
    license_number: str = Field(max_length=50)
    is_active: bool = True
    # fmt: on


class DoctorUpdate(ContractModel):
    """Partial update of one doctor: only the fields that are sent change."""

    # fmt: off
    full_name: str | None = Field(default=None, max_length=200)
    specialty: str | None = Field(default=None, max_length=100)
    license_number: str | None = Field(default=None, max_length=50)
    is_active: bool | None = None
    # fmt: on


class DoctorPublic(ContractModel):
    """One doctor as the API returns it."""

    id: UUID = Field(description="Unique identifier of the doctor.")
    full_name: str
    specialty: str
    license_number: str
    is_active: bool
    created_at: datetime
    updated_at: datetime


class DoctorFilter(ContractModel):
    """Equality filters accepted when listing doctors; unset filters are ignored."""

    # fmt: off
    full_name: str | None = None
    specialty: str | None = None
    license_number: str | None = None
    is_active: bool | None = None
    # fmt: on


DOCTOR_SORT_KEYS: frozenset[str] = frozenset(
    {
        "created_at",
        "full_name",
        "specialty",
        "license_number",
    }
)
"""Keys accepted by the ``sort`` parameter of the list endpoint (prefix ``-`` for descending order)."""
