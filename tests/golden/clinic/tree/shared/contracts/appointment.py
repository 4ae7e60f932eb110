"""Contracts of the appointment entity: the schemas both services exchange over HTTP."""

# Implements: FR-003
from datetime import datetime
from decimal import Decimal
from enum import StrEnum
from typing import Any
from uuid import UUID

from pydantic import Field

from shared.contracts.base import ContractModel


class AppointmentStatus(StrEnum):
    """Allowed values of the appointment status."""

    BOOKED = "booked"
    CANCELLED = "cancelled"
    DONE = "done"


class AppointmentCreate(ContractModel):
    """Payload that creates one appointment."""

    # fmt: off
    starts_at: datetime
    duration_minutes: int = Field(default=30, ge=5, le=240)
    fee: Decimal | None = Field(default=None, ge=0, max_digits=12, decimal_places=2)
    status: AppointmentStatus = AppointmentStatus.BOOKED
    external_ref: UUID | None = None
    extra: dict[str, Any] | None = None
    patient_id: UUID
    doctor_id: UUID | None = None
    # fmt: on


class AppointmentUpdate(ContractModel):
    """Partial update of one appointment: only the fields that are sent change."""

    # fmt: off
    starts_at: datetime | None = None
    duration_minutes: int | None = Field(default=None, ge=5, le=240)
    fee: Decimal | None = Field(default=None, ge=0, max_digits=12, decimal_places=2)
    status: AppointmentStatus | None = None
    external_ref: UUID | None = None
    extra: dict[str, Any] | None = None
    patient_id: UUID | None = None
    doctor_id: UUID | None = None
    # fmt: on


class AppointmentPublic(ContractModel):
    """One appointment as the API returns it."""

    id: UUID = Field(description="Unique identifier of the appointment.")
    starts_at: datetime
    duration_minutes: int
    fee: Decimal | None
    status: AppointmentStatus
    external_ref: UUID | None
    extra: dict[str, Any] | None
    patient_id: UUID
    doctor_id: UUID | None
    created_at: datetime
    updated_at: datetime


class AppointmentFilter(ContractModel):
    """Equality filters accepted when listing appointments; unset filters are ignored."""

    # fmt: off
    duration_minutes: int | None = None
    status: AppointmentStatus | None = None
    external_ref: UUID | None = None
    patient_id: UUID | None = None
    doctor_id: UUID | None = None
    # fmt: on


APPOINTMENT_SORT_KEYS: frozenset[str] = frozenset(
    {
        "created_at",
        "starts_at",
        "duration_minutes",
        "fee",
        "status",
        "external_ref",
    }
)
"""Keys accepted by the ``sort`` parameter of the list endpoint (prefix ``-`` for descending order)."""
