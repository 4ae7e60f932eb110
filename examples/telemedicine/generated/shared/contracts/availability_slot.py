"""Contracts of the availability slot entity: the schemas both services exchange over HTTP."""

# Implements: FR-002
from datetime import datetime
from uuid import UUID

from pydantic import Field

from shared.contracts.base import ContractModel


class AvailabilitySlotCreate(ContractModel):
    """Payload that creates one availability slot."""

    # fmt: off
    starts_at: datetime
    ends_at: datetime
    is_booked: bool = False
    doctor_id: UUID
    # fmt: on


class AvailabilitySlotUpdate(ContractModel):
    """Partial update of one availability slot: only the fields that are sent change."""

    # fmt: off
    starts_at: datetime | None = None
    ends_at: datetime | None = None
    is_booked: bool | None = None
    doctor_id: UUID | None = None
    # fmt: on


class AvailabilitySlotPublic(ContractModel):
    """One availability slot as the API returns it."""

    id: UUID = Field(description="Unique identifier of the availability slot.")
    starts_at: datetime
    ends_at: datetime
    is_booked: bool
    doctor_id: UUID
    created_at: datetime
    updated_at: datetime


class AvailabilitySlotFilter(ContractModel):
    """Equality filters accepted when listing availability slots; unset filters are ignored."""

    # fmt: off
    is_booked: bool | None = None
    doctor_id: UUID | None = None
    # fmt: on


AVAILABILITY_SLOT_SORT_KEYS: frozenset[str] = frozenset(
    {
        "created_at",
        "starts_at",
        "ends_at",
    }
)
"""Keys accepted by the ``sort`` parameter of the list endpoint (prefix ``-`` for descending order)."""
