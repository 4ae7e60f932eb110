"""The ReminderDue event: reminder updated, routing key `healthcare.reminder.due`."""

from datetime import datetime
from typing import ClassVar, Literal
from uuid import UUID

from pydantic import Field

from shared.contracts.base import ContractModel
from shared.contracts.reminder import (
    ReminderStatus,
)
from shared.events.base import EventEnvelope


class ReminderDuePayload(ContractModel):
    """What consumers learn about the reminder: its id and the published fields."""

    id: UUID
    remind_at: datetime
    status: ReminderStatus


class ReminderDueEvent(
    EventEnvelope[ReminderDuePayload],
):
    """Published by the business API once a reminder is updated and stored."""

    EVENT_NAME: ClassVar[str] = "ReminderDue"
    ROUTING_KEY: ClassVar[str] = "healthcare.reminder.due"
    SCHEMA_VERSION: ClassVar[int] = 1
    PRIORITY: ClassVar[int] = 0

    event_name: Literal["ReminderDue"] = Field(
        default="ReminderDue",
    )
    schema_version: Literal[1] = 1
