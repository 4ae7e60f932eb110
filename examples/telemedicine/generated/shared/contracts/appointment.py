"""Contracts of the appointment entity: the schemas both services exchange over HTTP."""

# Implements: FR-003
from datetime import datetime
from enum import StrEnum
from uuid import UUID

from pydantic import Field

from shared.contracts.base import ContractModel


class AppointmentStatus(StrEnum):
    """Allowed values of the appointment status."""

    BOOKED = "booked"
    CANCELLED = "cancelled"
    COMPLETED = "completed"
    NO_SHOW = "no_show"


class AppointmentCreate(ContractModel):
    """Payload that creates one appointment."""

    # fmt: off
    starts_at: datetime
    duration_minutes: int = Field(default=30, ge=10, le=120)
    reason: str | None = Field(default=None, max_length=2000)
    status: AppointmentStatus = AppointmentStatus.BOOKED
    video_room: str | None = Field(default=None, max_length=200)
    patient_id: UUID
    doctor_id: UUID
    # fmt: on


class AppointmentUpdate(ContractModel):
    """Partial update of one appointment: only the fields that are sent change."""

    # fmt: off
    starts_at: datetime | None = None
    duration_minutes: int | None = Field(default=None, ge=10, le=120)
    reason: str | None = Field(default=None, max_length=2000)
    status: AppointmentStatus | None = None
    video_room: str | None = Field(default=None, max_length=200)
    patient_id: UUID | None = None
    doctor_id: UUID | None = None
    # fmt: on


class AppointmentPublic(ContractModel):
    """One appointment as the API returns it."""

    id: UUID = Field(description="Unique identifier of the appointment.")
    starts_at: datetime
    duration_minutes: int
    reason: str | None
    status: AppointmentStatus
    video_room: str | None
    patient_id: UUID
    doctor_id: UUID
    created_at: datetime
    updated_at: datetime


class AppointmentFilter(ContractModel):
    """Equality filters accepted when listing appointments; unset filters are ignored."""

    # fmt: off
    duration_minutes: int | None = None
    status: AppointmentStatus | None = None
    video_room: str | None = None
    patient_id: UUID | None = None
    doctor_id: UUID | None = None
    # fmt: on


APPOINTMENT_SORT_KEYS: frozenset[str] = frozenset(
    {
        "created_at",
        "starts_at",
        "duration_minutes",
        "status",
        "video_room",
    }
)
"""Keys accepted by the ``sort`` parameter of the list endpoint (prefix ``-`` for descending order)."""
