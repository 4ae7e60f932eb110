"""The BorrowerRegistered event: borrower created, routing key `finance.borrower.registered`."""

from typing import ClassVar, Literal
from uuid import UUID

from pydantic import Field

from shared.contracts.base import ContractModel
from shared.contracts.borrower import (
    BorrowerKycStatus,
)
from shared.events.base import EventEnvelope


class BorrowerRegisteredPayload(ContractModel):
    """What consumers learn about the borrower: its id and the published fields."""

    id: UUID
    kyc_status: BorrowerKycStatus


class BorrowerRegisteredEvent(
    EventEnvelope[BorrowerRegisteredPayload],
):
    """Published by the business API once a borrower is created and stored."""

    EVENT_NAME: ClassVar[str] = "BorrowerRegistered"
    ROUTING_KEY: ClassVar[str] = "finance.borrower.registered"
    SCHEMA_VERSION: ClassVar[int] = 1
    PRIORITY: ClassVar[int] = 0

    event_name: Literal["BorrowerRegistered"] = Field(
        default="BorrowerRegistered",
    )
    schema_version: Literal[1] = 1
