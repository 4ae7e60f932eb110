"""Contracts of the reminder entity: the schemas both services exchange over HTTP."""

# Implements: FR-006
from datetime import datetime
from enum import StrEnum
from uuid import UUID

from pydantic import Field

from shared.contracts.base import ContractModel


class ReminderStatus(StrEnum):
    """Allowed values of the reminder status."""

    SCHEDULED = "scheduled"
    DUE = "due"
    SENT = "sent"


class ReminderCreate(ContractModel):
    """Payload that creates one reminder."""

    # fmt: off
    remind_at: datetime
    status: ReminderStatus = ReminderStatus.SCHEDULED
    appointment_id: UUID
    # fmt: on


class ReminderUpdate(ContractModel):
    """Partial update of one reminder: only the fields that are sent change."""

    # fmt: off
    remind_at: datetime | None = None
    status: ReminderStatus | None = None
    appointment_id: UUID | None = None
    # fmt: on


class ReminderPublic(ContractModel):
    """One reminder as the API returns it."""

    id: UUID = Field(description="Unique identifier of the reminder.")
    remind_at: datetime
    status: ReminderStatus
    appointment_id: UUID
    created_at: datetime
    updated_at: datetime


class ReminderFilter(ContractModel):
    """Equality filters accepted when listing reminders; unset filters are ignored."""

    # fmt: off
    status: ReminderStatus | None = None
    appointment_id: UUID | None = None
    # fmt: on


REMINDER_SORT_KEYS: frozenset[str] = frozenset(
    {
        "created_at",
        "remind_at",
        "status",
    }
)
"""Keys accepted by the ``sort`` parameter of the list endpoint (prefix ``-`` for descending order)."""
