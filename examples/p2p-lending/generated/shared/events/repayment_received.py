"""The RepaymentReceived event: repayment updated, routing key `finance.repayment.received`."""

from datetime import datetime
from decimal import Decimal
from typing import ClassVar, Literal
from uuid import UUID

from pydantic import Field

from shared.contracts.base import ContractModel
from shared.contracts.repayment import (
    RepaymentStatus,
)
from shared.events.base import EventEnvelope


class RepaymentReceivedPayload(ContractModel):
    """What consumers learn about the repayment: its id and the published fields."""

    id: UUID
    amount: Decimal
    paid_at: datetime | None
    status: RepaymentStatus


class RepaymentReceivedEvent(
    EventEnvelope[RepaymentReceivedPayload],
):
    """Published by the business API once a repayment is updated and stored."""

    EVENT_NAME: ClassVar[str] = "RepaymentReceived"
    ROUTING_KEY: ClassVar[str] = "finance.repayment.received"
    SCHEMA_VERSION: ClassVar[int] = 1
    PRIORITY: ClassVar[int] = 0

    event_name: Literal["RepaymentReceived"] = Field(
        default="RepaymentReceived",
    )
    schema_version: Literal[1] = 1
