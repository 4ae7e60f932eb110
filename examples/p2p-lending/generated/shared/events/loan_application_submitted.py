"""The LoanApplicationSubmitted event: loan application created, routing key `finance.loan_application.submitted`."""

from decimal import Decimal
from typing import ClassVar, Literal
from uuid import UUID

from pydantic import Field

from shared.contracts.base import ContractModel
from shared.contracts.loan_application import (
    LoanApplicationStatus,
)
from shared.events.base import EventEnvelope


class LoanApplicationSubmittedPayload(ContractModel):
    """What consumers learn about the loan application: its id and the published fields."""

    id: UUID
    amount: Decimal
    term_months: int
    status: LoanApplicationStatus


class LoanApplicationSubmittedEvent(
    EventEnvelope[LoanApplicationSubmittedPayload],
):
    """Published by the business API once a loan application is created and stored."""

    EVENT_NAME: ClassVar[str] = "LoanApplicationSubmitted"
    ROUTING_KEY: ClassVar[str] = "finance.loan_application.submitted"
    SCHEMA_VERSION: ClassVar[int] = 1
    PRIORITY: ClassVar[int] = 5

    event_name: Literal["LoanApplicationSubmitted"] = Field(
        default="LoanApplicationSubmitted",
    )
    schema_version: Literal[1] = 1
