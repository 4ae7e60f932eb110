"""The AppointmentBooked event: appointment created, routing key `healthcare.appointment.booked`."""

from datetime import datetime
from typing import ClassVar, Literal
from uuid import UUID

from pydantic import Field

from shared.contracts.base import ContractModel
from shared.contracts.appointment import (
    AppointmentStatus,
)
from shared.events.base import EventEnvelope


class AppointmentBookedPayload(ContractModel):
    """What consumers learn about the appointment: its id and the published fields."""

    id: UUID
    starts_at: datetime
    duration_minutes: int
    status: AppointmentStatus


class AppointmentBookedEvent(
    EventEnvelope[AppointmentBookedPayload],
):
    """Published by the business API once a appointment is created and stored."""

    EVENT_NAME: ClassVar[str] = "AppointmentBooked"
    ROUTING_KEY: ClassVar[str] = "healthcare.appointment.booked"
    SCHEMA_VERSION: ClassVar[int] = 1
    PRIORITY: ClassVar[int] = 0

    event_name: Literal["AppointmentBooked"] = Field(
        default="AppointmentBooked",
    )
    schema_version: Literal[1] = 1
